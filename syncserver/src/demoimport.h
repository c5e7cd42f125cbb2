// Loading the demo year (demo.h) into a server's ledger: accounts for its people, its records
// as entities with audit entries, and its evidence as real (small) PDF files.
#pragma once

#include "api.h"

namespace syncserver {

struct DemoImport
{
    int records = 0;
    int enterprises = 0;
    int people = 0;
    int attachments = 0;
    QStringList logins;
};

// Refuses (HttpError 409) a ledger that already holds records.
DemoImport importDemo(Server &server, quint32 seed, const QString &password);

// A small, valid one-page PDF naming the document, so every attachment of the demo opens.
[[nodiscard]] QByteArray demoPdf(const QString &title);

} // namespace syncserver
