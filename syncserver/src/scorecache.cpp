// The score report cache: lookup by request and version, insertion within a byte budget.
#include "scorecache.h"

namespace syncserver {

ScoreCache::ScoreCache(qint64 budgetBytes)
    : m_budget(budgetBytes)
{
}

QString ScoreCache::key(const ledger::Period &period, bool details, const QString &detailOf)
{
    return QStringLiteral("%1/%2/%3/%4/%5").arg(period.year).arg(period.quarter).arg(int(period.quarterAlone)).arg(int(details)).arg(detailOf);
}

std::optional<QByteArray> ScoreCache::find(const QString &key, qint64 seq, const QByteArray &shares)
{
    QMutexLocker lock(&m_lock);
    auto it = m_entries.find(key);
    if (it == m_entries.end() || it->seq != seq || it->shares != shares)
        return std::nullopt;
    it->lastUse = ++m_clock;
    return it->body;
}

void ScoreCache::insert(const QString &key, qint64 seq, const QByteArray &shares, const QByteArray &body)
{
    if (body.size() > m_budget / 2)
        return;
    QMutexLocker lock(&m_lock);
    m_entries.remove(key);
    evictFor(body.size(), seq);
    m_entries.insert(key, Entry{seq, shares, body, ++m_clock});
}

// Called with the lock held.
void ScoreCache::evictFor(qint64 incomingBytes, qint64 seq)
{
    qint64 total = incomingBytes;
    for (const Entry &e : std::as_const(m_entries))
        total += e.body.size();
    while (total > m_budget && !m_entries.isEmpty()) {
        auto victim = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if ((it->seq != seq) != (victim->seq != seq) ? it->seq != seq : it->lastUse < victim->lastUse)
                victim = it;
        }
        total -= victim->body.size();
        m_entries.erase(victim);
    }
}

qsizetype ScoreCache::count() const
{
    QMutexLocker lock(&m_lock);
    return m_entries.size();
}

qint64 ScoreCache::bytes() const
{
    QMutexLocker lock(&m_lock);
    qint64 total = 0;
    for (const Entry &e : m_entries)
        total += e.body.size();
    return total;
}

} // namespace syncserver
