// The sync protocol's messages as JSON: encoders write every member the documentation lists,
// decoders check each member's type and range and name the first field at fault.
#include "ledger/syncprotocol.h"

#include "ledger/ids.h"
#include "ledger/wire.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <utility>

namespace ledger::sync {

namespace {

const QString KeyN = QStringLiteral("n");
const QString KeyOp = QStringLiteral("op");
const QString KeyEntity = QStringLiteral("entity");
const QString KeyId = QStringLiteral("id");
const QString KeyBaseVersion = QStringLiteral("baseVersion");
const QString KeyChanged = QStringLiteral("changed");
const QString KeyDevice = QStringLiteral("device");
const QString KeyMutations = QStringLiteral("mutations");
const QString KeyStatus = QStringLiteral("status");
const QString KeyOriginal = QStringLiteral("original");
const QString KeyVersion = QStringLiteral("version");
const QString KeyConflicts = QStringLiteral("conflicts");
const QString KeyError = QStringLiteral("error");
const QString KeyLastApplied = QStringLiteral("lastApplied");
const QString KeyApplied = QStringLiteral("applied");
const QString KeySkipped = QStringLiteral("skipped");
const QString KeyRejected = QStringLiteral("rejected");
const QString KeyResults = QStringLiteral("results");
const QString KeyChanges = QStringLiteral("changes");
const QString KeySeq = QStringLiteral("seq");
const QString KeyDeleted = QStringLiteral("deleted");
const QString KeyKind = QStringLiteral("kind");
const QString KeyCursor = QStringLiteral("cursor");
const QString KeyHasMore = QStringLiteral("hasMore");
const QString KeyCode = QStringLiteral("code");
const QString KeyMessage = QStringLiteral("message");
const QString KeyField = QStringLiteral("field");
const QString KeyDetail = QStringLiteral("detail");
const QString KeyArgs = QStringLiteral("args");

struct CodeName
{
    Code code;
    const char *name;
    int status;
};

constexpr std::array<CodeName, 28> Codes{{
    {Code::Invalid, "invalid", 400},
    {Code::MalformedJson, "malformed_json", 400},
    {Code::UpgradeRequired, "upgrade_required", 426},
    {Code::ServerTooOld, "server_too_old", 400},
    {Code::Unauthorised, "unauthorised", 401},
    {Code::SessionExpired, "session_expired", 401},
    {Code::BadCredentials, "bad_credentials", 401},
    {Code::SlowDown, "slow_down", 429},
    {Code::DeviceTaken, "device_taken", 409},
    {Code::DeviceRevoked, "device_revoked", 403},
    {Code::WrongDevice, "wrong_device", 403},
    {Code::TooMany, "too_many", 413},
    {Code::Gap, "gap", 409},
    {Code::Forbidden, "forbidden", 403},
    {Code::NotFound, "not_found", 404},
    {Code::AttachmentMissing, "attachment_missing", 422},
    {Code::Deleted, "deleted", 409},
    {Code::Revoked, "revoked", 409},
    {Code::Recognised, "recognised", 409},
    {Code::Conflict, "conflict", 409},
    {Code::WrongState, "wrong_state", 409},
    {Code::EvidenceMissing, "evidence_missing", 422},
    {Code::Resolved, "resolved", 409},
    {Code::WrongOffset, "wrong_offset", 409},
    {Code::SizeMismatch, "size_mismatch", 409},
    {Code::TooLarge, "too_large", 413},
    {Code::UnsupportedType, "unsupported_type", 415},
    {Code::HashMismatch, "hash_mismatch", 422},
}};

const CodeName &entryOf(Code code)
{
    for (const CodeName &c : Codes)
        if (c.code == code)
            return c;
    Q_UNREACHABLE();
    return Codes.front();
}

QString at(const QString &path, const QString &key) { return path.isEmpty() ? key : path + u'.' + key; }
QString index(const QString &path, qsizetype i) { return QStringLiteral("%1[%2]").arg(path).arg(i); }

bool absent(const QJsonValue &v) { return v.isUndefined() || v.isNull(); }

// The value is of `type`: else missing when absent, wrong_type (expected, got) when not.
std::optional<FieldError> expectType(const QJsonValue &v, QJsonValue::Type type, const QString &field)
{
    if (v.type() == type)
        return std::nullopt;
    if (absent(v))
        return FieldError(field, ErrorCode::Missing);
    return FieldError(field, ErrorCode::WrongType, {wire::jsonType(QJsonValue(type)), wire::jsonType(v)});
}

// A whole number in [min, 2^53]: JSON numbers are doubles, and beyond that they are not exact.
std::optional<FieldError> wholeNumber(const QJsonValue &v, const QString &field, qint64 min, qint64 *out)
{
    constexpr double Exact = 9007199254740992.0;
    if (auto problem = expectType(v, QJsonValue::Double, field))
        return problem;
    const double d = v.toDouble();
    if (d != std::floor(d) || d > Exact)
        return FieldError(field, ErrorCode::NotWhole);
    if (d < double(min))
        return min == 0 ? FieldError(field, ErrorCode::Negative) : FieldError(field, ErrorCode::TooSmall, {QString::number(min)});
    *out = qint64(d);
    return std::nullopt;
}

std::optional<FieldError> text(const QJsonObject &o, const QString &path, const QString &key, bool required, QString *out)
{
    const QJsonValue v = o.value(key);
    if (absent(v) && !required)
        return std::nullopt;
    if (auto problem = expectType(v, QJsonValue::String, at(path, key)))
        return problem;
    *out = v.toString();
    if (required && out->isEmpty())
        return FieldError(at(path, key), ErrorCode::Empty);
    return std::nullopt;
}

std::optional<FieldError> stringList(const QJsonValue &v, const QString &field, QStringList *out)
{
    if (auto problem = expectType(v, QJsonValue::Array, field))
        return problem;
    const QJsonArray list = v.toArray();
    out->reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (auto problem = expectType(list.at(i), QJsonValue::String, index(field, i)))
            return problem;
        *out << list.at(i).toString();
    }
    return std::nullopt;
}

// A name from a closed list: missing, wrong_type, or unknown_value (the name, the names allowed).
template<class T>
Result<T> oneOf(const QJsonValue &v, const QString &field, std::initializer_list<std::pair<const char *, T>> names)
{
    if (auto problem = expectType(v, QJsonValue::String, field))
        return *problem;
    QStringList allowed;
    for (const auto &[name, value] : names) {
        if (v.toString() == QLatin1StringView(name))
            return value;
        allowed << QString::fromLatin1(name);
    }
    return FieldError(field, ErrorCode::UnknownValue, {v.toString(), allowed.join(QStringLiteral(", "))});
}

} // namespace

