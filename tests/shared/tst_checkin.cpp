// Tests of the check-in rules: distances against values worked out by hand, and every flag on and
// off at its threshold, with the thresholds taken from the 2023 scheme.
#include "errorcodes.h"
#include "ledger/checkin.h"

#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <cmath>
#include <numbers>

using namespace ledger;

namespace {

const CheckInRules &rules()
{
    static const CheckInRules r = scheme2023().checkIn;
    return r;
}

// The zone's administrative centre, and the city centres of Xinxiang and Zhengzhou.
constexpr GeoPoint Zone{35.2647, 113.9268};
constexpr GeoPoint XinxiangCentre{35.3030, 113.9270};
constexpr GeoPoint ZhengzhouCentre{34.7466, 113.6253};

const QDateTime T0(QDate(2023, 5, 10), QTime(1, 30), Qt::UTC); // 09:30 in Xinxiang

Enterprise enterpriseAt(std::optional<GeoPoint> site)
{
    Enterprise e;
    e.id = EnterpriseId::create();
    e.name = QStringLiteral("新乡市测试化工有限公司");
    e.site = site;
    return e;
}

PositionFix fixAt(GeoPoint p, double accuracyM = 10, QDateTime time = T0, bool mock = false)
{
    return PositionFix{p, accuracyM, time, mock};
}

// Flags by their wire names, so a failing comparison prints them (and QTest's list comparison
// would pick up ledger::toString, which returns a QString, not the char * it wants).
QStringList names(const QList<CheckInFlag> &flags)
{
    QStringList out;
    for (CheckInFlag f : flags)
        out.append(toString(f));
    return out;
}

CheckIn earlierAt(GeoPoint p, QDateTime time)
{
    return CheckIn{p, 8, time, std::nullopt, {}};
}

// An independent distance: the spherical law of cosines, fine for the distances tested with it.
double lawOfCosines(GeoPoint a, GeoPoint b)
{
    const double d = std::numbers::pi / 180;
    const double c = std::sin(a.latitude * d) * std::sin(b.latitude * d)
                     + std::cos(a.latitude * d) * std::cos(b.latitude * d) * std::cos((b.longitude - a.longitude) * d);
    return MeanEarthRadiusM * std::acos(std::clamp(c, -1.0, 1.0));
}

} // namespace

class TestCheckIn : public QObject
{
    Q_OBJECT

private slots:
    void schemeThresholds()
    {
        // The tests below lean on these; if the scheme file changes they must be looked at again.
        QCOMPARE(rules().maxAccuracyM, 50.0);
        QCOMPARE(rules().farFromSiteM, 500.0);
        QCOMPARE(rules().maxSpeedKmh, 300.0);
    }

    void knownDistances_data()
    {
        QTest::addColumn<GeoPoint>("a");
        QTest::addColumn<GeoPoint>("b");
        QTest::addColumn<double>("expected");
        QTest::addColumn<double>("tolerance");
        const double r = MeanEarthRadiusM, pi = std::numbers::pi;
        QTest::newRow("same point") << Zone << Zone << 0.0 << 0.0;
        // Along a meridian the distance is R × Δφ exactly.
        QTest::newRow("0.001° of latitude") << GeoPoint{35, 113} << GeoPoint{35.001, 113} << r * pi / 180 / 1000 << 1e-6;
        QTest::newRow("1° of latitude") << GeoPoint{35, 113} << GeoPoint{36, 113} << r * pi / 180 << 1e-6;
        QTest::newRow("quarter of the equator") << GeoPoint{0, 0} << GeoPoint{0, 90} << r * pi / 2 << 1e-4;
        // Near the antipodes asin's slope is steep, so a metre of rounding is allowed (of 20,000 km).
        QTest::newRow("antipodes") << GeoPoint{0, 0} << GeoPoint{0, 180} << r * pi << 1.0;
        QTest::newRow("antipodes off the equator") << GeoPoint{35.26, 113.93} << GeoPoint{-35.26, -66.07} << r * pi << 1.0;
        // 0.001° of longitude shrinks with cos(latitude): about 90.8 m here.
        QTest::newRow("0.001° of longitude at 35.26° N") << GeoPoint{35.26, 113.93} << GeoPoint{35.26, 113.931}
                                                        << r * pi / 180 / 1000 * std::cos(35.26 * pi / 180) << 1e-3;
    }
    void knownDistances()
    {
        QFETCH(GeoPoint, a);
        QFETCH(GeoPoint, b);
        QFETCH(double, expected);
        QFETCH(double, tolerance);
        QVERIFY2(std::abs(distanceMeters(a, b) - expected) <= tolerance,
                 qPrintable(QStringLiteral("%1 m, expected %2 m").arg(distanceMeters(a, b), 0, 'f', 6).arg(expected, 0, 'f', 6)));
        QCOMPARE(distanceMeters(b, a), distanceMeters(a, b));
    }

