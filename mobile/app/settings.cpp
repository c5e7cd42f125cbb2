// The Settings singleton.
#include "settings.h"

#include "nmeareplayprovider.h"
#include "qtpositionprovider.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace mobile {

namespace {
// Dates and numbers written by QLocale() (the sync time, …) follow the UI's language, not the
// machine's locale (C on a set-up machine: "30 Nov 2026" in the Chinese UI).
void useLocaleOf(const QString &language)
{
    QLocale::setDefault(language == u"en" ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale(QLocale::Chinese, QLocale::China));
}
} // namespace

Settings::Settings(const ledger::Scheme &scheme, QDate today, QObject *parent)
    : QObject(parent)
    , m_scheme(scheme)
    , m_today(today)
{
    useLocaleOf(m_language);
    installQtTranslation();
}

void Settings::installQtTranslation()
{
    QCoreApplication::removeTranslator(&m_qtTranslator);
    if (m_language != u"en" && m_qtTranslator.load(QStringLiteral("qt_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtTranslator);
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
    useLocaleOf(language);
    installQtTranslation();
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
