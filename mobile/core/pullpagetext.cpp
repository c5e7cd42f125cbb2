// Decoding a pull page from its text, and finding each entity's text in it.
#include "pullpagetext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace mobile {

namespace {

// Walks JSON text that QJsonDocument has already accepted, so it only finds where values start
// and end; every step still stays inside the text.
class Scanner
{
public:
    explicit Scanner(QByteArrayView text) : m_text(text) {}

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

ledger::FieldError twice(const QString &field)
{
    return ledger::FieldError{field, QCoreApplication::translate("PullPageText", "在同步页中出现了两次")};
}

} // namespace

ledger::Result<PullPageText> PullPageText::decode(const QByteArray &text)
{
    PullPageText out;
    const QJsonDocument document = QJsonDocument::fromJson(text);
    auto page = ledger::sync::decodePullPage(document.object());
    if (!page)
        return page.error();
    out.m_text = text;
    out.m_page = std::move(page).value();
    out.m_entities.reserve(out.m_page.changes.size());

    Scanner s(out.m_text);
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
                    problem = twice(QStringLiteral("changes[%1].entity").arg(out.m_entities.size()));
                    return false;
                }
                entity = s.value();
                return true;
            });
            if (!change)
                return false;
            out.m_entities << entity;
        } while (s.take(','));
        return s.take(']');
    });
    if (problem)
        return *problem;
    // The walk follows text QJsonDocument accepted and decodePullPage read, so it finds what they
    // found; anything else would mean the two disagree about the text, and nothing is applied.
    bool agrees = walked && out.m_entities.size() == out.m_page.changes.size();
    for (qsizetype i = 0; agrees && i < out.m_entities.size(); ++i)
        agrees = out.m_page.changes.at(i).deleted || out.m_entities.at(i).startsWith('{');
    if (!agrees)
        return ledger::FieldError{QStringLiteral("changes"), QCoreApplication::translate("PullPageText", "同步页的文本无法逐条读取")};
    return out;
}

} // namespace mobile
