// HTTP/1.1 request framing (RFC 9112), strict where leniency would let a request mean two things.
#include "httpparser.h"

namespace syncserver {

namespace {

[[nodiscard]] bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*': case '+': case '-': case '.':
    case '^': case '_': case '`': case '|': case '~':
        return true;
    default:
        return false;
    }
}

[[nodiscard]] bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (!isTokenChar(c))
            return false;
    return true;
}

// Field values: visible characters, spaces, tabs and bytes >= 0x80; never NUL, CR, LF or other controls.
[[nodiscard]] bool isFieldValue(QByteArrayView text)
{
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7f)
            return false;
    }
    return true;
}

[[nodiscard]] QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

[[nodiscard]] int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

ParsedRequest refused(ParsedRequest r, int status, const char *code, const QString &message, const QString &field = {})
{
    r.status = ParsedRequest::Status::Error;
    r.errorStatus = status;
    r.errorCode = QString::fromLatin1(code);
    r.errorMessage = message;
    r.errorField = field;
    return r;
}

// Does a comma-separated list (Connection, Accept-Encoding) name `token`, with a q-value above 0?
[[nodiscard]] bool listHas(QByteArrayView list, QByteArrayView token)
{
    for (const QByteArray &part : list.toByteArray().split(',')) {
        const QList<QByteArray> params = part.split(';');
        if (trimmed(params.first()).compare(token, Qt::CaseInsensitive) != 0)
            continue;
        for (qsizetype i = 1; i < params.size(); ++i) {
            const QByteArrayView p = trimmed(params[i]);
            if (p.startsWith("q=") || p.startsWith("Q="))
                return p.sliced(2).toByteArray().toDouble() > 0;
        }
        return true;
    }
    return false;
}

} // namespace

QByteArray percentDecode(QByteArrayView text, bool plusIsSpace)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            out.append(char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out.append(' ');
        } else {
            out.append(c);
        }
    }
    return out;
}

