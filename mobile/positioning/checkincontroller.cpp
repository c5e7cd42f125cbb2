// CheckInController: the check-in's states around the rules in shared/ledger/checkin.h.
#include "checkincontroller.h"

#include "ledger/wire.h"

#include <QDate>
#include <QLocale>
#include <QLoggingCategory>
#include <cmath>

namespace mobile {

namespace {

Q_LOGGING_CATEGORY(lcCheckIn, "ledger.mobile.checkin")

[[nodiscard]] QString number(double d)
{
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

// Only whether there is a number to show; whether it is good enough is ledger::isAccurateEnough.
[[nodiscard]] bool knownAccuracy(double accuracyM)
{
    return std::isfinite(accuracyM) && accuracyM >= 0;
}

// A visit that decodes, to carry a CheckIn through ledger::wire, which encodes and decodes whole
// records only. Its other fields are placeholders that never leave this file.
[[nodiscard]] ledger::Visit carrierVisit(std::optional<ledger::CheckIn> checkIn)
{
    ledger::Visit v;
    v.meta.id = ledger::RecordId::create();
    v.meta.credit.unit = ledger::UnitCode(QStringLiteral("XX"));
    v.enterprise = ledger::EnterpriseId::create();
    v.date = QDate(2023, 1, 1);
    v.checkIn = std::move(checkIn);
    return v;
}

const QString CheckInKey = QStringLiteral("checkIn");

} // namespace

CheckInController::CheckInController(QObject *parent) : QObject(parent), m_rules(ledger::scheme2023().checkIn)
{
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this, &CheckInController::onTimeout);
}

CheckInController::~CheckInController()
{
    // Leave no receiver running for nobody.
    if (m_state == Waiting)
        stopPositioning();
}

PositionProvider *CheckInController::provider() const
{
    return m_provider;
}

void CheckInController::setProvider(PositionProvider *provider)
{
    if (m_provider == provider)
        return;
    const bool waiting = m_state == Waiting;
    if (m_provider) {
        if (waiting)
            m_provider->stop();
        m_provider->disconnect(this);
    }
    m_provider = provider;
    if (m_provider) {
        connect(m_provider, &PositionProvider::positionUpdated, this, &CheckInController::onPosition);
        connect(m_provider, &PositionProvider::error, this, &CheckInController::onProviderError);
    }
    emit providerChanged();
    if (waiting) {
        if (m_provider)
            m_provider->start();
        else
            onProviderError(tr("定位服务不可用"));
    }
}

void CheckInController::setRules(const ledger::CheckInRules &rules)
{
    m_rules = rules;
    refreshPreview();
    emit rulesChanged();
}

const ledger::CheckInRules &CheckInController::rules() const
{
    return m_rules;
}

void CheckInController::setEarlierCheckIns(const QList<ledger::CheckIn> &earlier)
{
    m_earlier = earlier;
    refreshPreview();
}

bool CheckInController::setEarlierCheckIns(const QJsonArray &earlier)
{
    QJsonObject carrier = ledger::wire::encode(carrierVisit(std::nullopt));
    carrier.remove(QStringLiteral("noCheckInReason"));
    QList<ledger::CheckIn> decoded;
    decoded.reserve(earlier.size());
    for (qsizetype i = 0; i < earlier.size(); ++i) {
        const QString at = QStringLiteral("[%1]").arg(i);
        if (!earlier.at(i).isObject()) {
            qCWarning(lcCheckIn).noquote() << "earlier check-ins:" << at << "is not an object";
            return false;
        }
        carrier.insert(CheckInKey, earlier.at(i));
        const auto record = ledger::wire::decodeRecord(carrier);
        if (!record) {
            QString field = record.error().field;
            if (field.startsWith(CheckInKey))
                field.replace(0, CheckInKey.size(), at);
            qCWarning(lcCheckIn).noquote() << "earlier check-ins:" << field << record.error().message;
            return false;
        }
        decoded.append(*std::get<ledger::Visit>(record.value()).checkIn);
    }
    setEarlierCheckIns(decoded);
    return true;
}

CheckInController::State CheckInController::state() const
{
    return m_state;
}

QString CheckInController::noFixReason() const
{
    return m_noFixReason;
}

bool CheckInController::isGivenUp() const
{
    return m_givenUp;
}

bool CheckInController::hasFix() const
{
    return m_fix.has_value();
}

bool CheckInController::hasAccuracy() const
{
    return m_fix && knownAccuracy(m_fix->accuracyM);
}

double CheckInController::accuracyM() const
{
    return hasAccuracy() ? m_fix->accuracyM : 0;
}

bool CheckInController::hasDistance() const
{
    return m_preview && m_preview->distanceM.has_value();
}

double CheckInController::distanceM() const
{
    return hasDistance() ? *m_preview->distanceM : 0;
}

QStringList CheckInController::flags() const
{
    QStringList out;
    if (m_preview) {
        for (ledger::CheckInFlag f : m_preview->flags)
            out.append(ledger::toString(f));
    }
    return out;
}

QStringList CheckInController::flagDescriptions() const
{
    QStringList out;
    if (m_preview) {
        for (ledger::CheckInFlag f : m_preview->flags)
            out.append(ledger::describe(f, m_rules));
    }
    return out;
}

bool CheckInController::canAcceptByHand() const
{
    return m_fix && !m_givenUp && (m_state == Waiting || m_state == NoFix);
}

double CheckInController::maxAccuracyM() const
{
    return m_rules.maxAccuracyM;
}

double CheckInController::farFromSiteM() const
{
    return m_rules.farFromSiteM;
}

int CheckInController::timeoutMs() const
{
    return m_timeoutMs;
}

void CheckInController::setTimeoutMs(int ms)
{
    if (ms <= 0 || ms == m_timeoutMs)
        return;
    m_timeoutMs = ms;
    emit timeoutMsChanged();
}

std::optional<ledger::CheckIn> CheckInController::checkIn() const
{
    return m_checkIn;
}

QJsonObject CheckInController::checkInJson() const
{
    if (!m_checkIn)
        return {};
    return ledger::wire::encode(carrierVisit(m_checkIn)).value(CheckInKey).toObject();
}

void CheckInController::start(const ledger::Enterprise &enterprise)
{
    m_enterprise = enterprise;
    retry();
}

bool CheckInController::start(const QJsonObject &enterpriseJson)
{
    auto enterprise = ledger::wire::decodeEnterprise(enterpriseJson);
    if (!enterprise) {
        qCWarning(lcCheckIn).noquote() << "cannot check in: the enterprise does not decode:"
                                       << enterprise.error().toString();
        return false;
    }
    start(enterprise.value());
    return true;
}

void CheckInController::startAtSite(double latitude, double longitude)
{
    ledger::Enterprise e;
    e.site = ledger::GeoPoint{latitude, longitude};
    start(e);
}

void CheckInController::retry()
{
    if (!m_enterprise) {
        qCWarning(lcCheckIn) << "retry() before start()";
        return;
    }
    stopPositioning();
    m_givenUp = false;
    m_checkIn.reset();
    clearReading();
    setState(Waiting);
    if (!m_provider) {
        onProviderError(tr("定位服务不可用"));
        return;
    }
    m_timeout.start(m_timeoutMs);
    // The provider may deliver a reading or an error before start() returns; both are handled
    // in the Waiting state set above.
    m_provider->start();
}

void CheckInController::cancel()
{
    stopPositioning();
    m_givenUp = false;
    m_checkIn.reset();
    clearReading();
    setState(Idle);
}

bool CheckInController::acceptCurrent()
{
    if (!canAcceptByHand())
        return false;
    accept();
    return true;
}

bool CheckInController::giveUp(const QString &reason)
{
    if (m_state == Accepted || !restoreGivenUp(reason))
        return false;
    emit finished();
    return true;
}

bool CheckInController::restoreGivenUp(const QString &reason)
{
    const QString trimmed = reason.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > ledger::wire::MaxTextLength)
        return false;
    stopPositioning();
    m_givenUp = true;
    m_checkIn.reset();
    clearReading(); // a visit without a check-in has no position and no flags
    setState(NoFix, trimmed);
    return true;
}

