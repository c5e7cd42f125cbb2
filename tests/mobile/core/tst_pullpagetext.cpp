// Pull pages applied from the server's text (PullPageText, LocalStore::applyPullText): decoded as
// decodePullPage decodes the parsed page and refused alike, each entity's text found exactly, the
// same rows as the parsed path leaves, the person's pending edits, deletes and refusals kept over a
// page, one signal per page, and a process killed inside a page's transaction leaving the pages
// before it and their cursor, nothing of its own.
#include "localstore.h"
#include "pullpagetext.h"
#include "storetesting.h"
#include "testentities.h"

#include "ledger/syncprotocol.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace mobile;
using namespace mobile::test;

namespace {

QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

// A page as the server writes it (its PullPageWriter over stored canonical texts).
class Page
{
public:
    explicit Page(qint64 from) : m_writer(from) {}
    Page &entity(qint64 seq, const QJsonObject &e)
    {
        m_writer.addEntity(seq, compact(e));
        return *this;
    }
    Page &tombstone(qint64 seq, const QString &id, const QString &kind)
    {
        m_writer.addTombstone(seq, id, kind);
        return *this;
    }
    QByteArray text(bool hasMore = false) { return m_writer.finish(hasMore); }

private:
    ledger::sync::PullPageWriter m_writer;
};

const QJsonObject PersonJson{{QStringLiteral("v"), 1},
                             {QStringLiteral("id"), Person},
                             {QStringLiteral("name"), QStringLiteral("孙丽")},
                             {QStringLiteral("unit"), Pgo},
                             {QStringLiteral("roles"), QJsonArray{QStringLiteral("staff")}},
                             {QStringLiteral("active"), true}};

// Every row of the entities table, as text, ordered by id: what two stores are compared by.
QStringList rows(const QString &dir)
{
    ledger::Database db = ledger::Database::open(LocalStore::databaseFile(dir), ledger::Database::OpenMode::ReadWrite);
    ledger::Statement s = db.prepare(QStringLiteral(
        "SELECT id, kind, json, server_version, local_changes, deleted, coalesce(rejected_reason, '<null>') FROM entities ORDER BY id"));
    QStringList out;
    while (s.step())
        out << QStringList{s.columnText(0), s.columnText(1), s.columnText(2), s.columnText(3), s.columnText(4), s.columnText(5), s.columnText(6)}.join(u'|');
    return out;
}

// The text decodes to what decodePullPage makes of the parsed page: the same changes, each entity's
// text the entity, and its kind and review state read from it. Empty when it does.
QString differenceFromParsed(const QByteArray &text)
{
    const auto decoded = PullPageText::decode(text);
    const auto parsed = ledger::sync::decodePullPage(QJsonDocument::fromJson(text).object());
    if (!decoded || !parsed)
        return QStringLiteral("refused: %1 / %2").arg(decoded ? QString() : decoded.error().toString(), parsed ? QString() : parsed.error().toString());
    const PullPageText &page = decoded.value();
    if (page.cursor() != parsed.value().cursor || page.hasMore() != parsed.value().hasMore || page.changes().size() != parsed.value().changes.size())
        return QStringLiteral("cursor, hasMore or count");
    for (qsizetype i = 0; i < page.changes().size(); ++i) {
        const PullPageText::Change &c = page.changes().at(i);
        const ledger::sync::Change &p = parsed.value().changes.at(i);
        const QJsonObject review = p.entity.value(u"review").toObject();
        const bool returned = review.value(u"state").toString() == u"returned";
        if (c.seq != p.seq || c.deleted != p.deleted)
            return QStringLiteral("change %1: seq or deleted").arg(i);
        if (p.deleted ? (c.id != p.id || c.kind != p.kind || !c.text.isEmpty())
                      : (c.id != p.entity.value(u"id").toString() || c.kind != p.entity.value(u"kind").toString(p.entity.contains(u"roles") ? QStringLiteral("person") : QStringLiteral("enterprise"))
                         || QJsonDocument::fromJson(c.text.toByteArray()).object() != p.entity || c.returned != returned
                         || c.creditUnit != (returned ? p.entity.value(u"credit").toObject().value(u"unit").toString() : QString())))
            return QStringLiteral("change %1: %2 %3").arg(i).arg(c.id, c.kind);
    }
    return {};
}

QByteArray storedJson(const QString &dir, const QString &id)
{
    ledger::Database db = ledger::Database::open(LocalStore::databaseFile(dir), ledger::Database::OpenMode::ReadWrite);
    ledger::Statement s = db.prepare(QStringLiteral("SELECT json FROM entities WHERE id = ?"));
    s.bind(1, id);
    return s.step() ? s.columnBlob(0) : QByteArray();
}

} // namespace

