// RecordEditor, one per open form.
#include "recordeditor.h"

#include "checkincontroller.h"
#include "draftstore.h"
#include "errortext.h"
#include "localstore.h"
#include "session.h"
#include "settings.h"
#include "trips.h"

#include "ledger/creditcode.h"
#include "ledger/ids.h"
#include "ledger/recognition.h"
#include "ledger/reviewflow.h"
#include "ledger/syncprotocol.h"
#include "ledger/wire.h"

#include <QDebug>
#include <QFileInfo>
#include <QJSValue>
#include <QJsonArray>
#include <QMimeDatabase>
#include <QRegularExpression>

#include <algorithm>

namespace mobile {

namespace {
// The state shared/'s review table starts a record of this kind in.
QString initialReviewState(const QString &kind)
{
    const auto k = ledger::enumFromString<ledger::RecordKind>(kind);
    return ledger::toString(k ? ledger::initialState(*k) : ledger::ReviewState::Submitted);
}
} // namespace

namespace {
// A visit whose check-in is flagged far from the site, without the person's reason for it.
bool needsFarReason(const QJsonObject &record)
{
    const QJsonArray flags = record.value(QStringLiteral("checkIn")).toObject().value(QStringLiteral("flags")).toArray();
    return flags.contains(ledger::toString(ledger::CheckInFlag::FarFromSite))
           && record.value(QStringLiteral("farCheckInReason")).toString().trimmed().isEmpty();
}

// The top-level key of a field path: "checkIn.accuracyM" → checkIn, "visits[2]" → visits.
QString topKey(const QString &path)
{
    const qsizetype end = path.indexOf(QRegularExpression(QStringLiteral("[.\\[]")));
    return end < 0 ? path : path.left(end);
}

bool isEmptyValue(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()) || (v.isArray() && v.toArray().isEmpty());
}

// The fields recognition asks proofs in: lists of attached files.
bool isProofField(const QString &key)
{
    return key == u"evidence" || key == u"proof" || key == u"attachments";
}

// Field types whose emptiness is not the form's to judge: a switch is never empty, the check-in
// may be replaced by a reason, the visits of a trip and proofs follow shared/'s rules.
bool checkedForEmpty(const QString &type)
{
    return type != u"bool" && type != u"checkin" && type != u"tripVisits" && type != u"attachments";
}
} // namespace

namespace {
template<class T>
T *singletonOf(QQmlEngine *engine, const char *name)
{
    return engine ? engine->singletonInstance<T *>(qmlTypeId("Ledger.App", 1, 0, name)) : nullptr;
}
} // namespace

RecordEditor::RecordEditor(QObject *parent)
    : RecordEditor(nullptr, nullptr, nullptr, parent)
{
}

RecordEditor::RecordEditor(Session &session, Trips &trips, Settings &settings, QObject *parent)
    : RecordEditor(&session, &trips, &settings, parent)
{
}

