// The epoll load generator: connections, the request/answer loop, HTTP/1.1 answer framing.
#include "loadclient.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench {

namespace {

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

// One complete answer at the front of `in`, or nothing yet. Framing by Content-Length only: both
// the sync server and httplib send one (a chunked answer is reported as malformed).
struct Answer
{
    enum class State { Incomplete, Complete, Malformed } state = State::Incomplete;
    int status = 0;
    std::size_t length = 0; // bytes of the whole answer
    std::size_t bodyAt = 0;
    bool close = false;
};

bool headerIs(std::string_view line, std::string_view name)
{
    if (line.size() <= name.size() || line[name.size()] != ':')
        return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(line[i])) != name[i])
            return false;
    return true;
}

std::string_view headerValue(std::string_view line, std::size_t nameLength)
{
    std::string_view v = line.substr(nameLength + 1);
    while (!v.empty() && v.front() == ' ')
        v.remove_prefix(1);
    return v;
}

Answer frame(std::string_view in)
{
    Answer a;
    const std::size_t end = in.find("\r\n\r\n");
    if (end == std::string_view::npos)
        return a;
    if (in.size() < 12 || in.substr(0, 5) != "HTTP/") {
        a.state = Answer::State::Malformed;
        return a;
    }
    a.status = std::atoi(std::string(in.substr(9, 3)).c_str());
    long long length = -1;
    std::size_t at = in.find("\r\n") + 2;
    while (at < end) {
        const std::size_t eol = in.find("\r\n", at);
        const std::string_view line = in.substr(at, eol - at);
        if (headerIs(line, "content-length"))
            length = std::atoll(std::string(headerValue(line, 14)).c_str());
        else if (headerIs(line, "connection"))
            a.close = headerValue(line, 10).find("close") != std::string_view::npos;
        else if (headerIs(line, "transfer-encoding")) {
            a.state = Answer::State::Malformed;
            return a;
        }
        at = eol + 2;
    }
    if (length < 0) {
        a.state = Answer::State::Malformed;
        return a;
    }
    a.bodyAt = end + 4;
    a.length = a.bodyAt + std::size_t(length);
    if (in.size() >= a.length)
        a.state = Answer::State::Complete;
    return a;
}

struct Connection
{
    int device = 0;
    int fd = -1;
    std::string out;
    std::size_t outAt = 0;
    std::string in;
    int kind = -1; // the request in flight, or -1
    Clock::time_point sent;
    Clock::time_point due; // when the next request goes
};

class Worker
{
public:
    Worker(const LoadOptions &o, std::vector<int> devices, unsigned seed)
        : m_o(o)
        , m_rng(seed)
        , m_think(o.thinkMs > 0 ? 1.0 / o.thinkMs : 1.0)
    {
        m_result.kinds.resize(o.kinds.size());
        m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
        for (int d : devices) {
            Connection c;
            c.device = d;
            m_connections.push_back(std::move(c));
        }
    }
    ~Worker()
    {
        for (Connection &c : m_connections)
            if (c.fd >= 0)
                ::close(c.fd);
        ::close(m_epoll);
    }

    void connectAll()
    {
        for (std::size_t i = 0; i < m_connections.size(); ++i)
            open(m_connections[i], i);
    }

    void run(Clock::time_point start, Clock::time_point deadline)
    {
        for (Connection &c : m_connections)
            c.due = start + pause();
        const auto timeout = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(m_o.requestTimeoutSeconds));
        std::vector<epoll_event> events(256);
        for (;;) {
            const Clock::time_point now = Clock::now();
            const bool sending = now < deadline;
            int inFlight = 0;
            Clock::time_point wake = now + std::chrono::milliseconds(50);
            for (std::size_t i = 0; i < m_connections.size(); ++i) {
                Connection &c = m_connections[i];
                if (c.kind >= 0 && now - c.sent > timeout) {
                    fail(c, i, "no answer within the request timeout");
                    continue;
                }
                if (c.kind >= 0) {
                    ++inFlight;
                    continue;
                }
                if (!sending || c.fd < 0)
                    continue;
                if (c.due <= now)
                    send(c, i), ++inFlight;
                else
                    wake = std::min(wake, c.due);
            }
            if (!sending && inFlight == 0)
                break;
            if (!sending && now > deadline + timeout)
                break;
            const int wait = std::max(0, int(std::chrono::ceil<std::chrono::milliseconds>(wake - Clock::now()).count()));
            const int n = ::epoll_wait(m_epoll, events.data(), int(events.size()), wait);
            for (int e = 0; e < n; ++e) {
                const std::size_t i = events[e].data.u64;
                Connection &c = m_connections[i];
                if (events[e].events & EPOLLOUT)
                    flush(c, i);
                if (events[e].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                    receive(c, i);
            }
        }
    }

