// The `Settings` singleton: the person's language (it swaps the translator and re-renders every
// text) and how a check-in finds the position, with the check-in thresholds of the scheme and the
// date the app takes as today. The position is the device's; a replayed log only when the app was
// started with --replay-positioning FILE or --demo-positioning (main.cpp calls setReplayLog before
// the QML loads). It is not a setting anybody can tick, and every replayed fix is flagged mock.
#pragma once

#include "qmlsingleton.h"

#include "ledger/scheme.h"

#include <QDate>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QTranslator>
#include <QVariantMap>

namespace mobile {

class PositionProvider;

class Settings : public QObject, public QmlSingleton<Settings>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    // The app was started replaying a GPS log (shown, never changed, in the settings page).
    Q_PROPERTY(bool replayPositioning READ replayPositioning CONSTANT)
    Q_PROPERTY(QVariantMap checkInRules READ checkInRules CONSTANT)
    Q_PROPERTY(QString today READ todayText CONSTANT)
    Q_PROPERTY(int currentQuarter READ currentQuarter CONSTANT)

public:
    Settings(const ledger::Scheme &scheme, QDate today, QObject *parent = nullptr);

    // Also re-renders the engine's texts when the language changes.
    static Settings *create(QQmlEngine *engine, QJSEngine *js);

    [[nodiscard]] QString language() const { return m_language; }
    // zh_CN (the source language) or en: installs the translation, then tells every text to
    // render again (languageChanged, and the engines' retranslate()).
    void setLanguage(const QString &language);
    [[nodiscard]] bool replayPositioning() const { return !m_replayLog.isEmpty(); }
    // From the command line only, before the first check-in: a file or resource path of an NMEA log.
    void setReplayLog(const QString &path);
    [[nodiscard]] QVariantMap checkInRules() const;
    [[nodiscard]] QDate today() const { return m_today; }
    [[nodiscard]] QString todayText() const { return m_today.toString(Qt::ISODate); }
    [[nodiscard]] int currentQuarter() const { return (m_today.month() - 1) / 3 + 1; }
    [[nodiscard]] const ledger::Scheme &scheme() const { return m_scheme; }
    // The position source check-ins use, made on first use for the current setting.
    [[nodiscard]] PositionProvider *positionProvider();

signals:
    void languageChanged(const QString &language);

private:
    const ledger::Scheme &m_scheme;
    QDate m_today;
    QString m_language = QStringLiteral("zh_CN");
    QTranslator m_translator;
    QString m_replayLog;
    // Qt's own texts (the file dialog's buttons, …) in Chinese: Debian's qt6-translations-l10n.
    QTranslator m_qtTranslator;
    void installQtTranslation();
    PositionProvider *m_provider = nullptr;
    QList<QPointer<QQmlEngine>> m_engines;
};

} // namespace mobile
