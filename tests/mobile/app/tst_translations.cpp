// The English translation is complete: every message of the .ts has a finished English text with
// the same placeholders, the .qm the app ships (:/i18n/ledgerapp_en.qm) translates every code of
// shared/'s error table and every review state and action name, and the app in English shows English.
#include "errortext.h"
#include "settings.h"

#include "ledger/entities.h"
#include "ledger/errors.h"
#include "ledger/reviewflow.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <utility>

namespace {

const QString TsFile = QStringLiteral(LEDGER_SOURCE_DIR "/mobile/app/i18n/ledgerapp_en.ts");
const QString QmFile = QStringLiteral(":/i18n/ledgerapp_en.qm");

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or one per plural form
    bool unfinished = false;
};

// Every <message> of a .ts, with its context.
QList<Message> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QList<Message> messages;
    QString context;
    Message message;
    bool numerus = false;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isEndElement() && xml.name() == u"message")
            messages.append(std::exchange(message, Message{}));
        if (!xml.isStartElement())
            continue;
        const QStringView name = xml.name();
        if (name == u"message") {
            message.context = context;
            numerus = xml.attributes().value(QLatin1StringView("numerus")) == u"yes";
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"source") {
            message.source = xml.readElementText();
        } else if (name == u"translation") {
            const QXmlStreamAttributes attributes = xml.attributes(); // the view below points into it
            const QStringView type = attributes.value(QLatin1StringView("type"));
            message.unfinished = type == u"unfinished" || type == u"vanished" || type == u"obsolete";
            if (!numerus) // a plural message's forms are its <numerusform> children
                message.translations.append(xml.readElementText());
        } else if (name == u"numerusform") {
            message.translations.append(xml.readElementText());
        }
    }
    if (xml.hasError())
        qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression arg(QStringLiteral("%L?\\d+|%n"));
    QSet<QString> found;
    for (const QRegularExpressionMatch &m : arg.globalMatch(text))
        found.insert(m.captured().remove(u'L'));
    return found;
}

} // namespace

class TstTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tsFileHasEnglishForEveryMessage();
    void shippedTranslationCoversTheErrorTable();
    void shippedTranslationCoversTheReviewFlow();
    void appInEnglishShowsEnglish();
};

void TstTranslations::tsFileHasEnglishForEveryMessage()
{
    const QList<Message> messages = readTs(TsFile);
    QVERIFY(messages.size() > 400);
    QStringList problems;
    for (const Message &m : messages) {
        const QString where = m.context + QStringLiteral(" / ") + m.source;
        if (m.unfinished)
            problems << where + QStringLiteral(": unfinished");
        if (m.translations.isEmpty())
            problems << where + QStringLiteral(": no translation");
        for (const QString &t : m.translations) {
            if (t.trimmed().isEmpty())
                problems << where + QStringLiteral(": empty translation");
            else if (placeholders(t) != placeholders(m.source))
                problems << where + QStringLiteral(": placeholders differ in \"%1\"").arg(t);
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TstTranslations::shippedTranslationCoversTheErrorTable()
{
    QTranslator english;
    QVERIFY(english.load(QmFile));
    QStringList missing;
    for (int i = 0; i < ledger::ErrorCodeCount; ++i) {
        const auto code = ledger::ErrorCode(i);
        const char *source = ledger::sourceText(code);
        if (code == ledger::ErrorCode::Other) {
            QCOMPARE(source, nullptr);
            continue;
        }
        QVERIFY(source);
        const QString text = english.translate("ledger", source);
        if (text.isEmpty() || text == QString::fromUtf8(source))
            missing << ledger::codeName(code) + QStringLiteral(": ") + QString::fromUtf8(source);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
}

void TstTranslations::shippedTranslationCoversTheReviewFlow()
{
    QTranslator english;
    QVERIFY(english.load(QmFile));
    QList<const char *> names;
    for (ledger::ReviewState s : {ledger::ReviewState::Submitted, ledger::ReviewState::Recognised,
                                  ledger::ReviewState::Returned, ledger::ReviewState::Revoked})
        names << ledger::displayName(s);
    for (ledger::ReviewAction a : {ledger::ReviewAction::Recognise, ledger::ReviewAction::Return,
                                   ledger::ReviewAction::Revoke, ledger::ReviewAction::Resubmit})
        names << ledger::displayName(a);
    for (const char *name : std::as_const(names)) {
        const QString text = english.translate(ledger::ReviewFlowContext, name);
        QVERIFY2(!text.isEmpty() && text != QString::fromUtf8(name), name);
    }
}

void TstTranslations::appInEnglishShowsEnglish()
{
    mobile::Settings settings(ledger::Scheme{}, QDate(2023, 12, 15));
    const ledger::FieldError tooLong(QStringLiteral("name"), ledger::ErrorCode::TooLong,
                                     {QStringLiteral("201"), QStringLiteral("200")});
    const auto recognised = [] {
        return QCoreApplication::translate(ledger::ReviewFlowContext, ledger::displayName(ledger::ReviewState::Recognised));
    };

    settings.setLanguage(QStringLiteral("en"));
    QCOMPARE(mobile::errorText(tooLong), QStringLiteral("Too long: 201 characters, at most 200"));
    QCOMPARE(recognised(), QStringLiteral("Recognised"));

    // And back: Chinese is the source language.
    settings.setLanguage(QStringLiteral("zh_CN"));
    QCOMPARE(mobile::errorText(tooLong), QStringLiteral("太长：201 个字，最多 200 个字"));
    QCOMPARE(recognised(), QStringLiteral("已认定"));
}

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