bool isServerOwned(QStringView field)
{
    return field == u"v" || field == u"kind" || field == u"id" || field == u"review" || field == u"author" || field == u"claim";
}

QStringList serverOwnedFields()
{
    return {QStringLiteral("v"), QStringLiteral("kind"), QStringLiteral("id"), QStringLiteral("review"), QStringLiteral("author"),
            QStringLiteral("claim")};
}

// ---- errors ---------------------------------------------------------------------------------------

QString toString(Code code) { return QString::fromLatin1(entryOf(code).name); }

std::optional<Code> errorCodeFromString(QStringView name)
{
    for (const CodeName &c : Codes)
        if (name == QLatin1StringView(c.name))
            return c.code;
    return std::nullopt;
}

int httpStatus(Code code) { return entryOf(code).status; }

int httpStatus(const Error &error)
{
    const auto code = errorCodeFromString(error.code);
    return code ? httpStatus(*code) : 400;
}

Error makeError(Code code, const QString &message, const QString &field, const QJsonObject &extra)
{
    return Error{toString(code), message, field, extra};
}

Error makeError(Code code, const FieldError &cause, const QString &fieldPrefix)
{
    const QString field = cause.field.isEmpty() ? fieldPrefix : at(fieldPrefix, cause.field);
    if (cause.code == ErrorCode::Other) // words only: there is no code to pass on
        return makeError(code, cause.message, field);
    QJsonObject detail{{KeyCode, codeName(cause.code)}};
    if (!cause.args.isEmpty())
        detail.insert(KeyArgs, QJsonArray::fromStringList(cause.args));
    return makeError(code, cause.message, field, {{KeyDetail, detail}});
}

