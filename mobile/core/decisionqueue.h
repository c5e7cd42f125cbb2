// DecisionQueue: a reviewer's decisions (认定: recognise, return, revoke) kept in the device's SQLite
// file (the decisions table of LocalSchema) until the server has answered for each, so that a
// decision made with the server out of reach is never lost. Decisions leave in the order they were
// made; one the server refuses (another reviewer decided first, evidence missing) stays, refused,
// with the server's words, until the reviewer has seen it.
#pragma once

#include "ledger/database.h"
#include "ledger/errors.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <optional>

namespace mobile {

class LocalStore;

struct QueuedDecision
{
    qint64 n = 0;           // the order it was made in
    QString recordId;
    QString action;         // recognise, return, revoke (ledger::ReviewAction's wire names)
    QString reason;
    QDateTime madeAt;       // UTC
    bool refused = false;   // the server answered no
    QString refusal;        // why, in the person's language
};

class DecisionQueue : public QObject
{
    Q_OBJECT

public:
    // Opens its own connection to the store's database file, which the store has already migrated
    // (the decisions table is schema version 3). Never throws: check isOpen() / openError().
    explicit DecisionQueue(const LocalStore &store, QObject *parent = nullptr);
    ~DecisionQueue() override;

    [[nodiscard]] bool isOpen() const { return m_db.has_value(); }
    [[nodiscard]] QString openError() const { return m_openError; }

    // Queues a decision after the ones already waiting. Refused, naming the field, when the record
    // id is empty, the action is not a reviewer's decision, a reason the move needs is missing, or
    // the record already has a decision waiting (one decision per record at a time).
    std::optional<ledger::FieldError> enqueue(const QString &recordId, const QString &action, const QString &reason, const QDateTime &at);
    // The decisions not yet answered, oldest first.
    [[nodiscard]] QList<QueuedDecision> waiting() const;
    // The decisions the server refused, oldest first.
    [[nodiscard]] QList<QueuedDecision> refused() const;
    // The waiting decision on this record, if any.
    [[nodiscard]] std::optional<QueuedDecision> waitingFor(const QString &recordId) const;
    [[nodiscard]] int waitingCount() const;

    // The server applied decision n: it leaves the queue.
    std::optional<ledger::FieldError> markSent(qint64 n);
    // The server refused decision n: kept with the reason until dismissed.
    std::optional<ledger::FieldError> markRefused(qint64 n, const QString &why);
    // The reviewer has read the refusal of decision n (or withdraws a waiting one).
    std::optional<ledger::FieldError> dismiss(qint64 n);

signals:
    // After every committed change.
    void changed();

private:
    template<class F>
    std::optional<ledger::FieldError> write(F &&f);
    [[nodiscard]] QList<QueuedDecision> select(bool refused) const;

    QString m_openError; // before m_db, which is opened saying why here
    mutable std::optional<ledger::Database> m_db;
};

} // namespace mobile
