// The server's listening side. Plain HTTP goes through our own event-driven front door
// (frontdoor.h): deadlines for every phase of a request, connection limits, a fixed worker pool.
// HTTPS (--cert/--key) still goes through cpp-httplib's SSLServer, which is thread-per-connection
// and so can be held by slow clients; the documented production setup (deploy/README.md) puts
// nginx in front to terminate TLS and serves syncserver on plain HTTP at 127.0.0.1.
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
    int threads = 16;             // workers running handlers
    qint64 maxBodyBytes = 32 * 1024 * 1024;
    int readTimeoutSeconds = 30;  // HTTPS (httplib): each read
    int writeTimeoutSeconds = 30; // HTTPS: each write
    // Plain HTTP's front door (see FrontDoorOptions):
    int headerTimeoutSeconds = 10;  // request line and headers, from the connection's opening or the request's first byte
    int bodyTimeoutSeconds = 120;   // the body, from the end of the headers
    int idleTimeoutSeconds = 30;    // a kept-alive connection between requests
    int responseTimeoutSeconds = 120; // writing the whole response (an export to a slow tablet)
    int maxConnections = 10'000;    // lowered to fit the open-file limit
    int maxConnectionsPerAddress = 1'000;
    qsizetype maxHeaderBytes = 64 * 1024;
};

class FrontDoor;

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
    std::unique_ptr<FrontDoor> m_door;       // plain HTTP
    std::unique_ptr<httplib::Server> m_http; // HTTPS
    int m_listenSocket = -1; // the listening socket, to widen its accept queue after binding
    bool m_tls = false;
};

} // namespace syncserver
