// A raw TCP client for front-door tests: connect (optionally from a chosen loopback address),
// send exact bytes, trickle, and read back HTTP responses with a deadline. Plain POSIX sockets, so
// a test can hold a thousand connections without an event loop.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>

#include <cerrno>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ledger::test {

// Lets a test process hold thousands of sockets (the soft limit is often 1,024).
inline void raiseOpenFileLimit()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &limit);
    }
}

struct RawResponse
{
    int status = -1; // -1: nothing whole within the time; 0: the connection closed first
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

class RawSocket
{
public:
    // Connects to 127.0.0.1:port, from `source` (e.g. "127.0.0.7") if given.
    explicit RawSocket(int port, const char *source = nullptr)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (source) {
            sockaddr_in from{};
            from.sin_family = AF_INET;
            ::inet_pton(AF_INET, source, &from.sin_addr);
            if (::bind(m_fd, reinterpret_cast<sockaddr *>(&from), sizeof from) != 0) {
                closeNow();
                return;
            }
        }
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(quint16(port));
        ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
        if (::connect(m_fd, reinterpret_cast<sockaddr *>(&to), sizeof to) != 0) {
            closeNow();
            return;
        }
        const int yes = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
    }
    ~RawSocket() { closeNow(); }
    RawSocket(const RawSocket &) = delete;
    RawSocket &operator=(const RawSocket &) = delete;

    [[nodiscard]] bool isOpen() const { return m_fd >= 0; }

    // Sends every byte (blocking); false if the peer is gone.
    bool send(QByteArrayView bytes)
    {
        qsizetype done = 0;
        while (m_fd >= 0 && done < bytes.size()) {
            const ssize_t n = ::send(m_fd, bytes.data() + done, size_t(bytes.size() - done), MSG_NOSIGNAL);
            if (n <= 0)
                return false;
            done += n;
        }
        return m_fd >= 0;
    }
    // Sends what the socket takes without waiting; returns the count (-1: the peer is gone).
    qsizetype sendSome(QByteArrayView bytes)
    {
        const ssize_t n = ::send(m_fd, bytes.data(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        return n >= 0 ? qsizetype(n) : (errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1);
    }

    // Reads the next whole response (a "100 Continue" counts as one) within `ms` milliseconds.
    RawResponse readResponse(int ms)
    {
        QElapsedTimer timer;
        timer.start();
        for (;;) {
            if (RawResponse r; takeResponse(r))
                return r;
            const qint64 left = ms - timer.elapsed();
            if (left <= 0 || m_eof)
                return RawResponse{m_eof ? 0 : -1, {}, {}};
            fill(int(left));
        }
    }

    // Waits up to `ms` for the server to end the connection (end of stream or reset).
    bool closedWithin(int ms)
    {
        QElapsedTimer timer;
        timer.start();
        while (!m_eof && timer.elapsed() < ms)
            fill(int(ms - timer.elapsed()));
        return m_eof;
    }

    // Reads whatever is available now (non-blocking): lets a held connection notice its closing.
    bool pollClosed()
    {
        fill(0);
        return m_eof;
    }

private:
    void closeNow()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        m_eof = true;
    }

    void fill(int ms)
    {
        if (m_fd < 0)
            return;
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, ms) <= 0)
            return;
        char chunk[65536];
        const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (n > 0)
            m_buffer.append(chunk, n);
        else if (n == 0 || (errno != EAGAIN && errno != EINTR))
            m_eof = true;
    }

    bool takeResponse(RawResponse &r)
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        r.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            r.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return false;
        r.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return true;
    }

    int m_fd = -1;
    bool m_eof = false;
    QByteArray m_buffer;
};

} // namespace ledger::test
