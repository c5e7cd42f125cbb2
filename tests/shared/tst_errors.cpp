// The table of error codes: every code has a name and words, every marked text belongs to a code,
// the values fill the words, a translation replaces them, and the JSON form reads back.
#include "errorcodes.h"
#include "ledger/errors.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace ledger;

namespace {
const QString ErrorsSource = QStringLiteral(LEDGER_SOURCE_DIR "/shared/ledger/errors.cpp");

[[nodiscard]] QList<ErrorCode> allCodes()
{
    QList<ErrorCode> out;
    for (int i = 0; i < ErrorCodeCount; ++i)
        out << ErrorCode(i);
    return out;
}
} // namespace

class TestErrors : public QObject
{
    Q_OBJECT
private slots:
    void everyCodeHasANameAndWords()
    {
        static const QRegularExpression snakeCase(QStringLiteral("^[a-z][a-z0-9]*(_[a-z0-9]+)*$"));
        QSet<QString> names;
        for (ErrorCode c : allCodes()) {
            const QString name = codeName(c);
            QVERIFY2(snakeCase.match(name).hasMatch(), qPrintable(name));
            QVERIFY2(!names.contains(name), qPrintable(name + QStringLiteral(" is used twice")));
            names.insert(name);
            QCOMPARE(errorCodeFromName(name), std::optional<ErrorCode>(c));
            if (c == ErrorCode::Other) {
                QVERIFY(!sourceText(c)); // its words are the caller's
                continue;
            }
            QVERIFY2(sourceText(c) && *sourceText(c), qPrintable(name + QStringLiteral(" has no words")));
        }
        QVERIFY(!errorCodeFromName(u"no_such_code"));
    }

    // Every value a code takes shows in its words: %1 … %n with none skipped.
    void placeholdersAreContiguous()
    {
        for (ErrorCode c : allCodes()) {
            const QString text = QString::fromUtf8(sourceText(c));
            for (int k = 1; k <= argCount(c); ++k)
                QVERIFY2(text.contains(u'%' + QString::number(k)), qPrintable(codeName(c) + QStringLiteral(" lacks %") + QString::number(k)));
        }
        QCOMPARE(argCount(ErrorCode::Missing), 0);
        QCOMPARE(argCount(ErrorCode::TooLong), 2);
        QCOMPARE(argCount(ErrorCode::OutOfRange), 3);
    }

