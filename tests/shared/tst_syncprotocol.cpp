// The sync protocol's messages against the golden files in tests/data/sync/: the push request,
// push result and pull page decode and encode back to the same JSON, and every *.input.json decodes
// to the coded error its *.expected.json holds (ledger::toJson: code, message, field, args), whose
// code and field this test names for each case as well. The decoder is chosen by the name's
// start: "push-request", "push-result" or "pull-page". On a mismatch the test writes
// <name>.actual.json next to it: review it, and rename it when it is right.
// The server's tests (tst_api) and the app's (tst_syncclient) read the same files.
#include "ledger/syncprotocol.h"

#include "ledger/wire.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <tuple>

using namespace ledger;
using namespace ledger::sync;

namespace {

const QString DataDir = QStringLiteral(LEDGER_TEST_DATA "/sync");

[[nodiscard]] QJsonObject readObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (!doc.isObject())
        qFatal("%s is not a JSON object: %s", qPrintable(path), qPrintable(error.errorString()));
    return doc.object();
}

[[nodiscard]] QByteArray pretty(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Indented); }

// Compares with a golden object; on a mismatch writes <base>.actual.json for review.
void compareGolden(const QJsonObject &actual, const QJsonObject &expected, const QString &base)
{
    if (actual == expected)
        return;
    QFile out(base + QStringLiteral(".actual.json"));
    if (out.open(QIODevice::WriteOnly))
        out.write(pretty(actual));
    QCOMPARE(pretty(actual), pretty(expected));
}

// What the golden input decodes to: the canonical encoding, or {"error": ledger::toJson(error)}.
[[nodiscard]] QJsonObject outcomeFor(const QString &name, const QJsonObject &input)
{
    auto shape = [](const auto &decoded) -> QJsonObject {
        if (!decoded)
            return {{QStringLiteral("error"), toJson(decoded.error())}};
        return encode(decoded.value());
    };
    if (name.startsWith(u"push-request"))
        return shape(decodePushRequest(input));
    if (name.startsWith(u"push-result"))
        return shape(decodePushResult(input));
    if (name.startsWith(u"pull-page"))
        return shape(decodePullPage(input));
    qFatal("%s: the name must start with push-request, push-result or pull-page", qPrintable(name));
}

[[nodiscard]] Mutation upsert(qint64 n)
{
    Mutation m;
    m.n = n;
    m.entity = QJsonObject{{QStringLiteral("id"), RecordId::create().toString()}, {QStringLiteral("name"), QStringLiteral("企业")}};
    return m;
}

} // namespace

