// Tests of the GB 32100-2015 credit code check: valid codes (fixed ones and ones built by an
// independent calculation here), each kind of problem with its code, values and words, and single-character typos.
#include "errorcodes.h"
#include "ledger/creditcode.h"

#include <QTest>

using namespace ledger;

namespace {

// A second, deliberately different calculation of the check character: the weights are derived
// as 3^(i-1) mod 31 instead of read from a table, and the standard's "31 means 0" step is done
// with an explicit branch. If the library and this disagree, one of them is wrong.
QChar referenceCheckCharacter(const QString &first17)
{
    const QString charset = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    long long sum = 0;
    long long weight = 1;
    for (QChar c : first17) {
        const qsizetype value = charset.indexOf(c);
        Q_ASSERT(value >= 0);
        sum += value * weight;
        weight = (weight * 3) % 31;
    }
    long long check = 31 - sum % 31;
    if (check == 31)
        check = 0;
    return charset.at(check);
}

} // namespace

class TestCreditCode : public QObject
{
    Q_OBJECT

private slots:
    void referenceAgreesWithPublishedExamples();
    void validCodes_data();
    void validCodes();
    void checkCharacter_data();
    void checkCharacter();
    void problems_data();
    void problems();
    void everySingleSubstitutionIsCaught();
    void neighbouringCheckCharacterIsRejected();
};

void TestCreditCode::referenceAgreesWithPublishedExamples()
{
    // Guards the test's own calculation: it must accept a code of the standard's shape that is
    // quoted publicly and checks out, and reject one that is quoted but does not.
    QCOMPARE(referenceCheckCharacter(QStringLiteral("91350100M000100Y4")), QChar(u'3'));
    QCOMPARE(referenceCheckCharacter(QStringLiteral("9111000071093123X")), QChar(u'X'));
}

void TestCreditCode::validCodes_data()
{
    QTest::addColumn<QString>("code");

    // Fixed codes, each checked by hand against the algorithm.
    QTest::newRow("enterprise, Fuzhou") << QStringLiteral("91350100M000100Y43");
    QTest::newRow("enterprise, Beijing") << QStringLiteral("91110000802100433B");
    QTest::newRow("enterprise, Shenzhen") << QStringLiteral("91440300708461136T");
    // sum ≡ 0 (mod 31): the standard's 31 becomes check character '0'.
    QTest::newRow("check value 31 -> 0") << QStringLiteral("12100000MA00000140");
    // The largest check value, 30, is the last character of the set.
    QTest::newRow("check value 30 -> Y") << QStringLiteral("Y1440300MA0000001Y");

    // Codes built here from a body and the reference check character, across registration
    // authorities (1 organs, 5 social organisations, 9 industry & commerce, Y others) and
    // letters in the organisation code.
    const QStringList bodies{
        QStringLiteral("11100000000013127"), QStringLiteral("12330100470004571"),
        QStringLiteral("31110000400000819"), QStringLiteral("51110000500005828"),
        QStringLiteral("52320106MJ5720718"), QStringLiteral("91320100MA1MXUP4R"),
        QStringLiteral("91440101MA5CQWLY9"), QStringLiteral("92350102MA2XHJKNT"),
        QStringLiteral("93330783MA2E8GUW0"), QStringLiteral("Y2110000MC0012345"),
        QStringLiteral("A1110000DEFGHJKLM"), QStringLiteral("9YYYYYYYYYYYYYYYY"),
        QStringLiteral("00000000000000000"),
    };
    for (const QString &body : bodies) {
        const QString code = body + referenceCheckCharacter(body);
        QTest::newRow(qPrintable(QStringLiteral("built ") + code)) << code;
    }
}

void TestCreditCode::validCodes()
{
    QFETCH(QString, code);
    const auto problem = creditCodeProblem(code);
    QVERIFY2(!problem, qPrintable(problem.value_or(QString())));
    QVERIFY(isValidCreditCode(code));
    QCOMPARE(creditCodeCheckCharacter(QStringView(code).first(17)), std::optional<QChar>(code.at(17)));
}