    LoadResult &result() { return m_result; }

private:
    Clock::duration pause()
    {
        if (m_o.thinkMs <= 0)
            return Clock::duration::zero();
        return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double, std::milli>(m_think(m_rng)));
    }

    void error(const std::string &what)
    {
        ++m_result.errors;
        if (m_result.firstErrors.size() < 5)
            m_result.firstErrors.push_back(what);
    }

    void open(Connection &c, std::size_t index)
    {
        c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const std::string source = sourceAddress(c.device, m_o.sourceAddresses);
        if (source != "127.0.0.1") {
            sockaddr_in from{};
            from.sin_family = AF_INET;
            ::inet_pton(AF_INET, source.c_str(), &from.sin_addr);
            ::bind(c.fd, reinterpret_cast<sockaddr *>(&from), sizeof from);
        }
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(std::uint16_t(m_o.port));
        ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        // Blocking connect on loopback (quick), then non-blocking for the run.
        if (::connect(c.fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0) {
            ++m_result.connectFailures;
            error(std::string("connect: ") + std::strerror(errno));
            ::close(c.fd);
            c.fd = -1;
            return;
        }
        const int yes = 1;
        ::setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        ::fcntl(c.fd, F_SETFL, ::fcntl(c.fd, F_GETFL) | O_NONBLOCK);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = index;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, c.fd, &ev);
    }

    void reopen(Connection &c, std::size_t index)
    {
        if (c.fd >= 0) {
            ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, c.fd, nullptr);
            ::close(c.fd);
        }
        c.fd = -1;
        c.in.clear();
        c.out.clear();
        c.outAt = 0;
        c.kind = -1;
        open(c, index);
    }

    void fail(Connection &c, std::size_t index, const std::string &why)
    {
        if (c.kind >= 0) {
            ++m_result.kinds[std::size_t(c.kind)].errors;
            ++m_result.requests;
        }
        error(why);
        reopen(c, index);
        c.due = Clock::now();
    }

    void send(Connection &c, std::size_t index)
    {
        LoadRequest r = m_o.next(c.device, m_rng);
        c.kind = r.kind;
        c.out = std::move(r.bytes);
        c.outAt = 0;
        c.sent = Clock::now();
        flush(c, index);
    }

    void flush(Connection &c, std::size_t index)
    {
        while (c.outAt < c.out.size()) {
            const ssize_t n = ::send(c.fd, c.out.data() + c.outAt, c.out.size() - c.outAt, MSG_NOSIGNAL);
            if (n > 0) {
                c.outAt += std::size_t(n);
            } else if (n < 0 && errno == EINTR) {
                continue;
            } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
                interest(c, index, EPOLLIN | EPOLLOUT);
                return;
            } else {
                fail(c, index, std::string("send: ") + std::strerror(errno));
                return;
            }
        }
        interest(c, index, EPOLLIN);
    }

    void interest(Connection &c, std::size_t index, unsigned events)
    {
        epoll_event ev{};
        ev.events = events;
        ev.data.u64 = index;
        ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd, &ev);
    }

    void receive(Connection &c, std::size_t index)
    {
        char buffer[64 * 1024];
        for (;;) {
            const ssize_t n = ::recv(c.fd, buffer, sizeof buffer, 0);
            if (n > 0) {
                c.in.append(buffer, std::size_t(n));
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            // Closed by the server: an error only if an answer was awaited and is not all here.
            if (c.kind >= 0 && frame(c.in).state != Answer::State::Complete) {
                fail(c, index, n == 0 ? "the server closed the connection before answering" : std::string("recv: ") + std::strerror(errno));
                return;
            }
            break;
        }
        if (c.kind < 0) {
            if (!c.in.empty())
                fail(c, index, "bytes arrived with no request in flight");
            return;
        }
        const Answer a = frame(c.in);
        if (a.state == Answer::State::Incomplete)
            return;
        if (a.state == Answer::State::Malformed) {
            fail(c, index, "a malformed answer: " + c.in.substr(0, 80));
            return;
        }
        const Clock::time_point now = Clock::now();
        LoadKindResult &k = m_result.kinds[std::size_t(c.kind)];
        ++k.requests;
        ++m_result.requests;
        k.ms.push_back(msBetween(c.sent, now));
        const std::string_view body = std::string_view(c.in).substr(a.bodyAt, a.length - a.bodyAt);
        if (!m_o.check(c.device, c.kind, a.status, body)) {
            ++k.errors;
            error(m_o.kinds[std::size_t(c.kind)] + ": HTTP " + std::to_string(a.status) + " " + std::string(body.substr(0, 160)));
        }
        c.in.erase(0, a.length);
        c.kind = -1;
        c.due = now + pause();
        if (a.close) {
            ++m_result.reconnects;
            reopen(c, index);
        }
    }

    const LoadOptions &m_o;
    std::mt19937 m_rng;
    std::exponential_distribution<double> m_think;
    int m_epoll = -1;
    std::vector<Connection> m_connections;
    LoadResult m_result;
};

} // namespace

