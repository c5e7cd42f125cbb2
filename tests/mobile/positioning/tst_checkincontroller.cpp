// Tests of the check-in controller and the position providers, with the NMEA logs the library
// ships (replayed at their recorded pace, one epoch a second): on site, far away, indoors, no fix;
// accepting by hand, giving up, the flags that need earlier check-ins, and the JSON it hands to the
// visit, checked by decoding a whole visit through ledger::wire.
#include "checkincontroller.h"
#include "nmeareplayprovider.h"
#include "qtpositionprovider.h"

#include "ledger/checkin.h"
#include "ledger/wire.h"

#include <QFile>
#include <QGeoCoordinate>
#include <QGeoPositionInfo>
#include <QNmeaPositionInfoSource>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

using namespace ledger;
using mobile::CheckInController;
using mobile::NmeaReplayProvider;

namespace {

// Generous: the logs take a few seconds at their recorded pace, and the machine may be busy.
constexpr int Patience = 30'000;

constexpr GeoPoint Site{35.2647, 113.9268};         // the demo enterprise's registered site
constexpr GeoPoint ZhengzhouCentre{34.7466, 113.6253}; // about 64 km to the south-west

const QString OnSite = QStringLiteral(":/nmea/on_site.nmea");
const QString FarAway = QStringLiteral(":/nmea/far_away.nmea");
const QString Indoor = QStringLiteral(":/nmea/indoor.nmea");
const QString NoFixLog = QStringLiteral(":/nmea/no_fix.nmea");

// The instant of the on-site log's fourth epoch, the first with HDOP good enough.
const QDateTime OnSiteAcceptedAt(QDate(2023, 5, 10), QTime(1, 30, 3), Qt::UTC);

const CheckInRules &rules()
{
    static const CheckInRules r = scheme2023().checkIn;
    return r;
}

Enterprise demoEnterprise(std::optional<GeoPoint> site = Site)
{
    Enterprise e;
    e.id = EnterpriseId::create();
    e.name = QStringLiteral("新乡市示范精细化工有限公司");
    e.site = site;
    return e;
}

// A controller with its replay provider; the controller goes first, stopping the provider. The
// log stands in for a real receiver here (no mock flag), so that the rules show on their own.
struct Rig
{
    explicit Rig(const QString &log, int timeoutMs = CheckInController::DefaultTimeoutMs) : provider(log)
    {
        provider.setReportsMock(false);
        controller.setProvider(&provider);
        controller.setTimeoutMs(timeoutMs);
    }
    NmeaReplayProvider provider;
    CheckInController controller;
};

QStringList wireNames(const QList<CheckInFlag> &flags)
{
    QStringList out;
    for (CheckInFlag f : flags)
        out.append(toString(f));
    return out;
}

CheckIn earlierAt(GeoPoint p, const QDateTime &time)
{
    return CheckIn{p, 8, time, std::nullopt, {}};
}

// A visit as the app will save it, with `checkIn` (wire JSON) or without one and a reason.
QJsonObject visitJson(const QJsonObject &checkIn, const QString &noCheckInReason = {})
{
    Visit v;
    v.meta.id = RecordId::create();
    v.meta.credit = Credit{UnitCode(QStringLiteral("ISB")), {PersonId::create()}};
    v.meta.author = v.meta.credit.people.first();
    v.enterprise = EnterpriseId::create();
    v.date = QDate(2023, 5, 10);
    v.purpose = QStringLiteral("了解扩产计划");
    v.noCheckInReason = noCheckInReason;
    QJsonObject json = wire::encode(Record(v));
    json.remove(QStringLiteral("checkIn"));
    if (!checkIn.isEmpty())
        json.insert(QStringLiteral("checkIn"), checkIn);
    return json;
}

QByteArray readResource(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestCheckInController : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // The expectations below lean on these thresholds.
        QCOMPARE(rules().maxAccuracyM, 50.0);
        QCOMPARE(rules().farFromSiteM, 500.0);
        QCOMPARE(rules().maxSpeedKmh, 300.0);
    }

