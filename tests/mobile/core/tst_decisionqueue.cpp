// The reviewer's queued decisions: kept across a restart in the order they were made, one waiting
// decision per record, bad input refused naming the field and changing nothing, a refused decision
// kept with its reason until dismissed.
#include "decisionqueue.h"
#include "localstore.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace mobile;

namespace {
const QDateTime At(QDate(2023, 12, 15), QTime(9, 30), QTimeZone::utc());
const QString RecordA = QStringLiteral("0b7f3c1e-2a4d-4e8f-9a1b-2c3d4e5f6a7b");
const QString RecordB = QStringLiteral("1c8a4d2f-3b5e-4f9a-8b2c-3d4e5f6a7b8c");
const QString RecordC = QStringLiteral("2d9b5e3a-4c6f-4a0b-9c3d-4e5f6a7b8c9d");
} // namespace

class TestDecisionQueue : public QObject
{
    Q_OBJECT

private slots:
    void decisionsSurviveARestartInTheirOrder()
    {
        QTemporaryDir dir;
        {
            LocalStore store(dir.path());
            DecisionQueue queue(store);
            QVERIFY2(queue.isOpen(), qPrintable(queue.openError()));
            QSignalSpy changed(&queue, &DecisionQueue::changed);
            QVERIFY(!queue.enqueue(RecordB, QStringLiteral("recognise"), QString(), At));
            QVERIFY(!queue.enqueue(RecordA, QStringLiteral("return"), QStringLiteral("  缺少签约协议  "), At.addSecs(60)));
            QVERIFY(!queue.enqueue(RecordC, QStringLiteral("revoke"), QStringLiteral("虚假拜访"), At.addSecs(120)));
            QCOMPARE(changed.count(), 3);
        }
        LocalStore store(dir.path());
        DecisionQueue queue(store);
        const QList<QueuedDecision> waiting = queue.waiting();
        QCOMPARE(waiting.size(), 3);
        QCOMPARE(queue.waitingCount(), 3);
        QCOMPARE(waiting[0].recordId, RecordB);
        QCOMPARE(waiting[0].action, QStringLiteral("recognise"));
        QCOMPARE(waiting[1].recordId, RecordA);
        QCOMPARE(waiting[1].reason, QStringLiteral("缺少签约协议"));
        QCOMPARE(waiting[1].madeAt, At.addSecs(60));
        QCOMPARE(waiting[2].action, QStringLiteral("revoke"));
        QVERIFY(waiting[0].n < waiting[1].n && waiting[1].n < waiting[2].n);
        QCOMPARE(queue.waitingFor(RecordA)->n, waiting[1].n);
        QVERIFY(!queue.waitingFor(QStringLiteral("3e0c6f4b-5d7a-4b1c-8d4e-5f6a7b8c9d0e")));
    }

    void badDecisionsAreRefusedNamingTheField_data()
    {
        QTest::addColumn<QString>("recordId");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("field");
        QTest::newRow("no record") << QString() << QStringLiteral("recognise") << QString() << QStringLiteral("recordId");
        QTest::newRow("not a decision") << RecordA << QStringLiteral("resubmit") << QString() << QStringLiteral("action");
        QTest::newRow("unknown action") << RecordA << QStringLiteral("approve") << QString() << QStringLiteral("action");
        QTest::newRow("return without a reason") << RecordA << QStringLiteral("return") << QStringLiteral("   ") << QStringLiteral("reason");
        QTest::newRow("revoke without a reason") << RecordA << QStringLiteral("revoke") << QString() << QStringLiteral("reason");
    }

    void badDecisionsAreRefusedNamingTheField()
    {
        QFETCH(QString, recordId);
        QFETCH(QString, action);
        QFETCH(QString, reason);
        QFETCH(QString, field);
        QTemporaryDir dir;
        LocalStore store(dir.path());
        DecisionQueue queue(store);
        QSignalSpy changed(&queue, &DecisionQueue::changed);
        const auto refused = queue.enqueue(recordId, action, reason, At);
        QVERIFY(refused);
        QCOMPARE(refused->field, field);
        QCOMPARE(queue.waitingCount(), 0);
        QCOMPARE(changed.count(), 0);
    }

    void oneWaitingDecisionPerRecord()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        DecisionQueue queue(store);
        QVERIFY(!queue.enqueue(RecordA, QStringLiteral("recognise"), QString(), At));
        const auto second = queue.enqueue(RecordA, QStringLiteral("revoke"), QStringLiteral("虚假"), At);
        QVERIFY(second);
        QCOMPARE(second->field, QStringLiteral("recordId"));
        QCOMPARE(queue.waitingCount(), 1);
        QCOMPARE(queue.waiting().constFirst().action, QStringLiteral("recognise"));
        // Once that one is refused, the reviewer may decide again.
        QVERIFY(!queue.markRefused(queue.waiting().constFirst().n, QStringLiteral("已被其他审核人认定")));
        QVERIFY(!queue.enqueue(RecordA, QStringLiteral("revoke"), QStringLiteral("虚假"), At));
    }

    void sentDecisionsLeaveRefusedOnesStayUntilDismissed()
    {
        QTemporaryDir dir;
        LocalStore store(dir.path());
        DecisionQueue queue(store);
        QVERIFY(!queue.enqueue(RecordA, QStringLiteral("recognise"), QString(), At));
        QVERIFY(!queue.enqueue(RecordB, QStringLiteral("recognise"), QString(), At));
        const QList<QueuedDecision> waiting = queue.waiting();
        QVERIFY(!queue.markSent(waiting[0].n));
        QVERIFY(!queue.markRefused(waiting[1].n, QStringLiteral("证明材料不全")));
        QCOMPARE(queue.waitingCount(), 0);
        const QList<QueuedDecision> refused = queue.refused();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused[0].recordId, RecordB);
        QVERIFY(refused[0].refused);
        QCOMPARE(refused[0].refusal, QStringLiteral("证明材料不全"));
        QVERIFY(!queue.dismiss(refused[0].n));
        QVERIFY(queue.refused().isEmpty());
        // A decision no longer there is named, not silently taken.
        const auto gone = queue.markSent(waiting[0].n);
        QVERIFY(gone);
        QCOMPARE(gone->field, QStringLiteral("n"));
    }
};

QTEST_GUILESS_MAIN(TestDecisionQueue)
#include "tst_decisionqueue.moc"
