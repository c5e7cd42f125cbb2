// Benchmark: scoring a year with N records (default 1,000,000) under the 2023 scheme.
// Prints the time to build the ledger, the time of each full recompute and peak memory.
// Run: build/release/bench/bench_scoring [--records N] [--repeat R]   (see docs/benchmarks.md)
#include "ledger/scoring.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>
#include <sys/resource.h>

using namespace ledger;

namespace {

long peakRssKiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

RecordMeta meta(QRandomGenerator &rng, const QList<Person> &people)
{
    static const char *units[] = {"PGO", "EDS", "ISB", "FIN", "PLC", "EEE"};
    RecordMeta m;
    m.id = RecordId::create();
    const Person &p = people[rng.bounded(int(people.size()))];
    m.credit.unit = p.unit;
    m.credit.people = {p.id};
    Q_UNUSED(units);
    m.review.state = rng.bounded(10) == 0 ? ReviewState::Submitted : ReviewState::Recognised;
    return m;
}

Ledger generate(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    Ledger l;
    l.reserve(n);
    QList<Person> people;
    const char *units[] = {"PGO", "EDS", "ISB", "FIN", "PLC", "EEE"};
    for (int i = 0; i < 60; ++i) {
        Person p{PersonId::create(), QStringLiteral("职员%1").arg(i), UnitCode(QString::fromLatin1(units[i % 6])), {Role::Staff}, true};
        people << p;
        l.upsert(p);
    }
    const QString industries[] = {QStringLiteral("fine_chemicals"), QStringLiteral("functional_food"),
                                  QStringLiteral("equipment_manufacturing"), QStringLiteral("new_energy")};
    std::vector<RecordId> projects;
    const QDate jan1(2023, 1, 1);
    for (qsizetype i = 0; i < n; ++i) {
        const QDate date = jan1.addDays(rng.bounded(365));
        const int dice = int(rng.bounded(100));
        if (dice < 40) { // visits
            Visit v;
            v.meta = meta(rng, people);
            v.enterprise = EnterpriseId::create();
            v.date = date;
            v.outcome = QStringLiteral("了解投资意向");
            v.noCheckInReason = QStringLiteral("室内无信号");
            if (rng.bounded(20) == 0)
                v.institution = InstitutionCategory::NationalIndustryAssociation;
            l.upsert(std::move(v));
        } else if (dice < 65) { // leads
            Lead x;
            x.meta = meta(rng, people);
            x.enterpriseName = QStringLiteral("某企业");
            x.intention = QStringLiteral("拟投资建设生产线");
            x.filed = date;
            l.upsert(std::move(x));
        } else if (dice < 70) { // projects
            Project p;
            p.meta = meta(rng, people);
            p.enterprise = EnterpriseId::create();
            p.name = QStringLiteral("项目");
            p.investment = Money::yuan(50000000 + std::int64_t(rng.bounded(200)) * 50000000);
            p.industry = industries[rng.bounded(4)];
            p.chemical = rng.bounded(3) == 0;
            p.provincialLedger = rng.bounded(4) == 0;
            p.foreignFunded = rng.bounded(10) == 0;
            p.upgradeTransfer = rng.bounded(2) == 0;
            p.talksSince = date;
            projects.push_back(p.meta.id);
            l.upsert(std::move(p));
        } else if (dice < 80 && !projects.empty()) { // milestones
            Milestone m;
            m.meta = meta(rng, people);
            m.project = projects[rng.bounded(int(projects.size()))];
            m.stage = MilestoneStage(rng.bounded(3));
            m.date = date;
            l.upsert(std::move(m));
        } else if (dice < 90) { // funds
            FundsArrival f;
            f.meta = meta(rng, people);
            f.kind = FundsKind(rng.bounded(3));
            f.amount = Money{currencyOf(f.kind), std::int64_t(rng.bounded(100000000)) * 100};
            f.date = date;
            l.upsert(std::move(f));
        } else if (dice < 96) { // referrals
            Referral r;
            r.meta = meta(rng, people);
            r.date = date;
            r.foreign = rng.bounded(3) == 0;
            r.leadingIndustry = true;
            l.upsert(std::move(r));
        } else if (dice < 98) { // trips
            Trip t;
            t.meta = meta(rng, people);
            t.start = date;
            t.end = date.addDays(3);
            t.industries = {industries[rng.bounded(4)]};
            t.institutions.append({QStringLiteral("协会"), InstitutionCategory::NationalIndustryAssociation, date});
            l.upsert(std::move(t));
        } else if (dice < 99) { // headquarters
            HeadquartersClaim h;
            h.meta = meta(rng, people);
            h.type = HeadquartersType(rng.bounded(3));
            h.date = date;
            h.importExport = Money::yuan(40000000);
            l.upsert(std::move(h));
        } else { // discretionary awards
            Award a;
            a.meta = meta(rng, people);
            a.points = Points::fromUnits(5000);
            a.reason = QStringLiteral("领导小组研究加分");
            a.date = date;
            l.upsert(std::move(a));
        }
    }
    return l;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Scores a generated year of records under the 2023 scheme."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("records"), QStringLiteral("How many records (default 1000000)."), QStringLiteral("n"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("repeat"), QStringLiteral("How many full recomputes to time (default 5)."), QStringLiteral("r"), QStringLiteral("5")});
    parser.process(app);
    const qsizetype n = parser.value(QStringLiteral("records")).toLongLong();
    const int repeat = std::max(1, parser.value(QStringLiteral("repeat")).toInt());

    QTextStream out(stdout);
    const Scheme scheme = scheme2023();
    const long rssStart = peakRssKiB();
    QElapsedTimer t;
    t.start();
    const Ledger ledger = generate(n, 2023);
    const qint64 buildMs = t.elapsed();
    const long rssLedger = peakRssKiB();
    out << "records: " << ledger.size() << "\n";
    out << "build ledger: " << buildMs << " ms, peak RSS " << rssLedger / 1024 << " MiB (start " << rssStart / 1024 << " MiB)\n";

    std::vector<qint64> times;
    QString topUnit;
    for (int i = 0; i < repeat; ++i) {
        t.restart();
        const ScoreReport r = score(scheme, ledger, Period{2023, 4, false});
        times.push_back(t.nsecsElapsed() / 1000);
        topUnit = r.units.front().unit.code() + QStringLiteral(" ") + r.units.front().total.toString();
    }
    std::sort(times.begin(), times.end());
    out << "full recompute, year to Q4 (" << repeat << " runs): min " << times.front() / 1000.0 << " ms, median "
        << times[times.size() / 2] / 1000.0 << " ms, max " << times.back() / 1000.0 << " ms\n";
    t.restart();
    const ScoreReport q3 = score(scheme, ledger, Period{2023, 3, true});
    out << "quarter alone (Q3, two cumulative passes): " << t.elapsed() << " ms\n";
    out << "peak RSS after scoring: " << peakRssKiB() / 1024 << " MiB\n";
    out << "top unit: " << topUnit << "; Q3 alone top unit: " << q3.units.front().unit.code() << "\n";
    return 0;
}
