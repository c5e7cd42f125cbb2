// The `ReviewInbox` singleton: a reviewer's inbox (every submitted record with why it does not
// count yet, what evidence it lacks and its check-in flags) and their decisions on it — recognise,
// return with a reason, revoke as false — sent to the server.
#pragma once

#include "qmlsingleton.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

namespace mobile {

class Format;
class SyncClient;

class ReviewInbox : public QObject, public QmlSingleton<ReviewInbox>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{entity, authorName, whyNotCounting, missingEvidence, checkInFlags, description, unitName,
    //   checkInDistanceM, farCheckInReason}]
    // as the server lists them (see present()).
    Q_PROPERTY(QVariantList records READ records NOTIFY recordsChanged)
    Q_PROPERTY(QString error READ error NOTIFY recordsChanged)

public:
    ReviewInbox(SyncClient &sync, const Format &format, QObject *parent = nullptr);

    [[nodiscard]] QVariantList records() const;
    // One record of the server's inbox as the page shows it: described, its unit named, and why it
    // does not count, what it lacks and what its check-in flags mean each worded in the person's
    // language from its code ({code, message, field, args}), never from the server's words.
    [[nodiscard]] QVariantMap present(const QJsonObject &record) const;
    [[nodiscard]] QString error() const;

    Q_INVOKABLE void refresh();
    // action: recognise, return or revoke (the last two with a reason).
    Q_INVOKABLE void review(const QString &recordId, const QString &action, const QString &reason);

signals:
    void recordsChanged();
    void reviewFinished(const QString &recordId, bool ok, const QString &message);

private:
    SyncClient &m_sync;
    const Format &m_format;
    QJsonArray m_records;
    QString m_failure; // why the last refresh failed
};

} // namespace mobile
