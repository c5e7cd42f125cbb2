// The sync protocol between the app and syncserver (docs/sync-protocol.md), written once for both
// sides: its version and headers, its limits, the fields the server owns, the error codes, and the
// messages of push and pull as typed values with their JSON encoding and decoding. Decoders refuse
// bad input with a FieldError naming the field ("mutations[3].n") and the problem. The golden files
// under tests/data/sync/ pin the JSON; the server's and the app's tests read them too.
//
// Entities inside these messages stay QJsonObject in the wire format (ledger::wire): the protocol
// carries them, it does not decode them, so the server's hot path never encodes one twice.
#pragma once

#include "ledger/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace ledger::sync {

inline constexpr int ProtocolVersion = 1;
// Every request but the health check carries both: the protocol and the wire format's version.
inline constexpr char ProtocolHeader[] = "X-Ledger-Protocol";
inline constexpr char SchemaHeader[] = "X-Ledger-Schema";

inline constexpr int MaxMutationsPerPush = 1000; // one push is one transaction on the server
inline constexpr int MaxPullPage = 5000;
inline constexpr int DefaultPullPage = 500;

// Fields the server owns: a device can neither set nor change them, and they are never part of a
// device's edit ("changed").
[[nodiscard]] bool isServerOwned(QStringView field);
[[nodiscard]] QStringList serverOwnedFields();

// ---- errors ---------------------------------------------------------------------------------------
// The codes of the protocol's one error shape {"error": {"code", "message", "field", …}}, and of a
// rejected mutation's "error". The wire name is the snake_case of the enumerator.
enum class Code {
    Invalid,           // a field is malformed; "field" names it
    MalformedJson,     // the body is not a JSON object
    UpgradeRequired,   // 426: the app is older than the server, or sent no versions
    ServerTooOld,      // 400: the app is newer than the server
    Unauthorised,      // 401: no or unknown token
    SessionExpired,    // 401: the access token expired; refresh
    BadCredentials,    // 401: sign-in refused
    SlowDown,          // 429: too many failed sign-ins
    DeviceTaken,       // 409: the device belongs to another person
    DeviceRevoked,     // 403: an administrator stopped the device
    WrongDevice,       // 403: the push names another device than the session's
    TooMany,           // 413: more than MaxMutationsPerPush mutations
    Gap,               // 409: a mutation number was skipped; "expected" names the next one
    Forbidden,         // 403, or a rejected mutation: not this person's to do
    NotFound,          // 404
    AttachmentMissing, // rejected: the record's attachment has not been uploaded
    Deleted,           // rejected: the entity was deleted on the server
    Revoked,           // rejected: a record revoked as false cannot be changed
    Recognised,        // rejected: a recognised record cannot be deleted
    Conflict,          // rejected: the entity changed since the device saw it (deletes)
    WrongState,        // 409: a review move the record's state does not allow
    EvidenceMissing,   // 422: recognising a record that lacks its evidence
    Resolved,          // 409: the conflict was settled already
    WrongOffset,       // 409: an attachment chunk does not continue the upload; "received" says where
    SizeMismatch,      // 409: an attachment's size differs from the upload begun
    TooLarge,          // 413: an attachment over the limit
    UnsupportedType,   // 415: an attachment of a type not kept
    HashMismatch,      // 422: an attachment's content does not hash to its name
};
[[nodiscard]] QString toString(Code code);
[[nodiscard]] std::optional<Code> errorCodeFromString(QStringView name);
// The HTTP status the server answers a request refused with this code.
[[nodiscard]] int httpStatus(Code code);

struct Error
{
    QString code;      // the wire name (kept as text so that a newer server's codes pass through)
    QString message;   // the server's words, English, for whoever helps the person
    QString field;     // the field at fault; empty when none
    // Further members: {"expected": 12} with a gap; {"detail": {"code", "args"}} when a coded error
    // of the shared rules (ledger/errors.h) caused it.
    QJsonObject extra;

    [[nodiscard]] bool is(Code c) const { return code == toString(c); }
    friend bool operator==(const Error &, const Error &) = default;
};
// The HTTP status for the error's code; 400 for a code this build does not know.
[[nodiscard]] int httpStatus(const Error &error);
[[nodiscard]] Error makeError(Code code, const QString &message, const QString &field = {}, const QJsonObject &extra = {});
// A refusal caused by a coded error of the shared rules (the wire decoder, recognition, the review
// table): the field is the cause's under `fieldPrefix` ("entity" + "name" → "entity.name"), the
// message its Chinese words, and "detail" its code and args, so the app says it in the person's
// language from the one table instead of repeating the server's words. A cause of words only
// (ErrorCode::Other) gives its words and no detail.
[[nodiscard]] Error makeError(Code code, const FieldError &cause, const QString &fieldPrefix = {});
// The coded error in the error's "detail", with the error's field; nullopt without one, or with a
// code this build does not know (then the message is all there is).
[[nodiscard]] std::optional<FieldError> detailOf(const Error &error);
// {"code", "message", "field": "…"|null, …extra}.
[[nodiscard]] QJsonObject encode(const Error &error);
[[nodiscard]] Result<Error> decodeError(const QJsonObject &json, const QString &path = QStringLiteral("error"));

