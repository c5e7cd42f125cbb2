// The wire format against golden files (tests/data/wire/<name>.input.json → <name>.expected.json),
// and round trips of values built in code, so that encode and decode agree on every field.
//
// A golden input is decoded with decodeEnterprise when its name starts with "enterprise", with
// decodePerson when it starts with "person", and with decodeRecord otherwise. The expected file holds
// the canonical encoding of the decoded value, or {"error": {"code": …, "field": …, "args": […], "message": …}}. On a
// mismatch the test writes <name>.actual.json next to it: review it, and rename it when it is right.
#include "errorcodes.h"
#include "ledger/ledgerfile.h"
#include "ledger/strictjson.h"
#include "ledger/wire.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <QTest>

using namespace ledger;

namespace {

const QString DataDir = QStringLiteral(LEDGER_TEST_DATA "/wire");

// ---- golden-file helpers --------------------------------------------------------------------------

[[nodiscard]] QJsonObject readObject(const QString &path, QString *problem)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *problem = QStringLiteral("%1 is not a JSON object: %2 at offset %3")
                       .arg(path, error.errorString())
                       .arg(error.offset);
        return {};
    }
    return doc.object();
}

[[nodiscard]] QByteArray pretty(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Indented); }

// A line diff (longest common subsequence): "-" lines only in `expected`, "+" lines only in
// `actual`, with three lines of context around each change and "..." where lines are skipped.
[[nodiscard]] QString lineDiff(const QByteArray &expected, const QByteArray &actual)
{
    QList<QByteArray> a = expected.split('\n');
    QList<QByteArray> b = actual.split('\n');
    for (QList<QByteArray> *lines : {&a, &b}) {
        if (!lines->isEmpty() && lines->last().isEmpty())
            lines->removeLast(); // the final newline
    }
    const qsizetype n = a.size(), m = b.size();
    QList<QList<int>> lcs(n + 1, QList<int>(m + 1, 0));
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j)
            lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
    QList<QPair<QChar, QByteArray>> lines; // the whole edit script
    for (qsizetype i = 0, j = 0; i < n || j < m;) {
        if (i < n && j < m && a[i] == b[j]) {
            lines.append({u' ', a[i]});
            ++i;
            ++j;
        } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            lines.append({u'-', a[i++]});
        } else {
            lines.append({u'+', b[j++]});
        }
    }
    constexpr qsizetype Context = 3;
    QString out;
    qsizetype shownUpTo = 0; // lines before this are already in `out`
    for (qsizetype k = 0; k < lines.size(); ++k) {
        if (lines[k].first == u' ')
            continue;
        const qsizetype from = std::max(shownUpTo, k - Context);
        if (from > shownUpTo)
            out += QStringLiteral("  ...\n");
        qsizetype to = k;
        // Extend over this change and any change that starts within the context after it.
        for (qsizetype last = k; to < lines.size() && to <= last + Context; ++to) {
            if (lines[to].first != u' ')
                last = to;
        }
        for (qsizetype l = from; l < to; ++l)
            out += lines[l].first + QStringLiteral(" ") + QString::fromUtf8(lines[l].second) + u'\n';
        shownUpTo = to;
        k = to - 1;
    }
    if (shownUpTo < lines.size())
        out += QStringLiteral("  ...\n");
    return out;
}

// The error as the server sends it: {"code", "message", "field", "args"} (errors.h).
[[nodiscard]] QJsonObject errorObject(const FieldError &e) { return {{QStringLiteral("error"), toJson(e)}}; }

template<class T> [[nodiscard]] Result<T> decode(const QJsonObject &json)
{
    if constexpr (std::is_same_v<T, Record>)
        return wire::decodeRecord(json);
    else if constexpr (std::is_same_v<T, Enterprise>)
        return wire::decodeEnterprise(json);
    else
        return wire::decodePerson(json);
}

// The canonical encoding of what `input` decodes to, or the error. `problem` says when the decoded
// value does not survive another encode and decode unchanged.
template<class T> [[nodiscard]] QJsonObject outcome(const QJsonObject &input, QString *problem)
{
    const Result<T> decoded = decode<T>(input);
    if (!decoded.ok())
        return errorObject(decoded.error());
    const QJsonObject encoded = wire::encode(decoded.value());
    const Result<T> again = decode<T>(encoded);
    if (!again.ok())
        *problem = QStringLiteral("the encoding does not decode: ") + again.error().toString();
    else if (!(again.value() == decoded.value()))
        *problem = QStringLiteral("decoding the encoding gives a different value");
    return encoded;
}

[[nodiscard]] QJsonObject outcomeFor(const QString &name, const QJsonObject &input, QString *problem)
{
    if (name.startsWith(u"enterprise"))
        return outcome<Enterprise>(input, problem);
    if (name.startsWith(u"person"))
        return outcome<Person>(input, problem);
    return outcome<Record>(input, problem);
}

