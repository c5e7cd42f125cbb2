// Attachments: resumable uploads by content hash, their status, and downloads.
#include "routecontext.h"

#include <limits>

namespace syncserver {

void addAttachmentRoutes(RouteContext &c)
{
    c.router.add(QStringLiteral("PUT"), QStringLiteral("/api/v1/attachments/:sha"), c.authed([&c](const Request &r, const Session &s) {
        return Response::json(c.attachments.put(s, r.params.value(QStringLiteral("sha")),
                                                integerParam(r, QStringLiteral("offset"), 0, 0, std::numeric_limits<qint64>::max()),
                                                integerParam(r, QStringLiteral("size"), 0, 0, std::numeric_limits<qint64>::max()),
                                                r.header("content-type"), r.body));
    }));
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/attachments/:sha/status"), c.authed([&c](const Request &r, const Session &) {
        return Response::json(c.attachments.status(r.params.value(QStringLiteral("sha"))));
    }));
    // A proof file is read by those who may read a record citing it; for anyone else it does not
    // exist (404, as that unit's records are), so a hash tells them nothing.
    c.router.add(QStringLiteral("GET"), QStringLiteral("/api/v1/attachments/:sha"), c.authed([&c](const Request &r, const Session &s) {
        const QString sha = r.params.value(QStringLiteral("sha"));
        if (!ledger::AttachmentHash::parse(sha))
            throw refusal(ledger::sync::Code::Invalid, ledger::FieldError(QStringLiteral("sha"), ledger::ErrorCode::NotASha256));
        if (!c.sync.mayReadAttachment(s, sha))
            throw refusal(ledger::sync::Code::NotFound, ledger::FieldError(QStringLiteral("sha"), ledger::ErrorCode::NoSuchFile));
        auto [bytes, type] = c.attachments.get(sha);
        return Response::bytes(std::move(bytes), std::move(type));
    }));
}

} // namespace syncserver
