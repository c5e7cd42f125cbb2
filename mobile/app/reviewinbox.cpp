// The ReviewInbox singleton.
#include "reviewinbox.h"

#include "apirequest.h"
#include "errortext.h"
#include "format.h"
#include "localstore.h"
#include "settings.h"
#include "syncclient.h"

#include "ledger/duplicates.h"
#include "ledger/reviewflow.h"
#include "ledger/wire.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>

namespace mobile {

ReviewInbox::ReviewInbox(LocalStore &store, SyncClient &sync, const Format &format, const Settings &settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_sync(sync)
    , m_format(format)
    , m_settings(settings)
    , m_queue(store)
{
    connect(&m_format, &Format::languageChanged, this, &ReviewInbox::recordsChanged);
    connect(&m_format, &Format::languageChanged, this, &ReviewInbox::decisionsChanged);
    connect(&m_queue, &DecisionQueue::changed, this, &ReviewInbox::decisionsChanged);
    // A card shows the decision waiting on it.
    connect(&m_queue, &DecisionQueue::changed, this, &ReviewInbox::recordsChanged);
    // Whenever a sync gets through, the server is reachable: send what waits.
    connect(&m_sync, &SyncClient::syncFinished, this, [this](bool ok) {
        if (ok && m_queue.waitingCount() > 0)
            sendDecisions();
    });
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

// The attachments of a record: as the server checks them, any top-level list of objects with a
// sha256 (a visit's photos, a milestone's evidence, funds' proof, …), each with its list's name.
QVariantList proofsOf(const QJsonObject &entity)
{
    QVariantList out;
    for (auto it = entity.begin(); it != entity.end(); ++it) {
        if (!it->isArray())
            continue;
        for (const QJsonValue &item : it->toArray()) {
            const QJsonObject a = item.toObject();
            if (a.value(u"sha256").toString().isEmpty())
                continue;
            QVariantMap proof = a.toVariantMap();
            proof.insert(QStringLiteral("field"), it.key());
            out.append(proof);
        }
    }
    return out;
}

// A check-in flag in a word or two, for the filter (the card shows the whole note).
QString flagLabel(const QString &flag)
{
    static const QHash<QString, const char *> labels{
        {QStringLiteral("far_from_site"), QT_TRANSLATE_NOOP("mobile::ReviewInbox", "远离企业注册地址")},
        {QStringLiteral("mock_location"), QT_TRANSLATE_NOOP("mobile::ReviewInbox", "模拟定位")},
        {QStringLiteral("repeated_coordinates"), QT_TRANSLATE_NOOP("mobile::ReviewInbox", "坐标与以前完全相同")},
        {QStringLiteral("impossible_speed"), QT_TRANSLATE_NOOP("mobile::ReviewInbox", "移动速度不可能")},
        {QStringLiteral("inaccurate_fix"), QT_TRANSLATE_NOOP("mobile::ReviewInbox", "定位精度不足")},
        {QStringLiteral("no_site_location"), QT_TRANSLATE_NOOP("mobile::ReviewInbox", "企业没有注册位置")}};
    const char *label = labels.value(flag, nullptr);
    return label ? ReviewInbox::tr(label) : flag;
}

} // namespace

QVariantList ReviewInbox::records() const
{
    QVariantList out;
    for (const QJsonValue &r : m_records) {
        QVariantMap presented = present(r.toObject());
        if (matches(presented, m_filter))
            out.append(presented);
    }
    return out;
}

QVariantMap ReviewInbox::present(const QJsonObject &record) const
{
    QVariantMap out = record.toVariantMap();
    const QJsonObject json = record.value(QStringLiteral("entity")).toObject();
    const QVariantMap entity = json.toVariantMap();
    const QString kind = json.value(QStringLiteral("kind")).toString();
    out.insert(QStringLiteral("description"), m_format.describeRecord(entity));
    for (const QString &key : {QStringLiteral("missingEvidence"), QStringLiteral("whyNotCounting"), QStringLiteral("checkInFlags")})
        out.insert(key, worded(record.value(key)));
    const QString unit = json.value(QStringLiteral("credit")).toObject().value(QStringLiteral("unit")).toString();
    out.insert(QStringLiteral("unit"), unit);
    out.insert(QStringLiteral("unitName"), m_format.unitName(unit));
    out.insert(QStringLiteral("kind"), kind);
    out.insert(QStringLiteral("kindName"), m_format.kindName(kind));

    // The date it counts on, as shared/ defines it for each kind.
    const auto decoded = ledger::wire::decodeRecord(json);
    out.insert(QStringLiteral("eventDate"), decoded ? ledger::eventDate(decoded.value()).toString(Qt::ISODate) : QString());

    // The enterprise it is about, and its registered site for the check-in's drawing.
    const QString enterpriseId = json.value(QStringLiteral("enterprise")).toString();
    QString enterpriseName = json.value(QStringLiteral("enterpriseName")).toString();
    if (const auto e = enterpriseId.isEmpty() ? std::nullopt : m_store.entity(enterpriseId)) {
        enterpriseName = e->json.value(QStringLiteral("name")).toString();
        if (e->json.contains(QStringLiteral("site")))
            out.insert(QStringLiteral("site"), e->json.value(QStringLiteral("site")).toObject().toVariantMap());
        out.insert(QStringLiteral("enterpriseAddress"), e->json.value(QStringLiteral("address")).toString());
    }
    out.insert(QStringLiteral("enterpriseName"), enterpriseName);

    // One project, one credit: the claim's state, and the leading group's recognition (route 4).
    if (const auto decision = ledger::enumFromString<ledger::ClaimDecision>(json[u"claim"][u"decision"].toString()))
        out.insert(QStringLiteral("claimLabel"), QCoreApplication::translate(ledger::ReviewFlowContext, ledger::displayName(*decision)));
    if (const QString meeting = json[u"review"][u"meetingDate"].toString(); !meeting.isEmpty())
        out.insert(QStringLiteral("recognitionRoute"), tr("领导小组认定（%1会议）").arg(meeting));
    out.insert(QStringLiteral("outcome"), json.value(kind == u"trip" ? QStringLiteral("summary") : QStringLiteral("outcome")).toString());

    QStringList people;
    for (const QJsonValue &p : json.value(QStringLiteral("credit")).toObject().value(QStringLiteral("people")).toArray()) {
        const auto person = m_store.entity(p.toString());
        people << (person ? person->json.value(QStringLiteral("name")).toString() : p.toString().left(8));
    }
    out.insert(QStringLiteral("peopleNames"), people);

    const ledger::CheckInRules &rules = m_settings.scheme().checkIn;
    out.insert(QStringLiteral("farFromSiteM"), rules.farFromSiteM);
    out.insert(QStringLiteral("maxAccuracyM"), rules.maxAccuracyM);
    if (json.contains(QStringLiteral("checkIn")))
        out.insert(QStringLiteral("checkIn"), json.value(QStringLiteral("checkIn")).toObject().toVariantMap());
    // How far from the site, as the card says it (absent: no check-in or no site).
    out.insert(QStringLiteral("checkInDistanceM"), json.value(QStringLiteral("checkIn")).toObject().value(QStringLiteral("distanceM")).toVariant());
    out.insert(QStringLiteral("noCheckInReason"), json.value(QStringLiteral("noCheckInReason")).toString());
    // The person's reason for confirming a check-in far from the site (a visit's farCheckInReason).
    out.insert(QStringLiteral("farCheckInReason"), json.value(QStringLiteral("farCheckInReason")).toString());

    const QVariantList proofs = proofsOf(json);
    out.insert(QStringLiteral("proofs"), proofs);
    out.insert(QStringLiteral("proofCount"), proofs.size());

    if (const auto d = m_queue.waitingFor(json.value(QStringLiteral("id")).toString())) {
        const auto action = ledger::reviewActionFromString(d->action);
        out.insert(QStringLiteral("queuedDecision"),
                   QVariantMap{{QStringLiteral("n"), d->n}, {QStringLiteral("action"), d->action}, {QStringLiteral("reason"), d->reason},
                               {QStringLiteral("label"), action ? QCoreApplication::translate(ledger::ReviewFlowContext, ledger::displayName(*action)) : d->action}});
    }
    return out;
}

bool ReviewInbox::matches(const QVariantMap &presented, const QVariantMap &filter)
{
    const auto wanted = [&filter](const char *key) { return filter.value(QString::fromLatin1(key)).toString().trimmed(); };
    if (const QString text = wanted("text"); !text.isEmpty()) {
        bool found = false;
        for (const char *key : {"description", "enterpriseName", "authorName", "unitName", "outcome"})
            found = found || presented.value(QString::fromLatin1(key)).toString().contains(text, Qt::CaseInsensitive);
        if (!found)
            return false;
    }
    if (const QString unit = wanted("unit"); !unit.isEmpty() && presented.value(QStringLiteral("unit")).toString() != unit)
        return false;
    if (const QString kind = wanted("kind"); !kind.isEmpty() && presented.value(QStringLiteral("kind")).toString() != kind)
        return false;
    if (const QString flag = wanted("flag"); !flag.isEmpty()) {
        const QVariantList flags = presented.value(QStringLiteral("checkInFlags")).toList();
        if (flag == u"any") {
            if (flags.isEmpty())
                return false;
        } else if (flag == u"missing") {
            if (presented.value(QStringLiteral("missingEvidence")).toList().isEmpty())
                return false;
        } else if (std::none_of(flags.begin(), flags.end(), [&flag](const QVariant &f) { return f.toMap().value(QStringLiteral("flag")).toString() == flag; })) {
            return false;
        }
    }
    // ISO dates compare as text.
    const QString date = presented.value(QStringLiteral("eventDate")).toString();
    if (const QString from = wanted("from"); !from.isEmpty() && date < from)
        return false;
    if (const QString to = wanted("to"); !to.isEmpty() && date > to)
        return false;
    return true;
}

QString ReviewInbox::error() const { return m_failure.isEmpty() ? QString() : tr("无法获取待认定记录：%1").arg(m_failure); }

void ReviewInbox::setFilter(const QVariantMap &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    emit filterChanged();
    emit recordsChanged();
}

QVariantList ReviewInbox::unitChoices() const
{
    QVariantList out;
    QSet<QString> seen;
    for (const QJsonValue &r : m_records) {
        const QString unit = r[u"entity"][u"credit"][u"unit"].toString();
        if (!unit.isEmpty() && !seen.contains(unit)) {
            seen.insert(unit);
            out.append(QVariantMap{{QStringLiteral("value"), unit}, {QStringLiteral("label"), m_format.unitName(unit)}});
        }
    }
    return out;
}

QVariantList ReviewInbox::kindChoices() const
{
    QVariantList out;
    QSet<QString> seen;
    for (const QJsonValue &r : m_records) {
        const QString kind = r[u"entity"][u"kind"].toString();
        if (!kind.isEmpty() && !seen.contains(kind)) {
            seen.insert(kind);
            out.append(QVariantMap{{QStringLiteral("value"), kind}, {QStringLiteral("label"), m_format.kindName(kind)}});
        }
    }
    return out;
}

QVariantList ReviewInbox::flagChoices() const
{
    QVariantList out{QVariantMap{{QStringLiteral("value"), QStringLiteral("any")}, {QStringLiteral("label"), tr("有签到标记")}},
                     QVariantMap{{QStringLiteral("value"), QStringLiteral("missing")}, {QStringLiteral("label"), tr("缺少证明材料")}}};
    QSet<QString> seen;
    for (const QJsonValue &r : m_records) {
        for (const QJsonValue &f : r[u"checkInFlags"].toArray()) {
            const QString flag = f[u"flag"].toString();
            if (!flag.isEmpty() && !seen.contains(flag)) {
                seen.insert(flag);
                out.append(QVariantMap{{QStringLiteral("value"), flag}, {QStringLiteral("label"), flagLabel(flag)}});
            }
        }
    }
    return out;
}

QVariantList ReviewInbox::refusedDecisions() const
{
    QVariantList out;
    for (const QueuedDecision &d : m_queue.refused()) {
        const auto action = ledger::reviewActionFromString(d.action);
        const auto stored = m_store.entity(d.recordId);
        out.append(QVariantMap{{QStringLiteral("n"), d.n}, {QStringLiteral("recordId"), d.recordId},
                               {QStringLiteral("description"), stored ? m_format.describeRecord(stored->json.toVariantMap()) : d.recordId.left(8)},
                               {QStringLiteral("label"), action ? QCoreApplication::translate(ledger::ReviewFlowContext, ledger::displayName(*action)) : d.action},
                               {QStringLiteral("refusal"), d.refusal}});
    }
    return out;
}

QString ReviewInbox::decisionState() const
{
    const int waiting = m_queue.waitingCount();
    if (waiting == 0)
        return {};
    if (m_sending && !m_offline)
        return tr("正在发送 %1 条认定决定…").arg(waiting);
    return tr("%1 条认定决定保存在本机，尚未发送：连接到服务器后按顺序自动发送（%2）").arg(waiting).arg(m_waitReason);
}

void ReviewInbox::receive(const QJsonObject &answer)
{
    m_records = answer.value(QStringLiteral("records")).toArray();
    m_failure.clear();
    emit recordsChanged();
}

void ReviewInbox::refresh()
{
    m_sync.request("GET", QStringLiteral("/api/v1/review/inbox"), {}, {}, [this](const HttpResponse &r) {
        if (r.status == 200) {
            receive(QJsonDocument::fromJson(r.body).object());
            return;
        }
        m_failure = errorText(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject());
        emit recordsChanged();
    }, [this](const QString &why) {
        // The list shown stays the one last received; say so, not what sync says of records.
        m_failure = m_sync.state() == SyncClient::State::SignInNeeded ? why : tr("无法连接服务器，显示的是上次获取的列表");
        emit recordsChanged();
    });
}

QVariantMap ReviewInbox::record(const QString &recordId) const
{
    for (const QJsonValue &r : m_records)
        if (r[u"entity"][u"id"].toString() == recordId)
            return present(r.toObject());
    return {};
}

bool ReviewInbox::review(const QString &recordId, const QString &action, const QString &reason)
{
    m_decisionError.clear();
    if (const auto refused = m_queue.enqueue(recordId, action, reason, QDateTime::currentDateTimeUtc())) {
        m_decisionError = errorText(*refused);
        emit decisionsChanged();
        return false;
    }
    sendDecisions();
    return true;
}

void ReviewInbox::decideClaim(const QString &recordId, const QString &decision, const QString &share, const QString &reason)
{
    QJsonObject body{{QStringLiteral("decision"), decision}, {QStringLiteral("reason"), reason}};
    if (!share.trimmed().isEmpty())
        body.insert(QStringLiteral("share"), share.trimmed());
    sendNow(recordId, QStringLiteral("/api/v1/records/%1/claim").arg(recordId), body);
}

void ReviewInbox::recogniseByLeadingGroup(const QString &recordId, const QString &reason, const QString &meetingDate)
{
    QJsonObject body{{QStringLiteral("action"), ledger::toString(ledger::ReviewAction::RecogniseByLeadingGroup)}, {QStringLiteral("reason"), reason}};
    if (!meetingDate.trimmed().isEmpty())
        body.insert(QStringLiteral("meetingDate"), meetingDate.trimmed());
    sendNow(recordId, QStringLiteral("/api/v1/records/%1/review").arg(recordId), body);
}

void ReviewInbox::sendNow(const QString &recordId, const QString &path, const QJsonObject &body)
{
    m_sync.request("POST", path, {}, body, [this, recordId](const HttpResponse &r) {
        const bool ok = r.status == 200;
        QString message;
        if (!ok) {
            const QJsonObject error = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
            message = error.isEmpty() ? apiErrorMessage(r) : errorText(error);
            if (message.isEmpty())
                message = tr("服务器拒绝（HTTP %1）").arg(r.status);
        }
        emit claimFinished(recordId, ok, message);
        if (ok) {
            refresh();
            m_sync.syncNow(); // the decision reaches this tablet's copy too
        }
    }, [this, recordId](const QString &why) {
        emit claimFinished(recordId, false, m_sync.state() == SyncClient::State::SignInNeeded ? why : tr("无法连接服务器，决定未保存，请联网后再试"));
    });
}

void ReviewInbox::sendDecisions()
{
    if (m_sending)
        return;
    m_sending = true;
    emit decisionsChanged();
    sendNext();
}

void ReviewInbox::sendNext()
{
    const QList<QueuedDecision> waiting = m_queue.waiting();
    if (waiting.isEmpty()) {
        m_sending = false;
        m_offline = false;
        emit decisionsChanged();
        refresh();
        m_sync.syncNow(); // the decisions reach this tablet's copy too
        return;
    }
    const QueuedDecision d = waiting.constFirst();
    const QJsonObject body{{QStringLiteral("action"), d.action}, {QStringLiteral("reason"), d.reason}};
    m_sync.request("POST", QStringLiteral("/api/v1/records/%1/review").arg(d.recordId), {}, body, [this, d](const HttpResponse &r) {
        m_offline = false;
        const bool ok = r.status == 200;
        QString message;
        if (ok) {
            (void)m_queue.markSent(d.n);
        } else {
            const QJsonObject error = QJsonDocument::fromJson(r.body).object().value(QStringLiteral("error")).toObject();
            message = error.isEmpty() ? apiErrorMessage(r) : errorText(error);
            if (message.isEmpty())
                message = tr("服务器拒绝（HTTP %1）").arg(r.status);
            (void)m_queue.markRefused(d.n, message);
        }
        emit reviewFinished(d.recordId, ok, message);
        sendNext();
    }, [this, d](const QString &why) {
        // Not answered: the decision stays queued, in its place, for the next time.
        m_sending = false;
        m_offline = true;
        m_waitReason = m_sync.state() == SyncClient::State::SignInNeeded ? why : tr("无法连接服务器");
        emit decisionsChanged();
        emit decisionQueued(d.recordId, decisionState());
    });
}

void ReviewInbox::dismissRefusal(qint64 n) { (void)m_queue.dismiss(n); }

QVariantMap ReviewInbox::proof(const QVariantMap &attachment) const
{
    const QString path = m_store.attachmentPath(attachment.value(QStringLiteral("sha256")).toString());
    const QString mime = attachment.value(QStringLiteral("mimeType")).toString();
    return {{QStringLiteral("url"), path.isEmpty() ? QString() : QUrl::fromLocalFile(path).toString()},
            {QStringLiteral("image"), mime == u"image/jpeg" || mime == u"image/png" || mime == u"image/webp" || mime == u"image/gif"},
            {QStringLiteral("fetching"), m_fetching.contains(attachment.value(QStringLiteral("sha256")).toString())}};
}

void ReviewInbox::fetchProof(const QVariantMap &attachment)
{
    const QString sha = attachment.value(QStringLiteral("sha256")).toString();
    if (sha.isEmpty() || m_fetching.contains(sha))
        return;
    m_fetching.insert(sha);
    const QString name = attachment.value(QStringLiteral("name")).toString();
    const QString mime = attachment.value(QStringLiteral("mimeType")).toString();
    m_sync.request("GET", QStringLiteral("/api/v1/attachments/%1").arg(sha), {}, {}, [this, sha, name, mime](const HttpResponse &r) {
        m_fetching.remove(sha);
        if (r.status != 200)
            return emit proofFetched(sha, false, apiErrorMessage(r));
        const auto stored = m_store.storeAttachment(r.body, name, mime);
        if (!stored)
            return emit proofFetched(sha, false, errorText(stored.error()));
        if (stored.value().sha256.hex() != sha)
            return emit proofFetched(sha, false, tr("下载的文件与记录中的指纹不符"));
        (void)m_store.markAttachmentUploaded(sha); // the server has it: never sent back
        emit proofFetched(sha, true, QString());
    }, [this, sha](const QString &why) {
        m_fetching.remove(sha);
        emit proofFetched(sha, false, why);
    });
}

} // namespace mobile
