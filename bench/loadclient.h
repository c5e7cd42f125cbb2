// A load generator for bench_sync: many keep-alive HTTP/1.1 connections, each one simulated
// device (or client) of its own, driven by a few epoll threads rather than one thread per
// connection, so that a thousand tablets cost the machine what a thousand sockets cost. Each
// connection sends one request, waits for the whole answer, thinks (an exponential pause of a
// given mean, or none) and sends the next; latency is counted per request type from the first
// byte sent to the last byte received. Loopback only: the target is 127.0.0.1, and each
// connection may come from its own 127.x.y.z source address (so that per-address limits, such as
// nginx's, see one address per tablet).
#pragma once

#include <chrono>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

struct LoadRequest
{
    int kind = 0;      // an index into LoadOptions::kinds
    std::string bytes; // the whole request: request line, headers, body
};

struct LoadOptions
{
    int port = 0;
    int connections = 200;
    int threads = 2;
    double seconds = 60;
    double thinkMs = 0;       // mean pause between a device's answer and its next request
    int sourceAddresses = 1;  // connections spread over 127.0.0.1 and then 127.0.1.1, 127.0.1.2, ...
    double requestTimeoutSeconds = 30;
    std::vector<std::string> kinds; // names of the request types, for the report
    // The next request of connection `device`, and whether an answer to it was right (status and
    // body); both are called only from the thread that owns the device.
    std::function<LoadRequest(int device, std::mt19937 &rng)> next;
    std::function<bool(int device, int kind, int status, std::string_view body)> check;
};

struct LoadKindResult
{
    long long requests = 0;
    long long errors = 0;
    std::vector<double> ms;
};

struct LoadResult
{
    double seconds = 0;
    long long requests = 0;
    long long errors = 0;       // wrong answers, broken connections, timeouts, failed connects
    long long reconnects = 0;   // the server closed a connection after an answer (its keep-alive cap)
    long long connectFailures = 0;
    std::vector<LoadKindResult> kinds;
    std::vector<std::string> firstErrors; // a few, for the log
    [[nodiscard]] double rate() const { return seconds > 0 ? double(requests) / seconds : 0; }
    [[nodiscard]] std::vector<double> allMs() const;
};

// Opens every connection (before the clock starts), runs for options.seconds, lets the answers
// still on their way arrive (up to the request timeout), and closes everything.
[[nodiscard]] LoadResult runLoad(const LoadOptions &options);

// The source address of connection i when `count` addresses are used.
[[nodiscard]] std::string sourceAddress(int i, int count);

} // namespace bench
