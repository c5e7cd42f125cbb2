// Calls of the server's API beside sync (scores, the reviewer's inbox and decisions) through the
// sync client's session: the answer's JSON on success, the server's error message otherwise.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>

#include <functional>

namespace mobile {

class SyncClient;
struct HttpResponse;

// The message of an API error answer ({"error": {"code", "message"}}).
[[nodiscard]] QString apiErrorMessage(const HttpResponse &response);

// `done` gets the body of a 200 answer; `failed` the server's message or why no answer came.
void apiRequest(SyncClient &sync, const QByteArray &method, const QString &path, const QUrlQuery &query, const QJsonObject &body,
                std::function<void(const QJsonObject &)> done, std::function<void(const QString &)> failed);

} // namespace mobile
