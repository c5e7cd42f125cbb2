// The app's side of the sync protocol (docs/sync-protocol.md): sign-in, then for each sync the
// attachments the outbox needs (resumable, 256 KiB chunks), the outbox in numbered batches, every
// change since the cursor, and the open conflicts. Its properties drive the sync indicator in QML.
//
// It never loses or duplicates an edit: the outbox lives in LocalStore and an entry leaves it only
// when the server has answered for its number. Whatever goes wrong — no network, an expired
// session, an app too old for the server — the outbox is left as it is.
#pragma once

#include "localstore.h"
#include "transport.h"

#include "ledger/syncprotocol.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkInformation>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <functional>

namespace mobile {

class SyncClient : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY pendingCountChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(QDateTime lastSyncedAt READ lastSyncedAt NOTIFY lastSyncedAtChanged)
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QJsonArray conflicts READ conflicts NOTIFY conflictsChanged)
    Q_PROPERTY(bool signedIn READ isSignedIn NOTIFY signedInChanged)
    Q_PROPERTY(QJsonObject user READ user NOTIFY signedInChanged)
    Q_PROPERTY(bool autoSync READ autoSync WRITE setAutoSync NOTIFY autoSyncChanged)

public:
    enum class State {
        Idle,         // signed in, no sync yet
        Syncing,
        UpToDate,     // the last sync finished: nothing of this device is waiting
        Waiting,      // no network or the server is busy: retried later, the outbox is kept
        Failed,       // needs a person: lastError says what (e.g. update the app)
        SignInNeeded, // no session, or it expired and could not be refreshed; the outbox is kept
    };
    Q_ENUM(State)

    // The protocol's version, headers and limits are ledger::sync's (shared/ledger/syncprotocol.h).
    static constexpr int PushBatchSize = 500;
    static_assert(PushBatchSize <= ledger::sync::MaxMutationsPerPush);
    static constexpr int PullPageSize = ledger::sync::DefaultPullPage;
    static constexpr qint64 ChunkSize = 256 * 1024;

    // Neither the store nor the transport is owned; both must outlive the client.
    SyncClient(LocalStore &store, Transport &transport, QObject *parent = nullptr);
    ~SyncClient() override;

    // What the current (or last) sync run did, for its progress and summary: the mutations it had to
    // send and those the server answered, the pull pages, the changes they brought and how many of
    // those are records of this person's unit a reviewer returned.
    struct RunCounts
    {
        int toSend = 0;
        int sent = 0;
        int pages = 0;
        int received = 0;
        int returned = 0;
    };

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] RunCounts runCounts() const { return {m_pushTotal, m_pushed, m_pullPages, m_pulled, m_pulledReturned}; }
    [[nodiscard]] int pendingCount() const { return m_store.pendingCount(); }
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] QDateTime lastSyncedAt() const { return m_lastSyncedAt; }
    [[nodiscard]] double progress() const { return m_progress; }
    // Open conflicts of this person as GET /api/v1/conflicts lists them: id, entity, field,
    // serverValue, deviceValue, at.
    [[nodiscard]] QJsonArray conflicts() const { return m_conflicts; }
    [[nodiscard]] bool isSignedIn() const { return m_store.session().hasTokens(); }
    [[nodiscard]] QJsonObject user() const { return m_store.session().user; }
    [[nodiscard]] bool autoSync() const { return m_autoSync; }

    // POST /api/v1/auth/login with this device; the session is kept in the store. signInFinished
    // tells how it went (error in Chinese).
    Q_INVOKABLE void signIn(const QUrl &serverUrl, const QString &login, const QString &password);
    // Forgets the tokens (the server is told when it can be reached); entities and outbox stay.
    Q_INVOKABLE void signOut();
    // Attachments, push, pull, conflicts. While a sync runs, a second call makes it run once more
    // after it finishes.
    Q_INVOKABLE void syncNow();
    // Settles a conflict: "server" keeps the server's value, "device" the value this device sent.
    Q_INVOKABLE void resolveConflict(qint64 conflictId, const QString &keep);

    // Any other call to the API (the app's scores, the reviewer's inbox and decisions) with the
    // same session handling as sync: one refresh on 401, then SignInNeeded. `failed` gets a
    // person-readable reason when no answer came or the session is over.
    void request(const QByteArray &method, const QString &path, const QUrlQuery &query, const QJsonObject &body,
                 std::function<void(const HttpResponse &)> answered, std::function<void(const QString &)> failed);

    // Syncs by itself: soon after an edit, when the network comes back (QNetworkInformation when
    // the platform has a reachability backend), after a failure with growing back-off, and now
    // and then to receive others' changes.
    void setAutoSync(bool on);
    // The back-off after a failed automatic sync: first, doubled each time up to max.
    void setRetryBackoff(std::chrono::milliseconds first, std::chrono::milliseconds max);
    // Whether an automatic retry after a failure is scheduled.
    [[nodiscard]] bool retryScheduled() const { return m_retryTimer.isActive(); }
    // The device's name shown to administrators (defaults to the host and OS).
    void setDeviceName(const QString &name) { m_deviceName = name; }

