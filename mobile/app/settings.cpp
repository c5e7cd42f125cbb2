// The Settings singleton.
#include "settings.h"

#include "nmeareplayprovider.h"
#include "qtpositionprovider.h"

#include <QCoreApplication>

namespace mobile {

Settings::Settings(const ledger::Scheme &scheme, QDate today, QObject *parent)
    : QObject(parent)
    , m_scheme(scheme)
    , m_today(today)
{
}

Settings *Settings::create(QQmlEngine *engine, QJSEngine *js)
{
    Settings *settings = QmlSingleton<Settings>::create(engine, js);
    if (settings && engine)
        settings->m_engines.append(engine);
    return settings;
}

void Settings::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    // Chinese is the source language; English comes from the translation compiled into the app.
    QCoreApplication::removeTranslator(&m_translator);
    if (language == u"en" && m_translator.load(QStringLiteral(":/i18n/ledgerapp_en.qm")))
        QCoreApplication::installTranslator(&m_translator);
    // The C++ texts first (their objects re-emit their properties), then the QML bindings.
    emit languageChanged(language);
    for (const QPointer<QQmlEngine> &engine : std::as_const(m_engines))
        if (engine)
            engine->retranslate();
}

void Settings::setReplayLog(const QString &path)
{
    m_replayLog = path;
    delete m_provider; // the next check-in makes the provider it needs
    m_provider = nullptr;
}

QVariantMap Settings::checkInRules() const
{
    return {{QStringLiteral("maxAccuracyM"), m_scheme.checkIn.maxAccuracyM},
            {QStringLiteral("farFromSiteM"), m_scheme.checkIn.farFromSiteM},
            {QStringLiteral("maxSpeedKmh"), m_scheme.checkIn.maxSpeedKmh}};
}

PositionProvider *Settings::positionProvider()
{
    if (!m_provider) {
        if (!m_replayLog.isEmpty())
            m_provider = new NmeaReplayProvider(m_replayLog, this); // its fixes are flagged mock
        else
            m_provider = new QtPositionProvider(this);
    }
    return m_provider;
}

} // namespace mobile
