// The app's position provider: the platform's positioning through Qt Positioning
// (QGeoPositionInfoSource::createDefaultSource), or any QGeoPositionInfoSource handed in.
#pragma once

#include "positionprovider.h"

#include <QGeoPositionInfoSource>

namespace mobile {

class QtPositionProvider : public PositionProvider
{
    Q_OBJECT
    QML_ELEMENT

public:
    // The platform's default source, created at the first start() (not here, so that building the
    // object graph never asks the platform for anything). No source at all is reported as an error.
    explicit QtPositionProvider(QObject *parent = nullptr);
    // A given source (an NMEA device, a platform plugin by name); the provider takes ownership.
    explicit QtPositionProvider(QGeoPositionInfoSource *source, QObject *parent = nullptr);
    ~QtPositionProvider() override;

    void start() override;
    void stop() override;
    [[nodiscard]] bool isActive() const override;

    // The source in use; null before the first start() when the default one is still to be made.
    [[nodiscard]] QGeoPositionInfoSource *source() const;

private:
    void attach(QGeoPositionInfoSource *source);
    void setActive(bool active);

    QGeoPositionInfoSource *m_source = nullptr; // a child of this
    bool m_defaultTried = false;
    bool m_active = false;
};

} // namespace mobile