    void xinxiangToZhengzhou()
    {
        // City centre to city centre in a straight line: about 67.7 km (the road is 75-80 km).
        const double d = distanceMeters(XinxiangCentre, ZhengzhouCentre);
        QVERIFY2(d > 66000 && d < 69000, qPrintable(QString::number(d)));
        QVERIFY(std::abs(d - lawOfCosines(XinxiangCentre, ZhengzhouCentre)) < 0.01);
        const double fromZone = distanceMeters(Zone, ZhengzhouCentre);
        QVERIFY2(fromZone > 62000 && fromZone < 65000, qPrintable(QString::number(fromZone)));
    }

    void smallOffsets()
    {
        // About 111 m per 0.001° of latitude, the rule of thumb people check a map with.
        for (int steps = 1; steps <= 10; ++steps) {
            const double d = distanceMeters(Zone, GeoPoint{Zone.latitude + 0.001 * steps, Zone.longitude});
            QVERIFY2(std::abs(d - 111.195 * steps) < 0.01 * steps, qPrintable(QString::number(d)));
        }
    }

    void destinationPointRoundTrips()
    {
        for (double bearing : {0.0, 45.0, 90.0, 135.0, 180.0, 270.0, 359.0}) {
            for (double meters : {1.0, 499.9, 500.1, 12000.0, 650000.0}) {
                const GeoPoint p = destinationPoint(Zone, meters, bearing);
                QVERIFY2(std::abs(distanceMeters(Zone, p) - meters) < 1e-6 * std::max(1.0, meters),
                         qPrintable(QStringLiteral("%1 m at %2°").arg(meters).arg(bearing)));
            }
        }
        const GeoPoint north = destinationPoint(Zone, 1000, 0);
        QVERIFY(north.latitude > Zone.latitude);
        QVERIFY(std::abs(north.longitude - Zone.longitude) < 1e-9);
        const GeoPoint east = destinationPoint(Zone, 1000, 90);
        QVERIFY(east.longitude > Zone.longitude);
        // Over the antimeridian the longitude wraps back into [-180, 180).
        const GeoPoint wrapped = destinationPoint(GeoPoint{0, 179.999}, 1000, 90);
        QVERIFY2(wrapped.longitude < -179.99, qPrintable(QString::number(wrapped.longitude)));
    }

    void accuracy_data()
    {
        QTest::addColumn<double>("accuracy");
        QTest::addColumn<bool>("accurate");
        QTest::newRow("3 m") << 3.0 << true;
        QTest::newRow("0 m") << 0.0 << true;
        QTest::newRow("exactly the threshold") << 50.0 << true;
        QTest::newRow("just over") << 50.1 << false;
        QTest::newRow("indoors, 180 m") << 180.0 << false;
        QTest::newRow("unknown (NaN)") << qQNaN() << false;
        QTest::newRow("infinite") << qInf() << false;
        QTest::newRow("negative (invalid)") << -1.0 << false;
    }
    void accuracy()
    {
        QFETCH(double, accuracy);
        QFETCH(bool, accurate);
        const PositionFix fix = fixAt(Zone, accuracy);
        QCOMPARE(isAccurateEnough(fix, rules()), accurate);
        const CheckIn c = makeCheckIn(fix, enterpriseAt(Zone), {}, rules());
        QCOMPARE(c.flags.contains(CheckInFlag::InaccurateFix), !accurate);
        // An accuracy the platform did not know is stored as 0, always with the flag (see checkin.h).
        QVERIFY(std::isfinite(c.accuracyM) && c.accuracyM >= 0);
        if (std::isfinite(accuracy) && accuracy >= 0)
            QCOMPARE(c.accuracyM, accuracy);
        else
            QCOMPARE(c.accuracyM, 0.0);
    }

