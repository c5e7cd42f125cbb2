// Problems in the person's language.
#include "errortext.h"

#include <QCoreApplication>

namespace mobile {

QString errorText(const ledger::FieldError &error)
{
    return ledger::message(error, [](const char *source) { return QCoreApplication::translate("ledger", source); });
}

QString errorText(const QJsonObject &error) { return errorText(ledger::fieldErrorFromJson(error)); }

} // namespace mobile
