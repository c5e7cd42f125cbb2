// JSON text as RFC 8259 has it, read once for every request body: Qt's parser also takes raw
// control characters inside strings and nests 1,024 deep, so a body goes through parseObject()
// here, which refuses what the RFC refuses and what no field of ours ever holds, naming where.
#pragma once

#include "ledger/result.h"

#include <QByteArrayView>
#include <QJsonObject>

namespace ledger::json {

// Deeper than any message of the protocol (a push's record with its check-in's position is 6
// levels): more is an attack on the parser, not data.
inline constexpr int MaxDepth = 16;

// The text as one JSON object, or the first problem with the path where it is
// ("mutations[0].entity.name"):
//  - control_character (U+0000–U+001F raw inside a string, which RFC 8259 §7 forbids; and escaped
//    too, except \t, \n and \r: no text of ours holds a NUL or a bell, and a NUL cuts a cell short
//    in a spreadsheet);
//  - too_deep (objects and arrays nested deeper than maxDepth);
//  - not_json (the parser's offset and words), wrong_type when the document is not an object.
[[nodiscard]] Result<QJsonObject> parseObject(QByteArrayView text, int maxDepth = MaxDepth);

// "U+0001": how an error names a character that cannot be shown.
[[nodiscard]] QString codePoint(char32_t c);

} // namespace ledger::json
