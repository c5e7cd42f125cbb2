// The `ReviewInbox` singleton: a reviewer's workspace. The inbox (every submitted record with why it
// does not count yet, what evidence it lacks and its check-in flags), each record presented whole
// (enterprise, date, people, outcome, check-in against the enterprise's site, proofs), searched and
// filtered (text, unit, kind, flags, dates); and the reviewer's decisions — recognise, return with
// a reason, revoke as false — queued on the device (DecisionQueue) and sent in order whenever the
// server can be reached, so that none is lost; one the server refuses is shown with its reason.
#pragma once

#include "decisionqueue.h"
#include "qmlsingleton.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QSet>
#include <QVariantList>
#include <QVariantMap>

namespace mobile {

class Format;
class LocalStore;
class Settings;
class SyncClient;

class ReviewInbox : public QObject, public QmlSingleton<ReviewInbox>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // The records the filter lets through, each as present() makes it ({entity, authorName,
    // whyNotCounting, missingEvidence, checkInFlags, description, unitName, checkInDistanceM,
    // farCheckInReason, …}), in the server's order.
    Q_PROPERTY(QVariantList records READ records NOTIFY recordsChanged)
    // How many the server listed, before the filter.
    Q_PROPERTY(int totalCount READ totalCount NOTIFY recordsChanged)
    Q_PROPERTY(QString error READ error NOTIFY recordsChanged)
    // {text, unit, kind, flag, from, to}: every key optional, empty means any. flag: a check-in
    // flag's name, "any" (some flag) or "missing" (evidence missing). from/to: yyyy-MM-dd, inclusive.
    Q_PROPERTY(QVariantMap filter READ filter WRITE setFilter NOTIFY filterChanged)
    // The choices for the filters, from the records listed: [{value, label}].
    Q_PROPERTY(QVariantList unitChoices READ unitChoices NOTIFY recordsChanged)
    Q_PROPERTY(QVariantList kindChoices READ kindChoices NOTIFY recordsChanged)
    Q_PROPERTY(QVariantList flagChoices READ flagChoices NOTIFY recordsChanged)
    // Decisions made and not yet answered by the server, and those it refused (with `refusal`).
    Q_PROPERTY(int waitingCount READ waitingCount NOTIFY decisionsChanged)
    Q_PROPERTY(QVariantList refusedDecisions READ refusedDecisions NOTIFY decisionsChanged)
    // Where the queued decisions stand, in words; empty when none waits.
    Q_PROPERTY(QString decisionState READ decisionState NOTIFY decisionsChanged)

public:
    ReviewInbox(LocalStore &store, SyncClient &sync, const Format &format, const Settings &settings, QObject *parent = nullptr);

    [[nodiscard]] QVariantList records() const;
    [[nodiscard]] int totalCount() const { return int(m_records.size()); }
    // One record of the server's inbox as the page shows it: described, its unit named, and why it
    // does not count, what it lacks and what its check-in flags mean each worded in the person's
    // language from its code ({code, message, field, args}), never from the server's words; and
    // what a card and the record's page show: kind, eventDate, enterpriseName, site, outcome,
    // checkIn {distanceM, accuracyM, position, …}, thresholds, peopleNames, proofs, proofCount, and
    // the decision waiting on it (queuedDecision) if any.
    [[nodiscard]] QVariantMap present(const QJsonObject &record) const;
    // Whether a presented record passes the filter.
    [[nodiscard]] static bool matches(const QVariantMap &presented, const QVariantMap &filter);
    [[nodiscard]] QString error() const;
    [[nodiscard]] QVariantMap filter() const { return m_filter; }
    void setFilter(const QVariantMap &filter);
    [[nodiscard]] QVariantList unitChoices() const;
    [[nodiscard]] QVariantList kindChoices() const;
    [[nodiscard]] QVariantList flagChoices() const;
    [[nodiscard]] int waitingCount() const { return m_queue.waitingCount(); }
    [[nodiscard]] QVariantList refusedDecisions() const;
    [[nodiscard]] QString decisionState() const;

    // Takes the server's inbox answer ({records: [...]}) as the list (refresh() does on success).
    void receive(const QJsonObject &answer);
    Q_INVOKABLE void refresh();
    // The record of the inbox with this id, presented; empty when it is not listed.
    Q_INVOKABLE [[nodiscard]] QVariantMap record(const QString &recordId) const;
    // action: recognise, return or revoke (the last two with a reason). The decision is queued on
    // the device and sent at once when the server can be reached; false with decisionError set
    // when it cannot even be queued (no reason given, a decision already waiting on the record).
    Q_INVOKABLE bool review(const QString &recordId, const QString &action, const QString &reason);
    // One project, one credit: a reviewer's decision on a duplicate claim ("keep_first", "move_credit",
    // or "joint" with the claim's share, "0.4"), with a reason. Sent at once, not queued: it weighs
    // the other filing as the server has it now. claimFinished tells how it went.
    Q_INVOKABLE void decideClaim(const QString &recordId, const QString &decision, const QString &share, const QString &reason);
    // A leader's recognition of a project stage on the leading group's decision (认定 route 4), with
    // a reason and the meeting's date (YYYY-MM-DD). Sent at once; claimFinished tells how it went.
    Q_INVOKABLE void recogniseByLeadingGroup(const QString &recordId, const QString &reason, const QString &meetingDate);
    // Sends the waiting decisions, oldest first, until the queue is empty or the server cannot be
    // reached. Called after a decision, and whenever a sync succeeds.
    Q_INVOKABLE void sendDecisions();
    // The reviewer has read a refusal.
    Q_INVOKABLE void dismissRefusal(qint64 n);
    // Why the last review() could not be queued.
    Q_INVOKABLE [[nodiscard]] QString decisionError() const { return m_decisionError; }
    // A proof of a record: its local file as a URL when this device has it ("" otherwise), and
    // whether it is an image the app shows itself.
    Q_INVOKABLE [[nodiscard]] QVariantMap proof(const QVariantMap &attachment) const;
    // Downloads a proof this device does not have yet; proofFetched tells how it went.
    Q_INVOKABLE void fetchProof(const QVariantMap &attachment);

signals:
    void recordsChanged();
    void filterChanged();
    void decisionsChanged();
    // The server answered a decision: ok, or refused with why.
    void reviewFinished(const QString &recordId, bool ok, const QString &message);
    void claimFinished(const QString &recordId, bool ok, const QString &message);
    // A decision was kept on the device because the server could not be reached.
    void decisionQueued(const QString &recordId, const QString &why);
    void proofFetched(const QString &sha256, bool ok, const QString &message);

private:
    void sendNext();
    // Sends a decision that is not queued (a claim's, the leading group's) and reports it.
    void sendNow(const QString &recordId, const QString &path, const QJsonObject &body);

    LocalStore &m_store;
    SyncClient &m_sync;
    const Format &m_format;
    const Settings &m_settings;
    DecisionQueue m_queue;
    QJsonArray m_records;
    QVariantMap m_filter;
    QString m_failure;       // why the last refresh failed
    bool m_offline = false;  // the last attempt to reach the server got no answer
    QString m_waitReason;    // why the waiting decisions were not sent
    QString m_decisionError;
    bool m_sending = false;
    QSet<QString> m_fetching;
};

} // namespace mobile
