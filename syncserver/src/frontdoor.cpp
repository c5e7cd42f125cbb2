// The event loop, the connections' state machine and the worker pool.
#include "frontdoor.h"

#include <QDebug>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace syncserver {

namespace {

constexpr quint64 listenId = 1;
constexpr quint64 doneId = 2;
constexpr quint64 stopId = 3;
// How long a closing connection's unread input is drained, so that the client reads our last
// answer instead of a reset (the kernel resets a socket closed with unread bytes).
constexpr std::chrono::milliseconds lingerTime{2'000};
constexpr qsizetype readBudget = 1024 * 1024; // per readiness event, so one fast sender cannot starve the rest

std::runtime_error systemError(const std::string &what)
{
    return std::runtime_error(what + ": " + std::strerror(errno));
}

std::string peerAddress(const sockaddr_storage &sa)
{
    char text[INET6_ADDRSTRLEN] = {};
    if (sa.ss_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in &>(sa).sin_addr, text, sizeof text);
    } else if (sa.ss_family == AF_INET6) {
        inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6 &>(sa).sin6_addr, text, sizeof text);
        // An IPv4 client on a dual-stack socket counts as its IPv4 address.
        if (std::strncmp(text, "::ffff:", 7) == 0 && std::strchr(text + 7, '.'))
            return text + 7;
    }
    return text;
}

void epollControl(int epollFd, int op, int fd, unsigned events, quint64 id)
{
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = id;
    if (::epoll_ctl(epollFd, op, fd, &ev) != 0 && op != EPOLL_CTL_DEL)
        qWarning("epoll_ctl: %s", std::strerror(errno));
}

} // namespace

FrontDoor::FrontDoor(Handler handler, FrontDoorOptions options)
    : m_handler(std::move(handler))
    , m_options(std::move(options))
{
    m_epollFd = ::epoll_create1(EPOLL_CLOEXEC);
    m_doneFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    m_stopFd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (m_epollFd < 0 || m_doneFd < 0 || m_stopFd < 0)
        throw systemError("cannot set up the event loop");
    epollControl(m_epollFd, EPOLL_CTL_ADD, m_doneFd, EPOLLIN, doneId);
    epollControl(m_epollFd, EPOLL_CTL_ADD, m_stopFd, EPOLLIN, stopId);
}

FrontDoor::~FrontDoor()
{
    for (auto &[id, c] : m_connections)
        if (!c->closed)
            ::close(c->fd);
    for (const int fd : {m_listenFd, m_epollFd, m_doneFd, m_stopFd})
        if (fd >= 0)
            ::close(fd);
}

int FrontDoor::bind(const std::string &host, int port)
{
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo *found = nullptr;
    const std::string service = std::to_string(port);
    if (const int rc = ::getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found); rc != 0)
        throw std::runtime_error("cannot resolve " + host + ": " + ::gai_strerror(rc));
    std::string failure = "cannot bind to " + host + ":" + service;
    for (addrinfo *a = found; a && m_listenFd < 0; a = a->ai_next) {
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        const int yes = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
        if (::bind(fd, a->ai_addr, a->ai_addrlen) == 0 && ::listen(fd, SOMAXCONN) == 0)
            m_listenFd = fd;
        else {
            failure += std::string(": ") + std::strerror(errno);
            ::close(fd);
        }
    }
    ::freeaddrinfo(found);
    if (m_listenFd < 0)
        throw std::runtime_error(failure);
    sockaddr_storage bound{};
    socklen_t length = sizeof bound;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&bound), &length);
    epollControl(m_epollFd, EPOLL_CTL_ADD, m_listenFd, EPOLLIN, listenId);
    return ntohs(bound.ss_family == AF_INET6 ? reinterpret_cast<const sockaddr_in6 &>(bound).sin6_port
                                             : reinterpret_cast<const sockaddr_in &>(bound).sin_port);
}

void FrontDoor::stop()
{
    m_stopping.store(true);
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t n = ::write(m_stopFd, &one, sizeof one);
}

