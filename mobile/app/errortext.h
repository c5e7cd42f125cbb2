// A problem in the person's language: shared/'s error code and values through the one table of
// messages (ledger/errors.h), translated in its context "ledger". The app never matches words.
#pragma once

#include "ledger/errors.h"

#include <QJsonObject>
#include <QString>

namespace mobile {

[[nodiscard]] QString errorText(const ledger::FieldError &error);
// An error as the server sends it ({code, message, field, args}); one without a code keeps its words.
[[nodiscard]] QString errorText(const QJsonObject &error);

} // namespace mobile