RecordEditor::RecordEditor(Session *session, Trips *trips, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_trips(trips)
    , m_settings(settings)
{
    m_draftTimer.setSingleShot(true);
    m_draftTimer.setInterval(DraftDelayMs);
    connect(&m_draftTimer, &QTimer::timeout, this, &RecordEditor::writeDraft);
}

RecordEditor::~RecordEditor()
{
    // A form torn down with a change not yet written (the app closing) keeps it.
    if (m_draftTimer.isActive())
        writeDraft();
}

void RecordEditor::classBegin()
{
    m_complete = false;
    QQmlEngine *engine = qmlEngine(this);
    m_session = singletonOf<Session>(engine, "Session");
    m_trips = singletonOf<Trips>(engine, "Trips");
    m_settings = singletonOf<Settings>(engine, "Settings");
}

void RecordEditor::componentComplete()
{
    m_complete = true;
    if (!m_loaded)
        load();
    else
        emit draftChanged(); // read when first asked for, while QML set the properties: tell its draft state
}

void RecordEditor::changed()
{
    // While QML sets the initial properties the record is read when first asked for (the
    // fields' editors may ask before this object completes) and again once they all are set.
    if (m_complete) {
        load();
    } else {
        m_loaded = false;
        emit recordChanged();
    }
}

void RecordEditor::setKind(const QString &kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    emit kindChanged();
    if (m_recordId.isEmpty())
        changed();
}

void RecordEditor::setRecordId(const QString &id)
{
    if (id == m_recordId)
        return;
    m_recordId = id;
    emit recordIdChanged();
    changed();
}

void RecordEditor::setDefaults(const QVariantMap &defaults)
{
    if (defaults == m_defaults)
        return;
    m_defaults = defaults;
    emit defaultsChanged();
    if (m_recordId.isEmpty())
        changed();
}

QVariantMap RecordEditor::record() const
{
    if (!m_loaded)
        const_cast<RecordEditor *>(this)->read();
    return m_record.toVariantMap();
}

QString RecordEditor::rejectedReason() const
{
    if (!m_loaded)
        const_cast<RecordEditor *>(this)->read();
    return m_rejectedReason;
}

void RecordEditor::setRecord(const QVariantMap &record)
{
    m_record = QJsonObject::fromVariantMap(record);
    m_loaded = true;
    emit recordChanged();
}

void RecordEditor::load()
{
    const QString kind = m_kind;
    read();
    if (m_kind != kind)
        emit kindChanged();
    emit recordChanged();
    emit draftChanged();
}

void RecordEditor::read()
{
    if (!m_session)
        return;
    m_loaded = true;
    m_rejectedReason.clear();
    m_draftTimer.stop();
    m_dirty = false;
    m_hasDraft = false;
    if (m_recordId.isEmpty()) {
        m_record = newRecord();
        for (auto it = m_defaults.cbegin(); it != m_defaults.cend(); ++it)
            m_record.insert(it.key(), QJsonValue::fromVariant(it.value()));
    } else if (const auto e = m_session->store().entity(m_recordId)) {
        m_record = e->json;
        m_rejectedReason = e->rejectedReason;
        m_kind = e->kind;
    } else {
        m_record = {};
    }
    // The form as the person left it, over the stored record (or instead of a new one not saved yet).
    // What the server owns (the review: a decision made since the draft was written) stays as stored.
    if (const auto draft = m_recordId.isEmpty() ? std::nullopt : m_session->drafts().draft(m_recordId)) {
        QJsonObject drafted = draft->json;
        for (auto it = m_record.constBegin(); it != m_record.constEnd(); ++it)
            if (ledger::sync::isServerOwned(it.key()))
                drafted.insert(it.key(), it.value());
        m_record = drafted;
        m_kind = draft->kind;
        m_hasDraft = true;
    }
}

QJsonObject RecordEditor::newRecord() const
{
    if (m_kind == u"enterprise")
        return {{QStringLiteral("v"), ledger::wire::Version}, {QStringLiteral("id"), ledger::EnterpriseId::create().toString()},
                {QStringLiteral("name"), QString()}, {QStringLiteral("foreignInvested"), false}, {QStringLiteral("listed"), false},
                {QStringLiteral("fortune500"), false}, {QStringLiteral("industryLeader"), false}};
    const QString today = m_settings->todayText();
    const QString userId = m_session->userId();
    QJsonObject r{{QStringLiteral("v"), ledger::wire::Version}, {QStringLiteral("kind"), m_kind},
                  {QStringLiteral("id"), ledger::RecordId::create().toString()},
                  {QStringLiteral("credit"), QJsonObject{{QStringLiteral("unit"), m_session->unitCode()}, {QStringLiteral("people"), QJsonArray{userId}}}},
                  {QStringLiteral("review"), QJsonObject{{QStringLiteral("state"), initialReviewState(m_kind)}}}};
    // Sensible starting values: today's date, and the choices a form would otherwise leave empty.
    static const QHash<QString, QStringList> dateFields{
        {QStringLiteral("visit"), {QStringLiteral("date")}}, {QStringLiteral("trip"), {QStringLiteral("start"), QStringLiteral("end")}},
        {QStringLiteral("lead"), {QStringLiteral("filed")}}, {QStringLiteral("project"), {QStringLiteral("talksSince")}},
        {QStringLiteral("milestone"), {QStringLiteral("date")}}, {QStringLiteral("funds"), {QStringLiteral("date")}},
        {QStringLiteral("referral"), {QStringLiteral("date")}}, {QStringLiteral("signing_event"), {QStringLiteral("date")}},
        {QStringLiteral("map_completion"), {QStringLiteral("date")}}, {QStringLiteral("headquarters"), {QStringLiteral("date"), QStringLiteral("agreementDate")}},
        {QStringLiteral("award"), {QStringLiteral("date")}}};
    for (const QString &f : dateFields.value(m_kind))
        r.insert(f, today);
    // The wire format writes every list, empty or not.
    static const QHash<QString, QStringList> listFields{
        {QStringLiteral("visit"), {QStringLiteral("attachments")}},
        {QStringLiteral("trip"), {QStringLiteral("members"), QStringLiteral("industries"), QStringLiteral("visits"), QStringLiteral("institutions"),
                                  QStringLiteral("attachments")}},
        {QStringLiteral("milestone"), {QStringLiteral("evidence")}}, {QStringLiteral("funds"), {QStringLiteral("proof")}},
        {QStringLiteral("referral"), {QStringLiteral("evidence")}},
        {QStringLiteral("signing_event"), {QStringLiteral("projects"), QStringLiteral("evidence")}},
        {QStringLiteral("map_completion"), {QStringLiteral("industries"), QStringLiteral("evidence")}},
        {QStringLiteral("headquarters"), {QStringLiteral("evidence")}}};
    for (const QString &f : listFields.value(m_kind))
        r.insert(f, QJsonArray());
    if (m_kind == u"milestone") {
        r.insert(QStringLiteral("stage"), QStringLiteral("signed"));
        r.insert(QStringLiteral("legalEntityRegistered"), false);
        r.insert(QStringLiteral("taxRegistered"), false);
    } else if (m_kind == u"funds") {
        r.insert(QStringLiteral("fundsKind"), QStringLiteral("outside_province_rmb"));
    } else if (m_kind == u"referral") {
        r.insert(QStringLiteral("direction"), QStringLiteral("enterprise_visited_zone"));
        r.insert(QStringLiteral("leadingIndustry"), true);
        r.insert(QStringLiteral("foreign"), false);
    } else if (m_kind == u"project") {
        for (const char *flag : {"chemical", "provincialLedger", "foreignFunded", "upgradeTransfer"})
            r.insert(QString::fromLatin1(flag), false);
    } else if (m_kind == u"lead") {
        r.insert(QStringLiteral("expectedInvestment"), QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("0.00")}});
    } else if (m_kind == u"trip") {
        r.insert(QStringLiteral("members"), QJsonArray{userId});
    } else if (m_kind == u"headquarters") {
        r.insert(QStringLiteral("type"), QStringLiteral("import_export"));
        r.insert(QStringLiteral("businessRegistered"), false);
        r.insert(QStringLiteral("taxRegistered"), false);
        for (const char *figure : {"importExport", "annualOutput", "localFiscal", "registeredCapital", "paidInCapital"})
            r.insert(QString::fromLatin1(figure), QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("0.00")}});
    } else if (m_kind == u"award") {
        // Points for a unit the reviewer chooses on the form, not the reviewer's own.
        r.insert(QStringLiteral("credit"), QJsonObject{{QStringLiteral("unit"), QString()}, {QStringLiteral("people"), QJsonArray()}});
        r.insert(QStringLiteral("category"), QStringLiteral("other"));
    }
    return r;
}