std::optional<FieldError> detailOf(const Error &error)
{
    const QJsonObject detail = error.extra.value(KeyDetail).toObject();
    const auto code = errorCodeFromName(detail.value(KeyCode).toString());
    if (!code || *code == ErrorCode::Other)
        return std::nullopt;
    QStringList args;
    for (const QJsonValue &a : detail.value(KeyArgs).toArray())
        args << a.toString();
    return FieldError(error.field, *code, args);
}

QJsonObject encode(const Error &error)
{
    QJsonObject o = error.extra;
    o.insert(KeyCode, error.code);
    o.insert(KeyMessage, error.message);
    o.insert(KeyField, error.field.isEmpty() ? QJsonValue() : QJsonValue(error.field));
    return o;
}

Result<Error> decodeError(const QJsonObject &json, const QString &path)
{
    Error e;
    if (auto problem = text(json, path, KeyCode, true, &e.code))
        return *problem;
    if (auto problem = text(json, path, KeyMessage, false, &e.message))
        return *problem;
    if (auto problem = text(json, path, KeyField, false, &e.field))
        return *problem;
    e.extra = json;
    for (const QString &key : {KeyCode, KeyMessage, KeyField})
        e.extra.remove(key);
    return e;
}

std::optional<Error> checkVersions(const QByteArray &protocolHeader, const QByteArray &schemaHeader)
{
    bool ok1 = false, ok2 = false;
    const int p = protocolHeader.toInt(&ok1), s = schemaHeader.toInt(&ok2);
    if (!ok1 || !ok2)
        return makeError(Code::UpgradeRequired,
                         QStringLiteral("the request must carry %1 and %2; update the app")
                             .arg(QLatin1StringView(ProtocolHeader), QLatin1StringView(SchemaHeader)));
    if (p < ProtocolVersion || s < wire::Version)
        return makeError(Code::UpgradeRequired,
                         QStringLiteral("this app speaks protocol %1, schema %2; the server needs protocol %3, schema %4 — update the app")
                             .arg(p).arg(s).arg(ProtocolVersion).arg(wire::Version));
    if (p > ProtocolVersion || s > wire::Version)
        return makeError(Code::ServerTooOld,
                         QStringLiteral("the app is newer than this server (protocol %1); ask the bureau to update the server").arg(p));
    return std::nullopt;
}

// ---- push -----------------------------------------------------------------------------------------

QString Mutation::entityId() const
{
    return op == Op::Delete ? id : entity.value(KeyId).toString();
}

QJsonObject encode(const Mutation &m)
{
    QJsonObject o{{KeyN, m.n}, {KeyOp, m.op == Op::Delete ? QStringLiteral("delete") : QStringLiteral("upsert")},
                  {KeyBaseVersion, m.baseVersion}};
    if (m.changed)
        o.insert(KeyChanged, QJsonArray::fromStringList(*m.changed));
    if (m.op == Op::Delete)
        o.insert(KeyId, m.id);
    else
        o.insert(KeyEntity, m.entity);
    return o;
}

