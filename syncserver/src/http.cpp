// Response constructors and JSON body parsing.
#include "http.h"

#include <QJsonDocument>

namespace syncserver {

Response Response::json(const QJsonObject &object, int status)
{
    Response r;
    r.status = status;
    r.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return r;
}

Response Response::error(int status, const QString &code, const QString &message, const QString &field, const QJsonObject &extra)
{
    QJsonObject e = extra;
    e.insert(QStringLiteral("code"), code);
    e.insert(QStringLiteral("message"), message);
    e.insert(QStringLiteral("field"), field.isEmpty() ? QJsonValue() : QJsonValue(field));
    return json(QJsonObject{{QStringLiteral("error"), e}}, status);
}

Response Response::bytes(QByteArray body, QByteArray contentType, int status)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    r.contentType = std::move(contentType);
    return r;
}

QJsonObject jsonBody(const Request &request)
{
    if (request.body.isEmpty())
        throw HttpError{400, QStringLiteral("bad_request"), QStringLiteral("the request needs a JSON body"), {}};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &err);
    if (err.error != QJsonParseError::NoError)
        throw HttpError{400, QStringLiteral("malformed_json"),
                        QStringLiteral("the body is not valid JSON at offset %1: %2").arg(err.offset).arg(err.errorString()), {}};
    if (!doc.isObject())
        throw HttpError{400, QStringLiteral("malformed_json"), QStringLiteral("the body must be a JSON object"), {}};
    return doc.object();
}

} // namespace syncserver