class TestPullPageText : public QObject
{
    Q_OBJECT

private slots:
    void decodesAsTheParsedPageAndFindsEachEntitysText()
    {
        // Text that is hard to walk: braces, brackets, quotes and backslashes inside strings.
        const QJsonObject tricky = asServer(with(aLead(QStringLiteral("括号}]{\"引号\"\\ 公司")), QStringLiteral("intention"), QStringLiteral("[{\\\"}")));
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料"));
        const QString goneId = test::newId();
        const QByteArray text = Page(10).entity(11, tricky).tombstone(12, goneId, QStringLiteral("lead")).entity(13, enterprise).entity(14, PersonJson).text(true);

        QCOMPARE(differenceFromParsed(text), QString());
        const auto decoded = PullPageText::decode(text);
        QCOMPARE(decoded.value().cursor(), 14);
        QVERIFY(decoded.value().hasMore());
        QCOMPARE(decoded.value().changes().at(0).text.toByteArray(), compact(tricky));
        QCOMPARE(decoded.value().changes().at(1).id, goneId);
        QVERIFY(decoded.value().changes().at(1).text.isEmpty());
        QCOMPARE(decoded.value().changes().at(2).text.toByteArray(), compact(enterprise));
        QCOMPARE(decoded.value().changes().at(2).kind, QStringLiteral("enterprise"));
        QCOMPARE(decoded.value().changes().at(3).text.toByteArray(), compact(PersonJson));
        QCOMPARE(decoded.value().changes().at(3).kind, QStringLiteral("person"));

        // Not as PullPageWriter writes it: white space everywhere, members in another order,
        // "hasMore" absent, a member the protocol does not have; then the same with an escaped
        // key, a fraction for a whole number, and an escape in the review state, which are read
        // by parsing the page.
        const QByteArray spaced = "{ \"cursor\" : 9 ,\n \"changes\" : [ { \"seq\" : 8 , \"entity\" :\t" + compact(enterprise)
                                  + " } , {\"deleted\":true,\"id\":\"" + goneId.toUtf8() + "\",\"kind\":\"lead\",\"seq\":9} ] , \"extra\" : [1, -2.5e3, null, {\"a\": \"}\"}] }";
        QCOMPARE(differenceFromParsed(spaced), QString());
        QCOMPARE(PullPageText::decode(spaced).value().changes().at(0).text.toByteArray(), compact(enterprise));
        QVERIFY(!PullPageText::decode(spaced).value().hasMore());
        QByteArray escapedKey = spaced;
        escapedKey.replace("\"entity\"", "\"\\u0065ntity\"");
        QCOMPARE(differenceFromParsed(escapedKey), QString());
        QCOMPARE(PullPageText::decode(escapedKey).value().changes().at(0).text.toByteArray(), compact(enterprise));
        QByteArray fraction = spaced;
        fraction.replace("\"seq\" : 8", "\"seq\" : 8.0");
        QCOMPARE(differenceFromParsed(fraction), QString());
        const QJsonObject returned = asServer(aLead(), QStringLiteral("returned"), QStringLiteral("补充材料"));
        QByteArray escapedState = Page(0).entity(1, returned).text();
        escapedState.replace("\"returned\"", "\"r\\u0065turned\"");
        QCOMPARE(differenceFromParsed(escapedState), QString());
        QVERIFY(PullPageText::decode(escapedState).value().changes().at(0).returned);
        QCOMPARE(PullPageText::decode(escapedState).value().changes().at(0).creditUnit, Pgo);

        const auto empty = PullPageText::decode("{\"changes\":[],\"cursor\":3}");
        QVERIFY(empty);
        QCOMPARE(empty.value().changes().size(), 0);
        QCOMPARE(empty.value().cursor(), 3);
    }