    void defaultFixHasUnknownAccuracy()
    {
        PositionFix fix;
        fix.position = Zone;
        fix.time = T0;
        QVERIFY(qIsNaN(fix.accuracyM));
        QVERIFY(!isAccurateEnough(fix, rules()));
        QCOMPARE(names(makeCheckIn(fix, enterpriseAt(Zone), {}, rules()).flags), names({CheckInFlag::InaccurateFix}));
    }

    void accuracyThresholdComesFromTheRules()
    {
        CheckInRules strict = rules();
        strict.maxAccuracyM = 5;
        QVERIFY(isAccurateEnough(fixAt(Zone, 20), rules()));
        QVERIFY(!isAccurateEnough(fixAt(Zone, 20), strict));
    }

    void storesTheFix()
    {
        const GeoPoint p = destinationPoint(Zone, 120, 30);
        const QDateTime local(QDate(2023, 5, 10), QTime(9, 30), QTimeZone("Asia/Shanghai"));
        const CheckIn c = makeCheckIn(fixAt(p, 12.5, local), enterpriseAt(Zone), {}, rules());
        QCOMPARE(c.position, p);
        QCOMPARE(c.accuracyM, 12.5);
        QCOMPARE(c.fixTime, T0);
        QCOMPARE(c.fixTime.timeSpec(), Qt::UTC);
        QVERIFY(c.distanceM);
        QVERIFY(std::abs(*c.distanceM - 120) < 1e-6);
        QVERIFY(c.flags.isEmpty());
    }

    void farFromSite_data()
    {
        QTest::addColumn<double>("meters");
        QTest::addColumn<bool>("far");
        QTest::newRow("at the gate, 30 m") << 30.0 << false;
        QTest::newRow("499.9 m") << 499.9 << false;
        QTest::newRow("500.1 m") << 500.1 << true;
        QTest::newRow("across town, 3 km") << 3000.0 << true;
    }
    void farFromSite()
    {
        QFETCH(double, meters);
        QFETCH(bool, far);
        for (double bearing : {0.0, 90.0, 200.0}) {
            const CheckIn c = makeCheckIn(fixAt(destinationPoint(Zone, meters, bearing)), enterpriseAt(Zone), {}, rules());
            QCOMPARE(c.flags.contains(CheckInFlag::FarFromSite), far);
            QCOMPARE(c.flags.size(), far ? 1 : 0);
        }
    }

    void exactlyAtTheFarThresholdIsNotFar()
    {
        // "Farther than" is strict: a fix whose distance equals the threshold to the last bit passes,
        // the next representable distance does not.
        const GeoPoint p = destinationPoint(Zone, 500, 45);
        const double d = distanceMeters(Zone, p);
        CheckInRules atThreshold = rules();
        atThreshold.farFromSiteM = d;
        QVERIFY(!makeCheckIn(fixAt(p), enterpriseAt(Zone), {}, atThreshold).flags.contains(CheckInFlag::FarFromSite));
        atThreshold.farFromSiteM = std::nextafter(d, 0.0);
        QVERIFY(makeCheckIn(fixAt(p), enterpriseAt(Zone), {}, atThreshold).flags.contains(CheckInFlag::FarFromSite));
    }

    void noSiteLocation()
    {
        const CheckIn c = makeCheckIn(fixAt(destinationPoint(Zone, 5000, 10)), enterpriseAt(std::nullopt), {}, rules());
        QVERIFY(!c.distanceM.has_value());
        // Without a site nothing can be far: the reviewer sees why the distance is missing instead.
        QCOMPARE(names(c.flags), names({CheckInFlag::NoSiteLocation}));
    }