[[nodiscard]] QStringList goldenNames()
{
    QStringList names;
    const QString suffix = QStringLiteral(".input.json");
    for (const QString &file : QDir(DataDir).entryList({u'*' + suffix}, QDir::Files, QDir::Name))
        names << file.chopped(suffix.size());
    return names;
}

// ---- values built in code -------------------------------------------------------------------------

template<class I> [[nodiscard]] I idOf(QStringView text)
{
    const auto id = I::parse(text);
    Q_ASSERT(id);
    return *id;
}

[[nodiscard]] QDateTime utc(int y, int mo, int d, int h, int mi, int s = 0, int ms = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
}

[[nodiscard]] Attachment attachment(char hexDigit, const QString &name, const QString &mime, qint64 size)
{
    Attachment a;
    a.sha256 = *AttachmentHash::parse(QString(64, QChar(char16_t(hexDigit))));
    a.name = name;
    a.mimeType = mime;
    a.size = size;
    return a;
}

const PersonId Wang = idOf<PersonId>(u"6f1c2a4e-8b3d-4e5f-9a7b-0c1d2e3f4a5b");
const PersonId Li = idOf<PersonId>(u"0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d");
const PersonId Zhao = idOf<PersonId>(u"c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f");
const EnterpriseId Xinhua = idOf<EnterpriseId>(u"d2b7a1c4-3e5f-4a6b-8c9d-0e1f2a3b4c5d");
const RecordId ProjectId = idOf<RecordId>(u"9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b");

[[nodiscard]] RecordMeta meta(QStringView id, bool reviewed)
{
    RecordMeta m;
    m.id = idOf<RecordId>(id);
    m.credit = Credit{UnitCode(QStringLiteral("ZSJ")), {Wang, Li}};
    m.author = Wang;
    if (reviewed) {
        m.review = Review{ReviewState::Returned, QStringLiteral("签约协议缺少盖章页，请补充后重新提交。"), Zhao,
                          utc(2023, 6, 1, 2, 30, 15, 250), std::nullopt};
    }
    return m;
}

// The bare minimum of each kind: no optional set, no list filled, no free text.
[[nodiscard]] RecordMeta bareMeta(QStringView id)
{
    RecordMeta m;
    m.id = idOf<RecordId>(id);
    m.credit.unit = UnitCode(QStringLiteral("PGO"));
    return m;
}

