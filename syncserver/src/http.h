// The server's own request and response types. Handlers are functions from Request to Response,
// so every route can be tested in process without a socket; httplib appears only in httpserver.cpp.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

namespace syncserver {

struct Request
{
    QString method;                    // "GET", "POST", …
    QString path;                      // "/api/v1/sync/push"
    QHash<QString, QString> query;     // decoded query parameters
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QString remoteAddress;
    QHash<QString, QString> params;    // filled by the router from ":name" segments

    [[nodiscard]] QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
};

struct Response
{
    int status = 200;
    QByteArray contentType = "application/json; charset=utf-8";
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;

    [[nodiscard]] static Response json(const QJsonObject &object, int status = 200);
    // The one error format: {"error": {"code", "message", "field"}}.
    [[nodiscard]] static Response error(int status, const QString &code, const QString &message, const QString &field = {},
                                        const QJsonObject &extra = {});
    [[nodiscard]] static Response bytes(QByteArray body, QByteArray contentType, int status = 200);
};

// An error raised anywhere in a handler; the router turns it into the error response.
struct HttpError
{
    int status;
    QString code;
    QString message;
    QString field;
    QJsonObject extra = {}; // more members of the error object, e.g. {"expected": 12}
};

// Parses the body as a JSON object or throws HttpError 400 naming the problem.
[[nodiscard]] QJsonObject jsonBody(const Request &request);

} // namespace syncserver
