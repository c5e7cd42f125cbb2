// Runs tst_checkinpanel.qml: CheckInPanel.qml driven by a real CheckInController over replayed NMEA
// logs, both created from QML (they are types of Ledger.Positioning).
#include <QQuickStyle>
#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

// The module's C++ types are registered by its static plugin; without this the linker drops it.
Q_IMPORT_QML_PLUGIN(Ledger_PositioningPlugin)

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        // One style, whatever QT_QUICK_CONTROLS_STYLE says on this machine, so that sizes and
        // behaviour under test are the same everywhere.
        QQuickStyle::setStyle(QStringLiteral("Basic"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_checkinpanel, Setup)

#include "tst_checkinpanel.moc"