class TestSyncProtocol : public QObject
{
    Q_OBJECT
private slots:
    void goldenMessagesRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : {"push-request", "push-result", "pull-page", "push-request-invalid-entity", "push-result-invalid-entity"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void goldenMessagesRoundTrip()
    {
        QFETCH(QString, name);
        const QJsonObject golden = readObject(DataDir + u'/' + name + QStringLiteral(".json"));
        compareGolden(outcomeFor(name, golden), golden, DataDir + u'/' + name);
    }

    void goldenMessagesCarryWhatTheyShould()
    {
        const auto request = decodePushRequest(readObject(DataDir + QStringLiteral("/push-request.json")));
        QVERIFY2(request.ok(), qPrintable(request.ok() ? QString() : request.error().toString()));
        QCOMPARE(request.value().mutations.size(), 4);
        QCOMPARE(request.value().mutations[0].changed, std::optional<QStringList>(QStringList{QStringLiteral("source")}));
        QVERIFY(request.value().mutations[3].op == Op::Delete);
        QCOMPARE(request.value().mutations[3].entityId(), QStringLiteral("7a2b3c4d-5e6f-4a8b-9c0d-1e2f3a4b5c6d"));
        // Entities travel as wire JSON the wire decoder accepts.
        for (const Mutation &m : request.value().mutations)
            if (m.op == Op::Upsert)
                QVERIFY(wire::decodeRecord(m.entity).ok());

        const auto result = decodePushResult(readObject(DataDir + QStringLiteral("/push-result.json")));
        QVERIFY(result.ok());
        QCOMPARE(result.value().lastApplied, 4);
        QVERIFY(result.value().results[2].outcome() == Status::Rejected);
        QVERIFY(result.value().results[2].error->is(Code::Forbidden));
        QCOMPARE(result.value().results[2].error->field, QStringLiteral("entity.credit.unit"));
        // A rejection by the wire decoder carries the rule's code and values.
        const auto invalid = decodePushResult(readObject(DataDir + QStringLiteral("/push-result-invalid-entity.json")));
        QVERIFY(invalid.ok());
        QVERIFY(invalid.value().results[0].error->is(Code::Invalid));
        const auto detail = detailOf(*invalid.value().results[0].error);
        QVERIFY(detail);
        QCOMPARE(detail->code, ErrorCode::TooLong);
        QCOMPARE(detail->args, (QStringList{QStringLiteral("201"), QStringLiteral("200")}));
        QCOMPARE(detail->field, QStringLiteral("entity.enterpriseName"));
        const auto refused = decodePushRequest(readObject(DataDir + QStringLiteral("/push-request-invalid-entity.json")));
        QVERIFY(refused.ok()); // the protocol carries the entity; the wire decoder on the server refuses it
        const FieldError cause = wire::decodeRecord(refused.value().mutations[0].entity).error();
        QCOMPARE(cause.code, detail->code);
        QCOMPARE(cause.args, detail->args);
        QCOMPARE(QStringLiteral("entity.") + cause.field, detail->field);

        const auto page = decodePullPage(readObject(DataDir + QStringLiteral("/pull-page.json")));
        QVERIFY(page.ok());
        QCOMPARE(page.value().cursor, 43);
        QVERIFY(page.value().changes[2].deleted);
        QCOMPARE(page.value().changes[2].kind, QStringLiteral("lead"));
    }

    // Every error case on disk, with the code and field it must be refused with: a golden file
    // regenerated carelessly cannot change what the decoders promise.
    void badInputIsRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("field");
        const std::initializer_list<std::tuple<const char *, ErrorCode, const char *>> cases{
            {"pull-page-error-change-not-object", ErrorCode::WrongType, "changes[1]"},
            {"pull-page-error-changes-not-array", ErrorCode::WrongType, "changes"},
            {"pull-page-error-cursor-fraction", ErrorCode::NotWhole, "cursor"},
            {"pull-page-error-cursor-missing", ErrorCode::Missing, "cursor"},
            {"pull-page-error-deleted-text", ErrorCode::WrongType, "changes[0].deleted"},
            {"pull-page-error-entity-id-missing", ErrorCode::Missing, "changes[0].entity.id"},
            {"pull-page-error-entity-missing", ErrorCode::Missing, "changes[0].entity"},
            {"pull-page-error-has-more-text", ErrorCode::WrongType, "hasMore"},
            {"pull-page-error-seq-zero", ErrorCode::TooSmall, "changes[0].seq"},
            {"pull-page-error-tombstone-id-missing", ErrorCode::Missing, "changes[0].id"},
            {"pull-page-error-tombstone-kind-missing", ErrorCode::Missing, "changes[0].kind"},
            {"push-request-error-base-negative", ErrorCode::Negative, "mutations[0].baseVersion"},
            {"push-request-error-base-text", ErrorCode::WrongType, "mutations[0].baseVersion"},
            {"push-request-error-changed-not-array", ErrorCode::WrongType, "mutations[0].changed"},
            {"push-request-error-changed-number", ErrorCode::WrongType, "mutations[1].changed[1]"},
            {"push-request-error-delete-bad-id", ErrorCode::NotAnId, "mutations[0].id"},
            // One spelling of an id: an upper-cased one named nothing and was answered "applied".
            {"push-request-error-delete-uppercase-id", ErrorCode::NotAnId, "mutations[0].id"},
            {"push-request-error-delete-without-id", ErrorCode::DeleteWithoutId, "mutations[0].id"},
            {"push-request-error-device-missing", ErrorCode::Missing, "device"},
            {"push-request-error-device-number", ErrorCode::WrongType, "device"},
            {"push-request-error-mutation-not-object", ErrorCode::WrongType, "mutations[1]"},
            {"push-request-error-mutations-not-array", ErrorCode::WrongType, "mutations"},
            {"push-request-error-n-fraction", ErrorCode::NotWhole, "mutations[0].n"},
            {"push-request-error-n-text", ErrorCode::WrongType, "mutations[0].n"},
            {"push-request-error-n-zero", ErrorCode::TooSmall, "mutations[0].n"},
            {"push-request-error-op-missing", ErrorCode::Missing, "mutations[0].op"},
            {"push-request-error-op-unknown", ErrorCode::UnknownValue, "mutations[0].op"},
            {"push-request-error-upsert-without-entity", ErrorCode::UpsertWithoutEntity, "mutations[0].entity"},
            {"push-result-error-applied-without-id", ErrorCode::AppliedWithoutId, "results[0].id"},
            {"push-result-error-conflicts-not-array", ErrorCode::WrongType, "results[0].conflicts"},
            {"push-result-error-count-over-results", ErrorCode::CountOverResults, "applied"},
            {"push-result-error-error-code-missing", ErrorCode::Missing, "results[0].error.code"},
            {"push-result-error-error-not-object", ErrorCode::WrongType, "results[0].error"},
            {"push-result-error-last-applied-negative", ErrorCode::Negative, "lastApplied"},
            {"push-result-error-n-missing", ErrorCode::Missing, "results[0].n"},
            {"push-result-error-original-unknown", ErrorCode::UnknownValue, "results[0].original"},
            {"push-result-error-rejected-without-error", ErrorCode::RejectedWithoutReason, "results[0].error"},
            {"push-result-error-result-not-object", ErrorCode::WrongType, "results[0]"},
            {"push-result-error-results-missing", ErrorCode::Missing, "results"},
            {"push-result-error-skipped-without-original", ErrorCode::SkippedWithoutOriginal, "results[0].original"},
            {"push-result-error-status-unknown", ErrorCode::UnknownValue, "results[0].status"},
            {"push-result-error-version-text", ErrorCode::WrongType, "results[0].version"},
        };
        const QString suffix = QStringLiteral(".input.json");
        QStringList onDisk;
        for (const QString &file : QDir(DataDir).entryList({u'*' + suffix}, QDir::Files, QDir::Name))
            onDisk << file.chopped(suffix.size());
        QStringList listed;
        for (const auto &[name, code, field] : cases) {
            listed << QString::fromLatin1(name);
            QTest::newRow(name) << QString::fromLatin1(name) << code << QString::fromLatin1(field);
        }
        QCOMPARE(listed, onDisk); // every case on disk is named here, and none is named that is not there
    }
    void badInputIsRefusedNamingTheField()
    {
        QFETCH(QString, name);
        QFETCH(ErrorCode, code);
        QFETCH(QString, field);
        const QString base = DataDir + u'/' + name;
        const QJsonObject actual = outcomeFor(name, readObject(base + QStringLiteral(".input.json")));
        QVERIFY2(actual.contains(QStringLiteral("error")), "an error case must be refused");
        const FieldError error = fieldErrorFromJson(actual.value(QStringLiteral("error")).toObject());
        QCOMPARE(codeName(error.code), codeName(code));
        QCOMPARE(error.field, field);
        QCOMPARE(error.args.size(), argCount(code)); // every value its words name is there
        const QString expected = base + QStringLiteral(".expected.json");
        compareGolden(actual, QFile::exists(expected) ? readObject(expected) : QJsonObject(), base);
    }

