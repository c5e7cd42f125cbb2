// Reading a CSV file as Excel saves it: UTF-8 (with a BOM, as "CSV UTF-8" writes it, or without)
// or GB18030 (Excel's "CSV" on Chinese Windows, a superset of GBK), RFC 4180 quoting. Anything else
// is refused with an HttpError 422 on the field "file" that says what the bytes look like.
#pragma once

#include "sourcetable.h"

#include <QByteArray>

namespace syncserver {

enum class CsvEncoding { Utf8, Gb18030 };

struct CsvFile
{
    CsvEncoding encoding = CsvEncoding::Utf8;
    SourceTable table;
};

// Throws HttpError 422 (code "bad_encoding" or "bad_csv", field "file") naming the line at fault.
[[nodiscard]] CsvFile readCsv(const QByteArray &bytes);

// The text of bytes in the detected encoding; exposed for the tests of the detection.
[[nodiscard]] QString decodeCsvText(const QByteArray &bytes, CsvEncoding *detected = nullptr);

} // namespace syncserver
