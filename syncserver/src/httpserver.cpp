// Plain HTTP through the front door; HTTPS through the cpp-httplib adapter.
#include "httpserver.h"

#include "frontdoor.h"

#include <httplib.h>

#include <QDebug>

#include <cerrno>
#include <climits>
#include <cstring>

#include <sys/resource.h>
#include <sys/socket.h>

namespace syncserver {

namespace {

Request toRequest(const httplib::Request &in)
{
    Request r;
    r.method = QString::fromStdString(in.method);
    r.path = QString::fromStdString(in.path);
    for (const auto &[k, v] : in.params)
        r.query.insert(QString::fromStdString(k), QString::fromStdString(v));
    for (const auto &[k, v] : in.headers)
        r.headers.insert(QByteArray::fromStdString(k).toLower(), QByteArray::fromStdString(v));
    r.body = QByteArray::fromStdString(in.body);
    r.remoteAddress = QString::fromStdString(in.remote_addr);
    return r;
}

void fromResponse(const Response &in, httplib::Response &out)
{
    out.status = in.status;
    for (auto it = in.headers.begin(); it != in.headers.end(); ++it)
        out.set_header(it.key().toStdString(), it.value().toStdString());
    out.set_content(in.body.constData(), std::size_t(in.body.size()), in.contentType.constData());
}

// Every connection is a descriptor: raise the soft limit (often 1,024) to the hard one, and
// return what the connections may use, leaving room for the ledger's own files.
rlim_t raiseOpenFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (::setrlimit(RLIMIT_NOFILE, &limit) != 0)
            ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    return limit.rlim_cur;
}

} // namespace

HttpServer::HttpServer(Server &server, ListenOptions options)
    : m_server(server)
    , m_options(std::move(options))
{
    const rlim_t openFiles = raiseOpenFileLimit();
    if (m_options.certFile.isEmpty() || m_options.keyFile.isEmpty()) {
        FrontDoorOptions door;
        door.workers = std::max(2, m_options.threads);
        door.limits.maxBodyBytes = m_options.maxBodyBytes;
        door.limits.maxHeaderBytes = m_options.maxHeaderBytes;
        door.headerTimeout = std::chrono::seconds(m_options.headerTimeoutSeconds);
        door.bodyTimeout = std::chrono::seconds(m_options.bodyTimeoutSeconds);
        door.idleTimeout = std::chrono::seconds(m_options.idleTimeoutSeconds);
        door.writeTimeout = std::chrono::seconds(m_options.responseTimeoutSeconds);
        const qint64 spare = qint64(openFiles) - 64; // the ledger, its WAL, attachments being written, exports
        door.maxConnections = int(std::clamp<qint64>(std::min<qint64>(m_options.maxConnections, spare), 1, INT_MAX));
        door.maxConnectionsPerAddress = m_options.maxConnectionsPerAddress;
        m_door = std::make_unique<FrontDoor>([this](const Request &r) { return m_server.handle(r); }, door);
        return;
    }
    auto tls = std::make_unique<httplib::SSLServer>(m_options.certFile.toLocal8Bit().constData(), m_options.keyFile.toLocal8Bit().constData());
    if (!tls->is_valid())
        throw std::runtime_error("the TLS certificate or key cannot be used");
    m_http = std::move(tls);
    m_tls = true;
    // Debian's httplib 0.11 defaults (Nagle on, 5 requests per connection, 8 threads) cap a sync
    // server at a few hundred requests a second; see docs/benchmarks.md.
    m_http->set_tcp_nodelay(true);
    m_http->set_keep_alive_max_count(1000);
    m_http->set_keep_alive_timeout(30);
    const int threads = std::max(2, m_options.threads);
    m_http->new_task_queue = [threads] { return new httplib::ThreadPool(std::size_t(threads)); };
    m_http->set_payload_max_length(std::size_t(m_options.maxBodyBytes));
    m_http->set_read_timeout(m_options.readTimeoutSeconds, 0);
    m_http->set_write_timeout(m_options.writeTimeoutSeconds, 0);
    // httplib 0.11 listens with a queue of 5 pending connections: a burst of tablets connecting at
    // once (the office Wi-Fi coming back) would have the kernel drop SYNs and clients wait a
    // second or more to retry. Keep the socket so bind() can widen the queue.
    m_http->set_socket_options([this](socket_t sock) {
        httplib::default_socket_options(sock);
        m_listenSocket = int(sock);
    });

    // httplib caps a body only when it comes with a Content-Length; a chunked one it reads whole,
    // however large. As at the plain front door (httpparser.h), every transfer coding is refused
    // with 411 before the body is read (the pre-routing handler runs before httplib reads it), and
    // the connection is closed rather than left holding the unread chunks.
    m_http->set_pre_routing_handler([](const httplib::Request &req, httplib::Response &res) {
        if (!req.has_header("Transfer-Encoding"))
            return httplib::Server::HandlerResponse::Unhandled;
        fromResponse(Response::error(411, QStringLiteral("length_required"),
                                     QStringLiteral("send the body with a Content-Length; transfer codings such as chunked are not accepted"),
                                     QStringLiteral("Transfer-Encoding")),
                     res);
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
    });
    auto dispatch = [this](const httplib::Request &req, httplib::Response &res) { fromResponse(m_server.handle(toRequest(req)), res); };
    m_http->Get(".*", dispatch);
    m_http->Post(".*", dispatch);
    m_http->Put(".*", dispatch);
    m_http->Delete(".*", dispatch);
    m_http->Patch(".*", dispatch);
    m_http->set_exception_handler([](const httplib::Request &, httplib::Response &res, std::exception_ptr) {
        fromResponse(Response::error(500, QStringLiteral("internal"), QStringLiteral("the server could not complete the request")), res);
    });
    // httplib's own refusals (oversized body, malformed request line) in our error format too.
    m_http->set_error_handler([](const httplib::Request &, httplib::Response &res) {
        if (!res.body.empty())
            return;
        const QString message = res.status == 413 ? QStringLiteral("the request body is too large")
                                                  : QStringLiteral("the request could not be handled (HTTP %1)").arg(res.status);
        fromResponse(Response::error(res.status, res.status == 413 ? QStringLiteral("too_large") : QStringLiteral("bad_request"), message), res);
    });
}

HttpServer::~HttpServer()
{
    stop();
}

int HttpServer::bind()
{
    const std::string host = m_options.host.toStdString();
    if (m_door)
        return m_door->bind(host, m_options.port);
    int port = m_options.port;
    if (port == 0) {
        port = m_http->bind_to_any_port(host);
        if (port < 0)
            throw std::runtime_error("cannot bind to " + host);
    } else if (!m_http->bind_to_port(host, port)) {
        throw std::runtime_error("cannot bind to " + host + ":" + std::to_string(port));
    }
    // Listening again on a listening socket only changes its queue length (Linux, and POSIX
    // systems generally); a failure leaves httplib's queue of 5, which still works.
    if (m_listenSocket >= 0 && ::listen(m_listenSocket, SOMAXCONN) != 0)
        qWarning("could not widen the accept queue: %s", std::strerror(errno));
    return port;
}

void HttpServer::serve()
{
    if (m_door)
        m_door->serve();
    else
        m_http->listen_after_bind();
}

void HttpServer::stop()
{
    if (m_door)
        m_door->stop();
    if (m_http && m_http->is_running())
        m_http->stop();
}

} // namespace syncserver