void FrontDoor::serve()
{
    {
        std::lock_guard lock(m_mutex);
        m_workersQuit = false;
    }
    for (int i = 0; i < std::max(1, m_options.workers); ++i)
        m_workers.emplace_back([this] { workerLoop(false); });
    for (int i = 0; i < std::max(1, m_options.writeWorkers); ++i)
        m_workers.emplace_back([this] { workerLoop(true); });

    std::vector<epoll_event> events(256);
    while (!m_stopping.load()) {
        int timeout = -1;
        if (m_nextDeadline != Clock::time_point::max()) {
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(m_nextDeadline - Clock::now()).count();
            timeout = int(std::clamp<qint64>(wait, 0, 60'000));
        }
        const int n = ::epoll_wait(m_epollFd, events.data(), int(events.size()), timeout);
        if (n < 0 && errno != EINTR) {
            qWarning("epoll_wait: %s", std::strerror(errno));
            break;
        }
        for (int i = 0; i < n; ++i) {
            const quint64 id = events[i].data.u64;
            const unsigned what = events[i].events;
            if (id == listenId) {
                acceptAll();
            } else if (id == doneId) {
                quint64 count = 0;
                [[maybe_unused]] const ssize_t r = ::read(m_doneFd, &count, sizeof count);
                collectDone();
            } else if (id == stopId) {
                m_stopping.store(true);
            } else if (const auto it = m_connections.find(id); it != m_connections.end() && !it->second->closed) {
                Connection &c = *it->second;
                if (what & (EPOLLIN | EPOLLHUP | EPOLLERR))
                    onReadable(c);
                if (!c.closed && (what & EPOLLOUT))
                    flush(c);
            }
        }
        if (Clock::now() >= m_nextDeadline)
            expireDeadlines();
        for (const quint64 id : m_closed)
            m_connections.erase(id);
        m_closed.clear();
    }

    {
        std::lock_guard lock(m_mutex);
        m_workersQuit = true;
        m_jobs.clear();
        m_writeJobs.clear();
    }
    m_jobReady.notify_all();
    m_writeJobReady.notify_all();
    for (std::thread &t : m_workers)
        t.join();
    m_workers.clear();
    for (auto &[id, c] : m_connections)
        close(*c);
    m_connections.clear();
    m_closed.clear();
}

void FrontDoor::acceptAll()
{
    for (;;) {
        sockaddr_storage sa{};
        socklen_t length = sizeof sa;
        const int fd = ::accept4(m_listenFd, reinterpret_cast<sockaddr *>(&sa), &length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                // Out of descriptors: stop listening for a moment rather than spin on a socket we cannot accept.
                qWarning("accept: %s; pausing new connections", std::strerror(errno));
                epollControl(m_epollFd, EPOLL_CTL_MOD, m_listenFd, 0, listenId);
                m_acceptPaused = true;
                m_acceptResume = Clock::now() + std::chrono::milliseconds(100);
                m_nextDeadline = std::min(m_nextDeadline, m_acceptResume);
            }
            return;
        }
        const std::string address = peerAddress(sa);
        int &fromAddress = m_perAddress[address];
        const qsizetype open = qsizetype(m_connections.size() - m_closed.size());
        if (open >= m_options.maxConnections || fromAddress >= m_options.maxConnectionsPerAddress) {
            const bool perAddress = fromAddress >= m_options.maxConnectionsPerAddress;
            if (fromAddress == 0)
                m_perAddress.erase(address);
            const QByteArray refusal = serializeResponse(
                Response::error(503, QStringLiteral("too_many_connections"),
                                perAddress ? QStringLiteral("this address already holds %1 connections, the most allowed").arg(m_options.maxConnectionsPerAddress)
                                           : QStringLiteral("the server holds %1 connections, the most allowed").arg(m_options.maxConnections),
                                QStringLiteral("connections")),
                ResponseFraming{.keepAlive = false});
            [[maybe_unused]] const ssize_t n = ::send(fd, refusal.constData(), size_t(refusal.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
            ::close(fd);
            continue;
        }
        ++fromAddress;
        const int yes = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        auto c = std::make_unique<Connection>();
        c->id = m_nextId++;
        c->fd = fd;
        c->address = address;
        c->remoteAddress = QString::fromStdString(address);
        c->phase = Phase::Head;
        setDeadline(*c, Clock::now() + m_options.headerTimeout);
        c->interest = EPOLLIN;
        epollControl(m_epollFd, EPOLL_CTL_ADD, fd, EPOLLIN, c->id);
        m_connections.emplace(c->id, std::move(c));
    }
}

void FrontDoor::onReadable(Connection &c)
{
    char buffer[64 * 1024];
    qsizetype budget = readBudget;
    while (budget > 0) {
        const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            budget -= n;
            if (c.phase != Phase::Draining)
                c.in.append(buffer, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        close(c); // end of stream or a reset: nothing more will arrive, and nobody waits for an answer
        return;
    }
    advance(c);
}

void FrontDoor::advance(Connection &c)
{
    if (c.closed || c.in.isEmpty() || (c.phase != Phase::Idle && c.phase != Phase::Head && c.phase != Phase::Body))
        return;
    const Clock::time_point now = Clock::now();
    if (c.phase == Phase::Idle) {
        c.phase = Phase::Head;
        setDeadline(c, now + m_options.headerTimeout);
    }
    ParsedRequest parsed = parseRequest(c.in, m_options.limits);
    switch (parsed.status) {
    case ParsedRequest::Status::Error:
        refuse(c, Response::error(parsed.errorStatus, parsed.errorCode, parsed.errorMessage, parsed.errorField));
        return;
    case ParsedRequest::Status::Incomplete:
        if (parsed.headComplete && c.phase == Phase::Head) {
            c.phase = Phase::Body;
            setDeadline(c, now + m_options.bodyTimeout);
            if (parsed.expectContinue && !c.continueSent) {
                c.continueSent = true;
                c.out += "HTTP/1.1 100 Continue\r\n\r\n";
                flush(c);
            }
        }
        return;
    case ParsedRequest::Status::Complete:
        break;
    }
    c.in.remove(0, parsed.consumed);
    c.phase = Phase::Working;
    c.continueSent = false;
    c.closeAfterWrite = !parsed.keepAlive;
    c.deadline = Clock::time_point::max(); // the handler's time is ours, not the client's
    updateInterest(c);
    Job job{c.id, std::move(parsed.request),
            ResponseFraming{.keepAlive = parsed.keepAlive,
                            .keepAliveSeconds = int(std::chrono::duration_cast<std::chrono::seconds>(m_options.idleTimeout).count()),
                            .acceptsGzip = parsed.acceptsGzip}};
    job.request.remoteAddress = c.remoteAddress;
    const bool write = job.request.method != u"GET" && job.request.method != u"HEAD";
    {
        std::lock_guard lock(m_mutex);
        (write ? m_writeJobs : m_jobs).push_back(std::move(job));
    }
    (write ? m_writeJobReady : m_jobReady).notify_one();
}

void FrontDoor::refuse(Connection &c, const Response &response)
{
    c.in.clear();
    c.out += serializeResponse(response, ResponseFraming{.keepAlive = false});
    c.closeAfterWrite = true;
    c.phase = Phase::Writing;
    setDeadline(c, Clock::now() + m_options.writeTimeout);
    flush(c);
}

void FrontDoor::flush(Connection &c)
{
    while (c.outOffset < c.out.size()) {
        const ssize_t n = ::send(c.fd, c.out.constData() + c.outOffset, size_t(c.out.size() - c.outOffset), MSG_NOSIGNAL);
        if (n > 0) {
            c.outOffset += n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            updateInterest(c);
            return;
        } else {
            close(c);
            return;
        }
    }
    c.out.clear();
    c.outOffset = 0;
    if (c.phase == Phase::Writing) {
        if (c.closeAfterWrite) {
            ::shutdown(c.fd, SHUT_WR);
            c.phase = Phase::Draining;
            c.in.clear();
            setDeadline(c, Clock::now() + lingerTime);
        } else {
            c.phase = Phase::Idle;
            setDeadline(c, Clock::now() + m_options.idleTimeout);
        }
    }
    updateInterest(c);
    if (c.phase == Phase::Idle)
        advance(c); // a pipelined request may already be waiting
}

void FrontDoor::updateInterest(Connection &c)
{
    if (c.closed)
        return;
    unsigned events = 0;
    if (c.phase == Phase::Idle || c.phase == Phase::Head || c.phase == Phase::Body || c.phase == Phase::Draining)
        events |= EPOLLIN;
    if (c.outOffset < c.out.size())
        events |= EPOLLOUT;
    if (events != c.interest) {
        c.interest = events;
        epollControl(m_epollFd, EPOLL_CTL_MOD, c.fd, events, c.id);
    }
}

void FrontDoor::setDeadline(Connection &c, Clock::time_point when)
{
    c.deadline = when;
    m_nextDeadline = std::min(m_nextDeadline, when);
}

void FrontDoor::close(Connection &c)
{
    if (c.closed)
        return;
    c.closed = true;
    epollControl(m_epollFd, EPOLL_CTL_DEL, c.fd, 0, c.id);
    ::close(c.fd);
    if (auto it = m_perAddress.find(c.address); it != m_perAddress.end() && --it->second <= 0)
        m_perAddress.erase(it);
    m_closed.push_back(c.id);
}

void FrontDoor::collectDone()
{
    std::vector<Done> done;
    {
        std::lock_guard lock(m_mutex);
        done.swap(m_done);
    }
    for (Done &d : done) {
        const auto it = m_connections.find(d.id);
        if (it == m_connections.end() || it->second->closed)
            continue;
        Connection &c = *it->second;
        c.out += d.bytes;
        c.closeAfterWrite = c.closeAfterWrite || d.close;
        c.phase = Phase::Writing;
        setDeadline(c, Clock::now() + m_options.writeTimeout);
        flush(c);
    }
}

void FrontDoor::expireDeadlines()
{
    const Clock::time_point now = Clock::now();
    m_nextDeadline = Clock::time_point::max();
    if (m_acceptPaused) {
        if (now >= m_acceptResume) {
            m_acceptPaused = false;
            epollControl(m_epollFd, EPOLL_CTL_MOD, m_listenFd, EPOLLIN, listenId);
        } else {
            m_nextDeadline = m_acceptResume;
        }
    }
    for (auto &[id, connection] : m_connections) {
        Connection &c = *connection;
        if (c.closed)
            continue;
        if (c.deadline > now) {
            m_nextDeadline = std::min(m_nextDeadline, c.deadline);
            continue;
        }
        // A request begun but not finished in time is told so; a connection that never started
        // one, an idle one, or one that will not take its answer is simply closed.
        if ((c.phase == Phase::Head && !c.in.isEmpty()) || c.phase == Phase::Body)
            refuse(c, Response::error(408, QStringLiteral("request_timeout"),
                                      c.phase == Phase::Body ? QStringLiteral("the request body did not arrive in time")
                                                             : QStringLiteral("the request line and headers did not arrive in time"),
                                      c.phase == Phase::Body ? QStringLiteral("body") : QStringLiteral("headers")));
        else
            close(c);
    }
}

void FrontDoor::workerLoop(bool writes)
{
    std::deque<Job> &jobs = writes ? m_writeJobs : m_jobs;
    std::condition_variable &ready = writes ? m_writeJobReady : m_jobReady;
    for (;;) {
        Job job;
        {
            std::unique_lock lock(m_mutex);
            ready.wait(lock, [&] { return m_workersQuit || !jobs.empty(); });
            if (m_workersQuit)
                return;
            job = std::move(jobs.front());
            jobs.pop_front();
        }
        Response response;
        try {
            response = m_handler(job.request);
        } catch (...) {
            response = Response::error(500, QStringLiteral("internal"), QStringLiteral("the server could not complete the request"));
        }
        Done done{job.id, serializeResponse(response, job.framing), !job.framing.keepAlive};
        {
            std::lock_guard lock(m_mutex);
            m_done.push_back(std::move(done));
        }
        const quint64 one = 1;
        [[maybe_unused]] const ssize_t n = ::write(m_doneFd, &one, sizeof one);
    }
}

} // namespace syncserver
