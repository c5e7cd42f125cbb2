// The entities table of the local store: one row per entity the device knows, its canonical wire
// JSON and its sync state. Reads and writes of single rows; the lists are EntityQueries'.
#pragma once

#include "ledger/database.h"
#include "ledger/result.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace mobile {

// The two kinds of entity that are not records.
inline const QString KindEnterprise = QStringLiteral("enterprise");
inline const QString KindPerson = QStringLiteral("person");

// One entity as the device holds it.
struct LocalEntity
{
    QString id;
    QString kind;              // a record kind's wire name ("lead", "visit", …), "enterprise" or "person"
    QJsonObject json;          // canonical wire JSON with this device's un-pushed edits applied
    qint64 serverVersion = 0;  // the server's sequence number of the copy it is based on; 0: never on the server
    bool localChanges = false; // edits of it wait in the outbox
    bool deleted = false;      // deleted on this device; the deletion is not confirmed yet
    QString rejectedReason;    // why the server refused this device's last change of it; empty when it did not

    [[nodiscard]] bool isRecord() const { return kind != u"enterprise" && kind != u"person"; }
};

class EntityTable
{
public:
    // The columns fromRow() reads, in its order, for a SELECT of whole entities.
    static const QString Columns;
    [[nodiscard]] static LocalEntity fromRow(const ledger::Statement &s);

    explicit EntityTable(ledger::Database &db) : m_db(db) {}

    // Including an entity deleted on this device. Throws ledger::DatabaseError.
    [[nodiscard]] std::optional<LocalEntity> read(const QString &id) const;
    // Inserts or updates in place, so the row keeps its rowid. Throws ledger::DatabaseError.
    void write(const LocalEntity &e);
    // The server's copy of an entity as pulled: inserted, or put in place of a stored copy that has
    // no edits waiting (its rejection reason stays). False, writing nothing, when edits of it wait
    // in the outbox: those are merged by the caller. `json` is the canonical text, stored as given.
    // Throws ledger::DatabaseError.
    [[nodiscard]] bool writePulled(const QString &id, const QString &kind, QByteArrayView json, qint64 serverVersion);
    // Sets the entity's local-changes flag from whether the outbox still holds an entry of it.
    void refreshLocalChanges(const QString &id);

private:
    ledger::Database &m_db;
};

} // namespace mobile