void TestCreditCode::checkCharacter_data()
{
    QTest::addColumn<QString>("first17");
    QTest::addColumn<QString>("expected"); // empty: nullopt

    QTest::newRow("Fuzhou") << QStringLiteral("91350100M000100Y4") << QStringLiteral("3");
    QTest::newRow("zero") << QStringLiteral("12100000MA0000014") << QStringLiteral("0");
    QTest::newRow("Y") << QStringLiteral("Y1440300MA0000001") << QStringLiteral("Y");
    QTest::newRow("lower case") << QStringLiteral("91350100m000100Y4") << QString();
    QTest::newRow("letter I") << QStringLiteral("91350100I000100Y4") << QString();
    QTest::newRow("too short") << QStringLiteral("91350100M000100Y") << QString();
    QTest::newRow("too long (whole code)") << QStringLiteral("91350100M000100Y43") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestCreditCode::checkCharacter()
{
    QFETCH(QString, first17);
    QFETCH(QString, expected);
    const std::optional<QChar> got = creditCodeCheckCharacter(first17);
    if (expected.isEmpty()) {
        QVERIFY2(!got, qPrintable(QString(got.value_or(QChar()))));
    } else {
        QVERIFY(got);
        QCOMPARE(*got, expected.at(0));
    }
}

void TestCreditCode::problems_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<ErrorCode>("expected");
    QTest::addColumn<QStringList>("args"); // the character and its position, or the counts, or the check characters

    using C = ErrorCode;
    const auto args = [](std::initializer_list<const char16_t *> list) {
        QStringList out;
        for (const char16_t *p : list)
            out << QString::fromUtf16(p);
        return out;
    };

    QTest::newRow("empty") << QString() << C::CreditCodeLength << args({u"18", u"0"});
    QTest::newRow("17 characters") << QStringLiteral("91350100M000100Y4") << C::CreditCodeLength << args({u"18", u"17"});
    QTest::newRow("19 characters") << QStringLiteral("91350100M000100Y433") << C::CreditCodeLength << args({u"18", u"19"});
    QTest::newRow("trailing space makes 19") << QStringLiteral("91350100M000100Y43 ") << C::CreditCodeLength << args({u"18", u"19"});
    // An emoji is two UTF-16 units but one character to the person typing: the code has the
    // right length and the emoji is the 18th character, not a 19th.
    QTest::newRow("emoji counted once")
        << (QStringLiteral("91350100M000100Y4") + QString::fromUtf16(u"\U0001F600")) << C::CreditCodeCharacter
        << args({u"\U0001F600", u"18"});
    QTest::newRow("lower case letter")
        << QStringLiteral("91350100m000100Y43") << C::CreditCodeLowercase << args({u"m", u"9", u"M"});
    QTest::newRow("lower case of a letter never used")
        << QStringLiteral("91350100i000100Y43") << C::CreditCodeLowercaseUnused << args({u"i", u"9"});
    QTest::newRow("all lower case")
        << QStringLiteral("91350100m000100y43") << C::CreditCodeLowercase << args({u"m", u"9", u"M"});
    QTest::newRow("letter O") << QStringLiteral("9135010OM000100Y43") << C::CreditCodeUnusedLetter << args({u"O", u"8"});
    QTest::newRow("letter S") << QStringLiteral("S1350100M000100Y43") << C::CreditCodeUnusedLetter << args({u"S", u"1"});
    QTest::newRow("letter Z in check position")
        << QStringLiteral("91350100M000100Y4Z") << C::CreditCodeUnusedLetter << args({u"Z", u"18"});
    QTest::newRow("letter V") << QStringLiteral("91350100M000100V43") << C::CreditCodeUnusedLetter << args({u"V", u"16"});
    QTest::newRow("space inside") << QStringLiteral("913501 0M000100Y43") << C::CreditCodeSpace << args({u"7"});
    QTest::newRow("full-width space") << QString::fromUtf16(u"913501\u30000M000100Y43") << C::CreditCodeSpace << args({u"7"});
    QTest::newRow("hyphen") << QStringLiteral("91350100-000100Y43") << C::CreditCodeCharacter << args({u"-", u"9"});
    QTest::newRow("full-width digit")
        << QString::fromUtf16(u"\uFF191350100M000100Y43") << C::CreditCodeFullWidth << args({u"\uFF19", u"1"});
    QTest::newRow("Chinese character")
        << QString::fromUtf16(u"91350100M000100Y4号") << C::CreditCodeCharacter << args({u"号", u"18"});
    QTest::newRow("tab") << QStringLiteral("91350100M000100Y4\t") << C::CreditCodeCharacter << args({u"U+0009", u"18"});
    QTest::newRow("check character off by one")
        << QStringLiteral("91350100M000100Y44") << C::CreditCodeCheck << args({u"3", u"4"});
    QTest::newRow("digit in the body mistyped")
        << QStringLiteral("91350100M000200Y43") << C::CreditCodeCheck
        << QStringList{QString(referenceCheckCharacter(QStringLiteral("91350100M000200Y4"))), QStringLiteral("3")};
    QTest::newRow("two digits swapped")
        << QStringLiteral("91351000M000100Y43") << C::CreditCodeCheck
        << QStringList{QString(referenceCheckCharacter(QStringLiteral("91351000M000100Y4"))), QStringLiteral("3")};
    // Quoted in places as an example code, but it does not pass the check: the 17 characters
    // before it call for X.
    QTest::newRow("quoted example that fails")
        << QStringLiteral("9111000071093123XH") << C::CreditCodeCheck << args({u"X", u"H"});
}

