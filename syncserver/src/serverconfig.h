// What the server is started with: where its data lives, which scheme it scores by, the account
// settings, the attachment limit, whether the meeting room's status page is public, and which
// peers are trusted to say where a request came from.
#pragma once

#include "accounts.h"

#include <QString>
#include <QStringList>

namespace syncserver {

struct ServerConfig
{
    QString dataDir;
    QString schemeFile;            // empty: the 2023 scheme built into the library
    AccountSettings accounts;
    qint64 maxAttachmentBytes = 20 * 1024 * 1024;
    // The meeting room's /status page without sign-in, and then without people's names; off by
    // default, since the page shows who earned what.
    bool publicStatusPage = false;
    // Peers whose X-Real-IP header names the client (sign-in throttling per address). deploy/ puts
    // nginx on the same host, so loopback; a request from anyone else is taken at its own address.
    QStringList trustedProxies{QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    QString auditKeyFile;          // the Ed25519 key signing audit checkpoints; empty: none signed
    QString checkpointLog;         // where signed checkpoints go; empty: <data>/audit-checkpoints.jsonl
};

} // namespace syncserver