Result<Mutation> decodeMutation(const QJsonObject &json, const QString &path)
{
    Mutation m;
    if (auto problem = wholeNumber(json.value(KeyN), at(path, KeyN), 1, &m.n))
        return *problem;
    const auto op = oneOf<Op>(json.value(KeyOp), at(path, KeyOp), {{"upsert", Op::Upsert}, {"delete", Op::Delete}});
    if (!op)
        return op.error();
    m.op = op.value();
    if (m.op == Op::Upsert) {
        const QJsonValue entity = json.value(KeyEntity);
        if (absent(entity))
            return FieldError(at(path, KeyEntity), ErrorCode::UpsertWithoutEntity);
        if (auto problem = expectType(entity, QJsonValue::Object, at(path, KeyEntity)))
            return *problem;
        m.entity = entity.toObject();
    } else {
        const QJsonValue id = json.value(KeyId);
        if (!absent(id)) {
            if (auto problem = expectType(id, QJsonValue::String, at(path, KeyId)))
                return *problem;
        }
        m.id = id.toString();
        if (m.id.isEmpty())
            return FieldError(at(path, KeyId), ErrorCode::DeleteWithoutId);
        if (!RecordId::parse(m.id))
            return FieldError(at(path, KeyId), ErrorCode::NotAnId);
    }
    const QJsonValue base = json.value(KeyBaseVersion);
    if (!base.isUndefined()) {
        if (auto problem = wholeNumber(base, at(path, KeyBaseVersion), 0, &m.baseVersion))
            return *problem;
    }
    const QJsonValue changed = json.value(KeyChanged);
    if (!changed.isUndefined()) {
        m.changed.emplace();
        if (auto problem = stringList(changed, at(path, KeyChanged), &*m.changed))
            return *problem;
    }
    return m;
}

QJsonObject encode(const PushRequest &request)
{
    QJsonArray mutations;
    for (const Mutation &m : request.mutations)
        mutations.append(encode(m));
    return encodePushRequest(request.device, mutations);
}

QJsonObject encodePushRequest(const QString &device, const QJsonArray &mutations)
{
    return QJsonObject{{KeyDevice, device}, {KeyMutations, mutations}};
}

bool exceedsPushLimit(const QJsonObject &json)
{
    return json.value(KeyMutations).toArray().size() > MaxMutationsPerPush;
}

Result<PushRequest> decodePushRequest(const QJsonObject &json)
{
    PushRequest r;
    if (auto problem = text(json, {}, KeyDevice, true, &r.device))
        return *problem;
    const QJsonValue mv = json.value(KeyMutations);
    if (auto problem = expectType(mv, QJsonValue::Array, KeyMutations))
        return *problem;
    const QJsonArray list = mv.toArray();
    if (list.size() > MaxMutationsPerPush)
        return FieldError(KeyMutations, ErrorCode::TooMany, {QString::number(list.size()), QString::number(MaxMutationsPerPush)});
    r.mutations.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = index(KeyMutations, i);
        if (auto problem = expectType(list.at(i), QJsonValue::Object, path))
            return *problem;
        auto m = decodeMutation(list.at(i).toObject(), path);
        if (!m)
            return m.error();
        r.mutations << std::move(m).value();
    }
    return r;
}

QString toString(Status status)
{
    switch (status) {
    case Status::Applied: return QStringLiteral("applied");
    case Status::Rejected: return QStringLiteral("rejected");
    case Status::Skipped: return QStringLiteral("skipped");
    }
    Q_UNREACHABLE();
    return {};
}

QJsonObject encode(const MutationResult &r)
{
    QJsonObject o{{KeyN, r.n}, {KeyStatus, toString(r.status)}};
    if (r.original)
        o.insert(KeyOriginal, toString(*r.original));
    if (!r.id.isEmpty())
        o.insert(KeyId, r.id);
    if (r.version)
        o.insert(KeyVersion, *r.version);
    if (!r.conflicts.isEmpty())
        o.insert(KeyConflicts, QJsonArray::fromStringList(r.conflicts));
    if (r.error)
        o.insert(KeyError, encode(*r.error));
    return o;
}