void RecordEditor::setError(const QString &field, const QString &message)
{
    setErrors(field.isEmpty() && message.isEmpty() ? QList<QPair<QString, QString>>() : QList<QPair<QString, QString>>{{field, message}});
}

void RecordEditor::setErrors(const QList<QPair<QString, QString>> &errors)
{
    m_fieldErrors.clear();
    for (const auto &[field, why] : errors)
        if (!m_fieldErrors.contains(topKey(field)))
            m_fieldErrors.insert(topKey(field), why);
    m_errorField = errors.isEmpty() ? QString() : errors.first().first;
    m_errorMessage = errors.isEmpty() ? QString() : errors.first().second;
    emit errorChanged();
}

void RecordEditor::setFields(const QVariantList &fields)
{
    if (fields == m_fields)
        return;
    m_fields = fields;
    emit fieldsChanged();
}

void RecordEditor::markInvalid(const QString &key, const QString &message)
{
    m_invalid.insert(key, message);
    m_fieldErrors.insert(key, message);
    if (m_errorField.isEmpty()) {
        m_errorField = key;
        m_errorMessage = message;
    }
    emit errorChanged();
}

QList<QPair<QString, QString>> RecordEditor::problems(const QJsonObject &json) const
{
    QList<QPair<QString, QString>> found;
    const auto named = [&](const QString &key) {
        return std::any_of(found.cbegin(), found.cend(), [&](const auto &p) { return topKey(p.first) == key; });
    };
    // The form's own checks, in its order: unreadable inputs, then required fields left empty.
    for (const QVariant &f : m_fields) {
        const QVariantMap spec = f.toMap();
        const QString key = spec.value(QStringLiteral("key")).toString();
        if (m_invalid.contains(key))
            found.append({key, m_invalid.value(key)});
        else if (!spec.value(QStringLiteral("optional")).toBool() && checkedForEmpty(spec.value(QStringLiteral("type")).toString())
                 && isEmptyValue(json.value(key)))
            found.append({key, errorText(ledger::FieldError(key, ledger::ErrorCode::Missing))});
    }
    for (auto it = m_invalid.cbegin(); it != m_invalid.cend(); ++it)
        if (!named(it.key()))
            found.append({it.key(), it.value()});
    // The wire decoder's refusal, then the proofs recognition requires (evidence rule of shared/).
    // An enterprise is left to the store's own check.
    if (m_kind != u"enterprise" && !json.value(QStringLiteral("kind")).toString().isEmpty()) {
        if (const auto record = ledger::wire::decodeRecord(json); !record) {
            if (!named(topKey(record.error().field)))
                found.append({record.error().field, errorText(record.error())});
        } else {
            for (const ledger::FieldError &e : ledger::missingEvidence(record.value(), ledger::Ledger(), m_settings->scheme()))
                if (isProofField(e.field) && !named(e.field))
                    found.append({e.field, errorText(e)});
        }
    }
    // In the form's order, as a person reads it.
    const auto order = [&](const QString &path) {
        for (qsizetype i = 0; i < m_fields.size(); ++i)
            if (m_fields[i].toMap().value(QStringLiteral("key")).toString() == topKey(path))
                return i;
        return m_fields.size();
    };
    std::stable_sort(found.begin(), found.end(), [&](const auto &a, const auto &b) { return order(a.first) < order(b.first); });
    return found;
}

