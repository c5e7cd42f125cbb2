// Decoding a pull page from its text, and finding each entity's text in it.
#include "pullpagetext.h"

#include "ledger/syncprotocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mobile {

namespace {

// Walks JSON text that QJsonDocument has already accepted, so it only finds where values start
// and end; every step still stays inside the text.
class Walker
{
public:
    explicit Walker(QByteArrayView text) : m_text(text) {}

    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    // Consumes `c` (after white space) when it is next.
    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // Skips a string (the quote is next) and returns its raw contents; sets *escaped when it has escapes.
    QByteArrayView rawString(bool *escaped = nullptr)
    {
        const qsizetype start = ++m_pos; // past the opening quote
        while (!atEnd() && m_text.at(m_pos) != '"') {
            if (m_text.at(m_pos) == '\\') {
                if (escaped)
                    *escaped = true;
                ++m_pos;
            }
            ++m_pos;
        }
        const QByteArrayView raw = m_text.sliced(start, std::min(m_pos, m_text.size()) - start);
        ++m_pos; // the closing quote
        return raw;
    }

    // A string's contents, decoded when it has escapes (keys never do in the server's pages).
    QByteArray string()
    {
        skipSpace();
        bool escaped = false;
        const QByteArrayView raw = rawString(&escaped);
        if (!escaped)
            return raw.toByteArray();
        const QByteArray quoted = "[\"" + raw.toByteArray() + "\"]";
        return QJsonDocument::fromJson(quoted).array().at(0).toString().toUtf8();
    }

    // Skips one value and returns its text.
    QByteArrayView value()
    {
        skipSpace();
        const qsizetype start = m_pos;
        int depth = 0;
        do {
            if (atEnd())
                break;
            const char c = m_text.at(m_pos);
            if (c == '"') {
                (void)rawString();
                continue;
            }
            if (c == '{' || c == '[') {
                ++depth;
            } else if (c == '}' || c == ']') {
                --depth;
            } else if (depth == 0) {
                // A number or a literal: up to the next separator.
                while (!atEnd() && !QByteArrayView(",}] \t\n\r").contains(m_text.at(m_pos)))
                    ++m_pos;
                break;
            }
            ++m_pos;
        } while (depth > 0);
        return m_text.sliced(start, m_pos - start);
    }

    // Calls member(key) for each member of the object that starts here; member consumes the value
    // (returning false stops the walk). False when there is no object here or member stopped.
    template<class F>
    bool members(F &&member)
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        do {
            const QByteArray key = string();
            if (!take(':') || !member(key))
                return false;
        } while (take(','));
        return take('}');
    }

private:
    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

// Reads JSON text that nobody has checked yet, refusing (false) at the first thing that is not
// JSON, or not plain enough to be sure of it without QJsonDocument: those pages are parsed.
class Reader
{
public:
    static constexpr int MaxDepth = 64;

    explicit Reader(QByteArrayView text) : m_text(text) {}

