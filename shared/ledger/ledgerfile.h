// A whole ledger as one JSON document: {"v": 1, "scheme": "...", "enterprises": [...],
// "people": [...], "records": [...]}, each entry in the wire format. Used for the demo scenario,
// imports and exports, and tests.
#pragma once

#include "ledger/ledger.h"
#include "ledger/result.h"

#include <QByteArray>
#include <QJsonObject>

namespace ledger {

struct LedgerDocument
{
    QString schemeId;
    Ledger ledger;
};

// Rejects the whole document on the first bad entry, naming it ("records[12].amount: …").
[[nodiscard]] Result<LedgerDocument> readLedgerDocument(const QByteArray &json);
[[nodiscard]] Result<LedgerDocument> readLedgerFile(const QString &path);
[[nodiscard]] QJsonObject toJson(const LedgerDocument &document);

} // namespace ledger
