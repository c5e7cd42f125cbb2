// The `SyncStatus` singleton: how the tablet stands with the server — idle, syncing, up to date,
// waiting for the network, failed and why — what waits in the outbox, and the conflicts a person
// settles by choosing the server's value or the device's.
//
// The connection it shows (online, offline, syncing, failed, sign-in needed) is what the server
// last answered, never a guess: a sync that could not reach it, or a failed probe, is offline. The
// probe asks GET /api/v1/health: every few seconds (backing off to ProbeMax) while the server is
// unreachable, and once every ProbeOnline while it is reachable, so that the bar does not claim
// 已同步 for long after the server went away. When the server answers again and records wait, it
// syncs at once. Long syncs show their progress (mutations sent, pages pulled); each sync ends
// with a summary (sent, received, returned, conflicts), and a 同步 the person asked for always
// gets an answer (notice()).
#pragma once

#include "qmlsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QTimer>
#include <QVariantList>

#include <chrono>

namespace mobile {

class Format;
class LocalStore;
class SyncClient;

class SyncStatus : public QObject, public QmlSingleton<SyncStatus>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString state READ state NOTIFY changed)
    Q_PROPERTY(QString statusText READ statusText NOTIFY changed)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY changed)
    Q_PROPERTY(double progress READ progress NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY changed)
    Q_PROPERTY(QString lastSyncedText READ lastSyncedText NOTIFY changed)
    // [{id, entity, field, serverValue, deviceValue, description}]: description names the record.
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY changed)
    // online, offline, syncing, failed or signInNeeded; the top bar's words for it, with the count waiting.
    Q_PROPERTY(QString connection READ connection NOTIFY changed)
    Q_PROPERTY(QString connectionText READ connectionText NOTIFY changed)
    // While syncing: "已发送 3 / 120 条 · 已下载 2 页（4,000 条）".
    Q_PROPERTY(QString progressText READ progressText NOTIFY changed)
    // The last finished sync: "发送 3 条，收到 12 条，退回 1 条，冲突 0 条"; empty before the first.
    Q_PROPERTY(QString summaryText READ summaryText NOTIFY changed)

public:
    static constexpr std::chrono::milliseconds ProbeFirst{2000};
    static constexpr std::chrono::milliseconds ProbeMax{10000};
    static constexpr std::chrono::milliseconds ProbeOnline{15000};

    SyncStatus(const LocalStore &store, SyncClient &sync, const Format &format, QObject *parent = nullptr);

    // idle, syncing, upToDate, waiting, failed or signInNeeded.
    [[nodiscard]] QString state() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] int pendingCount() const;
    [[nodiscard]] double progress() const;
    [[nodiscard]] QString error() const;
    [[nodiscard]] QString lastSyncedText() const;
    [[nodiscard]] QVariantList conflicts() const;
    [[nodiscard]] QString connection() const;
    [[nodiscard]] QString connectionText() const;
    [[nodiscard]] QString progressText() const;
    [[nodiscard]] QString summaryText() const { return m_summary; }
    // The server answered the last sync or probe.
    [[nodiscard]] bool reachable() const { return m_reachable; }

    // Syncs now; the person gets a notice() with the outcome either way.
    Q_INVOKABLE void syncNow();
    // keep: "server" or "device".
    Q_INVOKABLE void resolveConflict(qint64 conflictId, const QString &keep);

    // Starts probing (main.cpp and the tests; the probe needs an event loop and a signed-in
    // session). The intervals are for tests that cannot wait seconds.
    void startProbing();
    void setProbeIntervals(std::chrono::milliseconds first, std::chrono::milliseconds max, std::chrono::milliseconds online);

signals:
    void changed();
    // Something to tell the person now, briefly (the outcome of a 同步 they asked for, the summary
    // of a sync that brought or sent something).
    void notice(const QString &message);
    // The server answered a probe after being unreachable.
    void reachableAgain();

private:
    void onSyncFinished(bool ok);
    void probe();
    void scheduleProbe();
    void setReachable(bool reachable);

    const LocalStore &m_store;
    SyncClient &m_sync;
    const Format &m_format;
    QTimer m_probe;
    bool m_probing = false;      // startProbing() was called
    bool m_probeInFlight = false;
    bool m_reachable = false;    // unknown counts as unreachable until the server answers
    bool m_personAsked = false;  // the running sync is the person's 同步
    QString m_summary;
    std::chrono::milliseconds m_probeFirst = ProbeFirst;
    std::chrono::milliseconds m_probeMax = ProbeMax;
    std::chrono::milliseconds m_probeOnline = ProbeOnline;
    std::chrono::milliseconds m_probeDelay = ProbeFirst;
};

} // namespace mobile