    void mockLocation()
    {
        const CheckIn onSite = makeCheckIn(fixAt(Zone, 5, T0, true), enterpriseAt(Zone), {}, rules());
        QCOMPARE(names(onSite.flags), names({CheckInFlag::MockLocation}));
        QVERIFY(makeCheckIn(fixAt(Zone, 5, T0, false), enterpriseAt(Zone), {}, rules()).flags.isEmpty());
    }

    void repeatedCoordinates()
    {
        const GeoPoint p{35.2651234, 113.9271234};
        const QList<CheckIn> earlier{earlierAt(p, T0.addDays(-30))};
        QCOMPARE(names(makeCheckIn(fixAt(p), enterpriseAt(Zone), earlier, rules()).flags),
                 names({CheckInFlag::RepeatedCoordinates}));
        // The last digit of either coordinate is enough to make it a different reading.
        const GeoPoint lat{p.latitude + 1e-7, p.longitude};
        const GeoPoint lon{p.latitude, std::nextafter(p.longitude, 200.0)};
        QVERIFY(makeCheckIn(fixAt(lat), enterpriseAt(Zone), earlier, rules()).flags.isEmpty());
        QVERIFY(makeCheckIn(fixAt(lon), enterpriseAt(Zone), earlier, rules()).flags.isEmpty());
        // The same latitude with another longitude (and the reverse) is not a repeat.
        const QList<CheckIn> crossed{earlierAt({p.latitude, 113.5}, T0.addDays(-2)), earlierAt({35.5, p.longitude}, T0.addDays(-1))};
        QVERIFY(makeCheckIn(fixAt(p), enterpriseAt(Zone), crossed, rules()).flags.isEmpty());
    }

    void impossibleSpeed_data()
    {
        QTest::addColumn<double>("km");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("impossible");
        QTest::newRow("299 km in an hour") << 299.0 << 60 << false;
        QTest::newRow("301 km in an hour") << 301.0 << 60 << true;
        QTest::newRow("Zhengzhou in 12 minutes (320 km/h)") << 64.0 << 12 << true;
        QTest::newRow("Zhengzhou in 15 minutes (256 km/h)") << 64.0 << 15 << false;
        QTest::newRow("next enterprise, 4 km in 10 minutes") << 4.0 << 10 << false;
    }
    void impossibleSpeed()
    {
        QFETCH(double, km);
        QFETCH(int, minutes);
        QFETCH(bool, impossible);
        // The site is where the person arrives, so FarFromSite stays off and only the speed shows.
        const GeoPoint from = destinationPoint(Zone, km * 1000, 250);
        const QList<CheckIn> earlier{earlierAt(from, T0.addSecs(-60 * minutes))};
        const CheckIn c = makeCheckIn(fixAt(Zone), enterpriseAt(Zone), earlier, rules());
        QCOMPARE(names(c.flags), names(impossible ? QList<CheckInFlag>{CheckInFlag::ImpossibleSpeed} : QList<CheckInFlag>{}));
    }

    void speedThresholdComesFromTheRules()
    {
        const QList<CheckIn> earlier{earlierAt(destinationPoint(Zone, 100000, 0), T0.addSecs(-3600))};
        QVERIFY(!makeCheckIn(fixAt(Zone), enterpriseAt(Zone), earlier, rules()).flags.contains(CheckInFlag::ImpossibleSpeed));
        CheckInRules slow = rules();
        slow.maxSpeedKmh = 90;
        QVERIFY(makeCheckIn(fixAt(Zone), enterpriseAt(Zone), earlier, slow).flags.contains(CheckInFlag::ImpossibleSpeed));
    }

