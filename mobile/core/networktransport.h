// The app's transport: QNetworkAccessManager against the server's base URL, http or https, with
// an inactivity timeout so that a dead connection in the countryside fails instead of hanging.
#pragma once

#include "transport.h"

#include <QNetworkAccessManager>
#include <QObject>

#include <chrono>
#include <optional>

#if QT_CONFIG(ssl)
#include <QSslConfiguration>
#endif

namespace mobile {

class NetworkTransport : public QObject, public Transport
{
    Q_OBJECT

public:
    // A request fails when no byte moves for this long (connecting included).
    static constexpr std::chrono::milliseconds DefaultTimeout{30000};

    explicit NetworkTransport(QObject *parent = nullptr);
    explicit NetworkTransport(const QUrl &baseUrl, QObject *parent = nullptr);

    void setBaseUrl(const QUrl &url) override { m_baseUrl = url; }
    [[nodiscard]] QUrl baseUrl() const override { return m_baseUrl; }
    void setTimeout(std::chrono::milliseconds timeout);
    [[nodiscard]] std::chrono::milliseconds timeout() const { return m_timeout; }
#if QT_CONFIG(ssl)
    // For a server with a certificate of the bureau's own CA: add it to the configuration's CA list.
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
#endif

    void send(const HttpRequest &request, std::function<void(HttpResponse)> done) override;

    // The full URL a request goes to (base URL path + request path + query).
    [[nodiscard]] QUrl urlFor(const HttpRequest &request) const;

private:
    QNetworkAccessManager m_manager;
    QUrl m_baseUrl;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
#if QT_CONFIG(ssl)
    std::optional<QSslConfiguration> m_ssl;
#endif
};

} // namespace mobile
