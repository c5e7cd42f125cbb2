// ledgerapp: creates the store, the transport, the sync client and the app's singletons, then
// loads the QML. Options for the field and for checks: --data, --server, --replay-positioning FILE
// and --demo-positioning (the only ways to a replayed position; its check-ins are flagged mock),
// --today, --language, --login/--password (demos), --self-test (SelfTest), --screenshots DIR
// (ScreenshotTour) and --window-size WxH.
#include "appsingletons.h"
#include "localstore.h"
#include "networktransport.h"
#include "screenshottour.h"
#include "selftest.h"
#include "syncclient.h"
#include "systemnotifier.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

// The two QML modules are static libraries; their plugins register the C++ types.
Q_IMPORT_QML_PLUGIN(Ledger_AppPlugin)
Q_IMPORT_QML_PLUGIN(Ledger_PositioningPlugin)

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("ledgerapp"));
    QGuiApplication::setOrganizationName(QStringLiteral("xxkfq"));
    QQuickStyle::setStyle(QStringLiteral("Material"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("全员招商台账 — the field ledger for all-staff investment promotion"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("data"), QStringLiteral("The app's data folder."), QStringLiteral("dir"),
                      QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)});
    parser.addOption({QStringLiteral("server"), QStringLiteral("The server's address for the first sign-in."), QStringLiteral("url")});
    parser.addOption({QStringLiteral("replay-positioning"),
                      QStringLiteral("Replay this NMEA log instead of the device's position; every check-in is flagged as a mock location."),
                      QStringLiteral("file")});
    parser.addOption({QStringLiteral("demo-positioning"),
                      QStringLiteral("Replay the built-in demo log (on site at the demo enterprise); check-ins are flagged as mock locations.")});
    parser.addOption({QStringLiteral("today"), QStringLiteral("The date the app takes as today (demos of a past year)."), QStringLiteral("yyyy-mm-dd")});
    parser.addOption({QStringLiteral("language"), QStringLiteral("zh_CN (default) or en."), QStringLiteral("code"), QStringLiteral("zh_CN")});
    parser.addOption({QStringLiteral("login"), QStringLiteral("Sign in with this login on start (demos)."), QStringLiteral("login")});
    parser.addOption({QStringLiteral("password"), QStringLiteral("The password for --login."), QStringLiteral("password")});
    parser.addOption({QStringLiteral("self-test"), QStringLiteral("Load every page and exit non-zero on any QML warning.")});
    parser.addOption({QStringLiteral("window-size"), QStringLiteral("The window's size, e.g. 412x915 for a phone (screenshots, checks)."),
                      QStringLiteral("WxH")});
    parser.addOption({QStringLiteral("screenshots"), QStringLiteral("Save a PNG of every main screen into this folder, then exit."), QStringLiteral("dir")});
    parser.process(app);

    QDir().mkpath(parser.value(QStringLiteral("data")));
    mobile::LocalStore store(parser.value(QStringLiteral("data")));
    if (!store.isOpen()) {
        qCritical("cannot open the local store: %s", qPrintable(store.openError()));
        return 1;
    }
    if (parser.isSet(QStringLiteral("server")) && !store.session().hasTokens())
        (void)store.setServerUrl(QUrl::fromUserInput(parser.value(QStringLiteral("server"))));
    mobile::NetworkTransport transport(store.session().serverUrl);
    mobile::SyncClient sync(store, transport);
    sync.setAutoSync(true);
    const ledger::Scheme scheme = ledger::scheme2023();
    const QDate today = QDate::fromString(parser.value(QStringLiteral("today")), Qt::ISODate);
    mobile::AppSingletons singletons(store, sync, scheme, today.isValid() ? today : QDate::currentDate());
    if (parser.isSet(QStringLiteral("replay-positioning")))
        singletons.settings.setReplayLog(parser.value(QStringLiteral("replay-positioning")));
    else if (parser.isSet(QStringLiteral("demo-positioning")))
        singletons.settings.setReplayLog(QStringLiteral(":/nmea/on_site.nmea"));
    singletons.settings.setLanguage(parser.value(QStringLiteral("language")));
    singletons.install();
    singletons.syncStatus.startProbing(); // the top bar says online only when the server answered
    // The reminders as system notifications too, where the session bus has a notification service.
    mobile::SystemNotifier notifier(singletons.toDo, QDir(parser.value(QStringLiteral("data"))).filePath(QStringLiteral("notified.ini")));

    std::unique_ptr<mobile::SelfTest> selfTest;
    if (parser.isSet(QStringLiteral("self-test")))
        selfTest = std::make_unique<mobile::SelfTest>(); // before the QML loads: it counts its warnings
    const QString shots = parser.value(QStringLiteral("screenshots"));

    QQmlApplicationEngine engine;
    engine.load(QUrl(QStringLiteral("qrc:/qt-project.org/imports/Ledger/App/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    QObject *window = engine.rootObjects().constFirst();
    if (const QStringList size = parser.value(QStringLiteral("window-size")).split(u'x'); size.size() == 2) {
        window->setProperty("width", size[0].toInt());
        window->setProperty("height", size[1].toInt());
    }

    const bool signInFirst = parser.isSet(QStringLiteral("login")) && !singletons.session.signedIn();
    auto signIn = [&] {
        singletons.session.signIn(store.session().serverUrl.toString(), parser.value(QStringLiteral("login")),
                                  parser.value(QStringLiteral("password")));
    };
    if (selfTest) {
        selfTest->run(window);
    } else if (!shots.isEmpty()) {
        auto *tour = new mobile::ScreenshotTour(window, store, shots, &app);
        QObject::connect(tour, &mobile::ScreenshotTour::finished, &app, [] { QCoreApplication::exit(0); });
        if (signInFirst)
            tour->startAfterSync(sync, signIn);
        else if (singletons.session.signedIn())
            tour->startAfterSync(sync, [&] { sync.syncNow(); });
        else
            tour->start(1500);
    } else if (signInFirst) {
        signIn();
    }
    return app.exec();
}
