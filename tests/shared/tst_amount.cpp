// Exact points and money: parsing, formatting, proportional rounding half up.
#include "ledger/amount.h"

#include <QTest>

using namespace ledger;

class TestAmount : public QObject
{
    Q_OBJECT
private slots:
    void parsePoints_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("units");
        QTest::newRow("one decimal") << QStringLiteral("1.2") << true << qint64(12000);
        QTest::newRow("whole") << QStringLiteral("15") << true << qint64(150000);
        QTest::newRow("four decimals") << QStringLiteral("0.6667") << true << qint64(6667);
        QTest::newRow("negative") << QStringLiteral("-0.5") << true << qint64(-5000);
        QTest::newRow("five decimals") << QStringLiteral("0.12345") << false << qint64(0);
        QTest::newRow("empty") << QString() << false << qint64(0);
        QTest::newRow("trailing dot") << QStringLiteral("1.") << false << qint64(0);
        QTest::newRow("leading dot") << QStringLiteral(".5") << false << qint64(0);
        QTest::newRow("letters") << QStringLiteral("1e3") << false << qint64(0);
        QTest::newRow("space") << QStringLiteral(" 1") << false << qint64(0);
        QTest::newRow("overflow") << QStringLiteral("99999999999999999999") << false << qint64(0);
    }
    void parsePoints()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, units);
        const auto p = Points::parse(text);
        QCOMPARE(p.has_value(), ok);
        if (ok)
            QCOMPARE(p->units(), units);
    }

    void formatPoints()
    {
        QCOMPARE(Points::parse(u"4.8")->toString(), QStringLiteral("4.8"));
        QCOMPARE(Points::parse(u"10")->toString(), QStringLiteral("10"));
        QCOMPARE(Points::parse(u"0.0001")->toString(), QStringLiteral("0.0001"));
        QCOMPARE(Points::parse(u"-0.5")->toString(), QStringLiteral("-0.5"));
        QCOMPARE(Points::parse(u"4.8")->toFixedString(), QStringLiteral("4.8000"));
        QCOMPARE(Points().toString(), QStringLiteral("0"));
    }

    void fortyEightLeadsAreExactlyFourPointEight()
    {
        Points sum;
        for (int i = 0; i < 48; ++i)
            sum += *Points::parse(u"0.1");
        QCOMPARE(sum, *Points::parse(u"4.8"));
        QCOMPARE(sum.toString(), QStringLiteral("4.8"));
    }

    void proportionRoundsHalfUp_data()
    {
        QTest::addColumn<QString>("total");
        QTest::addColumn<qint64>("num");
        QTest::addColumn<qint64>("den");
        QTest::addColumn<QString>("expected");
        QTest::newRow("1 of 3 × 2") << QStringLiteral("2") << qint64(1) << qint64(3) << QStringLiteral("0.6667");
        QTest::newRow("2 of 3 × 1.5") << QStringLiteral("1.5") << qint64(2) << qint64(3) << QStringLiteral("1");
        QTest::newRow("1 of 3 × 1.5") << QStringLiteral("1.5") << qint64(1) << qint64(3) << QStringLiteral("0.5");
        QTest::newRow("half rounds up") << QStringLiteral("0.0001") << qint64(1) << qint64(2) << QStringLiteral("0.0001");
        QTest::newRow("below half rounds down") << QStringLiteral("0.0001") << qint64(1) << qint64(3) << QStringLiteral("0");
        QTest::newRow("5亿 of 32亿 funds × 1") << QStringLiteral("1") << qint64(50000000000) << qint64(320000000000) << QStringLiteral("0.1563");
        QTest::newRow("full") << QStringLiteral("2.5") << qint64(7) << qint64(7) << QStringLiteral("2.5");
        QTest::newRow("huge amounts") << QStringLiteral("1.2") << qint64(8000000000000000) << qint64(8000000000000000) << QStringLiteral("1.2");
    }
    void proportionRoundsHalfUp()
    {
        QFETCH(QString, total);
        QFETCH(qint64, num);
        QFETCH(qint64, den);
        QFETCH(QString, expected);
        QCOMPARE(Points::proportion(*Points::parse(total), num, den).toString(), expected);
    }

    void money_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("8亿") << QStringLiteral("800000000") << true << qint64(80000000000);
        QTest::newRow("cents") << QStringLiteral("1011.5") << true << qint64(101150);
        QTest::newRow("two decimals") << QStringLiteral("0.01") << true << qint64(1);
        QTest::newRow("three decimals") << QStringLiteral("0.001") << false << qint64(0);
        QTest::newRow("negative") << QStringLiteral("-5") << false << qint64(0);
        QTest::newRow("comma") << QStringLiteral("1,000") << false << qint64(0);
    }
    void money()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qint64, minor);
        const auto m = Money::parse(text, Currency::CNY);
        QCOMPARE(m.has_value(), ok);
        if (ok)
            QCOMPARE(m->minor, minor);
    }

    void moneyDisplay()
    {
        QCOMPARE(Money::yuan(800000000).toDisplayString(), QStringLiteral("8亿元"));
        QCOMPARE(Money::yuan(5600000000).toDisplayString(), QStringLiteral("56亿元"));
        QCOMPARE(Money::yuan(125000000).toDisplayString(), QStringLiteral("1.25亿元"));
        QCOMPARE(Money::usd(10110000).toDisplayString(), QStringLiteral("1011万美元"));
        QCOMPARE((Money{Currency::CNY, 325050}).toDisplayString(), QStringLiteral("3250.5元"));
        QCOMPARE(Money::yuan(800000000).toDecimalString(), QStringLiteral("800000000.00"));
    }
};

QTEST_GUILESS_MAIN(TestAmount)
#include "tst_amount.moc"