std::vector<double> LoadResult::allMs() const
{
    std::vector<double> all;
    for (const LoadKindResult &k : kinds)
        all.insert(all.end(), k.ms.begin(), k.ms.end());
    return all;
}

std::string sourceAddress(int i, int count)
{
    const int a = count <= 1 ? 0 : i % count;
    if (a == 0)
        return "127.0.0.1";
    // 127.0.1.1 onwards: 250 addresses per third octet.
    return "127.0." + std::to_string(1 + (a - 1) / 250) + "." + std::to_string(1 + (a - 1) % 250);
}

LoadResult runLoad(const LoadOptions &options)
{
    const int threads = std::clamp(options.threads, 1, std::max(1, options.connections));
    std::vector<std::unique_ptr<Worker>> workers;
    for (int t = 0; t < threads; ++t) {
        std::vector<int> devices;
        for (int d = t; d < options.connections; d += threads)
            devices.push_back(d);
        workers.push_back(std::make_unique<Worker>(options, std::move(devices), 1234u + unsigned(t)));
    }
    for (auto &w : workers)
        w->connectAll();
    const Clock::time_point start = Clock::now();
    const Clock::time_point deadline = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(options.seconds));
    std::vector<std::thread> running;
    for (auto &w : workers)
        running.emplace_back([&w, start, deadline] { w->run(start, deadline); });
    for (std::thread &t : running)
        t.join();
    LoadResult all;
    all.seconds = std::chrono::duration<double>(std::min(Clock::now(), deadline) - start).count();
    all.kinds.resize(options.kinds.size());
    for (auto &w : workers) {
        LoadResult &r = w->result();
        all.requests += r.requests;
        all.errors += r.errors;
        all.reconnects += r.reconnects;
        all.connectFailures += r.connectFailures;
        for (std::size_t k = 0; k < r.kinds.size(); ++k) {
            all.kinds[k].requests += r.kinds[k].requests;
            all.kinds[k].errors += r.kinds[k].errors;
            all.kinds[k].ms.insert(all.kinds[k].ms.end(), r.kinds[k].ms.begin(), r.kinds[k].ms.end());
        }
        for (const std::string &e : r.firstErrors)
            if (all.firstErrors.size() < 5)
                all.firstErrors.push_back(e);
    }
    return all;
}

} // namespace bench