QVariantMap RecordEditor::warnings() const
{
    QVariantMap out;
    if (!m_settings || m_kind == u"enterprise")
        return out;
    const QJsonObject json = m_record;
    // A trip's industries are judged as soon as they are chosen, before the rest can be decoded.
    if (m_kind == u"trip" && !isEmptyValue(json.value(QStringLiteral("industries")))) {
        ledger::Trip trip;
        for (const QJsonValue &k : json.value(QStringLiteral("industries")).toArray())
            trip.industries.append(k.toString());
        if (!ledger::isLeadingIndustryTrip(trip, m_settings->scheme()))
            out.insert(QStringLiteral("industries"), errorText(ledger::FieldError(QStringLiteral("industries"), ledger::ErrorCode::TripNotLeading)));
    }
    const auto record = ledger::wire::decodeRecord(json);
    if (!record)
        return out;
    // Only what the person filled in: an empty field of a new form is not yet a warning.
    for (const ledger::FieldError &e : ledger::missingEvidence(record.value(), ledger::Ledger(), m_settings->scheme()))
        if (!isProofField(e.field) && !isEmptyValue(json.value(topKey(e.field))))
            out.insert(topKey(e.field), errorText(e));
    return out;
}

void RecordEditor::setField(const QString &key, const QVariant &value)
{
    if (!m_loaded)
        read();
    // QML hands objects and arrays over as QJSValue.
    const QJsonValue v = QJsonValue::fromVariant(value.metaType() == QMetaType::fromType<QJSValue>() ? value.value<QJSValue>().toVariant() : value);
    if (v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()))
        m_record.remove(key);
    else
        m_record.insert(key, v);
    m_invalid.remove(key);
    emit recordChanged();
    // The field is set again: its mark goes; the others stay until the next save.
    if (m_fieldErrors.remove(key) > 0 || (!m_errorField.isEmpty() && topKey(m_errorField) == key)) {
        if (topKey(m_errorField) == key) {
            m_errorField = m_fieldErrors.isEmpty() ? QString() : m_fieldErrors.firstKey();
            m_errorMessage = m_fieldErrors.isEmpty() ? QString() : m_fieldErrors.first().toString();
        }
        emit errorChanged();
    }
    setDraftState(true, m_hasDraft);
    m_draftTimer.start();
}