Result<MutationResult> decodeMutationResult(const QJsonObject &json, const QString &path)
{
    MutationResult r;
    if (auto problem = wholeNumber(json.value(KeyN), at(path, KeyN), 1, &r.n))
        return *problem;
    const auto status = oneOf<Status>(json.value(KeyStatus), at(path, KeyStatus),
                                      {{"applied", Status::Applied}, {"rejected", Status::Rejected}, {"skipped", Status::Skipped}});
    if (!status)
        return status.error();
    r.status = status.value();
    if (r.status == Status::Skipped) {
        if (absent(json.value(KeyOriginal)))
            return FieldError(at(path, KeyOriginal), ErrorCode::SkippedWithoutOriginal);
        const auto original = oneOf<Status>(json.value(KeyOriginal), at(path, KeyOriginal), {{"applied", Status::Applied}, {"rejected", Status::Rejected}});
        if (!original)
            return original.error();
        r.original = original.value();
    }
    if (auto problem = text(json, path, KeyId, false, &r.id))
        return *problem;
    const QJsonValue version = json.value(KeyVersion);
    if (!version.isUndefined()) {
        qint64 v = 0;
        if (auto problem = wholeNumber(version, at(path, KeyVersion), 0, &v))
            return *problem;
        r.version = v;
    }
    const QJsonValue conflicts = json.value(KeyConflicts);
    if (!conflicts.isUndefined()) {
        if (auto problem = stringList(conflicts, at(path, KeyConflicts), &r.conflicts))
            return *problem;
    }
    const QJsonValue error = json.value(KeyError);
    if (!error.isUndefined()) {
        if (auto problem = expectType(error, QJsonValue::Object, at(path, KeyError)))
            return *problem;
        auto e = decodeError(error.toObject(), at(path, KeyError));
        if (!e)
            return e.error();
        r.error = std::move(e).value();
    }
    if (r.outcome() == Status::Rejected && !r.error)
        return FieldError(at(path, KeyError), ErrorCode::RejectedWithoutReason);
    if (r.outcome() == Status::Applied && r.id.isEmpty())
        return FieldError(at(path, KeyId), ErrorCode::AppliedWithoutId);
    return r;
}

MutationResult asSkipped(MutationResult first)
{
    first.original = first.status;
    first.status = Status::Skipped;
    return first;
}

QJsonObject encode(const PushResult &result)
{
    QJsonArray results;
    for (const MutationResult &r : result.results)
        results.append(encode(r));
    return QJsonObject{{KeyLastApplied, result.lastApplied}, {KeyApplied, result.applied}, {KeySkipped, result.skipped},
                       {KeyRejected, result.rejected}, {KeyResults, results}};
}

Result<PushResult> decodePushResult(const QJsonObject &json)
{
    PushResult out;
    const QJsonValue results = json.value(KeyResults);
    if (auto problem = expectType(results, QJsonValue::Array, KeyResults))
        return *problem;
    const QJsonArray list = results.toArray();
    out.results.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = index(KeyResults, i);
        if (auto problem = expectType(list.at(i), QJsonValue::Object, path))
            return *problem;
        auto r = decodeMutationResult(list.at(i).toObject(), path);
        if (!r)
            return r.error();
        out.lastApplied = std::max(out.lastApplied, r.value().n);
        ++(r.value().status == Status::Applied ? out.applied : r.value().status == Status::Rejected ? out.rejected : out.skipped);
        out.results << std::move(r).value();
    }
    // The summary: counted from the results when it is absent (it says nothing they do not).
    if (json.contains(KeyLastApplied)) {
        if (auto problem = wholeNumber(json.value(KeyLastApplied), KeyLastApplied, 0, &out.lastApplied))
            return *problem;
    }
    const std::array<std::pair<QString, int *>, 3> counts{{{KeyApplied, &out.applied}, {KeySkipped, &out.skipped}, {KeyRejected, &out.rejected}}};
    for (const auto &[key, count] : counts) {
        if (!json.contains(key))
            continue;
        qint64 v = 0;
        if (auto problem = wholeNumber(json.value(key), key, 0, &v))
            return *problem;
        if (v > list.size())
            return FieldError(key, ErrorCode::CountOverResults, {QString::number(v), QString::number(list.size())});
        *count = int(v);
    }
    return out;
}