    void speedIsMeasuredFromTheLatestEarlierCheckIn()
    {
        const CheckIn zhengzhouLastWeek = earlierAt(ZhengzhouCentre, T0.addDays(-7));
        const CheckIn zhengzhouTenMinutesAgo = earlierAt(ZhengzhouCentre, T0.addSecs(-600));
        const CheckIn nextDoorFiveMinutesAgo = earlierAt(destinationPoint(Zone, 800, 90), T0.addSecs(-300));
        const CheckIn zhengzhouTomorrow = earlierAt(ZhengzhouCentre, T0.addDays(1));
        const Enterprise e = enterpriseAt(Zone);

        // The latest one before the fix is next door: fine, whatever the order of the list.
        QList<CheckIn> earlier{zhengzhouLastWeek, zhengzhouTenMinutesAgo, nextDoorFiveMinutesAgo};
        for (int rotation = 0; rotation < earlier.size(); ++rotation) {
            QVERIFY(!makeCheckIn(fixAt(Zone), e, earlier, rules()).flags.contains(CheckInFlag::ImpossibleSpeed));
            earlier.move(0, earlier.size() - 1);
        }
        // Without it, the latest is Zhengzhou ten minutes ago: impossible.
        QVERIFY(makeCheckIn(fixAt(Zone), e, {zhengzhouTenMinutesAgo, zhengzhouLastWeek}, rules())
                    .flags.contains(CheckInFlag::ImpossibleSpeed));
        // A check-in after the fix's time is not "earlier" for the speed: nothing to compare with.
        QVERIFY(!makeCheckIn(fixAt(Zone), e, {zhengzhouTomorrow}, rules()).flags.contains(CheckInFlag::ImpossibleSpeed));
        QVERIFY(!makeCheckIn(fixAt(Zone), e, {zhengzhouTomorrow, zhengzhouLastWeek}, rules())
                     .flags.contains(CheckInFlag::ImpossibleSpeed));
    }

    void sameInstant()
    {
        const Enterprise e = enterpriseAt(Zone);
        const GeoPoint nearby = destinationPoint(Zone, 50, 0);
        // Same instant, another place: no speed could do it.
        QCOMPARE(names(makeCheckIn(fixAt(Zone), e, {earlierAt(nearby, T0)}, rules()).flags),
                 names({CheckInFlag::ImpossibleSpeed}));
        // Same instant, same place: a repeat, but no movement at all.
        QCOMPARE(names(makeCheckIn(fixAt(Zone), e, {earlierAt(Zone, T0)}, rules()).flags),
                 names({CheckInFlag::RepeatedCoordinates}));
        // Two earlier check-ins at the latest instant: the one elsewhere decides, in either order.
        const QList<CheckIn> both{earlierAt(destinationPoint(Zone, 10, 180), T0.addSecs(-1)),
                                  earlierAt(destinationPoint(Zone, 90000, 180), T0.addSecs(-1))};
        QVERIFY(makeCheckIn(fixAt(Zone), e, both, rules()).flags.contains(CheckInFlag::ImpossibleSpeed));
        QVERIFY(makeCheckIn(fixAt(Zone), e, {both[1], both[0]}, rules()).flags.contains(CheckInFlag::ImpossibleSpeed));
    }

    void everyFlagAtOnceInDeclarationOrder()
    {
        // A simulated position 20 km from the site, replaying the coordinates of two earlier
        // check-ins, ten seconds after a check-in at the site, with no accuracy reported.
        const GeoPoint replayed = destinationPoint(Zone, 20000, 300);
        const QList<CheckIn> earlier{earlierAt(replayed, T0.addSecs(-60)), earlierAt(destinationPoint(Zone, 1, 0), T0.addSecs(-10)),
                                     earlierAt(replayed, T0.addDays(-3))};
        const CheckIn c = makeCheckIn(fixAt(replayed, qQNaN(), T0, true), enterpriseAt(Zone), earlier, rules());
        QCOMPARE(names(c.flags), names({CheckInFlag::FarFromSite, CheckInFlag::MockLocation, CheckInFlag::RepeatedCoordinates,
                                        CheckInFlag::ImpossibleSpeed, CheckInFlag::InaccurateFix}));
        const CheckIn noSite = makeCheckIn(fixAt(replayed, qQNaN(), T0, true), enterpriseAt(std::nullopt), earlier, rules());
        QCOMPARE(names(noSite.flags), names({CheckInFlag::MockLocation, CheckInFlag::RepeatedCoordinates, CheckInFlag::ImpossibleSpeed,
                                             CheckInFlag::InaccurateFix, CheckInFlag::NoSiteLocation}));
    }

