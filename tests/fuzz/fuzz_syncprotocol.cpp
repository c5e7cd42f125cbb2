// libFuzzer target: the sync protocol decoder (shared/ledger/syncprotocol). Any bytes are parsed as
// JSON and given to every message decoder, then the version check gets them as its two headers.
// What a decoder accepts must encode to JSON that decodes to the same message.
#include "ledger/syncprotocol.h"

#include <QJsonDocument>

#include <cstdint>
#include <cstdlib>

namespace {

using namespace ledger;
using namespace ledger::sync;

template<class T, class Decode>
void roundTrip(const QJsonObject &json, Decode decode)
{
    const Result<T> first = decode(json);
    if (!first)
        return;
    const Result<T> again = decode(sync::encode(first.value()));
    if (!again || !(again.value() == first.value()))
        std::abort(); // the encoder wrote what the decoder will not read back as the same message
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype half = bytes.size() / 2;
    (void)checkVersions(bytes.first(half), bytes.sliced(half));

    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return 0;
    const QJsonObject json = doc.object();
    roundTrip<PushRequest>(json, decodePushRequest);
    roundTrip<PushResult>(json, decodePushResult);
    roundTrip<PullPage>(json, decodePullPage);
    roundTrip<Mutation>(json, [](const QJsonObject &o) { return decodeMutation(o); });
    roundTrip<MutationResult>(json, [](const QJsonObject &o) { return decodeMutationResult(o); });
    roundTrip<Error>(json, [](const QJsonObject &o) { return decodeError(o); });
    (void)exceedsPushLimit(json);
    return 0;
}
