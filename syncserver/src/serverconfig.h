// What the server is started with: where its data lives, which scheme it scores by, the account
// settings, the attachment limit and whether the meeting room's status page is public.
#pragma once

#include "accounts.h"

#include <QString>

namespace syncserver {

struct ServerConfig
{
    QString dataDir;
    QString schemeFile;            // empty: the 2023 scheme built into the library
    AccountSettings accounts;
    qint64 maxAttachmentBytes = 20 * 1024 * 1024;
    bool publicStatusPage = true;  // the meeting room's read-only page needs no sign-in
    QString auditKeyFile;          // the Ed25519 key signing audit checkpoints; empty: none signed
    QString checkpointLog;         // where signed checkpoints go; empty: <data>/audit-checkpoints.jsonl
};

} // namespace syncserver