    void flagsAreNeverDuplicated()
    {
        // Many earlier check-ins that each would raise the same flags: each flag still appears once.
        QList<CheckIn> earlier;
        for (int i = 0; i < 20; ++i)
            earlier.append(earlierAt(ZhengzhouCentre, T0));
        const CheckIn c = makeCheckIn(fixAt(ZhengzhouCentre, 400, T0, true), enterpriseAt(Zone), earlier, rules());
        QCOMPARE(names(c.flags), names({CheckInFlag::FarFromSite, CheckInFlag::MockLocation, CheckInFlag::RepeatedCoordinates,
                                        CheckInFlag::InaccurateFix}));
        for (CheckInFlag f : c.flags)
            QCOMPARE(c.flags.count(f), 1);
    }

    void descriptions()
    {
        QCOMPARE(describe(CheckInFlag::FarFromSite, rules()), QStringLiteral("距企业注册地址超过500米"));
        QVERIFY(describe(CheckInFlag::ImpossibleSpeed, rules()).contains(u"300"));
        QVERIFY(describe(CheckInFlag::InaccurateFix, rules()).contains(u"50"));
        CheckInRules other = rules();
        other.farFromSiteM = 1500;
        other.maxSpeedKmh = 120;
        other.maxAccuracyM = 35.5;
        QCOMPARE(describe(CheckInFlag::FarFromSite, other), QStringLiteral("距企业注册地址超过1500米"));
        QVERIFY(describe(CheckInFlag::ImpossibleSpeed, other).contains(u"120"));
        QVERIFY(describe(CheckInFlag::InaccurateFix, other).contains(u"35.5"));
        // Every flag has its own non-empty description.
        QSet<QString> seen;
        for (const QString &name : enumNames<CheckInFlag>()) {
            const QString text = describe(*enumFromString<CheckInFlag>(name), rules());
            QVERIFY2(!text.isEmpty(), qPrintable(name));
            seen.insert(text);
        }
        QCOMPARE(seen.size(), enumNames<CheckInFlag>().size());
    }

    // Each flag's note carries a code named as the flag is on the wire, and the scheme's number as
    // its value, so the app can put it in the person's language.
    void notesAreCodes_data()
    {
        QTest::addColumn<CheckInFlag>("flag");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("far") << CheckInFlag::FarFromSite << ErrorCode::FarFromSite << QStringList{QStringLiteral("1500")};
        QTest::newRow("mock") << CheckInFlag::MockLocation << ErrorCode::MockLocation << QStringList{};
        QTest::newRow("repeated") << CheckInFlag::RepeatedCoordinates << ErrorCode::RepeatedCoordinates << QStringList{};
        QTest::newRow("speed") << CheckInFlag::ImpossibleSpeed << ErrorCode::ImpossibleSpeed << QStringList{QStringLiteral("120")};
        QTest::newRow("inaccurate") << CheckInFlag::InaccurateFix << ErrorCode::InaccurateFix << QStringList{QStringLiteral("35.5")};
        QTest::newRow("no site") << CheckInFlag::NoSiteLocation << ErrorCode::NoSiteLocation << QStringList{};
    }
    void notesAreCodes()
    {
        QFETCH(CheckInFlag, flag);
        QFETCH(ErrorCode, code);
        QFETCH(QStringList, args);
        CheckInRules other = rules();
        other.farFromSiteM = 1500;
        other.maxSpeedKmh = 120;
        other.maxAccuracyM = 35.5;
        const FieldError note = flagNote(flag, other);
        QCOMPARE(note.code, code);
        QCOMPARE(note.args, args);
        QCOMPARE(note.field, QStringLiteral("checkIn.flags"));
        QCOMPARE(codeName(note.code), toString(flag));
        QCOMPARE(note.message, describe(flag, other));
    }
};

QTEST_GUILESS_MAIN(TestCheckIn)
#include "tst_checkin.moc"
