// The ReviewInbox singleton.
#include "reviewinbox.h"

#include "apirequest.h"
#include "errortext.h"
#include "format.h"
#include "syncclient.h"

namespace mobile {

ReviewInbox::ReviewInbox(SyncClient &sync, const Format &format, QObject *parent)
    : QObject(parent)
    , m_sync(sync)
    , m_format(format)
{
    connect(&m_format, &Format::languageChanged, this, &ReviewInbox::recordsChanged);
}

namespace {

// The server's coded problems ({code, message, field, args}), each with its "message" worded in
// the person's language from its code; other members (a flag's name) are kept.
QVariantList worded(const QJsonValue &problems)
{
    QVariantList out;
    for (const QJsonValue &e : problems.toArray()) {
        QVariantMap problem = e.toObject().toVariantMap();
        problem.insert(QStringLiteral("message"), errorText(e.toObject()));
        out.append(problem);
    }
    return out;
}

} // namespace

QVariantList ReviewInbox::records() const
{
    QVariantList out;
    for (const QJsonValue &r : m_records)
        out.append(present(r.toObject()));
    return out;
}

QVariantMap ReviewInbox::present(const QJsonObject &record) const
{
    QVariantMap out = record.toVariantMap();
    const QVariantMap entity = out.value(QStringLiteral("entity")).toMap();
    out.insert(QStringLiteral("description"), m_format.describeRecord(entity));
    for (const QString &key : {QStringLiteral("missingEvidence"), QStringLiteral("whyNotCounting"), QStringLiteral("checkInFlags")})
        out.insert(key, worded(record.value(key)));
    out.insert(QStringLiteral("unitName"), m_format.unitName(entity.value(QStringLiteral("credit")).toMap().value(QStringLiteral("unit")).toString()));
    // The check-in as the reviewer weighs it: how far from the site (absent: no check-in or no
    // site) and the person's reason when they confirmed a far one.
    const QVariantMap checkIn = entity.value(QStringLiteral("checkIn")).toMap();
    out.insert(QStringLiteral("checkInDistanceM"), checkIn.value(QStringLiteral("distanceM")));
    out.insert(QStringLiteral("farCheckInReason"), entity.value(QStringLiteral("farCheckInReason")).toString());
    return out;
}

QString ReviewInbox::error() const { return m_failure.isEmpty() ? QString() : tr("无法获取待认定记录：%1").arg(m_failure); }

void ReviewInbox::refresh()
{
    apiRequest(m_sync, "GET", QStringLiteral("/api/v1/review/inbox"), {}, {}, [this](const QJsonObject &body) {
        m_records = body.value(QStringLiteral("records")).toArray();
        m_failure.clear();
        emit recordsChanged();
    }, [this](const QString &error) {
        m_failure = error;
        emit recordsChanged();
    });
}

void ReviewInbox::review(const QString &recordId, const QString &action, const QString &reason)
{
    const QJsonObject body{{QStringLiteral("action"), action}, {QStringLiteral("reason"), reason}};
    m_sync.request("POST", QStringLiteral("/api/v1/records/%1/review").arg(recordId), {}, body, [this, recordId](const HttpResponse &r) {
        const bool ok = r.status == 200;
        emit reviewFinished(recordId, ok, ok ? QString() : apiErrorMessage(r));
        refresh();
        m_sync.syncNow(); // the decision reaches this tablet's copy too
    }, [this, recordId](const QString &error) { emit reviewFinished(recordId, false, error); });
}

} // namespace mobile
