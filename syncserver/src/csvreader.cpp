// CSV files as Excel writes them: the encoding detected, then RFC 4180 fields.
#include "csvreader.h"

#include "http.h"

#include <QStringDecoder>

#include <cerrno>
#include <iconv.h>

namespace syncserver {

namespace {

HttpError badFile(const QString &code, const QString &message)
{
    return HttpError{422, code, message, QStringLiteral("file")};
}

int lineAt(const QByteArray &bytes, qsizetype offset)
{
    return int(bytes.left(offset).count('\n')) + 1;
}

// Strict UTF-8 (no overlong forms, no surrogates); nullopt when valid, else the first bad byte.
std::optional<qsizetype> firstBadUtf8(const QByteArray &b)
{
    const auto *p = reinterpret_cast<const unsigned char *>(b.constData());
    const qsizetype n = b.size();
    for (qsizetype i = 0; i < n;) {
        const unsigned char c = p[i];
        int len = 0;
        unsigned min = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
        else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
        else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
        else return i;
        if (i + len > n)
            return i;
        unsigned cp = c & (0xFF >> (len + 1));
        for (int k = 1; k < len; ++k) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::nullopt;
}

// GB18030 through glibc's iconv, refusing (not skipping) what it cannot read.
QString fromGb18030(const QByteArray &bytes)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == iconv_t(-1))
        throw std::runtime_error("iconv cannot convert from GB18030 on this system");
    QByteArray out(bytes.size() * 2 + 16, Qt::Uninitialized);
    char *in = const_cast<char *>(bytes.constData());
    std::size_t inLeft = std::size_t(bytes.size());
    char *dst = out.data();
    std::size_t outLeft = std::size_t(out.size());
    while (inLeft > 0) {
        if (iconv(cd, &in, &inLeft, &dst, &outLeft) != std::size_t(-1))
            continue;
        if (errno == E2BIG) { // GB18030 takes at most 4 bytes a character, UTF-8 as many: grow anyway
            const qsizetype used = dst - out.data();
            out.resize(out.size() * 2);
            dst = out.data() + used;
            outLeft = std::size_t(out.size() - used);
            continue;
        }
        const qsizetype at = in - bytes.constData();
        iconv_close(cd);
        throw badFile(QStringLiteral("bad_encoding"),
                      QStringLiteral("line %1 holds bytes that are neither UTF-8 nor GB18030 (byte %2): save the sheet again as "
                                     "\"CSV UTF-8\" or \"CSV\" from Excel")
                          .arg(lineAt(bytes, at))
                          .arg(at + 1));
    }
    iconv_close(cd);
    out.truncate(dst - out.data());
    return QString::fromUtf8(out);
}

// Our CSV export puts an apostrophe before text a spreadsheet would run as a formula (sheetwriter.cpp).
QString unguarded(QString s)
{
    if (s.size() >= 2 && s[0] == u'\'' && QStringView(u"=+-@\t\r").contains(s[1]))
        s.remove(0, 1);
    return s;
}

} // namespace

QString decodeCsvText(const QByteArray &bytes, CsvEncoding *detected)
{
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF"))
        throw badFile(QStringLiteral("bad_encoding"), QStringLiteral("the file is UTF-16 (Excel's \"Unicode text\"): save the sheet as "
                                                                     "\"CSV UTF-8\" or \"CSV\" instead"));
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        throw badFile(QStringLiteral("bad_encoding"), QStringLiteral("line %1 holds a NUL byte: this is not a text file in UTF-8 or GB18030")
                                                          .arg(lineAt(bytes, nul)));
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    const QByteArray body = bom ? bytes.mid(3) : bytes;
    const std::optional<qsizetype> bad = firstBadUtf8(body);
    if (!bad) {
        if (detected)
            *detected = CsvEncoding::Utf8;
        return QString::fromUtf8(body);
    }
    if (bom) // it says UTF-8 and is not: reading it as anything else would be a guess
        throw badFile(QStringLiteral("bad_encoding"), QStringLiteral("the file starts with a UTF-8 mark but line %1 is not UTF-8 (byte %2)")
                                                          .arg(lineAt(body, *bad))
                                                          .arg(*bad + 4));
    if (detected)
        *detected = CsvEncoding::Gb18030;
    return fromGb18030(bytes);
}

CsvFile readCsv(const QByteArray &bytes)
{
    CsvFile file;
    const QString text = decodeCsvText(bytes, &file.encoding);
    QList<SourceRow> &rows = file.table.rows;
    SourceRow row{1, {}};
    QString field;
    bool quoted = false;     // inside a quoted field
    bool wasQuoted = false;  // the current field started with a quote
    int quoteRow = 0;
    const auto endField = [&] {
        row.cells.append(SourceCell{unguarded(field), false});
        field.clear();
        wasQuoted = false;
    };
    const auto endRow = [&] {
        endField();
        rows.append(std::move(row));
        row = SourceRow{int(rows.size()) + 1, {}};
    };
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < n && text[i + 1] == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == u'"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
            quoteRow = row.number;
        } else if (c == u',') {
            endField();
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < n && text[i + 1] == u'\n')
                ++i;
            endRow();
        } else {
            field += c; // a quote inside an unquoted field is kept, as Excel does
        }
    }
    if (quoted)
        throw badFile(QStringLiteral("bad_csv"), QStringLiteral("row %1 opens a quoted field that is never closed").arg(quoteRow));
    if (!field.isEmpty() || wasQuoted || !row.cells.isEmpty())
        endRow();
    return file;
}

} // namespace syncserver
