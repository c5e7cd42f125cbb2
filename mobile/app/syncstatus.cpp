// The SyncStatus singleton.
#include "syncstatus.h"

#include "format.h"
#include "localstore.h"
#include "syncclient.h"

#include <QLocale>

namespace mobile {

SyncStatus::SyncStatus(const LocalStore &store, SyncClient &sync, const Format &format, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_format(format)
{
    connect(&m_sync, &SyncClient::stateChanged, this, &SyncStatus::changed);
    connect(&m_sync, &SyncClient::progressChanged, this, &SyncStatus::changed);
    connect(&m_sync, &SyncClient::lastErrorChanged, this, &SyncStatus::changed);
    connect(&m_sync, &SyncClient::conflictsChanged, this, &SyncStatus::changed);
    connect(&m_store, &LocalStore::pendingCountChanged, this, &SyncStatus::changed);
    connect(&m_format, &Format::languageChanged, this, &SyncStatus::changed);
}

QString SyncStatus::state() const
{
    switch (m_sync.state()) {
    case SyncClient::State::Idle: return QStringLiteral("idle");
    case SyncClient::State::Syncing: return QStringLiteral("syncing");
    case SyncClient::State::UpToDate: return QStringLiteral("upToDate");
    case SyncClient::State::Waiting: return QStringLiteral("waiting");
    case SyncClient::State::Failed: return QStringLiteral("failed");
    case SyncClient::State::SignInNeeded: return QStringLiteral("signInNeeded");
    }
    return {};
}

QString SyncStatus::statusText() const
{
    switch (m_sync.state()) {
    case SyncClient::State::Syncing: return tr("正在同步…");
    case SyncClient::State::SignInNeeded: return tr("登录已过期，请重新登录（未同步的记录都保留在本机）");
    case SyncClient::State::Failed: return tr("同步失败：%1").arg(m_sync.lastError());
    case SyncClient::State::Waiting: return tr("%1 条待同步，网络恢复后自动同步").arg(pendingCount());
    default:
        return pendingCount() == 0 ? tr("已是最新") : tr("%1 条待同步").arg(pendingCount());
    }
}

int SyncStatus::pendingCount() const { return m_store.pendingCount(); }

double SyncStatus::progress() const { return m_sync.progress(); }

QString SyncStatus::error() const { return m_sync.lastError(); }

QString SyncStatus::lastSyncedText() const
{
    const QDateTime at = m_sync.lastSyncedAt();
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : tr("从未同步");
}

QVariantList SyncStatus::conflicts() const
{
    QVariantList out;
    for (const QJsonValue &c : m_sync.conflicts()) {
        QVariantMap conflict = c.toObject().toVariantMap();
        conflict.insert(QStringLiteral("description"), m_format.describeRecordId(conflict.value(QStringLiteral("entity")).toString()));
        out.append(conflict);
    }
    return out;
}

void SyncStatus::syncNow() { m_sync.syncNow(); }

void SyncStatus::resolveConflict(qint64 conflictId, const QString &keep) { m_sync.resolveConflict(conflictId, keep); }

} // namespace mobile