    // The texts marked for translation in errors.cpp are exactly the table's: lupdate finds no
    // text without a code, and no code is left without a text to translate.
    void noTextWithoutCode()
    {
        QFile file(ErrorsSource);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(ErrorsSource + u' ' + file.errorString()));
        const QString source = QString::fromUtf8(file.readAll());
        static const QRegularExpression marked(QStringLiteral("QT_TRANSLATE_NOOP\\(\"([^\"]*)\",\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\)"));
        QStringList marks;
        for (auto it = marked.globalMatch(source); it.hasNext();) {
            const auto m = it.next();
            QCOMPARE(m.captured(1), QStringLiteral("ledger"));
            marks << m.captured(2);
        }
        QStringList texts;
        for (ErrorCode c : allCodes()) {
            if (sourceText(c))
                texts << QString::fromUtf8(sourceText(c));
        }
        QCOMPARE(marks.size(), ErrorCodeCount - 1); // every code but Other
        QCOMPARE(marks, texts);                      // in the same order, the same words
    }

    void valuesFillTheWords()
    {
        const FieldError tooLong(QStringLiteral("name"), ErrorCode::TooLong, {QStringLiteral("201"), QStringLiteral("200")});
        QCOMPARE(tooLong.message, QStringLiteral("太长：201 个字，最多 200 个字"));
        QCOMPARE(message(tooLong), tooLong.message);
        // A value that itself looks like a placeholder is left as it is.
        const FieldError unknown(QStringLiteral("kind"), ErrorCode::UnknownValue, {QStringLiteral("%2"), QStringLiteral("a, b")});
        QCOMPARE(unknown.message, QStringLiteral("未知的值“%2”，可选：a, b"));
    }

    void aTranslationReplacesTheWords()
    {
        const FieldError e(QStringLiteral("name"), ErrorCode::TooLong, {QStringLiteral("201"), QStringLiteral("200")});
        QStringList asked;
        const Translate english = [&asked](const char *text) {
            asked << QString::fromUtf8(text);
            return QStringLiteral("too long: %1 characters, at most %2");
        };
        QCOMPARE(message(e, english), QStringLiteral("too long: 201 characters, at most 200"));
        QCOMPARE(asked, QStringList{QString::fromUtf8(sourceText(ErrorCode::TooLong))});
        QCOMPARE(e.message, QStringLiteral("太长：201 个字，最多 200 个字")); // the stored words stay Chinese
    }

    // A FieldError built from words alone, as the device's store and the server's own checks do.
    void wordsOnlyAreOther()
    {
        const FieldError e{QStringLiteral("file"), QStringLiteral("cannot read a.pdf: No such file")};
        QCOMPARE(e.code, ErrorCode::Other);
        QVERIFY(e.args.isEmpty());
        QCOMPARE(e.toString(), QStringLiteral("file: cannot read a.pdf: No such file"));
        bool translated = false;
        QCOMPARE(message(e, [&translated](const char *) {
                     translated = true;
                     return QString();
                 }),
                 e.message);
        QVERIFY(!translated);
    }

    void logsShowTheCodeAndValues()
    {
        QCOMPARE(FieldError(QStringLiteral("name"), ErrorCode::Missing).toString(), QStringLiteral("name: missing"));
        QCOMPARE(FieldError(QStringLiteral("name"), ErrorCode::TooLong, {QStringLiteral("201"), QStringLiteral("200")}).toString(),
                 QStringLiteral("name: too_long(201, 200)"));
        QCOMPARE(FieldError({}, ErrorCode::NotJson, {QStringLiteral("3"), QStringLiteral("unterminated object")}).toString(),
                 QStringLiteral("not_json(3, unterminated object)"));
    }

    void jsonReadsBack()
    {
        const FieldError e(QStringLiteral("amount.currency"), ErrorCode::WrongCurrency, {QStringLiteral("USD"), QStringLiteral("CNY")});
        const QJsonObject json = toJson(e);
        QCOMPARE(json.value(u"code").toString(), QStringLiteral("wrong_currency"));
        QCOMPARE(json.value(u"field").toString(), QStringLiteral("amount.currency"));
        QCOMPARE(json.value(u"message").toString(), QStringLiteral("币种应为 USD，实际是 CNY"));
        QCOMPARE(json.value(u"args").toArray(), (QJsonArray{QStringLiteral("USD"), QStringLiteral("CNY")}));
        QCOMPARE(fieldErrorFromJson(json), e);

        // Nothing empty is written.
        const QJsonObject bare = toJson(FieldError({}, ErrorCode::Missing));
        QCOMPARE(bare.keys(), (QStringList{QStringLiteral("code"), QStringLiteral("message")}));

        // A code this build does not know keeps the words it came with.
        const FieldError newer = fieldErrorFromJson(
            {{QStringLiteral("code"), QStringLiteral("from_a_newer_server")}, {QStringLiteral("message"), QStringLiteral("新的问题")},
             {QStringLiteral("field"), QStringLiteral("x")}});
        QCOMPARE(newer.code, ErrorCode::Other);
        QCOMPARE(newer.message, QStringLiteral("新的问题"));
        QCOMPARE(newer.field, QStringLiteral("x"));
        const FieldError other = fieldErrorFromJson(toJson(FieldError(QStringLiteral("y"), QStringLiteral("磁盘已满"))));
        QCOMPARE(other, FieldError(QStringLiteral("y"), QStringLiteral("磁盘已满")));
    }
};

QTEST_GUILESS_MAIN(TestErrors)
#include "tst_errors.moc"
