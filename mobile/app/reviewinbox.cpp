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

QVariantList ReviewInbox::records() const
{
    QVariantList out;
    for (const QJsonValue &r : m_records) {
        QVariantMap record = r.toObject().toVariantMap();
        const QVariantMap entity = record.value(QStringLiteral("entity")).toMap();
        record.insert(QStringLiteral("description"), m_format.describeRecord(entity));
        // What the record lacks, by the rules' codes when the server sends them.
        QVariantList missing;
        for (const QJsonValue &e : r.toObject().value(QStringLiteral("missingEvidence")).toArray()) {
            QVariantMap problem = e.toObject().toVariantMap();
            problem.insert(QStringLiteral("message"), errorText(e.toObject()));
            missing.append(problem);
        }
        record.insert(QStringLiteral("missingEvidence"), missing);
        record.insert(QStringLiteral("unitName"), m_format.unitName(entity.value(QStringLiteral("credit")).toMap().value(QStringLiteral("unit")).toString()));
        out.append(record);
    }
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
