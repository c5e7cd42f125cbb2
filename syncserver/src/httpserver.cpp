// cpp-httplib adapter.
#include "httpserver.h"

#include <httplib.h>

#include <QDebug>

#include <cerrno>
#include <cstring>

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

} // namespace

HttpServer::HttpServer(Server &server, ListenOptions options)
    : m_server(server)
    , m_options(std::move(options))
{
    if (!m_options.certFile.isEmpty() && !m_options.keyFile.isEmpty()) {
        auto tls = std::make_unique<httplib::SSLServer>(m_options.certFile.toLocal8Bit().constData(), m_options.keyFile.toLocal8Bit().constData());
        if (!tls->is_valid())
            throw std::runtime_error("the TLS certificate or key cannot be used");
        m_http = std::move(tls);
        m_tls = true;
    } else {
        m_http = std::make_unique<httplib::Server>();
    }
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
    m_http->listen_after_bind();
}

void HttpServer::stop()
{
    if (m_http && m_http->is_running())
        m_http->stop();
}

} // namespace syncserver
