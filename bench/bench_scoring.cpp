// Benchmark: scoring a year with N records (default 1,000,000) under the 2023 scheme.
// Prints the time to build the ledger, the time of each full recompute and peak memory.
// Run: build/release/bench/bench_scoring [--records N] [--repeat R]   (see docs/benchmarks.md)
#include "ledger/scoring.h"
#include "realisticyear.h"

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

Ledger generate(qsizetype n, quint32 seed)
{
    QRandomGenerator rng(seed);
    Ledger l;
    l.reserve(n);
    std::vector<Person> people;
    const char *units[] = {"PGO", "EDS", "ISB", "FIN", "PLC", "EEE"};
    for (int i = 0; i < 60; ++i) {
        Person p{PersonId::create(), QStringLiteral("职员%1").arg(i), UnitCode(QString::fromLatin1(units[i % 6])), {Role::Staff}, true};
        people.push_back(p);
        l.upsert(p);
    }
    std::vector<RecordId> projects;
    for (qsizetype i = 0; i < n; ++i)
        l.upsert(bench::realisticRecord(rng, people, projects));
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