[[nodiscard]] QList<Record> fullRecords()
{
    const QList<Attachment> files{
        attachment('a', QStringLiteral("投资协议.pdf"), QStringLiteral("application/pdf"), 2'345'678),
        attachment('b', QStringLiteral("现场照片 1.jpg"), QStringLiteral("image/jpeg"), 845'120)};

    Visit visit;
    visit.meta = meta(u"11111111-2222-4333-8444-555555555501", true);
    visit.enterprise = Xinhua;
    visit.date = QDate(2023, 5, 6);
    visit.purpose = QStringLiteral("走访新华精细化工，了解二期扩产计划");
    visit.outcome = QStringLiteral("企业有意在开发区新增年产5万吨电子级化学品生产线");
    visit.notes = QStringLiteral("需协调用地指标和环评批复时间。\n联系人：刘总");
    visit.attachments = files;
    visit.checkIn = CheckIn{GeoPoint{35.3025 /* not exact in binary */, 113.92678901234567}, 8.5,
                            utc(2023, 5, 6, 1, 58, 3, 120), 123.456789, {CheckInFlag::InaccurateFix}};
    visit.trip = idOf<RecordId>(u"11111111-2222-4333-8444-555555555502");
    visit.institution = InstitutionCategory::IndustrialInvestmentInstitution;

    Trip trip;
    trip.meta = meta(u"11111111-2222-4333-8444-555555555502", false);
    trip.destination = QStringLiteral("江苏省苏州市、无锡市");
    trip.start = QDate(2023, 4, 10);
    trip.end = QDate(2023, 4, 13);
    trip.members = {Wang, Li, Zhao};
    trip.industries = {QStringLiteral("fine_chemicals"), QStringLiteral("new_materials")};
    trip.visits = {visit.meta.id};
    trip.institutions = {InstitutionVisit{QStringLiteral("中国石油和化学工业联合会"),
                                          InstitutionCategory::NationalIndustryAssociation, QDate(2023, 4, 11)}};
    trip.summary = QStringLiteral("拜访企业6家，形成有效线索2条。");
    trip.attachments = files;

    Lead lead;
    lead.meta = meta(u"11111111-2222-4333-8444-555555555503", false);
    lead.enterprise = Xinhua;
    lead.enterpriseName = QStringLiteral("新乡市新华精细化工有限公司");
    lead.intention = QStringLiteral("拟投资建设电子级氢氟酸项目");
    lead.expectedInvestment = Money::yuan(350'000'000);
    lead.industry = QStringLiteral("fine_chemicals");
    lead.filed = QDate(2023, 4, 20);
    lead.source = QStringLiteral("苏州招商推介会");

    Project project;
    project.meta = meta(u"9e8d7c6b-5a4f-4e3d-9c2b-1a0f9e8d7c6b", true);
    project.enterprise = Xinhua;
    project.name = QStringLiteral("年产5万吨电子级化学品项目");
    project.investment = Money{Currency::CNY, 80'000'000'012};
    project.industry = QStringLiteral("fine_chemicals");
    project.chemical = true;
    project.provincialLedger = true;
    project.foreignFunded = false;
    project.upgradeTransfer = true;
    project.talksSince = QDate(2023, 3, 1);
    project.notes = QStringLiteral("列入省重点项目台账");

    Milestone milestone;
    milestone.meta = meta(u"11111111-2222-4333-8444-555555555505", false);
    milestone.project = ProjectId;
    milestone.stage = MilestoneStage::Landed;
    milestone.date = QDate(2023, 7, 18);
    milestone.evidence = files;
    milestone.legalEntityRegistered = true;
    milestone.taxRegistered = true;
    milestone.notes = QStringLiteral("新乡新华电子材料有限公司已注册");

    FundsArrival funds;
    funds.meta = meta(u"11111111-2222-4333-8444-555555555506", false);
    funds.enterprise = Xinhua;
    funds.project = ProjectId;
    funds.kind = FundsKind::ForeignCapitalUsd;
    funds.amount = Money{Currency::USD, 1'011'000'050};
    funds.date = QDate(2023, 9, 30);
    funds.payer = QStringLiteral("Xinhua Holdings (HK) Ltd.");
    funds.proof = files;

    Referral referral;
    referral.meta = meta(u"11111111-2222-4333-8444-555555555507", false);
    referral.enterprise = Xinhua;
    referral.date = QDate(2023, 8, 8);
    referral.direction = ReferralDirection::ZoneVisitedEnterprise;
    referral.foreign = true;
    referral.leadingIndustry = true;
    referral.notes = QStringLiteral("由新华精细化工引荐德国巴斯夫代表团");
    referral.evidence = files;

    HeadquartersClaim hq;
    hq.meta = meta(u"11111111-2222-4333-8444-555555555508", false);
    hq.enterprise = Xinhua;
    hq.type = HeadquartersType::ImportExport;
    hq.date = QDate(2023, 11, 15);
    hq.agreementDate = QDate(2023, 2, 28);
    hq.businessRegistered = true;
    hq.taxRegistered = true;
    hq.importExport = Money::yuan(1'200'000'000);
    hq.annualOutput = Money{Currency::CNY, 987'654'321};
    hq.localFiscal = Money::yuan(12'000'000);
    hq.registeredCapital = Money::yuan(100'000'000);
    hq.paidInCapital = Money{Currency::CNY, 0};
    hq.evidence = files;

    Award award;
    award.meta = meta(u"11111111-2222-4333-8444-555555555509", true);
    award.category = AwardCategory::StrategicEmergingIndustry;
    award.points = Points::fromUnits(15'000); // 1.5
    award.reason = QStringLiteral("引进国家级专精特新\"小巨人\"企业");
    award.date = QDate(2023, 12, 20);
    award.enterprise = Xinhua;

    SigningEvent signing;
    signing.meta = meta(u"11111111-2222-4333-8444-555555555510", false);
    signing.title = QStringLiteral("2023年新乡经开区重点项目集中签约仪式");
    signing.date = QDate(2023, 6, 18);
    signing.venue = QStringLiteral("新乡国际会展中心");
    signing.projects = {ProjectId, idOf<RecordId>(u"11111111-2222-4333-8444-555555555511")};
    signing.evidence = files;

    MapCompletion map;
    map.meta = meta(u"11111111-2222-4333-8444-555555555512", false);
    map.date = QDate(2023, 3, 31);
    map.industries = {QStringLiteral("fine_chemicals"), QStringLiteral("biomedicine")};
    map.notes = QStringLiteral("完成精细化工产业链招商图谱（上游原料、中游中间体、下游电子化学品）");
    map.evidence = files;

    return {visit, trip, lead, project, milestone, funds, referral, hq, award, signing, map};
}

[[nodiscard]] QList<Record> bareRecords()
{
    Visit visit;
    visit.meta = bareMeta(u"22222222-2222-4333-8444-555555555501");
    visit.enterprise = Xinhua;
    visit.date = QDate(2023, 5, 6);
    visit.noCheckInReason = QStringLiteral("手机定位失败");

    Trip trip;
    trip.meta = bareMeta(u"22222222-2222-4333-8444-555555555502");
    trip.destination = QStringLiteral("郑州");
    trip.start = trip.end = QDate(2023, 4, 10);

    Lead lead;
    lead.meta = bareMeta(u"22222222-2222-4333-8444-555555555503");
    lead.enterpriseName = QStringLiteral("某新材料公司");
    lead.filed = QDate(2023, 4, 20);

    Project project;
    project.meta = bareMeta(u"22222222-2222-4333-8444-555555555504");
    project.enterprise = Xinhua;
    project.name = QStringLiteral("技改项目");
    project.talksSince = QDate(2023, 3, 1);

    Milestone milestone;
    milestone.meta = bareMeta(u"22222222-2222-4333-8444-555555555505");
    milestone.project = ProjectId;
    milestone.date = QDate(2023, 7, 18);

    FundsArrival funds;
    funds.meta = bareMeta(u"22222222-2222-4333-8444-555555555506");
    funds.enterprise = Xinhua;
    funds.date = QDate(2023, 9, 30);

    Referral referral;
    referral.meta = bareMeta(u"22222222-2222-4333-8444-555555555507");
    referral.enterprise = Xinhua;
    referral.date = QDate(2023, 8, 8);

    HeadquartersClaim hq;
    hq.meta = bareMeta(u"22222222-2222-4333-8444-555555555508");
    hq.enterprise = Xinhua;
    hq.date = QDate(2023, 11, 15);
    hq.agreementDate = QDate(2023, 11, 1);

    Award award;
    award.meta = bareMeta(u"22222222-2222-4333-8444-555555555509");
    award.points = Points::fromUnits(1); // 0.0001, the smallest award there is
    award.reason = QStringLiteral("领导小组决定");
    award.date = QDate(2023, 12, 20);

    SigningEvent signing;
    signing.meta = bareMeta(u"22222222-2222-4333-8444-555555555510");
    signing.title = QStringLiteral("签约仪式");
    signing.date = QDate(2023, 6, 18);

    MapCompletion map;
    map.meta = bareMeta(u"22222222-2222-4333-8444-555555555511");
    map.date = QDate(2023, 3, 31);

    return {visit, trip, lead, project, milestone, funds, referral, hq, award, signing, map};
}

[[nodiscard]] Enterprise fullEnterprise()
{
    Enterprise e;
    e.id = Xinhua;
    e.name = QStringLiteral("新乡市新华精细化工有限公司");
    e.creditCode = QStringLiteral("91410700MA44Q8KJ38");
    e.industry = QStringLiteral("fine_chemicals");
    e.chainLink = QStringLiteral("中游：精细化学品");
    e.site = GeoPoint{35.2816, 113.9968};
    e.address = QStringLiteral("河南省新乡市经济技术开发区新长南线与纬七路交叉口");
    e.foreignInvested = true;
    e.listed = false;
    e.fortune500 = false;
    e.industryLeader = true;
    return e;
}

[[nodiscard]] Enterprise bareEnterprise()
{
    Enterprise e;
    e.id = idOf<EnterpriseId>(u"e1e2e3e4-f5f6-4a7b-8c9d-0e1f2a3b4c5d");
    e.name = QStringLiteral("新乡某生物医药公司");
    return e;
}

[[nodiscard]] Person person()
{
    return Person{Wang, QStringLiteral("王建国"), UnitCode(QStringLiteral("ZSJ")), {Role::Staff, Role::UnitContact}, true};
}

// Encodes, goes through JSON text as the outbox and the server do, and decodes.
template<class T> [[nodiscard]] Result<T> throughText(const T &value)
{
    const QByteArray text = QJsonDocument(wire::encode(value)).toJson(QJsonDocument::Compact);
    return decode<T>(QJsonDocument::fromJson(text).object());
}

template<class T> void verifyRoundTrip(const T &value)
{
    const Result<T> back = throughText(value);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    const QByteArray before = pretty(wire::encode(value));
    const QByteArray after = pretty(wire::encode(back.value()));
    QVERIFY2(before == after,
             qPrintable(QStringLiteral("changed on the way (- before, + after):\n") + lineDiff(before, after)));
    // Equal encodings of unequal values would mean a field that is never written at all.
    QVERIFY2(back.value() == value, before.constData());
}

} // namespace

class TestWire : public QObject
{
    Q_OBJECT

private slots:
    void golden_data();
    void golden();
    void goldenCoverage();
    void roundTrip_data();
    void roundTrip();
    void randomRoundTrip();
    void roundTripReferenceData();
    void absentOptionalsAreNotWritten();
    void helpers();
    void nonFiniteNumbersAreRefused();
    void ledgerDocumentErrors_data();
    void ledgerDocumentErrors();
    void unreadableLedgerFile();
    void strictJsonText_data();
    void strictJsonText();
    void strictJsonAcceptsWhatTheRfcAllows();
    void unknownFieldsAreRefusedByName();
    void idsHaveOneSpelling();
    void pointsAndAmountsAreBounded();
    void checkedSums();
};

void TestWire::golden_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = goldenNames();
    QVERIFY2(!names.isEmpty(), qPrintable(QStringLiteral("no golden files in ") + DataDir));
    for (const QString &name : names)
        QTest::newRow(qPrintable(name)) << name;
}

void TestWire::golden()
{
    QFETCH(QString, name);
    const QString base = DataDir + u'/' + name;
    const QString expectedPath = base + QStringLiteral(".expected.json");
    const QString actualPath = base + QStringLiteral(".actual.json");

    QString problem;
    const QJsonObject input = readObject(base + QStringLiteral(".input.json"), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const QJsonObject actual = outcomeFor(name, input, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    const auto writeActual = [&] {
        QFile out(actualPath);
        return out.open(QIODevice::WriteOnly | QIODevice::Truncate) && out.write(pretty(actual)) >= 0;
    };
    if (!QFile::exists(expectedPath)) {
        QVERIFY(writeActual());
        QFAIL(qPrintable(QStringLiteral("no %1; wrote %2 for review").arg(expectedPath, actualPath)));
    }
    const QJsonObject expected = readObject(expectedPath, &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    if (pretty(actual) != pretty(expected)) {
        QVERIFY(writeActual());
        QFAIL(qPrintable(QStringLiteral("%1 differs from %2 (- expected, + actual):\n%3")
                             .arg(actualPath, expectedPath, lineDiff(pretty(expected), pretty(actual)))));
    }
    QFile::remove(actualPath); // left over from an earlier failing run

    // A canonical encoding is a fixed point: decoding and encoding it again changes nothing.
    if (!expected.contains(u"error")) {
        const QJsonObject again = outcomeFor(name, expected, &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(pretty(again), pretty(expected));
    }
}

// The golden set must keep covering every record kind and a good spread of errors.
void TestWire::goldenCoverage()
{
    QSet<QString> kinds;
    QList<ErrorCode> codes;
    int errors = 0, enterprises = 0, persons = 0;
    for (const QString &name : goldenNames()) {
        QString problem;
        const QJsonObject expected = readObject(DataDir + u'/' + name + QStringLiteral(".expected.json"), &problem);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (expected.contains(u"error")) {
            ++errors;
            // The words are the shared table's for the code and its values.
            const QJsonObject error = expected.value(u"error").toObject();
            const FieldError e = fieldErrorFromJson(error);
            QVERIFY2(e.code != ErrorCode::Other, qPrintable(name));
            QCOMPARE(error.value(u"message").toString(), message(e));
            codes.append(e.code);
        } else if (name.startsWith(u"enterprise"))
            ++enterprises;
        else if (name.startsWith(u"person"))
            ++persons;
        else
            kinds.insert(expected.value(u"kind").toString());
    }
    for (int k = 0; k <= int(RecordKind::MapCompletion); ++k)
        QVERIFY2(kinds.contains(toString(RecordKind(k))), qPrintable(toString(RecordKind(k))));
    QVERIFY(enterprises >= 1);
    QVERIFY(persons >= 1);
    QVERIFY2(errors >= 25, qPrintable(QString::number(errors)));
    // Every code a decoder gives for something read from a file (not_finite needs a number JSON
    // text cannot hold: nonFiniteNumbersAreRefused; the other credit code problems: tst_creditcode).
    using C = ErrorCode;
    for (ErrorCode c : {C::Missing, C::Empty, C::WrongType, C::TooLong, C::TooMany, C::Negative, C::OutOfRange, C::NotPositive,
                        C::NotWhole, C::NotADate, C::NotAnInstant, C::NotAnId, C::NotAUnitCode, C::NotASha256, C::UnknownValue,
                        C::WrongCurrency, C::BadAmount, C::BadPoints, C::UnsupportedVersion, C::NoCheckInReason,
                        C::EndBeforeStart, C::CreditCodeCheck, C::CreditCodeLowercase, C::UnknownField, C::ControlCharacter,
                        C::TooLarge})
        QVERIFY2(codes.contains(c), qPrintable(QStringLiteral("no golden error file gives ") + codeName(c)));
}

// JSON text has no infinity, but a QJsonObject built in code can hold one.
void TestWire::nonFiniteNumbersAreRefused()
{
    QJsonObject visit = wire::encode(fullRecords().at(0));
    QJsonObject checkIn = visit.value(u"checkIn").toObject();
    QVERIFY(!checkIn.isEmpty());
    checkIn.insert(u"accuracyM", std::numeric_limits<double>::infinity());
    visit.insert(u"checkIn", checkIn);
    const Result<Record> r = wire::decodeRecord(visit);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::NotFinite);
    QCOMPARE(r.error().field, QStringLiteral("checkIn.accuracyM"));
}

// A whole ledger document is refused at its first bad entry, with the entry's path in front of the
// wire decoder's own field.
void TestWire::ledgerDocumentErrors_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("expected"); // as FieldError::toString() logs it
    QTest::newRow("not JSON") << QByteArray("{\"v\": ") << QStringLiteral("not_json(6, unterminated object)");
    QTest::newRow("an array") << QByteArray("[]") << QStringLiteral("wrong_type(object, array)");
    QTest::newRow("no version") << QByteArray("{}") << QStringLiteral("v: missing");
    QTest::newRow("version as text") << QByteArray("{\"v\": \"1\"}") << QStringLiteral("v: wrong_type(number, string)");
    QTest::newRow("version 2") << QByteArray("{\"v\": 2}") << QStringLiteral("v: unsupported_version(2, 1)");
    QTest::newRow("records an object") << QByteArray("{\"v\": 1, \"records\": {}}") << QStringLiteral("records: wrong_type(array, object)");
    QTest::newRow("a person a number") << QByteArray("{\"v\": 1, \"people\": [3]}") << QStringLiteral("people[0]: wrong_type(object, number)");
    QTest::newRow("a record without a kind") << QByteArray("{\"v\": 1, \"records\": [{\"v\": 1}]}") << QStringLiteral("records[0].kind: missing");
}

void TestWire::ledgerDocumentErrors()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    const Result<LedgerDocument> read = readLedgerDocument(document);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().toString(), expected);
    QCOMPARE(read.error().message, message(read.error()));
}

void TestWire::unreadableLedgerFile()
{
    const Result<LedgerDocument> read = readLedgerFile(QStringLiteral("/nonexistent/ledger.json"));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, ErrorCode::Unreadable);
    QCOMPARE(read.error().field, QStringLiteral("/nonexistent/ledger.json"));
}

void TestWire::roundTrip_data()
{
    QTest::addColumn<int>("sample");
    const QList<Record> full = fullRecords(), bare = bareRecords();
    QCOMPARE(full.size(), qsizetype(std::variant_size_v<Record>));
    QCOMPARE(bare.size(), qsizetype(std::variant_size_v<Record>));
    for (qsizetype i = 0; i < full.size(); ++i) {
        // Each list is in RecordKind order, one of every kind.
        QCOMPARE(toString(kindOf(full[i])), toString(RecordKind(i)));
        QCOMPARE(toString(kindOf(bare[i])), toString(RecordKind(i)));
        QTest::addRow("full %s", qPrintable(toString(RecordKind(i)))) << int(i);
        QTest::addRow("bare %s", qPrintable(toString(RecordKind(i)))) << int(i + full.size());
    }
}

void TestWire::roundTrip()
{
    QFETCH(int, sample);
    verifyRoundTrip((fullRecords() + bareRecords()).at(sample));
}

// Many random coordinates, amounts, points and instants: none of them may change on the way.
void TestWire::randomRoundTrip()
{
    QRandomGenerator random(20230506);
    const auto uniform = [&](double lo, double hi) { return lo + random.generateDouble() * (hi - lo); };
    const QList<Record> full = fullRecords();
    for (int i = 0; i < 500; ++i) {
        Visit visit = std::get<Visit>(full.at(int(RecordKind::Visit)));
        visit.checkIn->position = GeoPoint{uniform(-90, 90), uniform(-180, 180)};
        visit.checkIn->accuracyM = uniform(0, 5000);
        visit.checkIn->distanceM = i % 3 == 0 ? std::nullopt : std::optional<double>(uniform(0, 2e7));
        visit.checkIn->fixTime = QDateTime::fromMSecsSinceEpoch(qint64(random.bounded(4'102'444'800'000.0)), Qt::UTC);

        FundsArrival funds = std::get<FundsArrival>(full.at(int(RecordKind::Funds)));
        funds.amount.minor = qint64(random.bounded(double(Money::MaxMinor)));
        Award award = std::get<Award>(full.at(int(RecordKind::Award)));
        award.points = Points::fromUnits(1 + qint64(random.bounded(double(MaxPoints.units()))));
        for (const Record &r : {Record(visit), Record(funds), Record(award)}) {
            verifyRoundTrip(r);
            if (QTest::currentTestFailed())
                return; // one counterexample is enough
        }
    }
}

void TestWire::roundTripReferenceData()
{
    verifyRoundTrip(fullEnterprise());
    verifyRoundTrip(bareEnterprise());
    verifyRoundTrip(person());
    verifyRoundTrip(Person{Li, QStringLiteral("李娜"), UnitCode(QStringLiteral("KFQ01")), {}, false});
}

void TestWire::absentOptionalsAreNotWritten()
{
    const QJsonObject visit = wire::encode(bareRecords().at(0));
    for (const auto key : {u"checkIn", u"trip", u"institution", u"author", u"purpose", u"outcome", u"notes"})
        QVERIFY2(!visit.contains(key), qPrintable(QString::fromUtf16(key)));
    const QJsonObject review = visit.value(u"review").toObject();
    QCOMPARE(review.keys(), QStringList{QStringLiteral("state")});
    QCOMPARE(visit.value(u"attachments"), QJsonValue(QJsonArray()));

    const QJsonObject enterprise = wire::encode(bareEnterprise());
    for (const auto key : {u"creditCode", u"site", u"industry", u"chainLink", u"address"})
        QVERIFY2(!enterprise.contains(key), qPrintable(QString::fromUtf16(key)));
}

void TestWire::helpers()
{
    QCOMPARE(wire::encodeDate(QDate(2023, 5, 6)), QStringLiteral("2023-05-06"));
    QCOMPARE(wire::encodeDate(QDate()), QString());
    // A local time (the tests run in Asia/Shanghai) is written as the same instant in UTC.
    QCOMPARE(wire::encodeInstant(QDateTime(QDate(2023, 5, 6), QTime(16, 0), Qt::LocalTime)),
             QStringLiteral("2023-05-06T08:00:00Z"));
    QCOMPARE(wire::encodeInstant(QDateTime(QDate(2023, 5, 6), QTime(8, 0, 0, 7), Qt::UTC)),
             QStringLiteral("2023-05-06T08:00:00.007Z"));
    QCOMPARE(wire::encodeInstant(QDateTime()), QString());
    QCOMPARE(wire::encodeMoney(Money::yuan(800'000'000)),
             (QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")},
                          {QStringLiteral("amount"), QStringLiteral("800000000.00")}}));
    QCOMPARE(wire::encodeMoney(Money{Currency::USD, 5}).value(u"amount").toString(), QStringLiteral("0.05"));
}

// Request bodies as RFC 8259 has JSON: what Qt's parser lets through is refused, naming the field.
void TestWire::strictJsonText_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // as FieldError::toString() logs it
    QTest::newRow("raw NUL in a value") << QByteArray("{\"name\":\"ab\0c\"}", 15) << QStringLiteral("name: control_character(U+0000, 11)");
    QTest::newRow("raw U+0001") << QByteArray("{\"name\":\"ab\x01\"}") << QStringLiteral("name: control_character(U+0001, 11)");
    QTest::newRow("raw line feed") << QByteArray("{\"notes\":\"a\nb\"}") << QStringLiteral("notes: control_character(U+000A, 11)");
    QTest::newRow("raw tab in a key") << QByteArray("{\"na\tme\":1}") << QStringLiteral("na: control_character(U+0009, 4)");
    QTest::newRow("escaped NUL") << QByteArray("{\"name\":\"a\\u0000\"}") << QStringLiteral("name: control_character(U+0000, 10)");
    QTest::newRow("escaped bell") << QByteArray("{\"name\":\"\\u0007\"}") << QStringLiteral("name: control_character(U+0007, 9)");
    QTest::newRow("escaped backspace") << QByteArray("{\"name\":\"\\b\"}") << QStringLiteral("name: control_character(U+0008, 9)");
    QTest::newRow("deep in a push")
        << QByteArray("{\"device\":\"d\",\"mutations\":[{\"n\":1},{\"n\":2,\"entity\":{\"credit\":{\"unit\":\"P\x01\"}}}]}")
        << QStringLiteral("mutations[1].entity.credit.unit: control_character(U+0001, 71)");
    QTest::newRow("17 deep") << (QByteArray("{\"a\":") + QByteArray(16, '[') + QByteArray(16, ']') + '}')
                             << QStringLiteral("a[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: too_deep(16)");
    QTest::newRow("900 deep") << (QByteArray("{\"x\":1,\"blob\":") + QByteArray(900, '[') + QByteArray(900, ']') + '}')
                              << QStringLiteral("blob[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: too_deep(16)");
    QTest::newRow("not JSON") << QByteArray("{\"a\":") << QStringLiteral("not_json(5, unterminated object)");
    QTest::newRow("an array") << QByteArray("[1]") << QStringLiteral("wrong_type(object, array)");
}

void TestWire::strictJsonText()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    const Result<QJsonObject> parsed = json::parseObject(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().toString(), expected);
    QCOMPARE(parsed.error().message, message(parsed.error()));
}

