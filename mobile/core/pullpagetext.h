// A page of GET /api/v1/sync/pull as the server sent it: decoded by ledger::sync::decodePullPage
// (the same checks, the same errors), with each entity's JSON text as it stands in the page.
//
// The server writes a page from its stored entity texts (ledger::sync::PullPageWriter), which are
// its wire encoder's canonical output, and it answers only a device of its own wire version (the
// X-Ledger-Schema header). So an entity's text in the page is already what the device would store
// after decoding and encoding it again: the store keeps it as sent instead of doing that work for
// each of a page's 500 entities.
#pragma once

#include "ledger/result.h"
#include "ledger/syncprotocol.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace mobile {

class PullPageText
{
public:
    // Refuses what decodePullPage refuses (text that is not a JSON object reads as the empty
    // object, as HttpResponse::json() gives it), and a page that names "changes" or a change's
    // "entity" twice, since its text would then be ambiguous.
    [[nodiscard]] static ledger::Result<PullPageText> decode(const QByteArray &text);

    [[nodiscard]] const ledger::sync::PullPage &page() const { return m_page; }
    // The JSON text of change i's entity, a view into the page's text; empty for a tombstone.
    [[nodiscard]] QByteArrayView entityText(qsizetype i) const { return m_entities.at(i); }

private:
    QByteArray m_text; // owns the bytes m_entities point into (implicitly shared, never detached)
    ledger::sync::PullPage m_page;
    QList<QByteArrayView> m_entities;
};

} // namespace mobile
