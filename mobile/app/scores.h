// The `Scores` singleton: the server's score report for a quarter (GET /api/v1/scores), the
// current quarter's kept on the device for the home page offline, and the home page's summary:
// my unit's leads this month (counted on the device by shared/'s rule), standing and tasks.
#pragma once

#include "qmlsingleton.h"

#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace mobile {

class Format;
class LocalStore;
class Session;
class Settings;
class SyncClient;

class Scores : public QObject, public QmlSingleton<Scores>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QVariantMap report READ report NOTIFY reportChanged)
    Q_PROPERTY(QString error READ error NOTIFY reportChanged)
    Q_PROPERTY(QVariantMap homeSummary READ homeSummary NOTIFY summaryChanged)
    // Whether the leading group has signed the shown quarter off (GET /api/v1/quarters):
    // {state: "provisional" | "closed" | "signed", number, date, signedBy}; empty until known.
    Q_PROPERTY(QVariantMap quarterState READ quarterState NOTIFY quarterStateChanged)

public:
    Scores(const LocalStore &store, SyncClient &sync, const Session &session, const Settings &settings, const Format &format,
           QObject *parent = nullptr);

    [[nodiscard]] QVariantMap report() const { return m_report.toVariantMap(); }
    [[nodiscard]] QString error() const;
    // {leadsThisMonth, total, rank, periodLabel, tasks: [{name, points, maxPoints, progressText, ratio}]}
    [[nodiscard]] QVariantMap homeSummary() const;
    [[nodiscard]] QVariantMap quarterState() const { return m_quarterState.toVariantMap(); }

    // Asks the server for a quarter's report (alone: that quarter only, not the year so far).
    Q_INVOKABLE void refresh(int quarter, bool alone);

signals:
    void reportChanged();
    void summaryChanged();
    void quarterStateChanged();

private:
    [[nodiscard]] QString cachePath() const;
    void loadCache();
    [[nodiscard]] int leadsThisMonth() const;

    const LocalStore &m_store;
    SyncClient &m_sync;
    const Session &m_session;
    const Settings &m_settings;
    const Format &m_format;
    QJsonObject m_report;
    QJsonObject m_quarterState;
    QString m_failure; // the server's or the network's reason the last refresh failed
};

} // namespace mobile
