// The `ReviewInbox` singleton: a reviewer's inbox (every submitted record with why it does not
// count yet, what evidence it lacks and its check-in flags) and their decisions on it — recognise,
// return with a reason, revoke as false — sent to the server.
#pragma once

#include "qmlsingleton.h"

#include <QJsonArray>
#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace mobile {

class Format;
class SyncClient;

class ReviewInbox : public QObject, public QmlSingleton<ReviewInbox>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // [{entity, authorName, missingEvidence, checkInFlags, description, unitName}] as the server
    // lists them, with the record described, its unit named and what it lacks said in the
    // person's language.
    Q_PROPERTY(QVariantList records READ records NOTIFY recordsChanged)
    Q_PROPERTY(QString error READ error NOTIFY recordsChanged)

public:
    ReviewInbox(SyncClient &sync, const Format &format, QObject *parent = nullptr);

    [[nodiscard]] QVariantList records() const;
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