// The versions a request states, checked against this build's: nullopt when they match, else
// upgrade_required (missing or older) or server_too_old (newer).
[[nodiscard]] std::optional<Error> checkVersions(const QByteArray &protocolHeader, const QByteArray &schemaHeader);

// ---- push -----------------------------------------------------------------------------------------
enum class Op { Upsert, Delete };

// One numbered change of one entity, as a device sends it.
struct Mutation
{
    qint64 n = 0;                       // the device's number: 1, 2, 3, … without gaps
    Op op = Op::Upsert;
    QJsonObject entity;                 // upserts: the whole entity in the wire format
    QString id;                         // deletes: the entity's id
    qint64 baseVersion = 0;             // the server version the edit started from; 0 for a new entity
    std::optional<QStringList> changed; // the top-level fields the person edited; absent: every field that differs

    // The entity's id whatever the op ("" when an upsert's entity has none).
    [[nodiscard]] QString entityId() const;
    friend bool operator==(const Mutation &, const Mutation &) = default;
};
[[nodiscard]] QJsonObject encode(const Mutation &mutation);
// `path` prefixes the fields named in errors ("mutations[3]").
[[nodiscard]] Result<Mutation> decodeMutation(const QJsonObject &json, const QString &path = {});

struct PushRequest
{
    QString device; // the device's id, as registered at sign-in
    QList<Mutation> mutations;
    friend bool operator==(const PushRequest &, const PushRequest &) = default;
};
[[nodiscard]] QJsonObject encode(const PushRequest &request);
// The same around mutations already encoded (a device's outbox keeps them encoded).
[[nodiscard]] QJsonObject encodePushRequest(const QString &device, const QJsonArray &mutations);
// Refuses more than MaxMutationsPerPush mutations (field "mutations"); exceedsPushLimit() tells
// that case apart before decoding, for the server's 413.
[[nodiscard]] Result<PushRequest> decodePushRequest(const QJsonObject &json);
[[nodiscard]] bool exceedsPushLimit(const QJsonObject &json);

enum class Status { Applied, Rejected, Skipped };
[[nodiscard]] QString toString(Status status);

// The server's answer for one mutation.
struct MutationResult
{
    qint64 n = 0;
    Status status = Status::Applied;
    std::optional<Status> original; // skipped: how the mutation was answered the first time
    QString id;                     // the entity's id; may be empty for a rejected malformed entity
    std::optional<qint64> version;  // the entity's server version after an applied mutation
    QStringList conflicts;          // fields kept as conflicts instead of applied
    std::optional<Error> error;     // rejected: why

    // What happened to the mutation: the original answer of a skipped one.
    [[nodiscard]] Status outcome() const { return status == Status::Skipped ? original.value_or(Status::Skipped) : status; }
    friend bool operator==(const MutationResult &, const MutationResult &) = default;
};
[[nodiscard]] QJsonObject encode(const MutationResult &result);
[[nodiscard]] Result<MutationResult> decodeMutationResult(const QJsonObject &json, const QString &path = {});
// A stored answer given again for a retried mutation: "skipped", with the first status as "original".
[[nodiscard]] MutationResult asSkipped(MutationResult first);

struct PushResult
{
    qint64 lastApplied = 0; // the device's last number the server has answered
    int applied = 0;
    int skipped = 0;
    int rejected = 0;
    QList<MutationResult> results;
    friend bool operator==(const PushResult &, const PushResult &) = default;
};
[[nodiscard]] QJsonObject encode(const PushResult &result);
[[nodiscard]] Result<PushResult> decodePushResult(const QJsonObject &json);

// ---- pull -----------------------------------------------------------------------------------------
// One change in the server's sequence: an entity as stored, or a tombstone.
struct Change
{
    qint64 seq = 0;
    bool deleted = false;
    QJsonObject entity; // not deleted: the entity in the wire format
    QString id;         // deleted: the entity's id and kind
    QString kind;
    friend bool operator==(const Change &, const Change &) = default;
};

struct PullPage
{
    QList<Change> changes;
    qint64 cursor = 0; // the sequence number to ask from next time
    bool hasMore = false; // absent on the wire: false
    friend bool operator==(const PullPage &, const PullPage &) = default;
};
[[nodiscard]] QJsonObject encode(const PullPage &page);
[[nodiscard]] Result<PullPage> decodePullPage(const QJsonObject &json);

// Writes a pull page as JSON text straight from each entity's stored JSON text, never parsing and
// encoding it again: the bytes equal QJsonDocument(encode(page)).toJson(Compact) when the stored
// text is itself compact QJsonDocument output.
class PullPageWriter
{
public:
    explicit PullPageWriter(qint64 cursor);
    void addEntity(qint64 seq, const QByteArray &storedJson);
    void addTombstone(qint64 seq, const QString &id, const QString &kind);
    [[nodiscard]] int count() const { return m_count; }
    // The page; the cursor is the last change's sequence number (or the one started from).
    [[nodiscard]] QByteArray finish(bool hasMore);

private:
    void separate(qint64 seq);

    QByteArray m_out;
    qint64 m_cursor;
    int m_count = 0;
};

} // namespace ledger::sync