    // A rejection caused by a rule's coded error carries that code and its values in "detail",
    // beside the protocol's own code, and reads back to the same error.
    void aRejectionKeepsTheCodedCause()
    {
        const FieldError cause(QStringLiteral("name"), ErrorCode::TooLong, {QStringLiteral("201"), QStringLiteral("200")});
        const Error e = makeError(Code::Invalid, cause, QStringLiteral("entity"));
        QVERIFY(e.is(Code::Invalid));
        QCOMPARE(e.field, QStringLiteral("entity.name"));
        QCOMPARE(e.message, cause.message);
        const QJsonObject json = encode(e);
        QCOMPARE(json.value(QStringLiteral("detail")).toObject(),
                 (QJsonObject{{QStringLiteral("code"), QStringLiteral("too_long")}, {QStringLiteral("args"), QJsonArray{QStringLiteral("201"), QStringLiteral("200")}}}));
        const Error back = decodeError(json).value();
        QCOMPARE(back, e);
        const auto detail = detailOf(back);
        QVERIFY(detail);
        QCOMPARE(detail->code, ErrorCode::TooLong);
        QCOMPARE(detail->args, cause.args);
        QCOMPARE(detail->field, QStringLiteral("entity.name"));
        // A cause without a field names the prefix; without args, "args" is left out.
        const Error noField = makeError(Code::Invalid, FieldError({}, ErrorCode::Missing), QStringLiteral("entity"));
        QCOMPARE(noField.field, QStringLiteral("entity"));
        QVERIFY(!encode(noField).value(QStringLiteral("detail")).toObject().contains(QStringLiteral("args")));
        // Without a detail, or with a code this build does not know, there is only the message.
        QVERIFY(!detailOf(makeError(Code::Forbidden, QStringLiteral("no"))));
        QVERIFY(!detailOf(makeError(Code::Invalid, QStringLiteral("?"), {}, {{QStringLiteral("detail"), QJsonObject{{QStringLiteral("code"), QStringLiteral("from_the_future")}}}})));
    }

