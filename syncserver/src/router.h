// Routes a Request to its handler by method and path pattern ("/api/v1/records/:id"), and turns
// every failure — HttpError, a database error, anything thrown — into the one JSON error format.
#pragma once

#include "http.h"

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

private:
    struct Route
    {
        QString method;
        QStringList segments;
        Handler handler;
    };
    std::vector<Route> m_routes;
};

} // namespace syncserver
