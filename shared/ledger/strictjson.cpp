// The strict JSON reader: one pass over the bytes for what Qt lets through (control characters in
// strings, deep nesting), keeping the path so that a refusal names its field; then Qt's parser for
// the syntax and the values.
#include "ledger/strictjson.h"

#include <QJsonDocument>
#include <QList>

namespace ledger::json {

namespace {

// Where the scan is: one frame per open object or array.
struct Frame
{
    bool object = false;
    bool expectKey = false; // in an object: the next string is a key
    QByteArrayView key;     // in an object: the key of the value being read (raw, escapes as sent)
    qsizetype index = 0;    // in an array: the position of the value being read
};

// The path of the value being read: "mutations[0].entity.name". With `partialKey`, the innermost
// object is still reading a key, which is named as far as it got.
QString pathOf(const QList<Frame> &frames, QByteArrayView partialKey = {})
{
    QString path;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const Frame &f = frames.at(i);
        if (!f.object) {
            path += QStringLiteral("[%1]").arg(f.index);
            continue;
        }
        const QByteArrayView key = f.expectKey ? partialKey : f.key;
        if (f.expectKey && i + 1 < frames.size())
            break; // cannot happen in valid JSON; Qt's parser names the syntax error
        if (key.isEmpty() && f.expectKey)
            break;
        if (!path.isEmpty())
            path += u'.';
        path += QString::fromUtf8(key);
    }
    return path;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The code unit of "\uXXXX" at `at` (the backslash), or -1 when it is not four hex digits.
int escapedUnit(QByteArrayView text, qsizetype at)
{
    if (at + 6 > text.size())
        return -1;
    int value = 0;
    for (qsizetype i = at + 2; i < at + 6; ++i) {
        const int h = hexValue(text[i]);
        if (h < 0)
            return -1;
        value = value * 16 + h;
    }
    return value;
}

// Tab, line feed and carriage return are the control characters free text may hold.
bool allowedEscapedControl(int c) { return c == '\t' || c == '\n' || c == '\r'; }

std::optional<FieldError> scan(QByteArrayView text, int maxDepth)
{
    QList<Frame> frames;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '"': {
            const bool isKey = !frames.isEmpty() && frames.last().object && frames.last().expectKey;
            const qsizetype start = i + 1;
            for (++i; i < text.size() && text[i] != '"'; ++i) {
                const auto byte = static_cast<unsigned char>(text[i]);
                const qsizetype at = i; // the character, or the backslash of its escape
                int control = -1;
                if (byte < 0x20) {
                    control = byte;
                } else if (byte == '\\' && i + 1 < text.size()) {
                    const char e = text[i + 1];
                    if (e == 'b' || e == 'f')
                        control = e == 'b' ? '\b' : '\f';
                    else if (e == 'u') {
                        const int unit = escapedUnit(text, i);
                        if (unit >= 0 && unit < 0x20 && !allowedEscapedControl(unit))
                            control = unit;
                    }
                    ++i; // the escaped character is never the string's end
                }
                if (control >= 0) {
                    const QString path = isKey ? pathOf(frames, text.sliced(start, at - start)) : pathOf(frames);
                    return FieldError(path, ErrorCode::ControlCharacter, {codePoint(char32_t(control)), QString::number(at)});
                }
            }
            if (i >= text.size())
                return std::nullopt; // unterminated: Qt's parser says where
            if (isKey) {
                frames.last().key = text.sliced(start, i - start);
                frames.last().expectKey = false;
            }
            break;
        }
        case '{':
        case '[':
            if (frames.size() >= maxDepth)
                return FieldError(pathOf(frames), ErrorCode::TooDeep, {QString::number(maxDepth)});
            frames.append(Frame{c == '{', c == '{', {}, 0});
            break;
        case '}':
        case ']':
            if (frames.isEmpty())
                return std::nullopt;
            frames.removeLast();
            break;
        case ',':
            if (frames.isEmpty())
                return std::nullopt;
            if (frames.last().object)
                frames.last().expectKey = true;
            else
                ++frames.last().index;
            break;
        default:
            break;
        }
    }
    return std::nullopt;
}

} // namespace

QString codePoint(char32_t c) { return QStringLiteral("U+") + QString::number(uint(c), 16).rightJustified(4, u'0').toUpper(); }

Result<QJsonObject> parseObject(QByteArrayView text, int maxDepth)
{
    if (auto problem = scan(text, maxDepth))
        return *problem;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError)
        return FieldError(QString(), ErrorCode::NotJson, {QString::number(err.offset), err.errorString()});
    if (!doc.isObject())
        return FieldError(QString(), ErrorCode::WrongType, {QStringLiteral("object"), doc.isArray() ? QStringLiteral("array") : QStringLiteral("null")});
    return doc.object();
}

} // namespace ledger::json
