// QtPositionProvider: Qt Positioning behind the PositionProvider interface.
#include "qtpositionprovider.h"

#include <QGeoPositionInfo>

namespace mobile {

QtPositionProvider::QtPositionProvider(QObject *parent) : PositionProvider(parent) {}

QtPositionProvider::QtPositionProvider(QGeoPositionInfoSource *source, QObject *parent) : PositionProvider(parent)
{
    m_defaultTried = true; // the caller chose the source
    attach(source);
}

QtPositionProvider::~QtPositionProvider()
{
    if (m_source && m_active)
        m_source->stopUpdates();
}

void QtPositionProvider::attach(QGeoPositionInfoSource *source)
{
    m_source = source;
    if (!m_source)
        return;
    m_source->setParent(this);
    connect(m_source, &QGeoPositionInfoSource::positionUpdated, this, [this](const QGeoPositionInfo &info) {
        // Some backends deliver a reading before they have a position (only a time); that is not a fix.
        if (m_active && info.isValid() && info.coordinate().isValid())
            emit positionUpdated(toPositionFix(info));
    });
    connect(m_source, &QGeoPositionInfoSource::errorOccurred, this, [this](QGeoPositionInfoSource::Error e) {
        if (e == QGeoPositionInfoSource::NoError)
            return;
        // After an error Qt's sources deliver nothing more until started again.
        setActive(false);
        emit error(errorReason(e));
    });
}

void QtPositionProvider::start()
{
    if (!m_source && !m_defaultTried) {
        m_defaultTried = true;
        attach(QGeoPositionInfoSource::createDefaultSource(this));
    }
    if (!m_source) {
        emit error(tr("定位服务不可用（本机没有可用的定位源）"));
        return;
    }
    setActive(true);
    m_source->startUpdates(); // may report an error at once, which clears active again
}

void QtPositionProvider::stop()
{
    if (m_source && m_active)
        m_source->stopUpdates();
    setActive(false);
}

bool QtPositionProvider::isActive() const
{
    return m_active;
}

QGeoPositionInfoSource *QtPositionProvider::source() const
{
    return m_source;
}

void QtPositionProvider::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    emit activeChanged();
}

} // namespace mobile