    // ---- the logs and the providers -----------------------------------------------------------

    void logsAreWellFormed_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<int>("epochs");
        QTest::newRow("on_site") << OnSite << 10;
        QTest::newRow("far_away") << FarAway << 5;
        QTest::newRow("indoor") << Indoor << 10;
        QTest::newRow("no_fix") << NoFixLog << 10;
    }

    // Every sentence carries a correct checksum, and every epoch is an RMC (date and time) followed
    // by a GGA with the same time: Qt's simulated reader groups an epoch by its first full timestamp.
    void logsAreWellFormed()
    {
        QFETCH(QString, log);
        QFETCH(int, epochs);
        const QByteArray data = readResource(log);
        QVERIFY2(!data.isEmpty(), qPrintable(log));
        const QList<QByteArray> lines = data.trimmed().split('\n');
        QCOMPARE(lines.size(), 2 * epochs);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            QVERIFY2(line.startsWith('$') && line.size() > 4 && line[line.size() - 3] == '*', line.constData());
            quint8 sum = 0;
            for (char c : line.mid(1, line.size() - 4))
                sum ^= quint8(c);
            QCOMPARE(line.right(2), QByteArray::number(sum, 16).rightJustified(2, '0').toUpper());
            const QList<QByteArray> fields = line.split(',');
            QCOMPARE(fields[0], i % 2 == 0 ? QByteArray("$GPRMC") : QByteArray("$GPGGA"));
            if (i % 2 == 1)
                QCOMPARE(fields[1], lines[i - 1].split(',')[1]);
        }
    }

    void toPositionFixMapsAccuracyAndTime()
    {
        const QDateTime local(QDate(2023, 5, 10), QTime(9, 30), QTimeZone("Asia/Shanghai"));
        QGeoPositionInfo info(QGeoCoordinate(Site.latitude, Site.longitude), local);
        info.setAttribute(QGeoPositionInfo::HorizontalAccuracy, 12.5);
        const PositionFix fix = mobile::toPositionFix(info);
        QCOMPARE(fix.position, Site);
        QCOMPARE(fix.accuracyM, 12.5);
        QCOMPARE(fix.time, QDateTime(QDate(2023, 5, 10), QTime(1, 30), Qt::UTC));
        QCOMPARE(fix.time.timeSpec(), Qt::UTC);
        QVERIFY(!fix.mock);

        // No accuracy reported: unknown, not 0 (makeCheckIn then flags it as inaccurate).
        info.removeAttribute(QGeoPositionInfo::HorizontalAccuracy);
        QVERIFY(qIsNaN(mobile::toPositionFix(info).accuracyM));

        // No timestamp: the moment it was received.
        const QDateTime received(QDate(2023, 5, 10), QTime(2, 0), Qt::UTC);
        QCOMPARE(mobile::toPositionFix(QGeoPositionInfo(QGeoCoordinate(1, 2), QDateTime()), received).time, received);
    }

    void errorReasonsAreForPeople()
    {
        QCOMPARE(mobile::errorReason(QGeoPositionInfoSource::UpdateTimeoutError),
                 QStringLiteral("无法获取定位（室内或无GPS信号）"));
        QCOMPARE(mobile::errorReason(QGeoPositionInfoSource::UnknownSourceError), QStringLiteral("定位服务不可用"));
        QVERIFY(mobile::errorReason(QGeoPositionInfoSource::AccessError).contains(QStringLiteral("权限")));
        QVERIFY(mobile::errorReason(QGeoPositionInfoSource::ClosedError).contains(QStringLiteral("关闭")));
        QVERIFY(mobile::errorReason(QGeoPositionInfoSource::NoError).isEmpty());
    }

    // The replay reports accuracy (2 × HDOP × UERE), the recorded UTC times, and starts over from
    // the first epoch on every start().
    void replayReportsAccuracyAndStartsOver()
    {
        NmeaReplayProvider provider(OnSite);
        provider.setReportsMock(false);
        QSignalSpy fixes(&provider, &mobile::PositionProvider::positionUpdated);
        provider.start();
        QVERIFY(provider.isActive());
        QTRY_COMPARE_WITH_TIMEOUT(fixes.size(), 2, Patience);
        const auto first = fixes.at(0).at(0).value<PositionFix>();
        QCOMPARE(first.accuracyM, 2 * 9.6 * NmeaReplayProvider::DefaultUere);
        QCOMPARE(first.time, QDateTime(QDate(2023, 5, 10), QTime(1, 30, 0), Qt::UTC));
        QVERIFY(!first.mock);
        const auto second = fixes.at(1).at(0).value<PositionFix>();
        QCOMPARE(second.time, QDateTime(QDate(2023, 5, 10), QTime(1, 30, 1), Qt::UTC));
        QVERIFY(second.accuracyM < first.accuracyM);

        provider.stop();
        QVERIFY(!provider.isActive());
        fixes.clear();
        provider.start();
        QTRY_VERIFY_WITH_TIMEOUT(!fixes.isEmpty(), Patience);
        QCOMPARE(fixes.at(0).at(0).value<PositionFix>().time, first.time);
        QCOMPARE(fixes.at(0).at(0).value<PositionFix>().position, first.position);
    }

    void replayOfMissingFileIsAnError()
    {
        NmeaReplayProvider provider(QStringLiteral(":/nmea/no_such_log.nmea"));
        QSignalSpy errors(&provider, &mobile::PositionProvider::error);
        provider.start();
        QCOMPARE(errors.size(), 1);
        QVERIFY(errors.at(0).at(0).toString().startsWith(QStringLiteral("定位服务不可用")));
        QVERIFY(!provider.isActive());
    }

    void qtProviderForwardsFixesAndErrors()
    {
        // A QNmeaPositionInfoSource stands in for the platform: it is what QtPositionProvider
        // sees from any backend.
        auto *source = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::SimulationMode);
        auto *file = new QFile(FarAway, source);
        QVERIFY(file->open(QIODevice::ReadOnly));
        source->setDevice(file);
        source->setUserEquivalentRangeError(5.1);
        mobile::QtPositionProvider provider(source);
        QCOMPARE(provider.source(), source);
        QSignalSpy fixes(&provider, &mobile::PositionProvider::positionUpdated);
        provider.start();
        QTRY_VERIFY_WITH_TIMEOUT(!fixes.isEmpty(), Patience);
        const auto fix = fixes.at(0).at(0).value<PositionFix>();
        QVERIFY(distanceMeters(fix.position, Site) > 1900);
        QCOMPARE(fix.accuracyM, 2 * 1.1 * 5.1);
        provider.stop();
        QVERIFY(!provider.isActive());

        // A source that cannot read its device reports an access error.
        mobile::QtPositionProvider broken(new QNmeaPositionInfoSource(QNmeaPositionInfoSource::RealTimeMode));
        QSignalSpy errors(&broken, &mobile::PositionProvider::error);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("setDevice")));
        broken.start();
        QTRY_COMPARE_WITH_TIMEOUT(errors.size(), 1, Patience);
        QCOMPARE(errors.at(0).at(0).toString(), mobile::errorReason(QGeoPositionInfoSource::AccessError));
        QVERIFY(!broken.isActive());
    }

    // ---- the controller -----------------------------------------------------------------------

    void startsIdleWithTheSchemeThresholds()
    {
        CheckInController c;
        QCOMPARE(c.state(), CheckInController::Idle);
        QCOMPARE(c.maxAccuracyM(), 50.0);
        QCOMPARE(c.farFromSiteM(), 500.0);
        QCOMPARE(c.timeoutMs(), 60'000);
        QVERIFY(!c.hasFix());
        QVERIFY(c.checkInJson().isEmpty());
        QVERIFY(!c.acceptCurrent());
    }

    // The live accuracy goes 98, 75, 58 m (not enough) and the 35 m reading is taken at once.
    void onSiteAcceptsTheFirstAccurateReading()
    {
        Rig rig(OnSite);
        QList<double> seen;
        connect(&rig.controller, &CheckInController::readingChanged, this, [&] {
            if (rig.controller.hasAccuracy() && (seen.isEmpty() || seen.last() != rig.controller.accuracyM()))
                seen.append(rig.controller.accuracyM());
        });
        QSignalSpy finished(&rig.controller, &CheckInController::finished);
        rig.controller.start(demoEnterprise());
        QCOMPARE(rig.controller.state(), CheckInController::Waiting);
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);

        QCOMPARE(finished.size(), 1);
        QVERIFY(!rig.provider.isActive());
        QVERIFY(rig.controller.hasAccuracy());
        QVERIFY(rig.controller.accuracyM() <= 50);
        QCOMPARE(rig.controller.accuracyM(), 2 * 3.4 * NmeaReplayProvider::DefaultUere);
        QVERIFY(rig.controller.hasDistance());
        QVERIFY2(rig.controller.distanceM() < 20, qPrintable(QString::number(rig.controller.distanceM())));
        QVERIFY(!rig.controller.flags().contains(QStringLiteral("far_from_site")));
        QCOMPARE(rig.controller.flags(), QStringList());
        QCOMPARE(rig.controller.flagDescriptions(), QStringList());

        QCOMPARE(seen.size(), 4);
        QVERIFY(seen[0] > 50 && seen[1] > 50 && seen[2] > 50);
        QCOMPARE(seen[3], rig.controller.accuracyM());

        const auto checkIn = rig.controller.checkIn();
        QVERIFY(checkIn);
        QCOMPARE(checkIn->fixTime, OnSiteAcceptedAt);
        QCOMPARE(checkIn->accuracyM, rig.controller.accuracyM());
        QCOMPARE(*checkIn->distanceM, rig.controller.distanceM());
    }

    void farAwayIsAcceptedWithFarFromSite()
    {
        Rig rig(FarAway);
        rig.controller.start(demoEnterprise());
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
        QVERIFY(rig.controller.accuracyM() <= 50);
        QVERIFY2(rig.controller.distanceM() > 1900 && rig.controller.distanceM() < 2100,
                 qPrintable(QString::number(rig.controller.distanceM())));
        QCOMPARE(rig.controller.flags(), QStringList{QStringLiteral("far_from_site")});
        QCOMPARE(rig.controller.flagDescriptions(), QStringList{describe(CheckInFlag::FarFromSite, rules())});
        QCOMPARE(wireNames(rig.controller.checkIn()->flags), QStringList{QStringLiteral("far_from_site")});
    }

    void noFixTimesOutWithAReason()
    {
        Rig rig(NoFixLog, 1500);
        QSignalSpy finished(&rig.controller, &CheckInController::finished);
        rig.controller.start(demoEnterprise());
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::NoFix, Patience);
        QCOMPARE(rig.controller.noFixReason(), QStringLiteral("1.5秒内未获得定位（室内或无GPS信号）"));
        QVERIFY(!rig.controller.hasFix());
        QVERIFY(!rig.controller.hasAccuracy());
        QCOMPARE(rig.controller.accuracyM(), 0.0);
        QVERIFY(!rig.controller.canAcceptByHand());
        QVERIFY(!rig.controller.acceptCurrent());
        QVERIFY(rig.controller.checkInJson().isEmpty());
        QVERIFY(!rig.provider.isActive());
        QCOMPARE(finished.size(), 0); // nothing decided yet: retry, or give up with a reason

        // Giving up needs words.
        QVERIFY(!rig.controller.giveUp(QStringLiteral("   ")));
        QVERIFY(!rig.controller.isGivenUp());
        QVERIFY(rig.controller.giveUp(QStringLiteral("  企业生产车间在地下，没有GPS信号 ")));
        QVERIFY(rig.controller.isGivenUp());
        QCOMPARE(rig.controller.state(), CheckInController::NoFix);
        QCOMPARE(rig.controller.noFixReason(), QStringLiteral("企业生产车间在地下，没有GPS信号"));
        QCOMPARE(finished.size(), 1);
        QVERIFY(rig.controller.checkInJson().isEmpty());

        // The visit is still saved, without a check-in, with the reason.
        const auto decoded = wire::decodeRecord(visitJson({}, rig.controller.noFixReason()));
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().toString()));
        const auto &visit = std::get<Visit>(decoded.value());
        QVERIFY(!visit.checkIn);
        QCOMPARE(visit.noCheckInReason, QStringLiteral("企业生产车间在地下，没有GPS信号"));
    }

    void giveUpWhileWaitingStopsPositioning()
    {
        Rig rig(Indoor);
        rig.controller.start(demoEnterprise());
        QTRY_VERIFY_WITH_TIMEOUT(rig.controller.hasFix(), Patience);
        QVERIFY(rig.controller.giveUp(QStringLiteral("企业门卫不让进入厂区")));
        QCOMPARE(rig.controller.state(), CheckInController::NoFix);
        QVERIFY(!rig.provider.isActive());
        QVERIFY(!rig.controller.hasFix());
        QCOMPARE(rig.controller.flags(), QStringList());
        QVERIFY(!rig.controller.canAcceptByHand());
        QVERIFY(!rig.controller.acceptCurrent());
    }

    // Indoors the fix never gets better than about 67 m: the person accepts it by hand.
    void acceptByHandFlagsInaccurateFix()
    {
        Rig rig(Indoor);
        QSignalSpy finished(&rig.controller, &CheckInController::finished);
        rig.controller.start(demoEnterprise());
        QTRY_VERIFY_WITH_TIMEOUT(rig.controller.hasFix(), Patience);
        QCOMPARE(rig.controller.state(), CheckInController::Waiting);
        QVERIFY(rig.controller.accuracyM() > 50);
        QVERIFY(rig.controller.canAcceptByHand());
        // Shown before accepting, so the person knows what the reviewer will see.
        QCOMPARE(rig.controller.flags(), QStringList{QStringLiteral("inaccurate_fix")});

        QVERIFY(rig.controller.acceptCurrent());
        QCOMPARE(rig.controller.state(), CheckInController::Accepted);
        QCOMPARE(finished.size(), 1);
        QVERIFY(!rig.provider.isActive());
        QCOMPARE(rig.controller.flags(), QStringList{QStringLiteral("inaccurate_fix")});
        QCOMPARE(rig.controller.flagDescriptions(), QStringList{describe(CheckInFlag::InaccurateFix, rules())});
        QVERIFY(rig.controller.checkIn()->accuracyM > 50);
        QVERIFY(!rig.controller.acceptCurrent()); // once is enough
        QVERIFY(!rig.controller.giveUp(QStringLiteral("改变主意"))); // and it stays a check-in
    }

    void timeoutWithAPoorFixCanStillBeAcceptedByHand()
    {
        Rig rig(Indoor, 2500);
        rig.controller.start(demoEnterprise());
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::NoFix, Patience);
        QVERIFY2(rig.controller.noFixReason().startsWith(QStringLiteral("2.5秒内定位精度未达到要求（当前 ±")),
                 qPrintable(rig.controller.noFixReason()));
        QVERIFY(rig.controller.noFixReason().endsWith(QStringLiteral("要求 ≤50 米）")));
        QVERIFY(rig.controller.canAcceptByHand());
        QVERIFY(rig.controller.acceptCurrent());
        QCOMPARE(rig.controller.state(), CheckInController::Accepted);
        QVERIFY(rig.controller.flags().contains(QStringLiteral("inaccurate_fix")));
    }

    void retryReplaysAndAccepts()
    {
        Rig rig(OnSite, 1000);
        rig.controller.start(demoEnterprise());
        // One second is too short for this log's first good reading (its fourth).
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::NoFix, Patience);
        rig.controller.setTimeoutMs(60'000);
        rig.controller.retry();
        QCOMPARE(rig.controller.state(), CheckInController::Waiting);
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
        QCOMPARE(rig.controller.checkIn()->fixTime, OnSiteAcceptedAt);
    }

    void providerFailureIsNoFix()
    {
        Rig rig(QStringLiteral("/nonexistent/track.nmea"));
        rig.controller.start(demoEnterprise());
        QCOMPARE(rig.controller.state(), CheckInController::NoFix);
        QVERIFY(rig.controller.noFixReason().startsWith(QStringLiteral("定位服务不可用")));

        CheckInController withoutProvider;
        withoutProvider.start(demoEnterprise());
        QCOMPARE(withoutProvider.state(), CheckInController::NoFix);
        QCOMPARE(withoutProvider.noFixReason(), QStringLiteral("定位服务不可用"));
    }

    void cancelStopsAndForgets()
    {
        Rig rig(Indoor);
        rig.controller.start(demoEnterprise());
        QTRY_VERIFY_WITH_TIMEOUT(rig.controller.hasFix(), Patience);
        rig.controller.cancel();
        QCOMPARE(rig.controller.state(), CheckInController::Idle);
        QVERIFY(!rig.provider.isActive());
        QVERIFY(!rig.controller.hasFix());
    }

    void enterpriseWithoutSiteIsFlagged()
    {
        Rig rig(OnSite);
        rig.controller.start(demoEnterprise(std::nullopt));
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
        QVERIFY(!rig.controller.hasDistance());
        QCOMPARE(rig.controller.distanceM(), 0.0);
        QCOMPARE(rig.controller.flags(), QStringList{QStringLiteral("no_site_location")});
    }

    void startsFromEnterpriseJson()
    {
        Rig rig(FarAway);
        QVERIFY(rig.controller.start(wire::encode(demoEnterprise())));
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
        QCOMPARE(rig.controller.flags(), QStringList{QStringLiteral("far_from_site")});

        Rig bad(FarAway);
        QJsonObject json = wire::encode(demoEnterprise());
        json.remove(QStringLiteral("name"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("name: missing")));
        QVERIFY(!bad.controller.start(json));
        QCOMPARE(bad.controller.state(), CheckInController::Idle);
        QVERIFY(!bad.provider.isActive());
    }

    void startsAtASiteGivenByCoordinates()
    {
        Rig rig(OnSite);
        rig.controller.startAtSite(Site.latitude, Site.longitude);
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
        QVERIFY(rig.controller.distanceM() < 20);
        QCOMPARE(rig.controller.flags(), QStringList());
    }

    // Replaying the same log reproduces the coordinates to the last digit, which a real receiver
    // never does: the second check-in is flagged.
    void repeatedCoordinatesAreFlagged()
    {
        QJsonObject first;
        {
            Rig rig(OnSite);
            rig.controller.start(demoEnterprise());
            QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
            first = rig.controller.checkInJson();
        }
        first.insert(QStringLiteral("fixTime"), QStringLiteral("2023-05-09T01:30:03Z")); // the day before

        Rig rig(OnSite);
        QVERIFY(rig.controller.setEarlierCheckIns(QJsonArray{first}));
        rig.controller.start(demoEnterprise());
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
        QCOMPARE(rig.controller.flags(), QStringList{QStringLiteral("repeated_coordinates")});
        QCOMPARE(rig.controller.flagDescriptions(), QStringList{describe(CheckInFlag::RepeatedCoordinates, rules())});
    }

    void impossibleSpeedIsFlagged_data()
    {
        QTest::addColumn<int>("minutesBefore");
        QTest::addColumn<bool>("flagged");
        // About 64 km from Zhengzhou: 10 minutes is ~385 km/h, 2 hours ~32 km/h.
        QTest::newRow("10 minutes after Zhengzhou") << 10 << true;
        QTest::newRow("2 hours after Zhengzhou") << 120 << false;
    }

    void impossibleSpeedIsFlagged()
    {
        QFETCH(int, minutesBefore);
        QFETCH(bool, flagged);
        Rig rig(OnSite);
        rig.controller.setEarlierCheckIns(
            QList<CheckIn>{earlierAt(ZhengzhouCentre, OnSiteAcceptedAt.addSecs(-60 * minutesBefore))});
        rig.controller.start(demoEnterprise());
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
        QCOMPARE(rig.controller.flags().contains(QStringLiteral("impossible_speed")), flagged);
        QCOMPARE(rig.controller.flagDescriptions().contains(describe(CheckInFlag::ImpossibleSpeed, rules())), flagged);
    }

    void earlierCheckInsFromJson()
    {
        const QJsonObject zhengzhou{
            {QStringLiteral("position"),
             QJsonObject{{QStringLiteral("latitude"), ZhengzhouCentre.latitude},
                         {QStringLiteral("longitude"), ZhengzhouCentre.longitude}}},
            {QStringLiteral("accuracyM"), 8},
            {QStringLiteral("fixTime"), QStringLiteral("2023-05-10T01:20:03Z")},
            {QStringLiteral("flags"), QJsonArray{}},
        };
        Rig rig(OnSite);
        QVERIFY(rig.controller.setEarlierCheckIns(QJsonArray{zhengzhou}));

        // A bad element is refused with its path, and the earlier list stays as it was.
        QJsonObject broken = zhengzhou;
        broken.insert(QStringLiteral("fixTime"), QStringLiteral("2023-05-10 01:20"));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^earlier check-ins: \\[1\\]\\.fixTime ")));
        QVERIFY(!rig.controller.setEarlierCheckIns(QJsonArray{zhengzhou, broken}));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^earlier check-ins: \\[0\\] is not an object")));
        QVERIFY(!rig.controller.setEarlierCheckIns(QJsonArray{42}));

        rig.controller.start(demoEnterprise());
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);
        QCOMPARE(rig.controller.flags(), QStringList{QStringLiteral("impossible_speed")});
    }

    // ---- the JSON handed to the visit ---------------------------------------------------------

    void checkInJsonRoundTripsInAVisit_data()
    {
        QTest::addColumn<QString>("log");
        QTest::addColumn<bool>("byHand");
        QTest::newRow("on site") << OnSite << false;
        QTest::newRow("far away") << FarAway << false;
        QTest::newRow("indoors, by hand") << Indoor << true;
    }

    void checkInJsonRoundTripsInAVisit()
    {
        QFETCH(QString, log);
        QFETCH(bool, byHand);
        Rig rig(log);
        rig.controller.start(demoEnterprise());
        if (byHand) {
            QTRY_VERIFY_WITH_TIMEOUT(rig.controller.hasFix(), Patience);
            QVERIFY(rig.controller.acceptCurrent());
        }
        QTRY_COMPARE_WITH_TIMEOUT(rig.controller.state(), CheckInController::Accepted, Patience);

        const QJsonObject json = rig.controller.checkInJson();
        // The shape of docs/wire-format.md's CheckIn, nothing more.
        QStringList keys = json.keys();
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("accuracyM"), QStringLiteral("distanceM"), QStringLiteral("fixTime"),
                                    QStringLiteral("flags"), QStringLiteral("position")}));
        QVERIFY(json.value(QStringLiteral("fixTime")).toString().endsWith(u'Z'));
        QCOMPARE(json.value(QStringLiteral("flags")).toArray().size(), rig.controller.flags().size());

        const auto decoded = wire::decodeRecord(visitJson(json));
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().toString()));
        const auto &visit = std::get<Visit>(decoded.value());
        QVERIFY(visit.checkIn);
        QCOMPARE(*visit.checkIn, *rig.controller.checkIn()); // bit for bit, doubles included
        QCOMPARE(wireNames(visit.checkIn->flags), rig.controller.flags());
        // And what the server would write back is what the app sent.
        QCOMPARE(wire::encode(decoded.value()).value(QStringLiteral("checkIn")).toObject(), json);
    }
};

QTEST_GUILESS_MAIN(TestCheckInController)
#include "tst_checkincontroller.moc"