// ---- pull -----------------------------------------------------------------------------------------

QJsonObject encode(const PullPage &page)
{
    QJsonArray changes;
    for (const Change &c : page.changes) {
        if (c.deleted)
            changes.append(QJsonObject{{KeySeq, c.seq}, {KeyId, c.id}, {KeyKind, c.kind}, {KeyDeleted, true}});
        else
            changes.append(QJsonObject{{KeySeq, c.seq}, {KeyEntity, c.entity}});
    }
    return QJsonObject{{KeyChanges, changes}, {KeyCursor, page.cursor}, {KeyHasMore, page.hasMore}};
}

Result<PullPage> decodePullPage(const QJsonObject &json)
{
    PullPage page;
    const QJsonValue changes = json.value(KeyChanges);
    if (auto problem = expectType(changes, QJsonValue::Array, KeyChanges))
        return *problem;
    if (auto problem = wholeNumber(json.value(KeyCursor), KeyCursor, 0, &page.cursor))
        return *problem;
    // Absent "hasMore" means the last page.
    const QJsonValue more = json.value(KeyHasMore);
    if (!more.isUndefined()) {
        if (auto problem = expectType(more, QJsonValue::Bool, KeyHasMore))
            return *problem;
    }
    page.hasMore = more.toBool();
    const QJsonArray list = changes.toArray();
    page.changes.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = index(KeyChanges, i);
        if (auto problem = expectType(list.at(i), QJsonValue::Object, path))
            return *problem;
        const QJsonObject c = list.at(i).toObject();
        Change change;
        if (auto problem = wholeNumber(c.value(KeySeq), at(path, KeySeq), 1, &change.seq))
            return *problem;
        const QJsonValue deleted = c.value(KeyDeleted);
        if (!deleted.isUndefined()) {
            if (auto problem = expectType(deleted, QJsonValue::Bool, at(path, KeyDeleted)))
                return *problem;
        }
        change.deleted = deleted.toBool();
        if (change.deleted) {
            if (auto problem = text(c, path, KeyId, true, &change.id))
                return *problem;
            if (auto problem = text(c, path, KeyKind, true, &change.kind))
                return *problem;
        } else {
            const QJsonValue entity = c.value(KeyEntity);
            if (auto problem = expectType(entity, QJsonValue::Object, at(path, KeyEntity)))
                return *problem;
            change.entity = entity.toObject();
            QString id;
            if (auto problem = text(change.entity, at(path, KeyEntity), KeyId, true, &id))
                return *problem;
        }
        page.changes << std::move(change);
    }
    return page;
}

PullPageWriter::PullPageWriter(qint64 cursor)
    : m_out("{\"changes\":[")
    , m_cursor(cursor)
{
}

void PullPageWriter::separate(qint64 seq)
{
    if (m_count++ > 0)
        m_out += ',';
    m_cursor = seq;
}

void PullPageWriter::addEntity(qint64 seq, const QByteArray &storedJson)
{
    // {"entity":…,"seq":N}: the keys in the order QJsonDocument writes them.
    separate(seq);
    m_out += "{\"entity\":";
    m_out += storedJson;
    m_out += ",\"seq\":";
    m_out += QByteArray::number(seq);
    m_out += '}';
}

void PullPageWriter::addTombstone(qint64 seq, const QString &id, const QString &kind)
{
    separate(seq);
    m_out += QJsonDocument(QJsonObject{{KeySeq, seq}, {KeyId, id}, {KeyKind, kind}, {KeyDeleted, true}}).toJson(QJsonDocument::Compact);
}

QByteArray PullPageWriter::finish(bool hasMore)
{
    QByteArray out = std::exchange(m_out, {});
    out += "],\"cursor\":";
    out += QByteArray::number(m_cursor);
    out += hasMore ? ",\"hasMore\":true}" : ",\"hasMore\":false}";
    return out;
}

} // namespace ledger::sync
