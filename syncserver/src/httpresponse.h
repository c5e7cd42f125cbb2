// The front door's responses on the wire, written as httplib wrote them (status line, Content-Type,
// Content-Length, Connection and Keep-Alive, gzip when the client asks and the body is worth it),
// so that clients written against the httplib server see no difference.
#pragma once

#include "http.h"

namespace syncserver {

struct ResponseFraming
{
    bool keepAlive = true;
    int keepAliveSeconds = 30;   // advertised in "Keep-Alive: timeout=…"
    bool acceptsGzip = false;    // the request's Accept-Encoding named gzip
    qsizetype gzipMinBytes = 1024; // smaller bodies gain nothing from it
};

// The status line, headers and body of `response`, ready to write.
[[nodiscard]] QByteArray serializeResponse(const Response &response, const ResponseFraming &framing);

// Would httplib have compressed this content type? (text other than event streams, JSON, XML, JavaScript, SVG.)
[[nodiscard]] bool isCompressibleType(QByteArrayView contentType);

// A gzip member (RFC 1952) holding `data`, or an empty array if zlib fails.
[[nodiscard]] QByteArray gzipCompress(QByteArrayView data);

[[nodiscard]] QByteArray reasonPhrase(int status);

} // namespace syncserver
