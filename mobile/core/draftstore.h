// DraftStore: the forms a person has started and not saved, kept in the device's SQLite file (the
// drafts table of LocalSchema) as they type, so that leaving a form, the app being killed or the
// tablet restarting loses nothing. A draft is the record's wire JSON as the form holds it, valid or
// not; it lives beside the entities and the outbox, never in them, so it is never listed, scored or
// pushed. One draft per record: a new record's draft carries the id the record gets when saved.
#pragma once

#include "ledger/database.h"
#include "ledger/errors.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace mobile {

class LocalStore;

struct Draft
{
    QString id;               // the record's (or enterprise's) id
    QString kind;             // visit, trip, …, enterprise
    bool ofStoredRecord = false; // edits of a saved record, not a new one
    QJsonObject json;         // the form's record as it stands
    QDateTime updatedAt;      // UTC, when it was last written
};

class DraftStore : public QObject
{
    Q_OBJECT

public:
    // Opens its own connection to the store's database file, which the store has already migrated
    // (the drafts table is schema version 3). Never throws: check isOpen() / openError().
    explicit DraftStore(const LocalStore &store, QObject *parent = nullptr);
    ~DraftStore() override;

    [[nodiscard]] bool isOpen() const { return m_db.has_value(); }
    [[nodiscard]] QString openError() const { return m_openError; }

    // Writes the draft, replacing the record's earlier one. Refused, naming the field, when the id
    // or the kind is empty, the JSON's id differs from the draft's, or the time is not valid.
    std::optional<ledger::FieldError> put(const Draft &draft);
    [[nodiscard]] std::optional<Draft> draft(const QString &id) const;
    // Every draft, the most recently written first.
    [[nodiscard]] QList<Draft> drafts() const;
    [[nodiscard]] int count() const;
    // Forgets the record's draft (saved, or discarded by the person); no draft is not an error.
    std::optional<ledger::FieldError> remove(const QString &id);

signals:
    // After every committed put or remove.
    void changed();

private:
    template<class F>
    std::optional<ledger::FieldError> write(F &&f);

    QString m_openError; // before m_db, which is opened saying why here
    mutable std::optional<ledger::Database> m_db; // reading compiles cached statements
};

} // namespace mobile
