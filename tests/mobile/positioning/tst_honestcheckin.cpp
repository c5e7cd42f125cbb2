// An honest check-in: a replayed position is always reported as mock, so the check-in carries the
// MockLocation flag for the reviewer; and a stored check-in reopened through the controller keeps
// its distance, accuracy and flags, without deciding anything new.
#include "checkincontroller.h"
#include "nmeareplayprovider.h"

#include "ledger/wire.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace mobile;

namespace {
constexpr int Patience = 30000;
const ledger::GeoPoint Site{35.2647, 113.9268};
} // namespace

class TestHonestCheckIn : public QObject
{
    Q_OBJECT
private slots:
    void aReplayedFixIsFlaggedMock()
    {
        NmeaReplayProvider provider(QStringLiteral(":/nmea/on_site.nmea"));
        QVERIFY(provider.reportsMock()); // unless a test says otherwise
        QSignalSpy fixes(&provider, &PositionProvider::positionUpdated);
        CheckInController controller;
        controller.setProvider(&provider);
        controller.startAtSite(Site.latitude, Site.longitude);
        QTRY_COMPARE_WITH_TIMEOUT(controller.state(), CheckInController::Accepted, Patience);
        QVERIFY(fixes.first().first().value<ledger::PositionFix>().mock);
        QCOMPARE(controller.flags(), QStringList{QStringLiteral("mock_location")});
        const QJsonArray flags = controller.checkInJson().value(QStringLiteral("flags")).toArray();
        QCOMPARE(flags, QJsonArray{QStringLiteral("mock_location")});
    }

    void aStoredCheckInIsRestoredAsItWas()
    {
        const QJsonObject stored{{QStringLiteral("position"), QJsonObject{{QStringLiteral("latitude"), 35.302}, {QStringLiteral("longitude"), 113.964}}},
                                 {QStringLiteral("accuracyM"), 9.5},
                                 {QStringLiteral("fixTime"), QStringLiteral("2023-05-10T01:30:05Z")},
                                 {QStringLiteral("distanceM"), 4177.2},
                                 {QStringLiteral("flags"), QJsonArray{QStringLiteral("far_from_site")}}};
        CheckInController controller;
        QSignalSpy finished(&controller, &CheckInController::finished);
        QVERIFY(controller.restore(stored));
        QCOMPARE(controller.state(), CheckInController::Accepted);
        QVERIFY(controller.hasDistance());
        QCOMPARE(controller.distanceM(), 4177.2);
        QCOMPARE(controller.accuracyM(), 9.5);
        QCOMPARE(controller.flags(), QStringList{QStringLiteral("far_from_site")});
        QCOMPARE(controller.checkInJson().value(QStringLiteral("distanceM")).toDouble(), 4177.2);
        QCOMPARE(controller.checkInJson().value(QStringLiteral("flags")).toArray(), stored.value(QStringLiteral("flags")).toArray());
        QCOMPARE(finished.size(), 0);

        // Bad JSON changes nothing.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("cannot show the stored check-in.*accuracyM")));
        QJsonObject bad = stored;
        bad.insert(QStringLiteral("accuracyM"), QStringLiteral("near"));
        QVERIFY(!controller.restore(bad));
        QCOMPARE(controller.distanceM(), 4177.2);

        // A reason for none, reopened: given up, nothing decided.
        QVERIFY(controller.restoreGivenUp(QStringLiteral("企业在地下厂房")));
        QCOMPARE(controller.state(), CheckInController::NoFix);
        QVERIFY(controller.isGivenUp());
        QCOMPARE(controller.noFixReason(), QStringLiteral("企业在地下厂房"));
        QVERIFY(!controller.hasFix());
        QCOMPARE(finished.size(), 0);
        QVERIFY(!controller.restoreGivenUp(QStringLiteral("  ")));
    }
};

QTEST_GUILESS_MAIN(TestHonestCheckIn)
#include "tst_honestcheckin.moc"
