// The PoolShares singleton.
#include "poolshares.h"

#include "apirequest.h"
#include "errortext.h"
#include "scores.h"
#include "session.h"
#include "settings.h"
#include "syncclient.h"

#include "ledger/amount.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace mobile {

PoolShares::PoolShares(SyncClient &sync, Session &session, Scores &scores, QObject *parent)
    : QObject(parent)
    , m_sync(sync)
    , m_session(session)
    , m_scores(scores)
{
    connect(&m_session, &Session::signedInChanged, this, &PoolShares::mayEditChanged);
}

bool PoolShares::mayEdit() const { return m_session.roles().contains(ledger::Role::UnitContact); }

QVariantMap PoolShares::check(const QVariantMap &shares, const QString &pool) const
{
    ledger::Points total;
    for (auto it = shares.cbegin(); it != shares.cend(); ++it) {
        const QString text = it.value().toString().trimmed();
        const auto share = ledger::Points::parse(text.isEmpty() ? QStringLiteral("0") : text);
        if (!share || *share < ledger::Points())
            return {{QStringLiteral("total"), QString()}, {QStringLiteral("field"), it.key()},
                    {QStringLiteral("problem"), tr("“%1”不是有效的分值，应为不小于 0 的数，如 12.5").arg(text)}};
        total += *share;
    }
    const auto limit = ledger::Points::parse(pool);
    if (limit && total > *limit)
        return {{QStringLiteral("total"), total.toString()}, {QStringLiteral("field"), QStringLiteral("shares")},
                {QStringLiteral("problem"), tr("合计 %1 分，超过本单位的个人分配总分值 %2 分").arg(total.toString(), limit->toString())}};
    return {{QStringLiteral("total"), total.toString()}, {QStringLiteral("field"), QString()}, {QStringLiteral("problem"), QString()}};
}

void PoolShares::save(const QVariantMap &shares)
{
    QJsonObject body;
    for (auto it = shares.cbegin(); it != shares.cend(); ++it) {
        const QString text = it.value().toString().trimmed();
        body.insert(it.key(), text.isEmpty() ? QStringLiteral("0") : text);
    }
    m_busy = true;
    emit busyChanged();
    const QString unit = m_session.unitCode();
    m_sync.request("PUT", QStringLiteral("/api/v1/pools/%1/shares").arg(unit), {}, QJsonObject{{QStringLiteral("shares"), body}},
                   [this](const HttpResponse &r) {
                       m_busy = false;
                       emit busyChanged();
                       const QJsonObject answer = QJsonDocument::fromJson(r.body).object();
                       if (r.status == 200) {
                           setAnswer(tr("服务器已接受：个人分配合计 %1 分").arg(answer.value(QStringLiteral("total")).toString()), true);
                           m_scores.refresh(4, false); // the report shows the shares as now stored
                           return;
                       }
                       const QJsonObject error = answer.value(QStringLiteral("error")).toObject();
                       setAnswer(tr("服务器未接受：%1").arg(error.isEmpty() ? tr("HTTP %1").arg(r.status) : errorText(error)), false);
                   },
                   [this](const QString &why) {
                       m_busy = false;
                       emit busyChanged();
                       setAnswer(tr("未能发送：%1。个人分配没有保存，请联网后再保存。").arg(why), false);
                   });
}

void PoolShares::setAnswer(const QString &answer, bool accepted)
{
    m_answer = answer;
    m_accepted = accepted;
    emit answerChanged();
}

} // namespace mobile
