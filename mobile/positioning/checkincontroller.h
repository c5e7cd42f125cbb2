// The on-site check-in of a visit, for the QML screens: waits for a reading from the injected
// position provider, accepts the first one accurate enough, lets the person accept a worse one by
// hand or give up with a reason, and times out when no fix comes. Every rule (accuracy, distance,
// flags) is ledger::isAccurateEnough / ledger::makeCheckIn with the scheme's CheckInRules; this
// class only orchestrates.
#pragma once

#include "positionprovider.h"

#include "ledger/checkin.h"
#include "ledger/entities.h"
#include "ledger/scheme.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <optional>

namespace mobile {

class CheckInController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // Not owned. Set it before start(); one controller uses a provider at a time.
    Q_PROPERTY(mobile::PositionProvider *provider READ provider WRITE setProvider NOTIFY providerChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    // Why there is no check-in: the timeout's or the provider's words while state is NoFix, the
    // person's own reason once they gave up (the visit's noCheckInReason). Empty otherwise.
    Q_PROPERTY(QString noFixReason READ noFixReason NOTIFY stateChanged)
    // The person gave up: the visit is saved without a check-in, with noFixReason.
    Q_PROPERTY(bool givenUp READ isGivenUp NOTIFY stateChanged)
    // The latest reading (or the accepted one), live while waiting.
    Q_PROPERTY(bool hasFix READ hasFix NOTIFY readingChanged)
    Q_PROPERTY(bool hasAccuracy READ hasAccuracy NOTIFY readingChanged)
    Q_PROPERTY(double accuracyM READ accuracyM NOTIFY readingChanged)
    Q_PROPERTY(bool hasDistance READ hasDistance NOTIFY readingChanged)
    Q_PROPERTY(double distanceM READ distanceM NOTIFY readingChanged)
    // The flags the check-in carries (or would carry if accepted now): wire names and, for people,
    // ledger::describe() in Chinese, in the same order.
    Q_PROPERTY(QStringList flags READ flags NOTIFY readingChanged)
    Q_PROPERTY(QStringList flagDescriptions READ flagDescriptions NOTIFY readingChanged)
    Q_PROPERTY(bool canAcceptByHand READ canAcceptByHand NOTIFY readingChanged)
    Q_PROPERTY(double maxAccuracyM READ maxAccuracyM NOTIFY rulesChanged)
    Q_PROPERTY(double farFromSiteM READ farFromSiteM NOTIFY rulesChanged)
    Q_PROPERTY(int timeoutMs READ timeoutMs WRITE setTimeoutMs NOTIFY timeoutMsChanged)

public:
    enum State {
        Idle,     // not started, or cancelled
        Waiting,  // positioning; readings arrive
        Accepted, // a check-in was made (automatically or by hand)
        NoFix,    // no usable fix in time, the provider failed, or the person gave up
    };
    Q_ENUM(State)

    static constexpr int DefaultTimeoutMs = 60'000;

    // The 2023 scheme's thresholds until setRules() says otherwise.
    explicit CheckInController(QObject *parent = nullptr);
    ~CheckInController() override;

    [[nodiscard]] PositionProvider *provider() const;
    void setProvider(PositionProvider *provider);
    void setRules(const ledger::CheckInRules &rules);
    [[nodiscard]] const ledger::CheckInRules &rules() const;
    // The same person's earlier check-ins, for the repeated-coordinates and impossible-speed flags.
    void setEarlierCheckIns(const QList<ledger::CheckIn> &earlier);
    // The same, as CheckIn objects in the wire format (docs/wire-format.md). On the first bad
    // element nothing changes, a warning names the field ("[2].fixTime") and false is returned.
    Q_INVOKABLE bool setEarlierCheckIns(const QJsonArray &earlier);

    [[nodiscard]] State state() const;
    [[nodiscard]] QString noFixReason() const;
    [[nodiscard]] bool isGivenUp() const;
    [[nodiscard]] bool hasFix() const;
    [[nodiscard]] bool hasAccuracy() const;
    [[nodiscard]] double accuracyM() const; // 0 when !hasAccuracy, never NaN
    [[nodiscard]] bool hasDistance() const;
    [[nodiscard]] double distanceM() const; // 0 when !hasDistance
    [[nodiscard]] QStringList flags() const;
    [[nodiscard]] QStringList flagDescriptions() const;
    [[nodiscard]] bool canAcceptByHand() const;
    [[nodiscard]] double maxAccuracyM() const;
    [[nodiscard]] double farFromSiteM() const;
    [[nodiscard]] int timeoutMs() const;
    void setTimeoutMs(int ms);

    // The check-in once Accepted, otherwise nothing.
    [[nodiscard]] std::optional<ledger::CheckIn> checkIn() const;
    // The same as a wire-format CheckIn object (exactly what ledger::wire writes inside a visit);
    // empty unless Accepted.
    Q_INVOKABLE QJsonObject checkInJson() const;

    // Start checking in at a visit to `enterprise`; one without a registered site is flagged
    // NoSiteLocation. Anything earlier is forgotten.
    void start(const ledger::Enterprise &enterprise);
    // The same from the enterprise's wire JSON; false (and nothing started) if it does not decode.
    Q_INVOKABLE bool start(const QJsonObject &enterpriseJson);
    // The same for a site given by its coordinates alone (WGS-84 degrees).
    Q_INVOKABLE void startAtSite(double latitude, double longitude);
    // Again for the same enterprise, after NoFix or a give-up.
    Q_INVOKABLE void retry();
    // Stop positioning and forget everything; back to Idle.
    Q_INVOKABLE void cancel();
    // Accept the latest reading although it is not accurate enough: the check-in then carries
    // InaccurateFix. Possible while Waiting, and after a timeout that left a reading behind.
    Q_INVOKABLE bool acceptCurrent();
    // No check-in: the visit is still saved, marked with this reason (required: not empty, at most
    // ledger::wire::MaxTextLength characters). Not after a check-in was accepted.
    Q_INVOKABLE bool giveUp(const QString &reason);
    // A form reopening a visit shows what it stored, from this one object, so that every screen
    // tells one state: its check-in (wire JSON; Accepted, with its accuracy, distance and flags)
    // or its reason for having none (NoFix, given up). Neither emits finished(): nothing new was
    // decided. restore() is false, and nothing changes, for JSON that does not decode.
    Q_INVOKABLE bool restore(const QJsonObject &checkInJson);
    Q_INVOKABLE bool restoreGivenUp(const QString &reason);

signals:
    void providerChanged();
    void stateChanged();
    void readingChanged();
    void rulesChanged();
    void timeoutMsChanged();
    // Accepted, or given up: the visit can be saved now.
    void finished();

private:
    void onPosition(const ledger::PositionFix &fix);
    void onProviderError(const QString &reason);
    void onTimeout();
    void accept();
    void stopPositioning();
    void clearReading();
    void setState(State state, const QString &noFixReason = {});
    void refreshPreview();

    QPointer<PositionProvider> m_provider;
    ledger::CheckInRules m_rules;
    QList<ledger::CheckIn> m_earlier;
    std::optional<ledger::Enterprise> m_enterprise;
    QTimer m_timeout;
    int m_timeoutMs = DefaultTimeoutMs;

    State m_state = Idle;
    QString m_noFixReason;
    bool m_givenUp = false;
    std::optional<ledger::PositionFix> m_fix;   // the latest reading
    std::optional<ledger::CheckIn> m_preview;   // makeCheckIn() of m_fix: what accepting it would store
    std::optional<ledger::CheckIn> m_checkIn;   // set when Accepted
};

} // namespace mobile
