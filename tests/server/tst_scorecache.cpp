// The score report cache: a report is answered only for the ledger version and the pool shares it
// was computed from, under the key of what was asked, and the cache stays within its byte budget.
#include "scorecache.h"

#include <QSet>
#include <QTest>

using namespace syncserver;

class TestScoreCache : public QObject
{
    Q_OBJECT

private slots:
    void keyTellsApartEveryWayOfAsking()
    {
        const ledger::Period q3{2023, 3, false}, q3alone{2023, 3, true}, q4{2023, 4, false};
        const QSet<QString> keys{ScoreCache::key(q3, true, QStringLiteral("*")), ScoreCache::key(q3alone, true, QStringLiteral("*")),
                                 ScoreCache::key(q4, true, QStringLiteral("*")), ScoreCache::key(q3, false, QStringLiteral("*")),
                                 ScoreCache::key(q3, true, QStringLiteral("PGO")), ScoreCache::key(q3, true, QStringLiteral("EEE")),
                                 ScoreCache::key({2024, 3, false}, true, QStringLiteral("*"))};
        QCOMPARE(keys.size(), 7);
        QCOMPARE(ScoreCache::key(q3, true, QStringLiteral("PGO")), ScoreCache::key({2023, 3, false}, true, QStringLiteral("PGO")));
    }

    void answersOnlyTheVersionAndSharesItWasComputedFrom()
    {
        ScoreCache cache;
        const QString key = ScoreCache::key({2023, 4, false}, true, QStringLiteral("*"));
        QVERIFY(!cache.find(key, 7, "shares-a"));
        cache.insert(key, 7, "shares-a", "{\"report\":7}");
        QCOMPARE(cache.find(key, 7, "shares-a").value_or(QByteArray()), QByteArray("{\"report\":7}"));
        QVERIFY(!cache.find(key, 8, "shares-a"));   // the ledger moved on
        QVERIFY(!cache.find(key, 7, "shares-b"));   // a contact changed the shares
        QVERIFY(!cache.find(ScoreCache::key({2023, 4, false}, true, QStringLiteral("PGO")), 7, "shares-a"));
        // A newer report under the same key replaces the old one.
        cache.insert(key, 8, "shares-a", "{\"report\":8}");
        QCOMPARE(cache.count(), 1);
        QVERIFY(!cache.find(key, 7, "shares-a"));
        QCOMPARE(cache.find(key, 8, "shares-a").value_or(QByteArray()), QByteArray("{\"report\":8}"));
    }

    void staysWithinItsBudgetDroppingOldVersionsFirst()
    {
        ScoreCache cache(100);
        const QByteArray body(30, 'x');
        cache.insert(QStringLiteral("old"), 1, {}, body);   // of an older ledger version
        cache.insert(QStringLiteral("a"), 2, {}, body);
        cache.insert(QStringLiteral("b"), 2, {}, body);
        QCOMPARE(cache.bytes(), 90);
        (void)cache.find(QStringLiteral("old"), 1, {});    // recently used, yet of an old version
        cache.insert(QStringLiteral("c"), 2, {}, body);
        QCOMPARE(cache.count(), 3);
        QVERIFY(cache.bytes() <= 100);
        QVERIFY(!cache.find(QStringLiteral("old"), 1, {}));
        QVERIFY(cache.find(QStringLiteral("a"), 2, {}));
        QVERIFY(cache.find(QStringLiteral("b"), 2, {}));
        QVERIFY(cache.find(QStringLiteral("c"), 2, {}));
    }

    void thenTheLeastRecentlyUsed()
    {
        ScoreCache cache(100);
        const QByteArray body(30, 'x');
        cache.insert(QStringLiteral("a"), 5, {}, body);
        cache.insert(QStringLiteral("b"), 5, {}, body);
        cache.insert(QStringLiteral("c"), 5, {}, body);
        (void)cache.find(QStringLiteral("a"), 5, {}); // b is now the least recently used
        cache.insert(QStringLiteral("d"), 5, {}, body);
        QVERIFY(cache.find(QStringLiteral("a"), 5, {}));
        QVERIFY(!cache.find(QStringLiteral("b"), 5, {}));
        QVERIFY(cache.find(QStringLiteral("c"), 5, {}));
        QVERIFY(cache.find(QStringLiteral("d"), 5, {}));
        QCOMPARE(cache.bytes(), 90);
    }

    void aReportOverHalfTheBudgetIsNotKept()
    {
        ScoreCache cache(100);
        cache.insert(QStringLiteral("small"), 1, {}, QByteArray(50, 'x'));
        cache.insert(QStringLiteral("big"), 1, {}, QByteArray(51, 'x'));
        QVERIFY(cache.find(QStringLiteral("small"), 1, {}));
        QVERIFY(!cache.find(QStringLiteral("big"), 1, {}));
        QCOMPARE(cache.count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestScoreCache)
#include "tst_scorecache.moc"
