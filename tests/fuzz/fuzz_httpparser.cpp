// libFuzzer target: the front door's request framing (syncserver/src/httpparser). Any bytes are
// framed with the server's limits and with small ones (so the 413 and 431 paths are reached).
// A whole request's framing must not depend on what follows it: the same bytes cut after
// `consumed` frame to the same request, and every answer is a well-formed status.
#include "httpparser.h"

#include <cstdint>
#include <cstdlib>

namespace {

using syncserver::ParsedRequest;

void check(QByteArrayView bytes, const syncserver::ParseLimits &limits)
{
    const ParsedRequest r = syncserver::parseRequest(bytes, limits);
    switch (r.status) {
    case ParsedRequest::Status::Incomplete:
        return;
    case ParsedRequest::Status::Error:
        if (r.errorStatus < 400 || r.errorStatus > 599 || r.errorCode.isEmpty() || r.errorMessage.isEmpty())
            std::abort();
        return;
    case ParsedRequest::Status::Complete: {
        if (r.consumed <= 0 || r.consumed > bytes.size() || r.request.body.size() != r.contentLength
            || r.contentLength > limits.maxBodyBytes || !r.request.path.startsWith(u'/'))
            std::abort();
        const ParsedRequest alone = syncserver::parseRequest(bytes.first(r.consumed), limits);
        if (alone.status != ParsedRequest::Status::Complete || alone.consumed != r.consumed || alone.request.path != r.request.path
            || alone.request.body != r.request.body || alone.request.headers != r.request.headers)
            std::abort();
        return;
    }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));
    check(bytes, syncserver::ParseLimits{});
    check(bytes, syncserver::ParseLimits{.maxHeaderBytes = 256, .maxBodyBytes = 64});
    (void)syncserver::percentDecode(bytes, true);
    return 0;
}
