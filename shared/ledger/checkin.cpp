// The check-in rules: spherical distance, the flags a check-in carries, and their notes for the reviewer.
#include "ledger/checkin.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <numbers>

namespace ledger {

namespace {

constexpr double Degree = std::numbers::pi / 180.0;
constexpr double MsPerHour = 3600.0 * 1000.0;

[[nodiscard]] bool hasKnownAccuracy(double accuracyM) { return std::isfinite(accuracyM) && accuracyM >= 0; }

// Moving from `from` to the fix faster than the scheme allows. Two fixes taken at the same instant
// (or with the clock going backwards) are impossible as soon as they are at different places.
[[nodiscard]] bool tooFast(const CheckIn &from, const PositionFix &fix, const CheckInRules &rules)
{
    const double meters = distanceMeters(from.position, fix.position);
    const qint64 ms = from.fixTime.msecsTo(fix.time);
    if (ms <= 0)
        return meters > 0;
    const double kmh = (meters / 1000.0) / (double(ms) / MsPerHour);
    return kmh > rules.maxSpeedKmh;
}

// Compared with the latest of the earlier check-ins taken up to the fix's time. When several share
// that instant every one of them is compared, so the result does not depend on the list's order.
[[nodiscard]] bool impossibleSpeed(const PositionFix &fix, const QList<CheckIn> &earlier, const CheckInRules &rules)
{
    if (!fix.time.isValid())
        return false;
    QDateTime latest;
    for (const CheckIn &c : earlier) {
        if (c.fixTime.isValid() && c.fixTime <= fix.time && (!latest.isValid() || c.fixTime > latest))
            latest = c.fixTime;
    }
    if (!latest.isValid())
        return false;
    for (const CheckIn &c : earlier) {
        if (c.fixTime == latest && tooFast(c, fix, rules))
            return true;
    }
    return false;
}

// Genuine GPS readings never repeat to the last digit; a replayed or typed-in position does.
[[nodiscard]] bool repeatsCoordinates(const PositionFix &fix, const QList<CheckIn> &earlier)
{
    for (const CheckIn &c : earlier) {
        if (c.position.latitude == fix.position.latitude && c.position.longitude == fix.position.longitude)
            return true;
    }
    return false;
}

[[nodiscard]] QString number(double d) { return QString::number(d, 'g', QLocale::FloatingPointShortest); }

} // namespace

double distanceMeters(GeoPoint a, GeoPoint b)
{
    const double phi1 = a.latitude * Degree;
    const double phi2 = b.latitude * Degree;
    const double sinHalfDPhi = std::sin((b.latitude - a.latitude) * Degree / 2);
    const double sinHalfDLambda = std::sin((b.longitude - a.longitude) * Degree / 2);
    const double h = sinHalfDPhi * sinHalfDPhi + std::cos(phi1) * std::cos(phi2) * sinHalfDLambda * sinHalfDLambda;
    // Rounding can push h a hair above 1 for antipodal points; asin would return NaN.
    return 2 * MeanEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

GeoPoint destinationPoint(GeoPoint from, double distanceM, double bearingDeg)
{
    const double delta = distanceM / MeanEarthRadiusM;
    const double theta = bearingDeg * Degree;
    const double phi1 = from.latitude * Degree;
    const double lambda1 = from.longitude * Degree;
    const double sinPhi2 = std::sin(phi1) * std::cos(delta) + std::cos(phi1) * std::sin(delta) * std::cos(theta);
    const double phi2 = std::asin(std::clamp(sinPhi2, -1.0, 1.0));
    const double lambda2 = lambda1 + std::atan2(std::sin(theta) * std::sin(delta) * std::cos(phi1),
                                                std::cos(delta) - std::sin(phi1) * std::sin(phi2));
    // Back into [-180, 180).
    const double longitude = std::fmod(lambda2 / Degree + 540.0, 360.0) - 180.0;
    return {phi2 / Degree, longitude};
}

bool isAccurateEnough(const PositionFix &fix, const CheckInRules &rules)
{
    return hasKnownAccuracy(fix.accuracyM) && fix.accuracyM <= rules.maxAccuracyM;
}

CheckIn makeCheckIn(const PositionFix &fix, const Enterprise &enterprise, const QList<CheckIn> &earlier,
                    const CheckInRules &rules)
{
    CheckIn out;
    out.position = fix.position;
    out.accuracyM = hasKnownAccuracy(fix.accuracyM) ? fix.accuracyM : 0;
    out.fixTime = fix.time.toUTC();
    if (enterprise.site)
        out.distanceM = distanceMeters(*enterprise.site, fix.position);

    // Raised in the order CheckInFlag declares them, each once.
    auto raise = [&out](CheckInFlag flag, bool on) {
        if (on)
            out.flags.append(flag);
    };
    raise(CheckInFlag::FarFromSite, out.distanceM && *out.distanceM > rules.farFromSiteM);
    raise(CheckInFlag::MockLocation, fix.mock);
    raise(CheckInFlag::RepeatedCoordinates, repeatsCoordinates(fix, earlier));
    raise(CheckInFlag::ImpossibleSpeed, impossibleSpeed(fix, earlier, rules));
    raise(CheckInFlag::InaccurateFix, !isAccurateEnough(fix, rules));
    raise(CheckInFlag::NoSiteLocation, !enterprise.site.has_value());
    return out;
}

FieldError flagNote(CheckInFlag flag, const CheckInRules &rules)
{
    const QString field = QStringLiteral("checkIn.flags");
    switch (flag) {
    case CheckInFlag::FarFromSite: return FieldError(field, ErrorCode::FarFromSite, {number(rules.farFromSiteM)});
    case CheckInFlag::MockLocation: return FieldError(field, ErrorCode::MockLocation);
    case CheckInFlag::RepeatedCoordinates: return FieldError(field, ErrorCode::RepeatedCoordinates);
    case CheckInFlag::ImpossibleSpeed: return FieldError(field, ErrorCode::ImpossibleSpeed, {number(rules.maxSpeedKmh)});
    case CheckInFlag::InaccurateFix: return FieldError(field, ErrorCode::InaccurateFix, {number(rules.maxAccuracyM)});
    case CheckInFlag::NoSiteLocation: return FieldError(field, ErrorCode::NoSiteLocation);
    }
    return {};
}

QString describe(CheckInFlag flag, const CheckInRules &rules) { return flagNote(flag, rules).message; }

} // namespace ledger