void TestWire::strictJsonAcceptsWhatTheRfcAllows()
{
    // What the strict reader is for: Qt's own parser takes a raw control character in a string.
    QJsonParseError err{};
    QJsonDocument::fromJson(QByteArray("{\"name\":\"a\x01\"}"), &err);
    QCOMPARE(err.error, QJsonParseError::NoError);

    const QByteArray text = "{\"notes\":\"line\\nnext\\ttab\\r\",\"name\":\"\\\"quoted\\\\\",\"k\\u0041\":\"\\u00e9\u4e2d\","
                            "\"deep\":[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]}";
    const Result<QJsonObject> parsed = json::parseObject(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed.value().value(u"notes").toString(), QStringLiteral("line\nnext\ttab\r"));
    QCOMPARE(parsed.value().value(u"name").toString(), QStringLiteral("\"quoted\\"));
    QCOMPARE(parsed.value().value(u"kA").toString(), QString::fromUtf8("\u00e9\u4e2d"));
    QCOMPARE(json::parseObject("{}").value(), QJsonObject());
}

// Whatever the format does not describe is refused by its name, at any level, so that it is never
// stored or handed to another device: a megabyte of text, a 900-deep array.
void TestWire::unknownFieldsAreRefusedByName()
{
    const QJsonObject visit = wire::encode(fullRecords().at(0));
    QVERIFY(wire::decodeRecord(visit).ok());

    QJsonObject blob = visit;
    blob.insert(u"blob", QString(1024 * 1024, u'x'));
    Result<Record> r = wire::decodeRecord(blob);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().toString(), QStringLiteral("blob: unknown_field(blob)"));

    QJsonArray deep{1};
    for (int i = 0; i < 900; ++i)
        deep = QJsonArray{deep};
    QJsonObject nested = visit;
    QJsonObject checkIn = nested.value(u"checkIn").toObject();
    checkIn.insert(u"trail", deep);
    nested.insert(u"checkIn", checkIn);
    r = wire::decodeRecord(nested);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().toString(), QStringLiteral("checkIn.trail: unknown_field(trail)"));

    QJsonObject money = wire::encode(fullRecords().at(3));
    QVERIFY(money.contains(u"investment"));
    QJsonObject investment = money.value(u"investment").toObject();
    investment.insert(u"note", QStringLiteral("x"));
    money.insert(u"investment", investment);
    r = wire::decodeRecord(money);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().toString(), QStringLiteral("investment.note: unknown_field(note)"));

    QJsonObject person = wire::encode(Person{PersonId::create(), QStringLiteral("孙丽"), UnitCode(QStringLiteral("PGO")), {}, true});
    person.insert(u"password", QStringLiteral("x"));
    QCOMPARE(wire::decodePerson(person).error().toString(), QStringLiteral("password: unknown_field(password)"));
}