void TestCreditCode::problems()
{
    QFETCH(QString, code);
    QFETCH(ErrorCode, expected);
    QFETCH(QStringList, args);
    const auto error = creditCodeError(code);
    QVERIFY2(error, "the code was accepted");
    QVERIFY(!isValidCreditCode(code));
    QCOMPARE(error->code, expected);
    QCOMPARE(error->args, args);
    QVERIFY(error->field.isEmpty()); // the caller knows the field
    // The words are the table's, and name every value.
    const auto problem = creditCodeProblem(code);
    QVERIFY(problem);
    QCOMPARE(*problem, message(*error));
    for (const QString &arg : args)
        QVERIFY2(problem->contains(arg), qPrintable(QStringLiteral("\"%1\" does not mention \"%2\"").arg(*problem, arg)));
}

void TestCreditCode::everySingleSubstitutionIsCaught()
{
    // 31 is prime and no weight is 0 mod 31, so changing any one character to any other allowed
    // one always changes the check. Try all 18 × 30 of them on one code.
    const QString charset = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    const QString good = QStringLiteral("91320100MA1MXUP4R") + referenceCheckCharacter(QStringLiteral("91320100MA1MXUP4R"));
    QVERIFY(isValidCreditCode(good));
    int tried = 0;
    for (int pos = 0; pos < good.size(); ++pos) {
        for (QChar c : charset) {
            if (c == good.at(pos))
                continue;
            QString bad = good;
            bad[pos] = c;
            const auto error = creditCodeError(bad);
            QVERIFY2(error, qPrintable(bad));
            QVERIFY2(error->code == ErrorCode::CreditCodeCheck, qPrintable(error->toString()));
            ++tried;
        }
    }
    QCOMPARE(tried, 18 * 30);
}

void TestCreditCode::neighbouringCheckCharacterIsRejected()
{
    const QString charset = QStringLiteral("0123456789ABCDEFGHJKLMNPQRTUWXY");
    for (const QString &good : {QStringLiteral("91350100M000100Y43"), QStringLiteral("Y1440300MA0000001Y"),
                                QStringLiteral("12100000MA00000140")}) {
        const qsizetype v = charset.indexOf(good.at(17));
        for (qsizetype delta : {qsizetype(1), qsizetype(30)}) { // the next and the previous character
            QString bad = good;
            const QChar wrong = charset.at((v + delta) % 31);
            bad[17] = wrong;
            const auto error = creditCodeError(bad);
            QVERIFY2(error, qPrintable(bad));
            QCOMPARE(error->code, ErrorCode::CreditCodeCheck);
            QCOMPARE(error->args, (QStringList{QString(good.at(17)), QString(wrong)}));
        }
    }
}

QTEST_GUILESS_MAIN(TestCreditCode)
#include "tst_creditcode.moc"
