// The server's plain-HTTP front door: one epoll thread accepts, reads and frames requests and
// writes responses for every connection; a fixed pool of workers runs the handler. A connection
// holds no thread while it is idle, slow or half-open, so no number of such clients can keep
// others from being served; reads and writes have pools of their own (FrontDoorOptions); each phase of a request has a deadline, and connections are capped
// in total and per address.
#pragma once

#include "http.h"
#include "httpparser.h"
#include "httpresponse.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace syncserver {

struct FrontDoorOptions
{
    // Two pools, so that reads never queue behind writes: GET and HEAD requests run on `workers`,
    // every other method on `writeWorkers`. Writes take the store's one write lock in turn, so a
    // burst of pushes holds at most `writeWorkers` threads, never the readers'.
    int workers = 16;
    int writeWorkers = 4;
    ParseLimits limits;
    std::chrono::milliseconds headerTimeout{10'000}; // request line and headers, from the connection's opening or a request's first byte
    std::chrono::milliseconds bodyTimeout{120'000};  // the whole body, from the end of the headers
    std::chrono::milliseconds idleTimeout{30'000};   // a kept-alive connection waiting for its next request
    std::chrono::milliseconds writeTimeout{60'000};  // the whole response
    int maxConnections = 10'000;
    int maxConnectionsPerAddress = 1'000; // an office NAT puts many tablets behind one address
};

class FrontDoor
{
public:
    using Handler = std::function<Response(const Request &)>;

    FrontDoor(Handler handler, FrontDoorOptions options);
    ~FrontDoor();
    FrontDoor(const FrontDoor &) = delete;
    FrontDoor &operator=(const FrontDoor &) = delete;

    // Listens on host:port (0: any free port) and returns the port; throws std::runtime_error.
    int bind(const std::string &host, int port);
    // Runs the I/O loop on the calling thread until stop().
    void serve();
    // Async-signal-safe: may be called from a signal handler or any thread.
    void stop();

private:
    using Clock = std::chrono::steady_clock;
    enum class Phase { Idle, Head, Body, Working, Writing, Draining };
    struct Connection
    {
        quint64 id = 0;
        int fd = -1;
        std::string address;
        QString remoteAddress;
        QByteArray in;
        QByteArray out;
        qsizetype outOffset = 0;
        Phase phase = Phase::Head;
        Clock::time_point deadline;
        bool continueSent = false;
        bool closeAfterWrite = false;
        unsigned interest = 0; // the epoll events asked for
        bool closed = false;   // erased after the current batch of events, so references stay valid
    };
    struct Job
    {
        quint64 id;
        Request request;
        ResponseFraming framing;
    };
    struct Done
    {
        quint64 id;
        QByteArray bytes;
        bool close;
    };

    void acceptAll();
    void onReadable(Connection &c);
    void advance(Connection &c); // frame what has arrived; start a job or answer an error
    void refuse(Connection &c, const Response &response);
    void flush(Connection &c);
    void updateInterest(Connection &c);
    void setDeadline(Connection &c, Clock::time_point when);
    void close(Connection &c);
    void collectDone();
    void expireDeadlines();
    void workerLoop(bool writes);

    Handler m_handler;
    FrontDoorOptions m_options;
    int m_listenFd = -1;
    int m_epollFd = -1;
    int m_doneFd = -1; // eventfd: a worker finished a response
    int m_stopFd = -1; // eventfd: stop() was called
    std::atomic<bool> m_stopping{false};
    bool m_acceptPaused = false;
    Clock::time_point m_acceptResume;

    quint64 m_nextId = 16; // ids below are the listening socket and the event fds
    std::unordered_map<quint64, std::unique_ptr<Connection>> m_connections;
    std::vector<quint64> m_closed;
    std::unordered_map<std::string, int> m_perAddress;
    Clock::time_point m_nextDeadline = Clock::time_point::max();

    std::mutex m_mutex;
    std::condition_variable m_jobReady, m_writeJobReady;
    std::deque<Job> m_jobs, m_writeJobs;
    std::vector<Done> m_done;
    bool m_workersQuit = false;
    std::vector<std::thread> m_workers;
};

} // namespace syncserver
