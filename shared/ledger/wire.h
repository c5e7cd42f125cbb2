// The wire format: versioned JSON for every entity, encoded and decoded here and nowhere else.
// The app's outbox, the sync protocol, the server's database and the golden files all use it.
//
// Conventions (docs/wire-format.md has the full description):
//  - every record is an object {"v": 1, "kind": "visit", "id": "<uuid>", "credit": {...},
//    "review": {...}, "author": "<uuid>"|absent, ...its own fields in camelCase};
//  - dates "YYYY-MM-DD", instants "YYYY-MM-DDTHH:MM:SS[.zzz]Z" (UTC);
//  - money {"currency": "CNY"|"USD", "amount": "800000000.00"} with the amount a decimal string,
//    points a decimal string ("0.5"), so nothing exact ever passes through a double;
//  - an absent optional is omitted by the encoder; the decoder takes omitted or null alike;
//  - enums by their wire names (entities.h).
#pragma once

#include "ledger/entities.h"
#include "ledger/result.h"

#include <QJsonObject>

namespace ledger::wire {

inline constexpr int Version = 1;
inline constexpr qsizetype MaxNameLength = 200;   // names, titles, destinations, short fields
inline constexpr qsizetype MaxTextLength = 4000;  // notes, outcomes, intentions, reasons
inline constexpr qsizetype MaxListLength = 500;   // people, attachments, visits on a trip, …

[[nodiscard]] QJsonObject encode(const Record &record);
[[nodiscard]] QJsonObject encode(const Enterprise &enterprise);
[[nodiscard]] QJsonObject encode(const Person &person);

// Each decoder rejects bad input — a missing field, a wrong type, a negative amount, an unknown
// enum value, an impossible date, over-long text, a malformed credit code or id — with the first
// problem found, naming the field by its path ("checkIn.accuracyM", "evidence[2].sha256").
[[nodiscard]] Result<Record> decodeRecord(const QJsonObject &json);
[[nodiscard]] Result<Enterprise> decodeEnterprise(const QJsonObject &json);
[[nodiscard]] Result<Person> decodePerson(const QJsonObject &json);

// Helpers shared with other JSON readers (the scheme loader, the server's request bodies).
[[nodiscard]] QString encodeDate(const QDate &date);
[[nodiscard]] QString encodeInstant(const QDateTime &instant);
[[nodiscard]] QJsonObject encodeMoney(const Money &money);
// "string", "number", "null", … as JSON names its types: the values of ErrorCode::WrongType.
[[nodiscard]] QString jsonType(const QJsonValue &value);

} // namespace ledger::wire
