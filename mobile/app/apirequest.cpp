// Calls of the server's API beside sync.
#include "apirequest.h"

#include "syncclient.h"

#include <QJsonDocument>

namespace mobile {

QString apiErrorMessage(const HttpResponse &response)
{
    return QJsonDocument::fromJson(response.body).object().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

void apiRequest(SyncClient &sync, const QByteArray &method, const QString &path, const QUrlQuery &query, const QJsonObject &body,
                std::function<void(const QJsonObject &)> done, std::function<void(const QString &)> failed)
{
    sync.request(method, path, query, body, [done, failed](const HttpResponse &r) {
        if (r.status == 200)
            done(QJsonDocument::fromJson(r.body).object());
        else
            failed(apiErrorMessage(r));
    }, failed);
}

} // namespace mobile
