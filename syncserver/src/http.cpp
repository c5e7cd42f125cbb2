// Response constructors and JSON body parsing.
#include "http.h"

#include "ledger/strictjson.h"
#include "ledger/syncprotocol.h"

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
    // RFC 8259 strictly, in the one reader every side shares: raw control characters, escaped NULs
    // and deep nesting are refused here, with the field they are in, before any route sees them.
    auto parsed = ledger::json::parseObject(request.body);
    if (!parsed) {
        const ledger::sync::Error e = ledger::sync::makeError(ledger::sync::Code::MalformedJson, parsed.error());
        throw HttpError{400, e.code, e.message, e.field, e.extra};
    }
    return std::move(parsed).value();
}

} // namespace syncserver
