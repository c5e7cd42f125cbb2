// The `PoolShares` singleton: a unit contact sharing the unit's personal pool (个人分配) among its
// people. The shares are checked as the contact types them (each a number, together within the
// pool) and sent to the server (PUT /api/v1/pools/:unit/shares), which checks them again with
// shared/'s rule (checkPoolShares); the page shows the server's answer, accepted or refused.
#pragma once

#include "qmlsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace mobile {

class Scores;
class Session;
class SyncClient;

class PoolShares : public QObject, public QmlSingleton<PoolShares>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // Whether the person signed in is their unit's contact (the one who sets its shares).
    Q_PROPERTY(bool mayEdit READ mayEdit NOTIFY mayEditChanged)
    // The server's last answer in words, and whether it accepted the shares.
    Q_PROPERTY(QString answer READ answer NOTIFY answerChanged)
    Q_PROPERTY(bool accepted READ accepted NOTIFY answerChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)

public:
    PoolShares(SyncClient &sync, Session &session, Scores &scores, QObject *parent = nullptr);

    [[nodiscard]] bool mayEdit() const;
    [[nodiscard]] QString answer() const { return m_answer; }
    [[nodiscard]] bool accepted() const { return m_accepted; }
    [[nodiscard]] bool busy() const { return m_busy; }

    // The shares {person id: "12.5"} as typed against the pool ("180.5"): {total, problem, field}.
    // total is their exact sum; problem says, in the person's language, the first share that is
    // not a number of points or that the sum is over the pool; field names the person, or
    // "shares" for the sum. An empty problem: they may be sent.
    Q_INVOKABLE [[nodiscard]] QVariantMap check(const QVariantMap &shares, const QString &pool) const;
    // Sends the shares of the person's unit; answer tells how the server took them.
    Q_INVOKABLE void save(const QVariantMap &shares);

signals:
    void mayEditChanged();
    void answerChanged();
    void busyChanged();

private:
    void setAnswer(const QString &answer, bool accepted);

    SyncClient &m_sync;
    Session &m_session;
    Scores &m_scores;
    QString m_answer;
    bool m_accepted = false;
    bool m_busy = false;
};

} // namespace mobile
