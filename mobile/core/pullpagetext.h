// A page of GET /api/v1/sync/pull as the server sent it: each change with what the store needs of
// it (sequence, id, kind, whether a reviewer returned it) and its entity's JSON text as it stands
// in the page, accepted and refused exactly as ledger::sync::decodePullPage accepts and refuses
// the parsed page.
//
// The server writes a page from its stored entity texts (ledger::sync::PullPageWriter), which are
// its wire encoder's canonical output, and it answers only a device of its own wire version (the
// X-Ledger-Schema header). So an entity's text in the page is already what the device would store
// after decoding and encoding it again: the store keeps it as sent instead of doing that work for
// each of a page's 500 entities.
//
// The page is read in one pass over its text, with no JSON objects built, when it is plain — the
// way the server writes it: keys without escapes and named once, whole numbers in digits. Any
// other page is parsed with QJsonDocument and decoded by decodePullPage, so the answer (and the
// error naming the field) is the same for every text.
#pragma once

#include "ledger/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace mobile {

class PullPageText
{
public:
    struct Change
    {
        qint64 seq = 0;
        bool deleted = false;
        QString id;
        // The entity's "kind", else "person" when it has "roles", else "enterprise"; a tombstone's kind.
        QString kind;
        QByteArrayView text;   // the entity's JSON text, a view into the page; empty for a tombstone
        bool returned = false; // its review state is "returned"
        QString creditUnit;    // the unit it is credited to, read when it was returned
    };

    // Refuses what decodePullPage refuses (text that is not a JSON object reads as the empty
    // object, as HttpResponse::json() gives it), and a page that names "changes" or a change's
    // "entity" twice, since its text would then be ambiguous.
    [[nodiscard]] static ledger::Result<PullPageText> decode(const QByteArray &text);

    [[nodiscard]] qint64 cursor() const { return m_cursor; }
    [[nodiscard]] bool hasMore() const { return m_hasMore; }
    [[nodiscard]] const QList<Change> &changes() const { return m_changes; }

private:
    // The one pass over a plain page; nullopt when the page is not plain.
    [[nodiscard]] static std::optional<PullPageText> plain(const QByteArray &text);
    // Any page: parsed, decoded, and each entity's text found.
    [[nodiscard]] static ledger::Result<PullPageText> parsed(const QByteArray &text);

    QByteArray m_text; // owns the bytes the changes' texts point into (implicitly shared, never detached)
    qint64 m_cursor = 0;
    bool m_hasMore = false;
    QList<Change> m_changes;
};

} // namespace mobile
