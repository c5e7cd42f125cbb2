// A position provider that replays a recorded NMEA log at the pace it was recorded, for tests and
// the app's demo mode (only when the app is started with --replay-positioning or --demo-positioning).
// Its fixes are reported as mock (a replayed position is a simulated one, and the reviewer must see
// that), unless reportsMock is switched off: the positioning tests do that, to use the logs as a
// stand-in receiver for the rules on distance and accuracy. The logs shipped in the library's resources:
//   :/nmea/on_site.nmea   a fix settling a few metres from the demo site (35.2647 N, 113.9268 E):
//                         98, 75, 58 m, then 35 m (the first good enough), then 19 m down to 8 m
//   :/nmea/far_away.nmea  good fixes (9–11 m) about 2 km north-east of the site
//   :/nmea/indoor.nmea    fixes 15–30 m from the site that stay 67–90 m accurate for 10 s
//   :/nmea/no_fix.nmea    10 s of a receiver without a fix (GGA quality 0, RMC status V)
// Each epoch is an RMC then a GGA sentence with the same time, 1 s apart.
#pragma once

#include "positionprovider.h"

#include <QPointer>

class QNmeaPositionInfoSource;

namespace mobile {

class NmeaReplayProvider : public PositionProvider
{
    Q_OBJECT
    QML_ELEMENT
    // A file path, a resource path (":/nmea/on_site.nmea") or a qrc:/ or file:/ URL.
    Q_PROPERTY(QString fileName READ fileName WRITE setFileName NOTIFY fileNameChanged)
    Q_PROPERTY(double userEquivalentRangeError READ userEquivalentRangeError WRITE setUserEquivalentRangeError
                   NOTIFY userEquivalentRangeErrorChanged)
    Q_PROPERTY(bool reportsMock READ reportsMock WRITE setReportsMock NOTIFY reportsMockChanged)

public:
    // Qt's "typical value" for a GPS receiver. Without a UERE QNmeaPositionInfoSource reports no
    // accuracy at all; with it the accuracy is 2 × HDOP × UERE.
    static constexpr double DefaultUere = 5.1;

    explicit NmeaReplayProvider(QObject *parent = nullptr);
    explicit NmeaReplayProvider(const QString &fileName, QObject *parent = nullptr);
    ~NmeaReplayProvider() override;

    [[nodiscard]] QString fileName() const;
    void setFileName(const QString &fileName);
    [[nodiscard]] double userEquivalentRangeError() const;
    void setUserEquivalentRangeError(double uere);
    [[nodiscard]] bool reportsMock() const { return m_reportsMock; }
    void setReportsMock(bool on);

    // Replays the log from its first sentence, every time: a QNmeaPositionInfoSource cannot rewind,
    // so each start() opens the file again behind a new source. A missing or unreadable file is
    // reported through error().
    void start() override;
    void stop() override;
    [[nodiscard]] bool isActive() const override;

signals:
    void fileNameChanged();
    void userEquivalentRangeErrorChanged();
    void reportsMockChanged();

private:
    void discardSource();
    void setActive(bool active);

    QString m_fileName;
    double m_uere = DefaultUere;
    bool m_reportsMock = true;
    QPointer<QNmeaPositionInfoSource> m_source; // a child of this; owns its QFile
    bool m_active = false;
};

} // namespace mobile
