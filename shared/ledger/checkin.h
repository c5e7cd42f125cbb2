// On-site check-in (现场定位签到) rules: how far a fix is from an enterprise's registered site, and
// which warnings a check-in carries for the reviewer. The app calls makeCheckIn() when a person
// checks in at a visit, the server and tests call it again to verify; the thresholds are the
// scheme's (CheckInRules), never constants here.
#pragma once

#include "ledger/entities.h"
#include "ledger/errors.h"
#include "ledger/scheme.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QtNumeric>

namespace ledger {

// The mean Earth radius (IUGG), the sphere distanceMeters() measures on.
inline constexpr double MeanEarthRadiusM = 6371008.8;

// Great-circle distance in metres (haversine). Good to well under a metre at the few kilometres
// that matter for a check-in; the sphere's error against WGS-84 is at most about 0.5 %.
[[nodiscard]] double distanceMeters(GeoPoint a, GeoPoint b);

// The point `distanceM` metres from `from` along the initial bearing `bearingDeg` (0 = north,
// 90 = east), on the same sphere: distanceMeters(from, destinationPoint(from, d, b)) == d.
[[nodiscard]] GeoPoint destinationPoint(GeoPoint from, double distanceM, double bearingDeg);

// One reading from the positioning source, as the platform reports it.
struct PositionFix
{
    GeoPoint position;
    double accuracyM = qQNaN(); // horizontal accuracy in metres; NaN when the platform does not know
    QDateTime time;             // when the fix was taken
    bool mock = false;          // the platform reported a simulated position
};

// The accuracy is known (finite, not negative) and no worse than the scheme allows.
[[nodiscard]] bool isAccurateEnough(const PositionFix &fix, const CheckInRules &rules);

// The check-in for a visit to `enterprise` from `fix`. `earlier` are the same person's earlier
// check-ins, in any order. The result holds the position, the accuracy, the fix time in UTC, the
// distance to the registered site (unset when the enterprise has none) and every flag that
// applies, in the order of CheckInFlag's declaration, each once.
// An accuracy the platform did not report (NaN) or reported as negative is stored as 0 and always
// carries InaccurateFix: the wire format has no "unknown" for it, and a real fix of 0 m would
// never be flagged, so the pair is unambiguous.
[[nodiscard]] CheckIn makeCheckIn(const PositionFix &fix, const Enterprise &enterprise, const QList<CheckIn> &earlier,
                                  const CheckInRules &rules);

// What a flag means, for the reviewer: a note on "checkIn.flags" whose code is the flag's and whose
// args are the scheme's numbers, so each side can show it in the person's language.
[[nodiscard]] FieldError flagNote(CheckInFlag flag, const CheckInRules &rules);
// The same note in Chinese, the office's language.
[[nodiscard]] QString describe(CheckInFlag flag, const CheckInRules &rules);

} // namespace ledger
