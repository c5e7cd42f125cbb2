// ledgerapp: creates the store, the transport, the sync client and the App singleton, then loads
// the QML. Options for the field and for checks: --data, --server, --demo-positioning,
// --today, --language, --self-test (load every page, fail on any QML warning) and
// --screenshots DIR (save the main screens as PNG).
#include "appcontroller.h"
#include "localstore.h"
#include "networktransport.h"
#include "syncclient.h"

#include <QCommandLineParser>
#include <QDir>
#include <QJsonArray>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>

// The two QML modules are static libraries; their plugins register the C++ types.
Q_IMPORT_QML_PLUGIN(Ledger_AppPlugin)
Q_IMPORT_QML_PLUGIN(Ledger_PositioningPlugin)

namespace {

QStringList g_warnings;
QtMessageHandler g_previous = nullptr;

void collectWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_warnings << message;
    if (g_previous)
        g_previous(type, context, message);
}

// Visits every destination of the window, waiting a moment on each, then calls done().
void visitAll(QObject *window, const QStringList &keys, int index, std::function<void(const QString &)> each, std::function<void()> done)
{
    if (index >= keys.size()) {
        done();
        return;
    }
    QMetaObject::invokeMethod(window, "go", Q_ARG(QVariant, keys[index]));
    QTimer::singleShot(700, window, [=] {
        each(keys[index]);
        visitAll(window, keys, index + 1, each, done);
    });
}

} // namespace

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
    parser.addOption({QStringLiteral("demo-positioning"), QStringLiteral("Replay a recorded GPS log instead of the device's position.")});
    parser.addOption({QStringLiteral("today"), QStringLiteral("The date the app takes as today (demos of a past year)."), QStringLiteral("yyyy-mm-dd")});
    parser.addOption({QStringLiteral("language"), QStringLiteral("zh_CN (default) or en."), QStringLiteral("code"), QStringLiteral("zh_CN")});
    parser.addOption({QStringLiteral("login"), QStringLiteral("Sign in with this login on start (demos)."), QStringLiteral("login")});
    parser.addOption({QStringLiteral("password"), QStringLiteral("The password for --login."), QStringLiteral("password")});
    parser.addOption({QStringLiteral("self-test"), QStringLiteral("Load every page and exit non-zero on any QML warning.")});
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
    const QDate today = parser.isSet(QStringLiteral("today")) ? QDate::fromString(parser.value(QStringLiteral("today")), Qt::ISODate)
                                                               : QDate::currentDate();
    mobile::AppController controller(store, sync, scheme, today.isValid() ? today : QDate::currentDate());
    controller.setDemoPositioning(parser.isSet(QStringLiteral("demo-positioning")));
    mobile::AppController::setInstance(&controller);

    // Chinese is the source language; English comes from the compiled translation.
    QTranslator translator;
    auto applyLanguage = [&](const QString &code) {
        QCoreApplication::removeTranslator(&translator);
        if (code == u"en" && translator.load(QStringLiteral(":/i18n/ledgerapp_en.qm")))
            QCoreApplication::installTranslator(&translator);
    };
    applyLanguage(parser.value(QStringLiteral("language")));
    controller.setLanguage(parser.value(QStringLiteral("language")));

    const bool selfTest = parser.isSet(QStringLiteral("self-test"));
    const QString shots = parser.value(QStringLiteral("screenshots"));
    if (selfTest)
        g_previous = qInstallMessageHandler(collectWarnings);

    QQmlApplicationEngine engine;
    QObject::connect(&controller, &mobile::AppController::languageChanged, &engine, [&](const QString &code) {
        applyLanguage(code);
        engine.retranslate();
    });
    engine.load(QUrl(QStringLiteral("qrc:/qt-project.org/imports/Ledger/App/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    QObject *window = engine.rootObjects().constFirst();

    if (!selfTest && shots.isEmpty()) {
        if (parser.isSet(QStringLiteral("login")) && !controller.signedIn())
            controller.signIn(store.session().serverUrl.toString(), parser.value(QStringLiteral("login")), parser.value(QStringLiteral("password")));
        return app.exec();
    }

    // Every destination a person can reach, plus the forms behind the quick actions.
    const QStringList keys{QStringLiteral("home"), QStringLiteral("enterprises"), QStringLiteral("visits"), QStringLiteral("trips"),
                           QStringLiteral("leads"), QStringLiteral("projects"), QStringLiteral("funds"), QStringLiteral("referrals"),
                           QStringLiteral("inbox"), QStringLiteral("scores"), QStringLiteral("map"), QStringLiteral("sync"),
                           QStringLiteral("settings")};
    int exitCode = 0;
    if (!shots.isEmpty())
        QDir().mkpath(shots);
    auto grab = [&](const QString &name) {
        if (shots.isEmpty())
            return;
        if (auto *w = qobject_cast<QQuickWindow *>(window))
            w->grabWindow().save(QDir(shots).filePath(name + QStringLiteral(".png")));
    };
    auto finish = [&] {
        // The forms: a new visit (with the check-in panel), a trip (the one with the most visits, if
        // any), a lead, funds.
        for (const QString &kind : {QStringLiteral("visit"), QStringLiteral("trip"), QStringLiteral("lead"), QStringLiteral("funds")}) {
            QVariantMap properties{{QStringLiteral("kind"), kind}};
            if (kind == u"trip") {
                // A trip on the device with the most visits made on it, to show them.
                qsizetype most = 0;
                for (const mobile::LocalEntity &t : store.entities(QStringLiteral("trip"))) {
                    const qsizetype visits = std::max(t.json.value(QStringLiteral("visits")).toArray().size(), store.visitsOfTrip(t.id).size());
                    if (visits > most) {
                        most = visits;
                        properties.insert(QStringLiteral("recordId"), t.id);
                    }
                }
            }
            if (kind == u"visit") {
                // A visit at an enterprise with a registered site, so the check-in has something to measure.
                for (const mobile::LocalEntity &e : store.entities(QStringLiteral("enterprise")))
                    if (e.json.contains(QStringLiteral("site"))) {
                        properties.insert(QStringLiteral("defaults"), QVariantMap{{QStringLiteral("enterprise"), e.id}});
                        break;
                    }
            }
            // From its own list, as a person would open it (the rail shows where they are).
            const QString list = kind == u"funds" ? kind : kind + u's';
            QMetaObject::invokeMethod(window, "go", Q_ARG(QVariant, list));
            QMetaObject::invokeMethod(window, "open", Q_ARG(QVariant, QStringLiteral("RecordForm.qml")), Q_ARG(QVariant, QVariant(properties)));
            QEventLoop wait;
            QTimer::singleShot(kind == u"visit" ? 7000 : 700, &wait, &QEventLoop::quit);
            wait.exec();
            grab(QStringLiteral("form-") + kind);
            QMetaObject::invokeMethod(window, "back");
        }
        if (selfTest) {
            for (const QString &w : std::as_const(g_warnings))
                fprintf(stderr, "QML WARNING: %s\n", qPrintable(w));
            exitCode = g_warnings.isEmpty() ? 0 : 1;
            fprintf(stderr, "self-test: %d pages and 4 forms loaded, %lld warnings\n", int(keys.size()), qsizetype(g_warnings.size()));
        }
        QCoreApplication::exit(exitCode);
    };
    // Screenshots show a synced ledger: sign in (when asked to) and sync first; a self-test
    // visits every page whatever the session.
    auto tour = [&] { visitAll(window, keys, 0, [&](const QString &key) { grab(key); }, finish); };
    const bool signInFirst = parser.isSet(QStringLiteral("login")) && !controller.signedIn();
    if (!shots.isEmpty() && (signInFirst || controller.signedIn())) {
        QObject::connect(&sync, &mobile::SyncClient::syncFinished, window, [&] {
            QTimer::singleShot(2500, window, tour); // scores arrive after the sync
        }, Qt::SingleShotConnection);
        QTimer::singleShot(800, window, [&] {
            grab(QStringLiteral("signin"));
            if (signInFirst)
                controller.signIn(store.session().serverUrl.toString(), parser.value(QStringLiteral("login")), parser.value(QStringLiteral("password")));
            else
                sync.syncNow();
        });
    } else {
        QTimer::singleShot(1500, window, tour);
    }
    return app.exec();
}
