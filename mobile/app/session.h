// The `Session` singleton: who is signed in on this tablet — the person, their unit and roles —
// where the server is, signing in and out, the device's ledger (`store`, for the lists) and its
// drafts (the forms left half-filled).
#pragma once

#include "qmlsingleton.h"

#include "ledger/entities.h"

#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace mobile {

class DraftStore;
class Format;
class LocalStore;
class SyncClient;

class Session : public QObject, public QmlSingleton<Session>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QObject *store READ storeObject CONSTANT)
    Q_PROPERTY(bool signedIn READ signedIn NOTIFY signedInChanged)
    Q_PROPERTY(QString userId READ userId NOTIFY signedInChanged)
    Q_PROPERTY(QString userName READ userName NOTIFY signedInChanged)
    Q_PROPERTY(QString unitCode READ unitCode NOTIFY signedInChanged)
    Q_PROPERTY(QString unitName READ unitName NOTIFY unitNameChanged)
    Q_PROPERTY(bool isReviewer READ isReviewer NOTIFY signedInChanged)
    Q_PROPERTY(QString deviceId READ deviceId CONSTANT)
    Q_PROPERTY(QString serverUrl READ serverUrl WRITE setServerUrl NOTIFY serverUrlChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString signInError READ signInError NOTIFY signInErrorChanged)

public:
    Session(LocalStore &store, DraftStore &drafts, SyncClient &sync, const Format &format, QObject *parent = nullptr);

    [[nodiscard]] LocalStore &store() const { return m_store; }
    [[nodiscard]] DraftStore &drafts() const { return m_drafts; }
    [[nodiscard]] QObject *storeObject() const;
    [[nodiscard]] bool signedIn() const;
    [[nodiscard]] QString userId() const { return user(QStringLiteral("id")); }
    [[nodiscard]] QString userName() const { return user(QStringLiteral("name")); }
    [[nodiscard]] QString unitCode() const { return user(QStringLiteral("unit")); }
    [[nodiscard]] QString unitName() const;
    // Whether the review table lets this person's roles make a reviewer's decision.
    [[nodiscard]] bool isReviewer() const;
    [[nodiscard]] QList<ledger::Role> roles() const;
    [[nodiscard]] QString deviceId() const;
    [[nodiscard]] QString serverUrl() const;
    void setServerUrl(const QString &url);
    [[nodiscard]] bool busy() const { return m_busy; }
    [[nodiscard]] QString signInError() const { return m_signInError; }

    // Signs in (the first time needs the network), then syncs.
    Q_INVOKABLE void signIn(const QString &serverUrl, const QString &login, const QString &password);
    // Forgets the tokens; unsynced records stay on the device.
    Q_INVOKABLE void signOut();
    // The reviewer's decisions this person may make on a record in `state` ("submitted", …), from
    // shared/'s review table, in its order: [{action, label, needsReason, checksEvidence}], the
    // label in the person's language. Empty for a person who may not decide. Given the record (its
    // wire JSON), the moves on a record this person wrote or is credited on are left out too.
    Q_INVOKABLE QVariantList reviewActions(const QString &state, const QVariantMap &record = {}) const;

signals:
    void signedInChanged();
    void unitNameChanged();
    void serverUrlChanged();
    void busyChanged();
    void signInErrorChanged();

private:
    [[nodiscard]] QString user(const QString &key) const;

    LocalStore &m_store;
    DraftStore &m_drafts;
    SyncClient &m_sync;
    const Format &m_format;
    bool m_busy = false;
    QString m_signInError;
};

} // namespace mobile
