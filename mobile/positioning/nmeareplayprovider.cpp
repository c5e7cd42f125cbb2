// NmeaReplayProvider: QNmeaPositionInfoSource in SimulationMode over a QFile.
#include "nmeareplayprovider.h"

#include <QFile>
#include <QGeoPositionInfo>
#include <QNmeaPositionInfoSource>
#include <QUrl>

namespace mobile {

namespace {

// QML hands over URLs; QFile wants a path (":/…" for resources).
[[nodiscard]] QString localPath(const QString &name)
{
    if (name.startsWith(u"qrc:"))
        return QLatin1Char(':') + QUrl(name).path();
    if (name.startsWith(u"file:"))
        return QUrl(name).toLocalFile();
    return name;
}

} // namespace

NmeaReplayProvider::NmeaReplayProvider(QObject *parent) : PositionProvider(parent) {}

NmeaReplayProvider::NmeaReplayProvider(const QString &fileName, QObject *parent)
    : PositionProvider(parent), m_fileName(fileName)
{
}

NmeaReplayProvider::~NmeaReplayProvider() = default;

QString NmeaReplayProvider::fileName() const
{
    return m_fileName;
}

void NmeaReplayProvider::setFileName(const QString &fileName)
{
    if (m_fileName == fileName)
        return;
    m_fileName = fileName;
    emit fileNameChanged();
}

double NmeaReplayProvider::userEquivalentRangeError() const
{
    return m_uere;
}

void NmeaReplayProvider::setUserEquivalentRangeError(double uere)
{
    if (m_uere == uere)
        return;
    m_uere = uere;
    emit userEquivalentRangeErrorChanged();
}

void NmeaReplayProvider::setReportsMock(bool on)
{
    if (m_reportsMock == on)
        return;
    m_reportsMock = on;
    emit reportsMockChanged();
}

void NmeaReplayProvider::start()
{
    discardSource();

    // The file is a child of the source: the source's private part is gone before the file is
    // destroyed, so it never reads from a half-destroyed device.
    auto *source = new QNmeaPositionInfoSource(QNmeaPositionInfoSource::SimulationMode, this);
    auto *file = new QFile(localPath(m_fileName), source);
    if (m_fileName.isEmpty() || !file->open(QIODevice::ReadOnly)) {
        delete source;
        setActive(false);
        emit error(tr("定位服务不可用（无法读取定位回放文件“%1”）").arg(m_fileName));
        return;
    }
    source->setDevice(file);
    source->setUserEquivalentRangeError(m_uere);
    connect(source, &QGeoPositionInfoSource::positionUpdated, this, [this](const QGeoPositionInfo &info) {
        if (!m_active || !info.coordinate().isValid())
            return;
        ledger::PositionFix fix = toPositionFix(info);
        fix.mock = m_reportsMock;
        emit positionUpdated(fix);
    });
    connect(source, &QGeoPositionInfoSource::errorOccurred, this, [this](QGeoPositionInfoSource::Error e) {
        if (e == QGeoPositionInfoSource::NoError)
            return;
        setActive(false);
        emit error(errorReason(e));
    });
    m_source = source;
    setActive(true);
    // The first epoch is delivered from inside startUpdates().
    source->startUpdates();
}

void NmeaReplayProvider::stop()
{
    if (m_source)
        m_source->stopUpdates();
    setActive(false);
}

bool NmeaReplayProvider::isActive() const
{
    return m_active;
}

void NmeaReplayProvider::discardSource()
{
    if (!m_source)
        return;
    m_source->stopUpdates();
    m_source->disconnect(this);
    // Later, not now: start() may be called from a slot connected to this very source.
    m_source->deleteLater();
    m_source = nullptr;
}

void NmeaReplayProvider::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    emit activeChanged();
}

} // namespace mobile