    void aPushHoldsAtMostTheLimit()
    {
        PushRequest r{RecordId::create().toString(), {}};
        for (int i = 1; i <= MaxMutationsPerPush; ++i)
            r.mutations << upsert(i);
        QJsonObject json = encode(r);
        QVERIFY(!exceedsPushLimit(json));
        QCOMPARE(decodePushRequest(json).value(), r);
        r.mutations << upsert(MaxMutationsPerPush + 1);
        json = encode(r);
        QVERIFY(exceedsPushLimit(json));
        QCOMPARE(decodePushRequest(json).error().field, QStringLiteral("mutations"));
    }

    void theEnvelopeAroundEncodedMutationsIsTheSame()
    {
        PushRequest r{RecordId::create().toString(), {upsert(1), upsert(2)}};
        QJsonArray encoded;
        for (const Mutation &m : r.mutations)
            encoded.append(encode(m));
        QCOMPARE(encodePushRequest(r.device, encoded), encode(r));
    }

    void aMutationWithoutChangedMeansEveryField()
    {
        Mutation m = upsert(3);
        QVERIFY(!encode(m).contains(QStringLiteral("changed")));
        QVERIFY(!decodeMutation(encode(m)).value().changed);
        m.changed = QStringList{};
        QCOMPARE(encode(m).value(QStringLiteral("changed")), QJsonValue(QJsonArray{}));
        QCOMPARE(decodeMutation(encode(m)).value().changed, std::optional<QStringList>(QStringList{}));
        // Absent baseVersion is a new entity's 0.
        QJsonObject json = encode(m);
        json.remove(QStringLiteral("baseVersion"));
        QCOMPARE(decodeMutation(json).value().baseVersion, 0);
    }

