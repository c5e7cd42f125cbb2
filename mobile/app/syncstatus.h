// The `SyncStatus` singleton: how the tablet stands with the server — idle, syncing, up to date,
// waiting for the network, failed and why — what waits in the outbox, and the conflicts a person
// settles by choosing the server's value or the device's.
#pragma once

#include "qmlsingleton.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

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

public:
    SyncStatus(const LocalStore &store, SyncClient &sync, const Format &format, QObject *parent = nullptr);

    // idle, syncing, upToDate, waiting, failed or signInNeeded.
    [[nodiscard]] QString state() const;
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] int pendingCount() const;
    [[nodiscard]] double progress() const;
    [[nodiscard]] QString error() const;
    [[nodiscard]] QString lastSyncedText() const;
    [[nodiscard]] QVariantList conflicts() const;

    Q_INVOKABLE void syncNow();
    // keep: "server" or "device".
    Q_INVOKABLE void resolveConflict(qint64 conflictId, const QString &keep);

signals:
    void changed();

private:
    const LocalStore &m_store;
    SyncClient &m_sync;
    const Format &m_format;
};

} // namespace mobile
