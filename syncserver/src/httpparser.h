// The front door's HTTP/1.1 request framing: a pure function from the bytes a connection has
// received so far to "need more", "one whole request of N bytes" or "refuse with this error".
// No sockets, no clocks, no state between calls, so it is unit-tested and fuzzed on its own.
#pragma once

#include "http.h"

#include <QByteArrayView>

namespace syncserver {

struct ParseLimits
{
    qsizetype maxHeaderBytes = 64 * 1024; // request line and headers, blank line included
    qint64 maxBodyBytes = 32 * 1024 * 1024;
};

struct ParsedRequest
{
    enum class Status { Incomplete, Complete, Error };
    Status status = Status::Incomplete;

    // Set once the request line and headers are whole (also while the body is still arriving).
    bool headComplete = false;
    qsizetype headBytes = 0;
    qint64 contentLength = 0;
    bool keepAlive = true;       // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only when asked
    bool expectContinue = false; // "Expect: 100-continue"
    bool acceptsGzip = false;

    // Complete: the request (body included) and how many bytes of the input it took.
    Request request;
    qsizetype consumed = 0;

    // Error: the answer to send before closing the connection.
    int errorStatus = 0;
    QString errorCode;
    QString errorMessage;
    QString errorField;
};

// Frames the first request in `bytes`. Leading blank lines are skipped (RFC 9112 §2.2). Every
// transfer coding is refused with 411 (our clients and nginx always send Content-Length), so the
// body cap holds for every request; a Content-Length above the cap is refused with 413 as soon as
// the headers are in, before any of the body is read.
[[nodiscard]] ParsedRequest parseRequest(QByteArrayView bytes, const ParseLimits &limits);

// "%XX" decoding as httplib did it; with plusIsSpace (query strings) '+' also becomes a space.
[[nodiscard]] QByteArray percentDecode(QByteArrayView text, bool plusIsSpace);

} // namespace syncserver
