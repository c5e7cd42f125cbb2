// Score reports as sent, by what was asked (period, details, the unit whose detail is shown), each
// with the ledger version (last sequence number) and the pool shares it was computed from. Readers
// at the monthly meeting ask for the same report many times between changes; a report of another
// version or other shares is never answered.
#pragma once

#include "ledger/scoring.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <optional>

namespace syncserver {

class ScoreCache
{
public:
    static constexpr qint64 DefaultBudgetBytes = 256LL * 1024 * 1024;

    // Keeps at most `budgetBytes` of report bodies; a single report over half of it is not kept.
    explicit ScoreCache(qint64 budgetBytes = DefaultBudgetBytes);

    // What a report is looked up by: the period, with or without the record lists, and whose
    // detail it shows ("*" for every unit, else a unit code).
    [[nodiscard]] static QString key(const ledger::Period &period, bool details, const QString &detailOf);

    // The report kept under `key` if it was computed from ledger version `seq` with these shares.
    // Thread-safe, like insert().
    [[nodiscard]] std::optional<QByteArray> find(const QString &key, qint64 seq, const QByteArray &shares);
    // Keeps the report, replacing what was under `key`. Over the budget, reports of versions other
    // than `seq` go first, then the least recently used.
    void insert(const QString &key, qint64 seq, const QByteArray &shares, const QByteArray &body);

    [[nodiscard]] qsizetype count() const;
    [[nodiscard]] qint64 bytes() const;

private:
    struct Entry
    {
        qint64 seq = -1;
        QByteArray shares;
        QByteArray body;
        quint64 lastUse = 0;
    };
    void evictFor(qint64 incomingBytes, qint64 seq);

    const qint64 m_budget;
    mutable QMutex m_lock;
    QHash<QString, Entry> m_entries;
    quint64 m_clock = 0;
};

} // namespace syncserver
