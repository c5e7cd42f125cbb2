// Routes a Request to its handler by method and path pattern ("/api/v1/records/:id"), and turns
// every failure — HttpError, a database error, anything thrown — into the one JSON error format.
#pragma once

#include "http.h"

#include "ledger/errors.h"
#include "ledger/syncprotocol.h"

#include <functional>
#include <vector>

namespace syncserver {

using Handler = std::function<Response(const Request &)>;

class Router
{
public:
    void add(const QString &method, const QString &pattern, Handler handler);
    // Never throws: unknown routes are 404, wrong methods 405, exceptions 500 with a log line.
    [[nodiscard]] Response handle(Request request) const;
    // Every route as "METHOD /pattern", in the order added: the role matrix test holds a row for each.
    [[nodiscard]] QStringList routes() const;

private:
    struct Route
    {
        QString method;
        QStringList segments;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

// A refusal by a coded rule: the protocol's code and status, the rule's code and values in
// "detail" so the app words it in the person's language, and the field it names. An `extra`
// "retryAfter" (seconds) is also sent as the Retry-After header.
[[nodiscard]] HttpError refusal(ledger::sync::Code code, const ledger::FieldError &cause, const QJsonObject &extra = {});

} // namespace syncserver
