// The position provider interface's out-of-line parts and the Qt-to-domain mapping.
#include "positionprovider.h"

#include <QGeoCoordinate>
#include <QGeoPositionInfo>
#include <QtNumeric>

namespace mobile {

// Out of line so that the vtable and the moc output live in one object file.
PositionProvider::~PositionProvider() = default;

ledger::PositionFix toPositionFix(const QGeoPositionInfo &info, const QDateTime &receivedUtc)
{
    ledger::PositionFix fix;
    fix.position = ledger::GeoPoint{info.coordinate().latitude(), info.coordinate().longitude()};
    fix.accuracyM = info.hasAttribute(QGeoPositionInfo::HorizontalAccuracy)
                        ? info.attribute(QGeoPositionInfo::HorizontalAccuracy)
                        : qQNaN();
    fix.time = (info.timestamp().isValid() ? info.timestamp() : receivedUtc).toUTC();
    fix.mock = false; // see the header: Qt 6.4 does not tell
    return fix;
}

QString errorReason(QGeoPositionInfoSource::Error error)
{
    switch (error) {
    case QGeoPositionInfoSource::AccessError:
        return PositionProvider::tr("没有定位权限，请在系统设置中允许本应用使用位置信息");
    case QGeoPositionInfoSource::ClosedError:
        return PositionProvider::tr("定位服务已关闭，请在系统设置中打开定位");
    case QGeoPositionInfoSource::UpdateTimeoutError:
        return PositionProvider::tr("无法获取定位（室内或无GPS信号）");
    case QGeoPositionInfoSource::UnknownSourceError:
        return PositionProvider::tr("定位服务不可用");
    case QGeoPositionInfoSource::NoError:
        break;
    }
    return {};
}

} // namespace mobile
