// Response serialisation and gzip (zlib).
#include "httpresponse.h"

#include <zlib.h>

namespace syncserver {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 422: return "Unprocessable Content";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    default: return status >= 500 ? "Server Error" : status >= 400 ? "Client Error" : "Status";
    }
}

bool isCompressibleType(QByteArrayView contentType)
{
    const QByteArray type = contentType.toByteArray().split(';').first().trimmed().toLower();
    if (type.startsWith("text/"))
        return type != "text/event-stream";
    return type == "image/svg+xml" || type == "application/javascript" || type == "application/json" || type == "application/xml"
        || type == "application/xhtml+xml" || type == "application/protobuf";
}

QByteArray gzipCompress(QByteArrayView data)
{
    z_stream z{};
    // windowBits 15 + 16: a gzip header and trailer rather than a bare zlib stream.
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&z, uLong(data.size()))) + 32, Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const qsizetype written = qsizetype(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

QByteArray serializeResponse(const Response &response, const ResponseFraming &framing)
{
    QByteArray body = response.body;
    bool gzipped = false;
    if (framing.acceptsGzip && body.size() >= framing.gzipMinBytes && isCompressibleType(response.contentType)
        && !response.headers.contains("content-encoding")) {
        if (QByteArray packed = gzipCompress(body); !packed.isEmpty() && packed.size() < body.size()) {
            body = std::move(packed);
            gzipped = true;
        }
    }
    QByteArray out;
    out.reserve(body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (auto it = response.headers.begin(); it != response.headers.end(); ++it) {
        // A header the framing owns is written below; a value with a line break would split the response.
        const QByteArray name = it.key().toLower();
        if (name == "content-length" || name == "connection" || name == "keep-alive" || name == "transfer-encoding" || name == "content-type"
            || it.key().contains('\n') || it.key().contains('\r') || it.value().contains('\n') || it.value().contains('\r'))
            continue;
        out += it.key() + ": " + it.value() + "\r\n";
    }
    if (framing.keepAlive)
        out += "Connection: Keep-Alive\r\nKeep-Alive: timeout=" + QByteArray::number(framing.keepAliveSeconds) + "\r\n";
    else
        out += "Connection: close\r\n";
    if (!response.contentType.isEmpty())
        out += "Content-Type: " + response.contentType + "\r\n";
    if (gzipped)
        out += "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n";
    out += body;
    return out;
}

} // namespace syncserver
