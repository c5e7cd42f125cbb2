// Reading and writing a ledger document through the wire format.
#include "ledger/ledgerfile.h"

#include "ledger/wire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ledger {

namespace {
template<class T, class Decode>
std::optional<FieldError> readList(const QJsonObject &root, const QString &key, Decode decode, Ledger &into)
{
    const QJsonValue v = root.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isArray())
        return FieldError{key, QStringLiteral("expected an array")};
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString path = key + u'[' + QString::number(i) + u']';
        if (!a.at(i).isObject())
            return FieldError{path, QStringLiteral("expected an object")};
        Result<T> r = decode(a.at(i).toObject());
        if (!r)
            return FieldError{path + u'.' + r.error().field, r.error().message};
        into.upsert(std::move(r).value());
    }
    return std::nullopt;
}
} // namespace

Result<LedgerDocument> readLedgerDocument(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return FieldError{QString(), QStringLiteral("not valid JSON at offset %1: %2").arg(err.offset).arg(err.errorString())};
    if (!doc.isObject())
        return FieldError{QString(), QStringLiteral("expected a JSON object at the top")};
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("v")).toInt() != 1)
        return FieldError{QStringLiteral("v"), QStringLiteral("expected ledger document version 1")};
    LedgerDocument out;
    out.schemeId = root.value(QStringLiteral("scheme")).toString();
    // Reference data first, records after: the order inside the file does not matter to scoring.
    if (auto e = readList<Enterprise>(root, QStringLiteral("enterprises"), wire::decodeEnterprise, out.ledger))
        return *e;
    if (auto e = readList<Person>(root, QStringLiteral("people"), wire::decodePerson, out.ledger))
        return *e;
    if (auto e = readList<Record>(root, QStringLiteral("records"), wire::decodeRecord, out.ledger))
        return *e;
    return out;
}

Result<LedgerDocument> readLedgerFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return FieldError{path, QStringLiteral("cannot be read: ") + f.errorString()};
    return readLedgerDocument(f.readAll());
}

QJsonObject toJson(const LedgerDocument &document)
{
    QJsonArray enterprises, people, records;
    for (const auto &e : document.ledger.enterprises())
        enterprises.append(wire::encode(e));
    for (const auto &p : document.ledger.people())
        people.append(wire::encode(p));
    for (const auto &r : document.ledger.records())
        records.append(wire::encode(r));
    return QJsonObject{{QStringLiteral("v"), 1}, {QStringLiteral("scheme"), document.schemeId},
                       {QStringLiteral("enterprises"), enterprises}, {QStringLiteral("people"), people},
                       {QStringLiteral("records"), records}};
}

} // namespace ledger