bool CheckInController::restore(const QJsonObject &checkInJson)
{
    QJsonObject carrier = ledger::wire::encode(carrierVisit(std::nullopt));
    carrier.remove(QStringLiteral("noCheckInReason"));
    carrier.insert(CheckInKey, checkInJson);
    const auto record = ledger::wire::decodeRecord(carrier);
    if (!record) {
        qCWarning(lcCheckIn).noquote() << "cannot show the stored check-in:" << record.error().toString();
        return false;
    }
    const ledger::CheckIn stored = *std::get<ledger::Visit>(record.value()).checkIn;
    stopPositioning();
    m_givenUp = false;
    m_fix = ledger::PositionFix{stored.position, stored.accuracyM, stored.fixTime, stored.flags.contains(ledger::CheckInFlag::MockLocation)};
    m_preview = stored;
    m_checkIn = stored;
    setState(Accepted); // also tells the reading
    return true;
}

void CheckInController::onPosition(const ledger::PositionFix &fix)
{
    if (m_state != Waiting)
        return;
    m_fix = fix;
    refreshPreview();
    if (ledger::isAccurateEnough(fix, m_rules))
        accept();
}

void CheckInController::onProviderError(const QString &reason)
{
    if (m_state != Waiting)
        return;
    stopPositioning();
    setState(NoFix, reason.isEmpty() ? tr("定位服务不可用") : reason);
}

void CheckInController::onTimeout()
{
    if (m_state != Waiting)
        return;
    stopPositioning();
    const QString seconds = number(m_timeoutMs / 1000.0);
    if (!m_fix) {
        setState(NoFix, tr("%1秒内未获得定位（室内或无GPS信号）").arg(seconds));
    } else if (hasAccuracy()) {
        setState(NoFix, tr("%1秒内定位精度未达到要求（当前 ±%2 米，要求 ≤%3 米）")
                            .arg(seconds, QString::number(std::lround(m_fix->accuracyM)), number(m_rules.maxAccuracyM)));
    } else {
        setState(NoFix, tr("%1秒内未获得已知精度的定位（要求 ≤%2 米）").arg(seconds, number(m_rules.maxAccuracyM)));
    }
}

void CheckInController::accept()
{
    stopPositioning();
    m_checkIn = m_preview;
    setState(Accepted);
    emit finished();
}

void CheckInController::stopPositioning()
{
    m_timeout.stop();
    if (m_provider && m_provider->isActive())
        m_provider->stop();
}

void CheckInController::clearReading()
{
    m_fix.reset();
    m_preview.reset();
    emit readingChanged();
}

void CheckInController::setState(State state, const QString &noFixReason)
{
    // Emitted even when only givenUp changed (it shares the signal), and canAcceptByHand, on the
    // reading's signal, depends on the state as well.
    m_state = state;
    m_noFixReason = noFixReason;
    emit stateChanged();
    emit readingChanged();
}

void CheckInController::refreshPreview()
{
    // Once accepted the check-in is what it is; later rules or earlier check-ins do not rewrite it.
    if (m_state == Accepted)
        return;
    if (m_fix && m_enterprise)
        m_preview = ledger::makeCheckIn(*m_fix, *m_enterprise, m_earlier, m_rules);
    else
        m_preview.reset();
    emit readingChanged();
}

} // namespace mobile