signals:
    void stateChanged(mobile::SyncClient::State state);
    void pendingCountChanged(int count);
    void lastErrorChanged(const QString &error);
    void lastSyncedAtChanged(const QDateTime &at);
    void progressChanged(double progress);
    void conflictsChanged();
    void signedInChanged();
    void autoSyncChanged(bool on);
    void signInFinished(bool ok, const QString &error);
    void syncFinished(bool ok);
    void conflictResolved(qint64 conflictId, bool ok, const QString &error);

private:
    struct Failure
    {
        State state;
        QString message;
    };
    using Answer = std::function<void(const HttpResponse &)>;
    using Fail = std::function<void(const Failure &)>;

    [[nodiscard]] HttpRequest versioned(QByteArray method, const QString &path) const;
    // Sends with the access token; on 401 refreshes the session once and sends again. Answers that
    // need no decision by the caller (network down, 5xx, 426, sign-in needed) go to onFail.
    void call(HttpRequest request, Answer onAnswer, Fail onFail, bool refreshed = false);
    void refreshThen(std::function<void()> retry, Fail onFail);

    // The steps of one sync run; `run` tells a stale answer (after sign-out or a new sign-in) apart.
    [[nodiscard]] Fail failRun(quint64 run);
    void uploadNext(quint64 run);
    void uploadChunk(quint64 run, const PendingAttachment &attachment, qint64 offset, int restarts);
    void skipUpload(quint64 run, const QString &problem);
    void pushNext(quint64 run);
    void pullNext(quint64 run);
    void fetchConflicts(quint64 run);
    void finish(quint64 run, State state, const QString &error = {});

    void setState(State state);
    void setProgress(double progress);
    void setLastError(const QString &error);
    void onPendingCountChanged(int count);
    void onReachabilityChanged(QNetworkInformation::Reachability reachability);

    LocalStore &m_store;
    Transport &m_transport;
    State m_state = State::Idle;
    QString m_lastError;
    QDateTime m_lastSyncedAt;
    double m_progress = 0;
    QJsonArray m_conflicts;
    QString m_deviceName;

    quint64 m_run = 0; // bumped for each run, sign-in and sign-out
    bool m_syncAgain = false;
    QList<PendingAttachment> m_uploads;
    qsizetype m_uploadsTotal = 0;
    int m_pushTotal = 0;
    int m_pushed = 0;
    int m_gapRounds = 0;
    int m_pullPages = 0;
    int m_pulled = 0;
    int m_pulledReturned = 0;
    QStringList m_problems;

    bool m_refreshing = false;
    QList<std::pair<std::function<void()>, Fail>> m_waitingForRefresh;

    bool m_autoSync = false;
    int m_knownPending = 0;
    std::chrono::milliseconds m_backoffFirst{5000};
    std::chrono::milliseconds m_backoffMax{std::chrono::minutes(5)};
    std::chrono::milliseconds m_backoff{5000};
    QTimer m_retryTimer;
    QTimer m_soonTimer;
    QTimer m_periodicTimer;
};

} // namespace mobile
