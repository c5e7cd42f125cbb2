// The `Settings` singleton: the person's language (it swaps the translator and re-renders every
// text) and how a check-in finds the position (the device's GPS or the replayed demo log), with
// the check-in thresholds of the scheme and the date the app takes as today.
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
    Q_PROPERTY(bool demoPositioning READ demoPositioning WRITE setDemoPositioning NOTIFY demoPositioningChanged)
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
    [[nodiscard]] bool demoPositioning() const { return m_demoPositioning; }
    void setDemoPositioning(bool on);
    [[nodiscard]] QVariantMap checkInRules() const;
    [[nodiscard]] QDate today() const { return m_today; }
    [[nodiscard]] QString todayText() const { return m_today.toString(Qt::ISODate); }
    [[nodiscard]] int currentQuarter() const { return (m_today.month() - 1) / 3 + 1; }
    [[nodiscard]] const ledger::Scheme &scheme() const { return m_scheme; }
    // The position source check-ins use, made on first use for the current setting.
    [[nodiscard]] PositionProvider *positionProvider();

signals:
    void languageChanged(const QString &language);
    void demoPositioningChanged();

private:
    const ledger::Scheme &m_scheme;
    QDate m_today;
    QString m_language = QStringLiteral("zh_CN");
    QTranslator m_translator;
    // Qt's own texts (the file dialog's buttons, …) in Chinese: Debian's qt6-translations-l10n.
    QTranslator m_qtTranslator;
    void installQtTranslation();
    bool m_demoPositioning = false;
    PositionProvider *m_provider = nullptr;
    QList<QPointer<QQmlEngine>> m_engines;
};

} // namespace mobile