ParsedRequest parseRequest(QByteArrayView bytes, const ParseLimits &limits)
{
    ParsedRequest r;
    qsizetype start = 0;
    while (start < bytes.size() && (bytes[start] == '\r' || bytes[start] == '\n'))
        ++start;

    // The head's lines, each without its line ending (CRLF, or a bare LF as RFC 9112 §2.2 allows).
    QList<QByteArrayView> lines;
    qsizetype pos = start;
    qsizetype headEnd = -1;
    while (headEnd < 0) {
        const qsizetype nl = bytes.indexOf('\n', pos);
        if (nl < 0 || nl + 1 - start > limits.maxHeaderBytes) {
            if (bytes.size() - start > limits.maxHeaderBytes)
                return refused(r, 431, "headers_too_large",
                               QStringLiteral("the request line and headers exceed %1 bytes").arg(limits.maxHeaderBytes), QStringLiteral("headers"));
            return r;
        }
        QByteArrayView line = bytes.sliced(pos, nl - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = nl + 1;
        if (line.isEmpty())
            headEnd = pos;
        else
            lines.append(line);
    }
    r.headComplete = true;
    r.headBytes = headEnd;

    // Request line: method SP request-target SP HTTP-version, single spaces.
    const QByteArrayView requestLine = lines.first();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 < 0 || sp2 < 0 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return refused(r, 400, "bad_request", QStringLiteral("the request line must be: method, target and version separated by single spaces"),
                       QStringLiteral("request-line"));
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    if (!isToken(method))
        return refused(r, 400, "bad_request", QStringLiteral("the method is not a token"), QStringLiteral("method"));
    if (!target.startsWith('/') || !isFieldValue(target) || target.contains('\t'))
        return refused(r, 400, "bad_request", QStringLiteral("the request target must be a path starting with /"), QStringLiteral("target"));
    if (version == "HTTP/1.0")
        r.keepAlive = false;
    else if (version != "HTTP/1.1")
        return version.startsWith("HTTP/") && version.size() == 8
                   ? refused(r, 505, "version_not_supported", QStringLiteral("only HTTP/1.0 and HTTP/1.1 are served"), QStringLiteral("version"))
                   : refused(r, 400, "bad_request", QStringLiteral("the request line does not end in an HTTP version"), QStringLiteral("version"));

    // Header fields, names lower-cased; a repeated field is joined with ", " (RFC 9110 §5.3).
    QHash<QByteArray, QByteArray> &headers = r.request.headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines[i];
        if (line.front() == ' ' || line.front() == '\t')
            return refused(r, 400, "bad_request", QStringLiteral("folded header lines are not accepted"), QStringLiteral("headers"));
        const qsizetype colon = line.indexOf(':');
        const QByteArrayView name = colon < 0 ? QByteArrayView() : line.first(colon);
        if (!isToken(name))
            return refused(r, 400, "bad_request", QStringLiteral("a header line has no valid name before its colon"), QStringLiteral("headers"));
        const QByteArray lower = name.toByteArray().toLower();
        const QByteArrayView value = trimmed(line.sliced(colon + 1));
        if (!isFieldValue(value))
            return refused(r, 400, "bad_request", QStringLiteral("the header has control characters in its value"), QString::fromLatin1(name));
        if (lower == "content-length" && headers.contains(lower) && headers.value(lower) != value)
            return refused(r, 400, "bad_request", QStringLiteral("Content-Length is given twice with different values"), QStringLiteral("Content-Length"));
        auto it = headers.find(lower);
        if (it == headers.end())
            headers.insert(lower, value.toByteArray());
        else if (lower != "content-length")
            it.value() += ", " + value.toByteArray();
    }

    if (headers.contains("transfer-encoding"))
        return refused(r, 411, "length_required", QStringLiteral("send the body with a Content-Length; transfer codings such as chunked are not accepted"),
                       QStringLiteral("Transfer-Encoding"));
    if (const auto it = headers.constFind("content-length"); it != headers.constEnd()) {
        const QByteArray &text = it.value();
        bool digits = !text.isEmpty();
        for (const char c : text)
            digits = digits && c >= '0' && c <= '9';
        if (!digits)
            return refused(r, 400, "bad_request", QStringLiteral("Content-Length must be a whole number of bytes, 0 or more"), QStringLiteral("Content-Length"));
        // 19 digits may not fit in 64 bits; every length that long is over the cap anyway.
        const qint64 length = text.size() > 18 ? std::numeric_limits<qint64>::max() : text.toLongLong();
        if (length > limits.maxBodyBytes)
            return refused(r, 413, "too_large", QStringLiteral("the request body is larger than %1 bytes").arg(limits.maxBodyBytes), QStringLiteral("Content-Length"));
        r.contentLength = length;
    }
    if (const auto it = headers.constFind("connection"); it != headers.constEnd()) {
        if (listHas(it.value(), "close"))
            r.keepAlive = false;
        else if (listHas(it.value(), "keep-alive"))
            r.keepAlive = true;
    }
    if (const auto it = headers.constFind("expect"); it != headers.constEnd()) {
        if (it.value().compare("100-continue", Qt::CaseInsensitive) != 0)
            return refused(r, 417, "expectation_failed", QStringLiteral("only \"Expect: 100-continue\" is understood"), QStringLiteral("Expect"));
        r.expectContinue = true;
    }
    r.acceptsGzip = listHas(headers.value("accept-encoding"), "gzip");

    // The target: a %-decoded path and the query's parameters (%XX and '+' decoded; the last of a
    // repeated name wins, as when httplib's parameters were copied into our hash).
    const qsizetype question = target.indexOf('?');
    const QByteArray path = percentDecode(question < 0 ? target : target.first(question), false);
    if (path.contains('\0'))
        return refused(r, 400, "bad_request", QStringLiteral("the path holds an encoded NUL byte"), QStringLiteral("path"));
    r.request.method = QString::fromLatin1(method);
    r.request.path = QString::fromUtf8(path);
    if (question >= 0) {
        for (const QByteArray &pair : target.sliced(question + 1).toByteArray().split('&')) {
            if (pair.isEmpty())
                continue;
            const qsizetype eq = pair.indexOf('=');
            const QByteArrayView key = eq < 0 ? QByteArrayView(pair) : QByteArrayView(pair).first(eq);
            const QByteArrayView value = eq < 0 ? QByteArrayView() : QByteArrayView(pair).sliced(eq + 1);
            r.request.query.insert(QString::fromUtf8(percentDecode(key, true)), QString::fromUtf8(percentDecode(value, true)));
        }
    }

    if (bytes.size() - headEnd < r.contentLength)
        return r;
    r.request.body = bytes.sliced(headEnd, r.contentLength).toByteArray();
    r.consumed = headEnd + r.contentLength;
    r.status = ParsedRequest::Status::Complete;
    return r;
}

} // namespace syncserver