void RecordEditor::setDraftState(bool dirty, bool hasDraft)
{
    if (dirty == m_dirty && hasDraft == m_hasDraft)
        return;
    m_dirty = dirty;
    m_hasDraft = hasDraft;
    emit draftChanged();
}

void RecordEditor::writeDraft()
{
    m_draftTimer.stop();
    if (!m_session)
        return;
    const QString id = m_record.value(QStringLiteral("id")).toString();
    Draft draft{id, m_kind, m_session->store().entity(id).has_value(), m_record, QDateTime::currentDateTimeUtc()};
    if (const auto error = m_session->drafts().put(draft)) {
        qWarning().noquote() << "draft not kept:" << error->toString();
        return;
    }
    setDraftState(m_dirty, true);
}

void RecordEditor::keepDraft()
{
    if (!m_loaded)
        read();
    writeDraft();
    setDraftState(false, m_hasDraft);
}

void RecordEditor::discardDraft()
{
    m_draftTimer.stop();
    if (m_session)
        (void)m_session->drafts().remove(m_record.value(QStringLiteral("id")).toString());
    load(); // the stored record again, or a new one
}

bool RecordEditor::save()
{
    if (!m_loaded)
        read();
    if (needsFarReason(m_record)) {
        const double farM = m_settings->scheme().checkIn.farFromSiteM;
        setErrors({{QStringLiteral("farCheckInReason"), tr("签到位置距企业登记位置超过 %1 米，请确认并说明原因").arg(farM)}});
        return false;
    }
    const QJsonObject json = m_trips->withItsVisits(m_record);
    if (const auto found = problems(json); !found.isEmpty()) {
        setErrors(found);
        return false;
    }
    if (const auto error = m_session->store().save(json)) {
        setErrors({{error->field, errorText(*error)}});
        return false;
    }
    if (!m_errorField.isEmpty() || !m_errorMessage.isEmpty() || !m_fieldErrors.isEmpty())
        setErrors({});
    const QString id = json.value(QStringLiteral("id")).toString();
    m_draftTimer.stop();
    (void)m_session->drafts().remove(id);
    setDraftState(false, false);
    if (m_recordId != id) {
        m_recordId = id; // the form now edits the stored record
        emit recordIdChanged();
    }
    emit saved(id);
    return true;
}

bool RecordEditor::attach(const QString &field, const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const QString mime = QMimeDatabase().mimeTypeForFile(path).name();
    const auto stored = m_session->store().storeAttachment(path, QFileInfo(path).fileName(), mime);
    if (!stored) {
        setError(field, errorText(stored.error()));
        return false;
    }
    const ledger::Attachment &a = stored.value();
    QJsonArray list = m_record.value(field).toArray();
    list.append(QJsonObject{{QStringLiteral("sha256"), a.sha256.hex()}, {QStringLiteral("name"), a.name},
                            {QStringLiteral("mimeType"), a.mimeType}, {QStringLiteral("size"), a.size}});
    setField(field, list.toVariantList());
    return true;
}

void RecordEditor::prepareCheckIn(QObject *controllerObject, const QString &enterpriseId)
{
    auto *controller = qobject_cast<CheckInController *>(controllerObject);
    if (!controller || !m_settings)
        return;
    controller->setProvider(m_settings->positionProvider());
    controller->setRules(m_settings->scheme().checkIn);
    // This person's earlier check-ins, for the repeated-coordinates and speed checks.
    controller->setEarlierCheckIns(m_session->store().checkInsOf(m_session->userId()));
    // Without an enterprise there is no site to compare with: the form starts it once one is chosen.
    if (const auto enterprise = m_session->store().entity(enterpriseId))
        controller->start(enterprise->json);
}

QString RecordEditor::creditCodeProblem(const QString &code) const
{
    const auto error = ledger::creditCodeError(code);
    return error ? errorText(*error) : QString();
}

} // namespace mobile
