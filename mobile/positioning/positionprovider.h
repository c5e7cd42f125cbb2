// The position provider interface the check-in controller is given (never creates): Qt Positioning
// in the app (QtPositionProvider), a replayed NMEA log in tests and demo mode (NmeaReplayProvider),
// or a fake. Also the mapping from Qt's QGeoPositionInfo to the domain's ledger::PositionFix and the
// Chinese words for Qt's positioning errors, shared by both providers.
#pragma once

#include "ledger/checkin.h"

#include <QDateTime>
#include <QGeoPositionInfoSource>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

class QGeoPositionInfo;

namespace mobile {

class PositionProvider : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PositionProvider is an interface: use QtPositionProvider or NmeaReplayProvider")
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)

public:
    using QObject::QObject;
    ~PositionProvider() override;

    // Begin delivering readings; a failure is reported through error(), possibly before start()
    // returns.
    virtual void start() = 0;
    virtual void stop() = 0;
    [[nodiscard]] virtual bool isActive() const = 0;

signals:
    // One reading with a valid position. Readings without a fix are never delivered.
    void positionUpdated(const ledger::PositionFix &fix);
    // Positioning failed or stopped for good; `reason` is for the person holding the tablet, in
    // Chinese ("定位服务不可用", "无法获取定位（室内或无GPS信号）").
    void error(const QString &reason);
    void activeChanged();
};

// A Qt reading as a domain fix: the horizontal accuracy attribute (NaN when the source does not
// report one), the timestamp in UTC (`receivedUtc` when the source left it unset, so the fix time
// is never empty), and `mock` false: Qt 6.4's QGeoPositionInfo has no attribute for a simulated
// position on any platform (Android's Location.isMock() is not passed through), so a fix that came
// through Qt Positioning is never flagged as mock here. A provider that learns it from the platform
// directly sets it itself.
[[nodiscard]] ledger::PositionFix toPositionFix(const QGeoPositionInfo &info,
                                                const QDateTime &receivedUtc = QDateTime::currentDateTimeUtc());

// What a QGeoPositionInfoSource error means for the person, in Chinese; empty for NoError.
[[nodiscard]] QString errorReason(QGeoPositionInfoSource::Error error);

} // namespace mobile
