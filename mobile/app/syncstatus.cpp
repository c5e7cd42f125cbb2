// The SyncStatus singleton.
#include "syncstatus.h"

#include "format.h"
#include "localstore.h"
#include "syncclient.h"

#include <QLocale>
#include <QPointer>

#include <utility>

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
    connect(&m_sync, &SyncClient::syncFinished, this, &SyncStatus::onSyncFinished);
    connect(&m_sync, &SyncClient::signedInChanged, this, &SyncStatus::scheduleProbe);
    connect(&m_store, &LocalStore::pendingCountChanged, this, &SyncStatus::changed);
    connect(&m_format, &Format::languageChanged, this, &SyncStatus::changed);
    m_probe.setSingleShot(true);
    connect(&m_probe, &QTimer::timeout, this, &SyncStatus::probe);
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
        if (!m_reachable)
            return pendingCount() == 0 ? tr("未连接服务器") : tr("%1 条待同步，连接服务器后自动同步").arg(pendingCount());
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

QString SyncStatus::connection() const
{
    switch (m_sync.state()) {
    case SyncClient::State::Syncing: return QStringLiteral("syncing");
    case SyncClient::State::SignInNeeded: return QStringLiteral("signInNeeded");
    case SyncClient::State::Failed: return QStringLiteral("failed");
    case SyncClient::State::Waiting: return QStringLiteral("offline");
    default: return m_reachable ? QStringLiteral("online") : QStringLiteral("offline");
    }
}

QString SyncStatus::connectionText() const
{
    const int pending = pendingCount();
    const QString c = connection();
    if (c == u"syncing")
        return tr("同步中 · %1").arg(progressText());
    if (c == u"signInNeeded")
        return tr("需要重新登录 · %1 条待同步").arg(pending);
    if (c == u"failed")
        return tr("同步失败 · %1 条待同步").arg(pending);
    if (c == u"offline")
        return pending > 0 ? tr("离线 · %1 条待同步").arg(pending) : tr("离线");
    return pending > 0 ? tr("在线 · %1 条待同步").arg(pending) : tr("在线 · 已同步");
}

QString SyncStatus::progressText() const
{
    const SyncClient::RunCounts c = m_sync.runCounts();
    QStringList parts;
    if (c.toSend > 0)
        parts << tr("已发送 %1 / %2 条").arg(QLocale().toString(c.sent), QLocale().toString(c.toSend));
    if (c.pages > 0)
        parts << tr("已下载 %1 页（%2 条）").arg(QLocale().toString(c.pages), QLocale().toString(c.received));
    return parts.isEmpty() ? tr("正在连接…") : parts.join(QStringLiteral(" · "));
}

void SyncStatus::onSyncFinished(bool ok)
{
    const bool asked = std::exchange(m_personAsked, false);
    if (ok) {
        setReachable(true);
        const SyncClient::RunCounts c = m_sync.runCounts();
        m_summary = tr("发送 %1 条，收到 %2 条，退回 %3 条，冲突 %4 条")
                        .arg(c.sent)
                        .arg(c.received)
                        .arg(c.returned)
                        .arg(m_sync.conflicts().size());
        emit changed();
        if (asked || c.sent > 0 || c.received > 0)
            emit notice(tr("同步完成：%1").arg(m_summary));
    } else {
        if (m_sync.state() == SyncClient::State::Waiting)
            setReachable(false);
        if (asked)
            emit notice(statusText());
    }
    scheduleProbe();
}

void SyncStatus::syncNow()
{
    m_personAsked = true;
    if (connection() == u"offline")
        emit notice(tr("正在尝试连接服务器…（%1 条待同步，记录都保存在本机）").arg(pendingCount()));
    m_sync.syncNow();
}

void SyncStatus::resolveConflict(qint64 conflictId, const QString &keep) { m_sync.resolveConflict(conflictId, keep); }

void SyncStatus::startProbing()
{
    m_probing = true;
    m_probeDelay = m_probeFirst;
    m_probe.start(0); // the first answer decides what the bar says
}

void SyncStatus::setProbeIntervals(std::chrono::milliseconds first, std::chrono::milliseconds max, std::chrono::milliseconds online)
{
    m_probeFirst = first;
    m_probeMax = std::max(first, max);
    m_probeOnline = online;
    m_probeDelay = first;
}

void SyncStatus::scheduleProbe()
{
    if (!m_probing || m_probeInFlight)
        return;
    if (!m_sync.isSignedIn()) {
        m_probe.stop();
        return;
    }
    m_probe.start(m_reachable ? m_probeOnline : m_probeDelay);
}

void SyncStatus::probe()
{
    if (!m_sync.isSignedIn() || m_sync.state() == SyncClient::State::Syncing) {
        scheduleProbe(); // a running sync answers the same question
        return;
    }
    m_probeInFlight = true;
    QPointer<SyncStatus> self(this);
    auto settle = [self](bool answered) {
        if (!self)
            return;
        self->m_probeInFlight = false;
        const bool wasReachable = self->m_reachable;
        self->setReachable(answered);
        if (answered) {
            self->m_probeDelay = self->m_probeFirst;
            if (!wasReachable) {
                emit self->reachableAgain();
                // Back: what waits goes now, not at the sync client's next retry.
                if (self->m_store.pendingCount() > 0 || self->m_sync.state() == SyncClient::State::Waiting)
                    self->m_sync.syncNow();
            }
        } else {
            self->m_probeDelay = std::min(self->m_probeDelay * 2, self->m_probeMax);
        }
        self->scheduleProbe();
    };
    m_sync.request("GET", QStringLiteral("/api/v1/health"), {}, {},
                   [settle](const HttpResponse &r) { settle(r.status == 200); },
                   [settle](const QString &) { settle(false); });
}

void SyncStatus::setReachable(bool reachable)
{
    if (m_reachable == reachable)
        return;
    m_reachable = reachable;
    emit changed();
}

} // namespace mobile
