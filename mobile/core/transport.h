// How the app talks to the sync server: one asynchronous request/response interface, so the sync
// client never depends on QNetworkAccessManager. The app uses NetworkTransport; tests wrap it in
// decorators that drop or cut responses, always against the real syncserver.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

namespace mobile {

struct HttpRequest
{
    QByteArray method = "GET"; // "GET", "POST", "PUT", …
    QString path;              // "/api/v1/sync/push", appended to the transport's base URL
    QUrlQuery query;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    [[nodiscard]] QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    void setHeader(const QByteArray &name, const QByteArray &value); // replaces one of the same name
};

struct HttpResponse
{
    int status = 0;       // the HTTP status; 0 when no response arrived
    QByteArray body;
    QString networkError; // why no response arrived (offline, timeout, refused, TLS); empty when one did

    [[nodiscard]] bool arrived() const { return networkError.isEmpty() && status != 0; }
    // The body as a JSON object; empty when it is not one.
    [[nodiscard]] QJsonObject json() const;
    // The parts of the server's one error shape {"error": {"code", "message", "field", …}}.
    [[nodiscard]] QJsonObject error() const;
    [[nodiscard]] QString errorCode() const;
    [[nodiscard]] QString errorMessage() const;
};

class Transport
{
public:
    Transport() = default;
    Transport(const Transport &) = delete;
    Transport &operator=(const Transport &) = delete;
    virtual ~Transport() = default;

    // Where request paths are resolved; the sync client sets it from the signed-in session.
    virtual void setBaseUrl(const QUrl &url) = 0;
    [[nodiscard]] virtual QUrl baseUrl() const = 0;
    // Sends asynchronously and calls `done` exactly once, later, on the caller's thread, with the
    // response or a network error. Requests may be in flight concurrently.
    virtual void send(const HttpRequest &request, std::function<void(HttpResponse)> done) = 0;
};

} // namespace mobile