    void refusesByFieldAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("field");
        const QByteArray lead = compact(asServer(aLead()));
        const QByteArray noId = compact(QJsonObject{{QStringLiteral("name"), QStringLiteral("无编号")}});
        QTest::newRow("not JSON") << QByteArray("{\"changes\":[") << QStringLiteral("changes");
        QTest::newRow("not an object") << QByteArray("[1,2]") << QStringLiteral("changes");
        QTest::newRow("changes not a list") << QByteArray("{\"changes\":3,\"cursor\":99}") << QStringLiteral("changes");
        QTest::newRow("no cursor") << QByteArray("{\"changes\":[]}") << QStringLiteral("cursor");
        QTest::newRow("seq missing") << QByteArray("{\"changes\":[{\"entity\":" + lead + "}],\"cursor\":9}") << QStringLiteral("changes[0].seq");
        QTest::newRow("entity without id") << QByteArray("{\"changes\":[{\"entity\":" + noId + ",\"seq\":9}],\"cursor\":9}") << QStringLiteral("changes[0].entity.id");
        QTest::newRow("entity named twice") << QByteArray("{\"changes\":[{\"entity\":" + lead + ",\"entity\":" + lead + ",\"seq\":9}],\"cursor\":9}")
                                            << QStringLiteral("changes[0].entity");
        QTest::newRow("seq below 1") << QByteArray("{\"changes\":[{\"entity\":" + lead + ",\"seq\":0}],\"cursor\":9}") << QStringLiteral("changes[0].seq");
        QTest::newRow("hasMore not true or false") << QByteArray("{\"changes\":[],\"cursor\":9,\"hasMore\":null}") << QStringLiteral("hasMore");
        QTest::newRow("tombstone without kind") << QByteArray("{\"changes\":[{\"deleted\":true,\"id\":\"x\",\"seq\":9}],\"cursor\":9}") << QStringLiteral("changes[0].kind");
        QTest::newRow("entity not an object") << QByteArray("{\"changes\":[{\"entity\":[],\"seq\":9}],\"cursor\":9}") << QStringLiteral("changes[0].entity");
        QTest::newRow("broken inside an entity") << QByteArray("{\"changes\":[{\"entity\":{\"id\":\"x\",\"n\":01},\"seq\":9}],\"cursor\":9}") << QStringLiteral("changes");
        QTest::newRow("text after the page") << QByteArray("{\"changes\":[],\"cursor\":9} x") << QStringLiteral("changes");
        QTest::newRow("changes named twice") << QByteArray("{\"changes\":[],\"changes\":[{\"entity\":" + lead + ",\"seq\":9}],\"cursor\":9}")
                                             << QStringLiteral("changes");
    }
    void refusesByFieldAndChangesNothing()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, field);
        QTemporaryDir dir;
        LocalStore store(dir.path());
        const QJsonObject lead = asServer(aLead());
        QVERIFY(store.applyPullText(Page(0).entity(5, lead).text()));
        QSignalSpy changed(&store, &LocalStore::changed);
        const QStringList before = rows(dir.path());

        const auto refused = store.applyPullText(text);
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, field);
        QVERIFY(!refused.error().message.isEmpty());
        QCOMPARE(store.pullCursor(), 5);
        QCOMPARE(rows(dir.path()), before);
        QCOMPARE(changed.count(), 0);
    }

    void leavesTheRowsTheParsedPathLeavesWithTheServersText()
    {
        QTemporaryDir parsedDir, textDir;
        LocalStore parsed(parsedDir.path());
        LocalStore text(textDir.path());
        const QJsonObject l1 = asServer(aLead(QStringLiteral("一号")));
        const QJsonObject returned = asServer(aLead(QStringLiteral("退回的")), QStringLiteral("returned"), QStringLiteral("请补充投资意向书"));
        const QJsonObject foreign = asServer(test::lead(QStringLiteral("ISB"), Person, QStringLiteral("外单位退回的")), QStringLiteral("returned"), QStringLiteral("缺少材料"));
        const QJsonObject enterprise = test::enterprise(QStringLiteral("豫北新材料"));
        const QByteArray page = Page(0).entity(1, enterprise).entity(2, l1).entity(3, returned).entity(4, foreign).entity(5, PersonJson).text();

        QVERIFY(!parsed.applyPull(QJsonDocument::fromJson(page).object()));
        QSignalSpy kinds(&text, &LocalStore::entitiesChanged);
        const auto applied = text.applyPullText(page);
        QVERIFY(applied);
        QCOMPARE(applied.value().cursor, 5);
        QVERIFY(!applied.value().hasMore);
        QCOMPARE(applied.value().changes, 5);
        QCOMPARE(applied.value().returnedByUnit, (QHash<QString, int>{{Pgo, 1}, {QStringLiteral("ISB"), 1}}));
        // The lists hear of the page once, with every kind it touched.
        QCOMPARE(kinds.count(), 1);
        QStringList touched = kinds.first().first().toStringList();
        touched.sort();
        QCOMPARE(touched, (QStringList{QStringLiteral("enterprise"), QStringLiteral("lead"), QStringLiteral("person")}));

        QCOMPARE(rows(textDir.path()), rows(parsedDir.path()));
        QCOMPARE(storedJson(textDir.path(), idOf(returned)), compact(returned)); // byte for byte as sent
        QCOMPARE(text.pullCursor(), parsed.pullCursor());
        QCOMPARE(text.records().size(), parsed.records().size());
        QCOMPARE(text.entity(idOf(l1))->serverVersion, 2);
        QCOMPARE(inconsistency(textDir.path()), QString());
    }

    void keepsPendingEditsDeletesAndRefusalsOverAPage()
    {
        // The same history on two stores, pages applied parsed on one and as text on the other:
        // they must end with the same rows, and the person's work must be there.
        QTemporaryDir parsedDir, textDir;
        LocalStore parsed(parsedDir.path());
        LocalStore text(textDir.path());
        const QJsonObject l1 = asServer(aLead(QStringLiteral("一号")));
        const QJsonObject l2 = asServer(aLead(QStringLiteral("二号")));
        const QJsonObject l3 = asServer(aLead(QStringLiteral("三号")));
        const QJsonObject l4 = asServer(aLead(QStringLiteral("四号")));
        const QByteArray first = Page(0).entity(1, l1).entity(2, l2).entity(3, l3).entity(4, l4).text();
        QJsonObject serverL1 = with(with(l1, QStringLiteral("intention"), QStringLiteral("服务器的意向")), QStringLiteral("source"), QStringLiteral("服务器的来源"));
        serverL1 = asServer(serverL1, QStringLiteral("returned"), QStringLiteral("请补充投资意向书"));
        const QJsonObject serverL2 = with(l2, QStringLiteral("source"), QStringLiteral("服务器改了已删的"));
        const QJsonObject serverL3 = with(l3, QStringLiteral("source"), QStringLiteral("服务器改了被拒的"));
        const QByteArray second = Page(4).entity(5, serverL1).entity(6, serverL2).entity(7, serverL3).tombstone(8, idOf(l4), QStringLiteral("lead")).text();
        const QByteArray third = Page(8).tombstone(9, idOf(l1), QStringLiteral("lead")).tombstone(10, idOf(l2), QStringLiteral("lead")).text();

        const auto history = [&](LocalStore &store, const std::function<void(const QByteArray &)> &apply) {
            apply(first);
            QVERIFY(!store.save(with(l1, QStringLiteral("intention"), QStringLiteral("本机的意向")))); // 1
            QVERIFY(!store.remove(idOf(l2)));                                                           // 2
            QVERIFY(!store.save(with(l3, QStringLiteral("intention"), QStringLiteral("被拒的修改"))));    // 3
            QVERIFY(!store.markAttempted({3}));
            QVERIFY(!store.markPushed(pushAnswer({rejected(3, idOf(l3), QStringLiteral("forbidden"), QStringLiteral("not yours"))})));
            apply(second);
            apply(third);
        };
        history(parsed, [&](const QByteArray &page) { QVERIFY(!parsed.applyPull(QJsonDocument::fromJson(page).object())); });
        QSignalSpy changed(&text, &LocalStore::changed);
        history(text, [&](const QByteArray &page) { QVERIFY(text.applyPullText(page)); });

        QCOMPARE(rows(textDir.path()), rows(parsedDir.path()));
        // The edit of l1 stays over the server's copy, the rest of it is the server's; its
        // tombstone leaves it, since the edit waits.
        const LocalEntity merged = *text.entity(idOf(l1));
        QCOMPARE(merged.json.value(u"intention").toString(), QStringLiteral("本机的意向"));
        QCOMPARE(merged.json.value(u"source").toString(), QStringLiteral("服务器的来源"));
        QCOMPARE(merged.json.value(u"review").toObject().value(u"reason").toString(), QStringLiteral("请补充投资意向书"));
        QCOMPARE(merged.serverVersion, 5);
        QVERIFY(merged.localChanges);
        // l2 stays deleted here, its delete still queued; l3 takes the server's copy and keeps the
        // reason its edit was refused; l4 is gone.
        QVERIFY(!text.entity(idOf(l2)));
        QCOMPARE(text.pendingCount(), 2);
        QCOMPARE(text.outboxBatch(10).last().op, QStringLiteral("delete"));
        const LocalEntity refused = *text.entity(idOf(l3));
        QCOMPARE(refused.json.value(u"source").toString(), QStringLiteral("服务器改了被拒的"));
        QVERIFY(!refused.rejectedReason.isEmpty());
        QVERIFY(!refused.localChanges);
        QCOMPARE(refused.serverVersion, 7);
        QVERIFY(!text.entity(idOf(l4)));
        QCOMPARE(text.pullCursor(), 10);
        QCOMPARE(inconsistency(textDir.path()), QString());
        QCOMPARE(changed.count(), 7); // one each: three pages, two saves, a delete, a push answer (the attempt announces nothing)
    }

    void aKillInsideAPageKeepsThePagesBeforeItAndTheirCursor()
    {
        QTemporaryDir dir;
        const QJsonObject l1 = asServer(aLead(QStringLiteral("一号")));
        const QJsonObject l2 = asServer(aLead(QStringLiteral("二号")));
        const QJsonObject l3 = asServer(aLead(QStringLiteral("三号")));
        const QString first = dir.filePath(QStringLiteral("first.json"));
        const QString second = dir.filePath(QStringLiteral("second.json"));
        const QByteArray secondText = Page(2).entity(3, l3).tombstone(4, idOf(l1), QStringLiteral("lead")).text();
        for (const auto &[path, bytes] : {std::pair{first, Page(0).entity(1, l1).entity(2, l2).text(true)}, std::pair{second, secondText}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(bytes);
        }
        const QString data = dir.filePath(QStringLiteral("store"));
        QProcess writer;
        writer.start(QStringLiteral(PULL_WRITER_BINARY), {data, first, second});
        QVERIFY(writer.waitForFinished(60000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit); // SIGKILL inside the second page's transaction
        QCOMPARE(writer.readAllStandardOutput(), QByteArray("applied 2\n"));

        QCOMPARE(inconsistency(data), QString());
        LocalStore store(data);
        QVERIFY(store.isOpen());
        QCOMPARE(store.pullCursor(), 2); // never ahead of the rows
        QVERIFY(store.entity(idOf(l1))); // the tombstone did not land
        QVERIFY(store.entity(idOf(l2)));
        QVERIFY(!store.entity(idOf(l3)));
        // The next sync asks from the cursor and gets the page again.
        QVERIFY(store.applyPullText(secondText));
        QCOMPARE(store.pullCursor(), 4);
        QVERIFY(!store.entity(idOf(l1)));
        QVERIFY(store.entity(idOf(l3)));
    }
};

QTEST_GUILESS_MAIN(TestPullPageText)
#include "tst_pullpagetext.moc"
