// The one place that knows cpp-httplib: it turns httplib's requests into ours, hands them to the
// Server, and sets the server up for a sync workload (no Nagle, long keep-alive, a real pool).
#pragma once

#include "api.h"

#include <memory>

namespace httplib {
class Server;
}

namespace syncserver {

struct ListenOptions
{
    QString host = QStringLiteral("127.0.0.1");
    int port = 8080;              // 0: any free port (tests)
    QString certFile;             // both set: HTTPS
    QString keyFile;
    int threads = 16;
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    int readTimeoutSeconds = 30;
    int writeTimeoutSeconds = 30;
};

class HttpServer
{
public:
    HttpServer(Server &server, ListenOptions options);
    ~HttpServer();

    // Binds and returns the port (the chosen one when options.port is 0); throws on failure.
    int bind();
    // Serves until stop(); returns when stopped.
    void serve();
    void stop();
    [[nodiscard]] bool isTls() const { return m_tls; }

private:
    Server &m_server;
    ListenOptions m_options;
    std::unique_ptr<httplib::Server> m_http;
    int m_listenSocket = -1; // the listening socket, to widen its accept queue after binding
    bool m_tls = false;
};

} // namespace syncserver