    [[nodiscard]] bool atEnd() const { return m_pos >= m_text.size(); }
    [[nodiscard]] char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    [[nodiscard]] qsizetype position() const { return m_pos; }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                return;
            ++m_pos;
        }
    }

    bool take(char c)
    {
        skipSpace();
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    // A string (the quote is next); its raw contents in *raw, *escaped when it has escapes. Lone
    // surrogates in \u escapes are left to QJsonDocument.
    bool string(QByteArrayView *raw = nullptr, bool *escaped = nullptr)
    {
        if (!take('"'))
            return false;
        const qsizetype start = m_pos;
        bool anyEscape = false;
        for (;;) {
            if (atEnd())
                return false;
            const auto c = uchar(m_text.at(m_pos));
            if (c == '"')
                break;
            if (c < 0x20)
                return false;
            if (c == '\\') {
                anyEscape = true;
                if (++m_pos >= m_text.size())
                    return false;
                const char e = m_text.at(m_pos);
                if (e == 'u') {
                    if (m_pos + 4 >= m_text.size())
                        return false;
                    bool ok = false;
                    const uint code = QByteArrayView(m_text.sliced(m_pos + 1, 4)).toUInt(&ok, 16);
                    if (!ok || (code >= 0xd800 && code <= 0xdfff))
                        return false;
                    m_pos += 4;
                } else if (!QByteArrayView("\"\\/bfnrt").contains(e)) {
                    return false;
                }
            }
            ++m_pos;
        }
        if (raw)
            *raw = m_text.sliced(start, m_pos - start);
        if (escaped)
            *escaped = anyEscape;
        ++m_pos; // the closing quote
        return true;
    }

    // A string without escapes: its contents.
    bool plainString(QByteArrayView *raw)
    {
        bool escaped = false;
        return string(raw, &escaped) && !escaped;
    }

    // A whole number written in at most 15 digits (below 2^53, so exact), no sign, no fraction.
    bool wholeNumber(qint64 *out)
    {
        skipSpace();
        const qsizetype start = m_pos;
        while (!atEnd() && m_text.at(m_pos) >= '0' && m_text.at(m_pos) <= '9')
            ++m_pos;
        const qsizetype digits = m_pos - start;
        if (digits == 0 || digits > 15 || (digits > 1 && m_text.at(start) == '0'))
            return false;
        if (!atEnd() && QByteArrayView(".eE").contains(m_text.at(m_pos)))
            return false;
        *out = m_text.sliced(start, digits).toLongLong();
        return true;
    }

    bool literal(bool *out)
    {
        skipSpace();
        if (m_text.sliced(m_pos).startsWith("true")) {
            m_pos += 4;
            *out = true;
            return true;
        }
        if (m_text.sliced(m_pos).startsWith("false")) {
            m_pos += 5;
            *out = false;
            return true;
        }
        return false;
    }

    // Any value, checked; its text in *out.
    bool value(QByteArrayView *out = nullptr, int depth = 0)
    {
        skipSpace();
        const qsizetype start = m_pos;
        if (!valueAt(depth))
            return false;
        if (out)
            *out = m_text.sliced(start, m_pos - start);
        return true;
    }

    // Calls member(key) for each member of the object that starts here (keys without escapes);
    // member reads the value. False when it is not such an object or member returned false.
    template<class F>
    bool members(F &&member)
    {
        if (!take('{'))
            return false;
        if (take('}'))
            return true;
        do {
            QByteArrayView key;
            skipSpace();
            if (!plainString(&key) || !take(':') || !member(key))
                return false;
        } while (take(','));
        return take('}');
    }

private:
    bool valueAt(int depth)
    {
        if (depth > MaxDepth)
            return false;
        const char c = peek();
        if (c == '"')
            return string();
        if (c == '{') {
            ++m_pos;
            if (take('}'))
                return true;
            do {
                skipSpace();
                if (!string() || !take(':') || !value(nullptr, depth + 1))
                    return false;
            } while (take(','));
            return take('}');
        }
        if (c == '[') {
            ++m_pos;
            if (take(']'))
                return true;
            do {
                if (!value(nullptr, depth + 1))
                    return false;
            } while (take(','));
            return take(']');
        }
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        bool ignored = false;
        if (literal(&ignored))
            return true;
        if (m_text.sliced(m_pos).startsWith("null")) {
            m_pos += 4;
            return true;
        }
        return false;
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    bool number()
    {
        auto digits = [this] {
            const qsizetype start = m_pos;
            while (!atEnd() && m_text.at(m_pos) >= '0' && m_text.at(m_pos) <= '9')
                ++m_pos;
            return m_pos - start;
        };
        if (peek() == '-')
            ++m_pos;
        const qsizetype start = m_pos;
        const qsizetype whole = digits();
        if (whole == 0 || (whole > 1 && m_text.at(start) == '0'))
            return false;
        if (peek() == '.') {
            ++m_pos;
            if (digits() == 0)
                return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++m_pos;
            if (peek() == '+' || peek() == '-')
                ++m_pos;
            if (digits() == 0)
                return false;
        }
        return true;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
};

// Reads the members of an object value and keeps the text of the one named `name` (a string
// without escapes); absent or not a string: an empty view. False when the object is not plain.
bool plainMember(Reader &r, QByteArrayView name, QByteArrayView *out)
{
    r.skipSpace();
    if (r.peek() != '{')
        return r.value(); // not an object: nothing in it
    bool seen = false;
    return r.members([&](QByteArrayView key) {
        if (key != name)
            return r.value();
        if (seen)
            return false;
        seen = true;
        r.skipSpace();
        if (r.peek() != '"')
            return r.value(); // not a string: read as empty, as QJsonValue::toString() does
        return r.plainString(out);
    });
}

ledger::FieldError twice(const QString &field)
{
    return ledger::FieldError{field, QCoreApplication::translate("PullPageText", "在同步页中出现了两次")};
}

} // namespace

ledger::Result<PullPageText> PullPageText::decode(const QByteArray &text)
{
    if (std::optional<PullPageText> fast = plain(text))
        return std::move(*fast);
    return parsed(text);
}

std::optional<PullPageText> PullPageText::plain(const QByteArray &text)
{
    if (!QByteArrayView(text).isValidUtf8())
        return std::nullopt;
    PullPageText out;
    out.m_text = text;
    Reader r(out.m_text);
    bool seenChanges = false, seenCursor = false, seenMore = false;

    // One change: an entity (its id, kind, review state and credited unit read on the way) or a
    // tombstone; false when it is not plain or decodePullPage would refuse it.
    auto change = [&]() -> bool {
        Change c;
        bool seenSeq = false, seenDeleted = false, seenEntity = false, entityIsObject = false, seenId = false, seenKind = false;
        QByteArrayView id, kind;
        const bool read = r.members([&](QByteArrayView key) {
            if (key == "seq") {
                return !std::exchange(seenSeq, true) && r.wholeNumber(&c.seq) && c.seq >= 1;
            }
            if (key == "deleted")
                return !std::exchange(seenDeleted, true) && r.literal(&c.deleted);
            if (key == "id" || key == "kind") {
                bool &seen = key == "id" ? seenId : seenKind;
                if (std::exchange(seen, true))
                    return false;
                r.skipSpace();
                if (r.peek() != '"')
                    return r.value(); // only a tombstone reads it, and then it must be text
                return r.plainString(key == "id" ? &id : &kind) && (key == "id" ? !id.isEmpty() : !kind.isEmpty());
            }
            if (key != "entity")
                return r.value();
            if (std::exchange(seenEntity, true))
                return false;
            r.skipSpace();
            const qsizetype start = r.position();
            if (r.peek() != '{')
                return r.value(); // decodePullPage refuses it unless this is a tombstone
            entityIsObject = true;
            bool seenOwnId = false, seenOwnKind = false, roles = false, seenRoles = false, seenReview = false, seenCredit = false;
            QByteArrayView ownId, ownKind, state, unit;
            const bool entity = r.members([&](QByteArrayView member) {
                if (member == "id") {
                    return !std::exchange(seenOwnId, true) && r.plainString(&ownId) && !ownId.isEmpty();
                }
                if (member == "kind")
                    return !std::exchange(seenOwnKind, true) && r.plainString(&ownKind);
                if (member == "roles") {
                    roles = true;
                    return !std::exchange(seenRoles, true) && r.value();
                }
                if (member == "review")
                    return !std::exchange(seenReview, true) && plainMember(r, "state", &state);
                if (member == "credit")
                    return !std::exchange(seenCredit, true) && plainMember(r, "unit", &unit);
                return r.value();
            });
            if (!entity || !seenOwnId)
                return false;
            c.text = QByteArrayView(out.m_text).sliced(start, r.position() - start);
            c.id = QString::fromUtf8(ownId);
            c.kind = seenOwnKind ? QString::fromUtf8(ownKind) : roles ? QStringLiteral("person") : QStringLiteral("enterprise");
            c.returned = state == "returned";
            if (c.returned)
                c.creditUnit = QString::fromUtf8(unit);
            return true;
        });
        if (!read || !seenSeq)
            return false;
        if (c.deleted) {
            if (id.isEmpty() || kind.isEmpty())
                return false;
            c.id = QString::fromUtf8(id);
            c.kind = QString::fromUtf8(kind);
            c.text = {};
            c.returned = false;
            c.creditUnit.clear();
        } else if (!entityIsObject) {
            return false;
        }
        out.m_changes << std::move(c);
        return true;
    };

    const bool read = r.members([&](QByteArrayView key) {
        if (key == "changes") {
            if (std::exchange(seenChanges, true) || !r.take('['))
                return false;
            if (r.take(']'))
                return true;
            do {
                if (!change())
                    return false;
            } while (r.take(','));
            return r.take(']');
        }
        if (key == "cursor")
            return !std::exchange(seenCursor, true) && r.wholeNumber(&out.m_cursor);
        if (key == "hasMore")
            return !std::exchange(seenMore, true) && r.literal(&out.m_hasMore);
        return r.value();
    });
    r.skipSpace();
    if (!read || !r.atEnd() || !seenChanges || !seenCursor)
        return std::nullopt;
    return out;
}

ledger::Result<PullPageText> PullPageText::parsed(const QByteArray &text)
{
    PullPageText out;
    const QJsonDocument document = QJsonDocument::fromJson(text);
    const auto page = ledger::sync::decodePullPage(document.object());
    if (!page)
        return page.error();
    out.m_text = text;
    out.m_cursor = page.value().cursor;
    out.m_hasMore = page.value().hasMore;
    QList<QByteArrayView> entities;

    Walker s(out.m_text);
    bool changesSeen = false;
    std::optional<ledger::FieldError> problem;
    const bool walked = s.members([&](const QByteArray &key) {
        if (key != "changes") {
            (void)s.value();
            return true;
        }
        if (changesSeen) {
            problem = twice(QStringLiteral("changes"));
            return false;
        }
        changesSeen = true;
        if (!s.take('['))
            return false; // decodePullPage saw an array: this cannot happen
        if (s.take(']'))
            return true;
        do {
            QByteArrayView entity;
            const bool change = s.members([&](const QByteArray &member) {
                if (member != "entity") {
                    (void)s.value();
                    return true;
                }
                if (!entity.isNull()) {
                    problem = twice(QStringLiteral("changes[%1].entity").arg(entities.size()));
                    return false;
                }
                entity = s.value();
                return true;
            });
            if (!change)
                return false;
            entities << entity;
        } while (s.take(','));
        return s.take(']');
    });
    if (problem)
        return *problem;
    // The walk follows text QJsonDocument accepted and decodePullPage read, so it finds what they
    // found; anything else would mean the two disagree about the text, and nothing is applied.
    const QList<ledger::sync::Change> &changes = page.value().changes;
    bool agrees = walked && entities.size() == changes.size();
    for (qsizetype i = 0; agrees && i < entities.size(); ++i)
        agrees = changes.at(i).deleted || entities.at(i).startsWith('{');
    if (!agrees)
        return ledger::FieldError{QStringLiteral("changes"), QCoreApplication::translate("PullPageText", "同步页的文本无法逐条读取")};

    out.m_changes.reserve(changes.size());
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const ledger::sync::Change &from = changes.at(i);
        Change c;
        c.seq = from.seq;
        c.deleted = from.deleted;
        if (from.deleted) {
            c.id = from.id;
            c.kind = from.kind;
        } else {
            const QJsonObject &e = from.entity;
            c.id = e.value(u"id").toString();
            c.kind = e.value(u"kind").toString(e.contains(u"roles") ? QStringLiteral("person") : QStringLiteral("enterprise"));
            c.text = entities.at(i);
            c.returned = e.value(u"review").toObject().value(u"state").toString() == u"returned";
            if (c.returned)
                c.creditUnit = e.value(u"credit").toObject().value(u"unit").toString();
        }
        out.m_changes << std::move(c);
    }
    return out;
}

} // namespace mobile