    void aRetryIsAnsweredAsSkippedWithTheFirstAnswer()
    {
        const MutationResult first{7, Status::Rejected, {}, QStringLiteral("x"), {}, {},
                                   makeError(Code::Revoked, QStringLiteral("a record revoked as false cannot be changed"), QStringLiteral("entity.id"))};
        const MutationResult again = asSkipped(first);
        QVERIFY(again.status == Status::Skipped);
        QVERIFY(again.outcome() == Status::Rejected);
        const QJsonObject json = encode(again);
        QCOMPARE(json.value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
        QCOMPARE(json.value(QStringLiteral("original")).toString(), QStringLiteral("rejected"));
        QCOMPARE(decodeMutationResult(json).value(), again);
    }

    void countsAreTakenFromTheResultsWhenAbsent()
    {
        QJsonObject json = readObject(DataDir + QStringLiteral("/push-result.json"));
        const PushResult full = decodePushResult(json).value();
        for (const char *key : {"lastApplied", "applied", "skipped", "rejected"})
            json.remove(QString::fromLatin1(key));
        QCOMPARE(decodePushResult(json).value(), full);
    }

    void aPageWithoutHasMoreIsTheLast()
    {
        QJsonObject json = readObject(DataDir + QStringLiteral("/pull-page.json"));
        json.insert(QStringLiteral("hasMore"), true);
        QVERIFY(decodePullPage(json).value().hasMore);
        json.remove(QStringLiteral("hasMore"));
        QVERIFY(!decodePullPage(json).value().hasMore);
    }

    void thePullPageWriterWritesWhatTheEncoderWould()
    {
        const PullPage page = decodePullPage(readObject(DataDir + QStringLiteral("/pull-page.json"))).value();
        PullPageWriter writer(40);
        for (const Change &c : page.changes) {
            if (c.deleted)
                writer.addTombstone(c.seq, c.id, c.kind);
            else
                writer.addEntity(c.seq, QJsonDocument(c.entity).toJson(QJsonDocument::Compact));
        }
        QCOMPARE(writer.count(), 3);
        QCOMPARE(writer.finish(page.hasMore), QJsonDocument(encode(page)).toJson(QJsonDocument::Compact));
        // An empty page keeps the cursor it started from.
        PullPageWriter empty(17);
        QCOMPARE(empty.finish(false), QJsonDocument(encode(PullPage{{}, 17, false})).toJson(QJsonDocument::Compact));
        PullPageWriter more(0);
        more.addTombstone(5, QStringLiteral("a"), QStringLiteral("lead"));
        QCOMPARE(decodePullPage(QJsonDocument::fromJson(more.finish(true)).object()).value(),
                 (PullPage{{Change{5, true, {}, QStringLiteral("a"), QStringLiteral("lead")}}, 5, true}));
    }

    void versionsAreChecked_data()
    {
        QTest::addColumn<QByteArray>("protocol");
        QTest::addColumn<QByteArray>("schema");
        QTest::addColumn<QString>("code"); // empty: accepted
        QTest::newRow("current") << QByteArray::number(ProtocolVersion) << QByteArray::number(wire::Version) << QString();
        QTest::newRow("none") << QByteArray() << QByteArray() << QStringLiteral("upgrade_required");
        QTest::newRow("no schema") << QByteArray::number(ProtocolVersion) << QByteArray() << QStringLiteral("upgrade_required");
        QTest::newRow("not a number") << QByteArray("one") << QByteArray::number(wire::Version) << QStringLiteral("upgrade_required");
        QTest::newRow("older protocol") << QByteArray::number(ProtocolVersion - 1) << QByteArray::number(wire::Version) << QStringLiteral("upgrade_required");
        QTest::newRow("older schema") << QByteArray::number(ProtocolVersion) << QByteArray::number(wire::Version - 1) << QStringLiteral("upgrade_required");
        QTest::newRow("newer protocol") << QByteArray::number(ProtocolVersion + 1) << QByteArray::number(wire::Version) << QStringLiteral("server_too_old");
        QTest::newRow("newer schema") << QByteArray::number(ProtocolVersion) << QByteArray::number(wire::Version + 1) << QStringLiteral("server_too_old");
    }
    void versionsAreChecked()
    {
        QFETCH(QByteArray, protocol);
        QFETCH(QByteArray, schema);
        QFETCH(QString, code);
        const auto refused = checkVersions(protocol, schema);
        QCOMPARE(refused ? refused->code : QString(), code);
        if (refused) {
            QVERIFY(!refused->message.isEmpty());
            QCOMPARE(httpStatus(*refused), code == u"upgrade_required" ? 426 : 400);
        }
    }

    void theServerOwnsTheseFields()
    {
        const QStringList owned = serverOwnedFields();
        QCOMPARE(owned, (QStringList{QStringLiteral("v"), QStringLiteral("kind"), QStringLiteral("id"), QStringLiteral("review"), QStringLiteral("author"),
                                     QStringLiteral("claim")})); // claim: one project, one credit (duplicates.h)
        for (const QString &f : owned)
            QVERIFY(isServerOwned(f));
        for (const char *f : {"source", "credit", "intention", "reviewer", "authorName", ""})
            QVERIFY(!isServerOwned(QString::fromLatin1(f)));
    }

    void errorCodesHaveOneWireNameEach()
    {
        QSet<QString> names;
        for (int i = int(Code::Invalid); i <= int(Code::HashMismatch); ++i) {
            const auto code = Code(i);
            const QString name = toString(code);
            QVERIFY2(!names.contains(name), qPrintable(name));
            names.insert(name);
            QCOMPARE(errorCodeFromString(name), std::optional<Code>(code));
            QVERIFY(httpStatus(code) >= 400 && httpStatus(code) < 500);
        }
        QCOMPARE(httpStatus(Code::Gap), 409);
        QCOMPARE(httpStatus(Code::TooMany), 413);
        QCOMPARE(httpStatus(Code::UpgradeRequired), 426);
        QVERIFY(!errorCodeFromString(u"no_such_code"));
        // A newer server's code passes through, and counts as a bad request.
        const Error future{QStringLiteral("no_such_code"), QStringLiteral("?"), {}, {}};
        QCOMPARE(httpStatus(future), 400);
        QCOMPARE(decodeError(encode(future)).value(), future);
    }

    void anErrorKeepsItsExtraMembers()
    {
        const Error gap = makeError(Code::Gap, QStringLiteral("send from 12"), QStringLiteral("mutations"), {{QStringLiteral("expected"), 12}});
        const QJsonObject json = encode(gap);
        QCOMPARE(json.value(QStringLiteral("expected")).toInteger(), 12);
        QCOMPARE(json.value(QStringLiteral("code")).toString(), QStringLiteral("gap"));
        QCOMPARE(decodeError(json).value(), gap);
        QVERIFY(decodeError(json).value().is(Code::Gap));
        // Without a field, "field" is null, as in every error the server sends.
        QVERIFY(encode(makeError(Code::Forbidden, QStringLiteral("no"))).value(QStringLiteral("field")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestSyncProtocol)
#include "tst_syncprotocol.moc"