void TestWire::idsHaveOneSpelling()
{
    const QString canonical = QStringLiteral("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    QVERIFY(RecordId::parse(canonical));
    QCOMPARE(RecordId::parse(canonical)->toString(), canonical);
    QVERIFY(!RecordId::parse(canonical.toUpper()));
    QVERIFY(!RecordId::parse(QStringLiteral("3F2504e0-4f89-41d3-9a0c-0305e82c3301")));
    QVERIFY(!RecordId::parse(u'{' + canonical + u'}'));
    QVERIFY(!RecordId::parse(QStringLiteral("3f2504e04f8941d39a0c0305e82c3301")));
    QVERIFY(!RecordId::parse(QStringLiteral("3f2504e0-4f89-41d3-9a0c+0305e82c3301")));
    QVERIFY(!RecordId::parse(QStringLiteral("00000000-0000-0000-0000-000000000000")));
}

void TestWire::pointsAndAmountsAreBounded()
{
    QJsonObject award = wire::encode(fullRecords().at(8));
    QCOMPARE(award.value(u"kind").toString(), QStringLiteral("award"));
    award.insert(u"points", MaxPoints.toString());
    QVERIFY(wire::decodeRecord(award).ok());
    award.insert(u"points", QStringLiteral("10000.0001"));
    QCOMPARE(wire::decodeRecord(award).error().toString(), QStringLiteral("points: too_large(10000)"));
    // What wrapped a unit's total round before there was a bound.
    award.insert(u"points", QStringLiteral("922337203685477"));
    QCOMPARE(wire::decodeRecord(award).error().code, ErrorCode::TooLarge);

    QJsonObject project = wire::encode(fullRecords().at(3));
    project.insert(u"investment", QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("1000000000000.00")}});
    QVERIFY(wire::decodeRecord(project).ok());
    project.insert(u"investment", QJsonObject{{QStringLiteral("currency"), QStringLiteral("CNY")}, {QStringLiteral("amount"), QStringLiteral("92233720368547758.07")}});
    QCOMPARE(wire::decodeRecord(project).error().toString(), QStringLiteral("investment.amount: too_large(1000000000000.00)"));
}

void TestWire::checkedSums()
{
    QCOMPARE(checkedAdd(MaxPoints, MaxPoints), std::optional<Points>(Points::whole(20000)));
    QCOMPARE(checkedAdd(Points::fromUnits(std::numeric_limits<std::int64_t>::max()), Points::fromUnits(1)), std::nullopt);
    QCOMPARE(checkedMultiply(Points::fromUnits(std::numeric_limits<std::int64_t>::max() / 2 + 1), 2), std::nullopt);
    QCOMPARE(checkedAdd(std::numeric_limits<std::int64_t>::max(), std::int64_t(1)), std::nullopt);
    QCOMPARE(checkedAdd(std::int64_t(2), std::int64_t(3)), std::optional<std::int64_t>(5));
}

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
