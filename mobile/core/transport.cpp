// Helpers of the transport's request and response types.
#include "transport.h"

#include <QJsonDocument>

namespace mobile {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    headers.removeIf([&](const QPair<QByteArray, QByteArray> &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
    headers.append({name, value});
}

QJsonObject HttpResponse::json() const { return QJsonDocument::fromJson(body).object(); }

QJsonObject HttpResponse::error() const { return json().value(u"error").toObject(); }

QString HttpResponse::errorCode() const { return error().value(u"code").toString(); }

QString HttpResponse::errorMessage() const { return error().value(u"message").toString(); }

} // namespace mobile
