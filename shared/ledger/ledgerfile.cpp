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
        return FieldError(key, ErrorCode::WrongType, {QStringLiteral("array"), wire::jsonType(v)});
    const QJsonArray a = v.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString path = key + u'[' + QString::number(i) + u']';
        if (!a.at(i).isObject())
            return FieldError(path, ErrorCode::WrongType, {QStringLiteral("object"), wire::jsonType(a.at(i))});
        Result<T> r = decode(a.at(i).toObject());
        if (!r) {
            FieldError e = r.error();
            e.field = path + u'.' + e.field;
            return e;
        }
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
        return FieldError({}, ErrorCode::NotJson, {QString::number(err.offset), err.errorString()});
    if (!doc.isObject())
        return FieldError({}, ErrorCode::WrongType, {QStringLiteral("object"), doc.isArray() ? QStringLiteral("array") : QStringLiteral("null")});
    const QJsonObject root = doc.object();
    const QJsonValue version = root.value(QStringLiteral("v"));
    if (version.isUndefined() || version.isNull())
        return FieldError(QStringLiteral("v"), ErrorCode::Missing);
    if (!version.isDouble())
        return FieldError(QStringLiteral("v"), ErrorCode::WrongType, {QStringLiteral("number"), wire::jsonType(version)});
    if (version.toDouble() != 1)
        return FieldError(QStringLiteral("v"), ErrorCode::UnsupportedVersion, {QString::number(version.toDouble()), QStringLiteral("1")});
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
        return FieldError(path, ErrorCode::Unreadable, {f.errorString()});
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
