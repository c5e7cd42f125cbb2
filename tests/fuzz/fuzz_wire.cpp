// libFuzzer target: the wire decoder (shared/ledger/wire). Any bytes are parsed as JSON and given
// to every entity decoder. Beyond "no crash, no sanitizer report", what a decoder accepts must
// encode to JSON that decodes to the same entity (the outbox and the server store rely on it).
#include "ledger/wire.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

namespace {

template<class T, class Decode>
void roundTrip(const QJsonObject &json, Decode decode)
{
    const ledger::Result<T> first = decode(json);
    if (!first)
        return;
    const ledger::Result<T> again = decode(ledger::wire::encode(first.value()));
    if (!again || !(again.value() == first.value()))
        std::abort(); // the encoder wrote what the decoder will not read back as the same entity
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    const QJsonObject json = doc.object();
    roundTrip<ledger::Record>(json, ledger::wire::decodeRecord);
    roundTrip<ledger::Enterprise>(json, ledger::wire::decodeEnterprise);
    roundTrip<ledger::Person>(json, ledger::wire::decodePerson);
    return 0;
}
