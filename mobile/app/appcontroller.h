// The app as QML sees it (the `App` singleton): the signed-in person, sync state, saving records
// through the local store, and the server's views (scores, the reviewer inbox). main.cpp creates
// it and hands it to the QML engine; every rule it applies comes from shared/.
#pragma once

#include "localstore.h"
#include "syncclient.h"

#include "ledger/scheme.h"

#include <QDate>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace mobile {

class PositionProvider;

class AppController : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(App)
    QML_SINGLETON
    Q_PROPERTY(QObject *store READ storeObject CONSTANT)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY sessionChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY sessionChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY sessionChanged)
    Q_PROPERTY(QString unitCode READ unitCode NOTIFY sessionChanged)
    Q_PROPERTY(QString unitName READ unitName NOTIFY sessionChanged)
    Q_PROPERTY(bool isReviewer READ isReviewer NOTIFY sessionChanged)
    Q_PROPERTY(QString deviceId READ deviceId CONSTANT)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString signInError READ signInError NOTIFY signInErrorChanged)
    Q_PROPERTY(int pendingCount READ pendingCount NOTIFY syncChanged)
    Q_PROPERTY(QString syncState READ syncState NOTIFY syncChanged)
    Q_PROPERTY(QString syncStatusText READ syncStatusText NOTIFY syncChanged)
    Q_PROPERTY(QString syncError READ syncError NOTIFY syncChanged)
    Q_PROPERTY(double syncProgress READ syncProgress NOTIFY syncChanged)
    Q_PROPERTY(QString lastSyncedText READ lastSyncedText NOTIFY syncChanged)
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY syncChanged)
    Q_PROPERTY(QVariantMap homeSummary READ homeSummary NOTIFY summaryChanged)
    Q_PROPERTY(QVariantMap scores READ scores NOTIFY scoresChanged)
    Q_PROPERTY(QString scoresError READ scoresError NOTIFY scoresChanged)
    Q_PROPERTY(QVariantList inbox READ inbox NOTIFY inboxChanged)
    Q_PROPERTY(QString inboxError READ inboxError NOTIFY inboxChanged)
    Q_PROPERTY(QVariantMap checkInRules READ checkInRules CONSTANT)
    Q_PROPERTY(bool demoPositioning READ demoPositioning WRITE setDemoPositioning NOTIFY demoPositioningChanged)
    Q_PROPERTY(int currentQuarter READ currentQuarter CONSTANT)

