// Runs tst_recordform.qml: the app's RecordForm.qml, as the Ledger.App module (mobile_app) holds
// it, against the app's real singletons over a real LocalStore in a temporary folder (no server:
// the client never signs in).
#include "appsingletons.h"
#include "localstore.h"
#include "networktransport.h"
#include "recordeditor.h"
#include "syncclient.h"

#include "ledger/ids.h"

#include <QJsonArray>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

#include <memory>

// Ledger.App (the form, the singletons, the models) and Ledger.Positioning (CheckInPanel, CheckInController)
// come from their static plugins.
Q_IMPORT_QML_PLUGIN(Ledger_AppPlugin)
Q_IMPORT_QML_PLUGIN(Ledger_PositioningPlugin)

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        // One style, whatever QT_QUICK_CONTROLS_STYLE says on this machine.
        QQuickStyle::setStyle(QStringLiteral("Basic"));

        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            qFatal("no temporary folder: %s", qPrintable(m_dir->errorString()));
        m_store = std::make_unique<mobile::LocalStore>(m_dir->path());
        if (!m_store->isOpen())
            qFatal("cannot open the local store: %s", qPrintable(m_store->openError()));

        // A person who signed in once and signed out: the store keeps who they are (credit of new
        // records) but no tokens, so nothing is ever sent.
        mobile::StoredSession session;
        session.serverUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        session.user = QJsonObject{{QStringLiteral("id"), ledger::PersonId::create().toString()},
                                   {QStringLiteral("login"), QStringLiteral("zhang.wei")},
                                   {QStringLiteral("name"), QStringLiteral("张伟")},
                                   {QStringLiteral("unit"), QStringLiteral("ISB")},
                                   {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}}};
        if (const auto error = m_store->setSession(session))
            qFatal("cannot store the session: %s", qPrintable(error->toString()));

        m_transport = std::make_unique<mobile::NetworkTransport>(session.serverUrl);
        m_sync = std::make_unique<mobile::SyncClient>(*m_store, *m_transport);
        m_singletons = std::make_unique<mobile::AppSingletons>(*m_store, *m_sync, m_scheme, QDate(2023, 12, 15));
        m_singletons->install();

        // One enterprise as a pull from the server brings it (no outbox entry), for the forms that
        // need an enterprise chosen.
        mobile::RecordEditor editor(m_singletons->session, m_singletons->trips, m_singletons->settings);
        editor.setKind(QStringLiteral("enterprise"));
        QJsonObject enterprise = QJsonObject::fromVariantMap(editor.record());
        enterprise.insert(QStringLiteral("name"), QStringLiteral("新乡市示范精细化工有限公司"));
        const QJsonObject pull{{QStringLiteral("cursor"), 1},
                               {QStringLiteral("changes"), QJsonArray{QJsonObject{{QStringLiteral("seq"), 1}, {QStringLiteral("entity"), enterprise}}}}};
        if (const auto error = m_store->applyPull(pull))
            qFatal("cannot store the enterprise: %s", qPrintable(error->toString()));
    }

private:
    const ledger::Scheme m_scheme = ledger::scheme2023();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<mobile::LocalStore> m_store;
    std::unique_ptr<mobile::NetworkTransport> m_transport;
    std::unique_ptr<mobile::SyncClient> m_sync;
    std::unique_ptr<mobile::AppSingletons> m_singletons;
};

QUICK_TEST_MAIN_WITH_SETUP(tst_recordform, Setup)

#include "tst_recordform.moc"
