// The notice as a printable A4 PDF (Pango and Cairo: Chinese set in Noto CJK from fonts-noto-cjk, the
// fonts embedded as subsets so the file prints the same anywhere): the issuer's header and the
// number, the title, the opening, each section's paragraphs and tables (header row repeated on each
// page, 合计 rows in bold, long names wrapped), the issuer and date, and the footer lines.
#pragma once

#include "notice.h"

#include <QByteArray>

namespace syncserver {

// Throws std::runtime_error with Cairo's message when the document cannot be written.
[[nodiscard]] QByteArray toPdf(const Notice &notice);

} // namespace syncserver