public:
    AppController(LocalStore &store, SyncClient &sync, const ledger::Scheme &scheme, QDate today, QObject *parent = nullptr);

    // The instance main.cpp made, for the QML engine (QML_SINGLETON).
    static void setInstance(AppController *instance);
    static AppController *create(QQmlEngine *, QJSEngine *);

    [[nodiscard]] QObject *storeObject() const { return &m_store; }
    [[nodiscard]] bool signedIn() const { return m_sync.isSignedIn(); }
    [[nodiscard]] QString userId() const;
    [[nodiscard]] QString userName() const;
    [[nodiscard]] QString unitCode() const;
    [[nodiscard]] QString unitName() const { return unitNameOf(unitCode()); }
    [[nodiscard]] bool isReviewer() const;
    [[nodiscard]] QString deviceId() const { return m_store.deviceId(); }
    [[nodiscard]] QString serverUrl() const;
    void setServerUrl(const QString &url);
    [[nodiscard]] QString language() const { return m_language; }
    void setLanguage(const QString &language);
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString signInError() const { return m_signInError; }
    [[nodiscard]] int pendingCount() const { return m_store.pendingCount(); }
    [[nodiscard]] QString syncState() const;
    [[nodiscard]] QString syncStatusText() const;
    [[nodiscard]] QString syncError() const { return m_sync.lastError(); }
    [[nodiscard]] double syncProgress() const { return m_sync.progress(); }
    [[nodiscard]] QString lastSyncedText() const;
    [[nodiscard]] QVariantList conflicts() const { return m_sync.conflicts().toVariantList(); }
    [[nodiscard]] QVariantMap homeSummary() const;
    [[nodiscard]] QVariantMap scores() const { return m_scores.toVariantMap(); }
    [[nodiscard]] QString scoresError() const { return m_scoresError; }
    [[nodiscard]] QVariantList inbox() const { return m_inbox.toVariantList(); }
    [[nodiscard]] QString inboxError() const { return m_inboxError; }
    [[nodiscard]] QVariantMap checkInRules() const;
    [[nodiscard]] bool demoPositioning() const { return m_demoPositioning; }
    void setDemoPositioning(bool on);
    [[nodiscard]] int currentQuarter() const { return (m_today.month() - 1) / 3 + 1; }
    [[nodiscard]] QDate today() const { return m_today; }
    [[nodiscard]] const ledger::Scheme &scheme() const { return m_scheme; }

    Q_INVOKABLE void signIn(const QString &serverUrl, const QString &login, const QString &password);
    Q_INVOKABLE void signOut();
    Q_INVOKABLE void syncNow();

    // Records as the wire format's JSON (a QVariantMap in QML).
    Q_INVOKABLE QVariantMap newRecord(const QString &kind) const;
    Q_INVOKABLE QVariantMap newEnterprise() const;
    Q_INVOKABLE QVariantMap record(const QString &id) const;
    // Validates and saves; {"ok": true, "id"} or {"ok": false, "field", "message"}.
    Q_INVOKABLE QVariantMap saveRecord(const QVariantMap &entity);
    // Trips and the visits made on them. A visit names its trip ("trip"); a trip lists its visits
    // ("visits"). As in shared/'s visitsByTrip, a visit belongs to the trip it names, and one that
    // names no trip to the trip listing it. Saving a trip adds the visits that name it and drops
    // listed visits that have since named another trip.
    // The visits made on a trip: those naming it (fromVisit: true) and those in `listed` (the
    // trip's own list) naming no other trip, by date: [{id, date, enterpriseName, purpose,
    // checkedIn, fromVisit}].
    Q_INVOKABLE QVariantList tripVisits(const QString &tripId, const QStringList &listed) const;
    // Visits within the trip's dates, credited to or written by one of its members, on no trip
    // yet (neither naming one nor listed by another trip) and not in `listed`: those a person
    // may add to the trip.
    Q_INVOKABLE QVariantList tripVisitCandidates(const QString &tripId, const QString &start, const QString &end,
                                                 const QStringList &members, const QStringList &listed) const;
    // The trips a visit can be made on: [{id, label, covers}], those covering `visitDate` first.
    Q_INVOKABLE QVariantList tripChoices(const QString &visitDate) const;
    // Copies a chosen file into the store; {"ok", "attachment"} or {"ok": false, "message"}.
    Q_INVOKABLE QVariantMap attach(const QUrl &file);

    Q_INVOKABLE QString kindName(const QString &kind) const;
    Q_INVOKABLE QString unitNameOf(const QString &code) const;
    Q_INVOKABLE QString industryName(const QString &key) const;
    Q_INVOKABLE QVariantList industries() const;
    Q_INVOKABLE QStringList chain(const QString &industry) const;
    Q_INVOKABLE QString creditCodeProblem(const QString &code) const;
    Q_INVOKABLE QString formatMoney(const QVariantMap &money) const;
    Q_INVOKABLE QString formatQuantity(const QString &taskId, qint64 quantity) const;
    Q_INVOKABLE QString describeRecord(const QVariantMap &entity) const;
    Q_INVOKABLE QString describeRecordId(const QString &id) const;
    Q_INVOKABLE QString bonusName(const QString &kind) const;
    Q_INVOKABLE QString today() { return m_today.toString(Qt::ISODate); }

    // Check-in: gives the controller a position provider (the device's GPS, or the replayed demo
    // log), the person's earlier check-ins and the enterprise's site, and starts it.
    Q_INVOKABLE void prepareCheckIn(QObject *controller, const QString &enterpriseId);

    Q_INVOKABLE void refreshScores(int quarter, bool alone);
    Q_INVOKABLE void refreshInbox();
    Q_INVOKABLE void review(const QString &recordId, const QString &action, const QString &reason);
    Q_INVOKABLE void resolveConflict(qint64 conflictId, const QString &keep) { m_sync.resolveConflict(conflictId, keep); }

signals:
    void sessionChanged();
    void serverUrlChanged();
    void languageChanged(const QString &language);
    void busyChanged();
    void signInErrorChanged();
    void syncChanged();
    void summaryChanged();
    void scoresChanged();
    void inboxChanged();
    void demoPositioningChanged();
    void reviewFinished(const QString &recordId, bool ok, const QString &message);

private:
    void get(const QString &path, const QUrlQuery &query, std::function<void(const QJsonObject &)> done,
             std::function<void(const QString &)> failed);
    void loadCachedScores();
    [[nodiscard]] QJsonObject userJson() const { return m_sync.user(); }

    LocalStore &m_store;
    SyncClient &m_sync;
    const ledger::Scheme &m_scheme;
    QDate m_today;
    QString m_language = QStringLiteral("zh_CN");
    bool m_busy = false;
    QString m_signInError;
    QJsonObject m_scores;
    QString m_scoresError;
    QJsonArray m_inbox;
    QString m_inboxError;
    bool m_demoPositioning = false;
    PositionProvider *m_provider = nullptr;
};

} // namespace mobile
