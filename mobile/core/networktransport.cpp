// QNetworkAccessManager behind the Transport interface.
#include "networktransport.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace mobile {

NetworkTransport::NetworkTransport(QObject *parent)
    : QObject(parent)
{
    m_manager.setTransferTimeout(int(m_timeout.count()));
}

NetworkTransport::NetworkTransport(const QUrl &baseUrl, QObject *parent)
    : NetworkTransport(parent)
{
    m_baseUrl = baseUrl;
}

void NetworkTransport::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = timeout;
    m_manager.setTransferTimeout(int(timeout.count()));
}

QUrl NetworkTransport::urlFor(const HttpRequest &request) const
{
    QUrl url = m_baseUrl;
    QString base = url.path();
    while (base.endsWith(u'/'))
        base.chop(1);
    // A server behind a reverse proxy may live under a path ("https://host/ledger").
    url.setPath(base + request.path);
    url.setQuery(request.query);
    return url;
}

void NetworkTransport::send(const HttpRequest &request, std::function<void(HttpResponse)> done)
{
    QNetworkRequest r(urlFor(request));
    for (const auto &[name, value] : request.headers)
        r.setRawHeader(name, value);
    if (!request.body.isEmpty() && request.header("Content-Type").isEmpty())
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    r.setTransferTimeout(int(m_timeout.count()));
#if QT_CONFIG(ssl)
    if (m_ssl && r.url().scheme() == u"https")
        r.setSslConfiguration(*m_ssl);
#endif
    QNetworkReply *reply = request.body.isEmpty() && request.method != "POST" && request.method != "PUT"
                               ? m_manager.sendCustomRequest(r, request.method)
                               : m_manager.sendCustomRequest(r, request.method, request.body);
    // The reply belongs to the manager; it is released once answered.
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        HttpResponse response;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (status.isValid()) {
            // A 4xx/5xx is an answer, not a network failure: the sync client reads its body.
            response.status = status.toInt();
            response.body = reply->readAll();
        } else {
            response.networkError = reply->errorString().isEmpty() ? QStringLiteral("no response") : reply->errorString();
        }
        done(std::move(response));
    });
}

} // namespace mobile
