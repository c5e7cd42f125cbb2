// Tests of the server's demo ledger: the same seed gives the same document, every record passes
// the wire format and the recognition rules, every check-in is what the check-in rules make of its
// fix, and the year scores like a real one, for the default seed and for others.
#include "demo.h"

#include "ledger/checkin.h"
#include "ledger/creditcode.h"
#include "ledger/recognition.h"
#include "ledger/scoring.h"
#include "ledger/wire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>
#include <QTest>
#include <QTimeZone>
#include <algorithm>
#include <map>

using namespace ledger;

namespace {

const Scheme &scheme()
{
    static const Scheme s = scheme2023();
    return s;
}

const LedgerDocument &demo(quint32 seed)
{
    static std::map<quint32, LedgerDocument> cache;
    auto it = cache.find(seed);
    if (it == cache.end())
        it = cache.emplace(seed, syncserver::makeDemoLedger(scheme(), seed)).first;
    return it->second;
}

const ScoreReport &q4(quint32 seed)
{
    static std::map<quint32, ScoreReport> cache;
    auto it = cache.find(seed);
    if (it == cache.end())
        it = cache.emplace(seed, score(scheme(), demo(seed).ledger, Period{2023, 4, false})).first;
    return it->second;
}

// The tests walk ledger.records() with std::get_if rather than collect lists of each kind: with
// GCC 12.2 at -O2 and Qt's assertions on, a test function holding QLists of several element types
// read one of them uninitialised (valgrind; -fno-strict-aliasing made it go away).
template<class T> int countOf(const Ledger &ledger)
{
    return int(std::count_if(ledger.records().begin(), ledger.records().end(),
                             [](const Record &r) { return std::holds_alternative<T>(r); }));
}

QString describeRecord(const Record &r)
{
    return toString(kindOf(r)) + u' ' + metaOf(r).id.toString() + u' ' + eventDate(r).toString(Qt::ISODate);
}

// The document as JSON with the reference data in id order: the ledger keeps people and
// enterprises in hashes, whose order says nothing.
QJsonObject canonical(const LedgerDocument &doc)
{
    QJsonObject json = toJson(doc);
    for (const QString &key : {QStringLiteral("people"), QStringLiteral("enterprises")}) {
        QJsonArray array = json.value(key).toArray();
        QList<QJsonValue> items(array.begin(), array.end());
        std::sort(items.begin(), items.end(), [](const QJsonValue &a, const QJsonValue &b) {
            return a[u"id"].toString() < b[u"id"].toString();
        });
        QJsonArray sorted;
        for (const QJsonValue &v : items)
            sorted.append(v);
        json.insert(key, sorted);
    }
    return json;
}

bool hasRole(const Person &p, Role r) { return p.roles.contains(r); }

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT

private slots:
    void sameSeedSameDocument()
    {
        const QJsonObject first = canonical(syncserver::makeDemoLedger(scheme(), 2023));
        QCOMPARE(canonical(syncserver::makeDemoLedger(scheme(), 2023)), first);
        QCOMPARE(canonical(syncserver::makeDemoLedger(scheme())), first); // 2023 is the default
        QCOMPARE(canonical(syncserver::makeDemoLedger(scheme(), 7)), canonical(syncserver::makeDemoLedger(scheme(), 7)));
        QVERIFY(canonical(syncserver::makeDemoLedger(scheme(), 7)) != first);
        // People are the same in every demo, ids included; the rest of the year is the seed's.
        QSet<PersonId> a, b;
        for (const Person &p : demo(2023).ledger.people())
            a.insert(p.id);
        for (const Person &p : demo(7).ledger.people())
            b.insert(p.id);
        QCOMPARE(a, b);
    }

    void documentRoundTrips()
    {
        const QByteArray bytes = QJsonDocument(toJson(demo(2023))).toJson(QJsonDocument::Compact);
        const auto read = readLedgerDocument(bytes);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
        QCOMPARE(read.value().schemeId, scheme().id);
        QCOMPARE(canonical(read.value()), canonical(demo(2023)));
    }

    void seeds_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 seed : {2023u, 1u, 7u, 424242u, 0xFFFFFFFFu})
            QTest::addRow("seed %u", seed) << seed;
    }

    void people_data() { seeds_data(); }
    void people()
    {
        QFETCH(quint32, seed);
        const Ledger &ledger = demo(seed).ledger;
        QMap<QString, QList<const Person *>> byUnit;
        for (const Person &p : ledger.people())
            byUnit[p.unit.code()].append(&p);
        QCOMPARE(byUnit.size(), scheme().units.size());
        for (const SchemeUnit &unit : scheme().units) {
            const auto people = byUnit.value(unit.code.code()); // a copy: value() returns by value
            const QStringList heads = unit.head.split(u'、');
            for (const QString &head : heads) {
                QVERIFY2(std::any_of(people.begin(), people.end(), [&](const Person *p) { return p->name == head && hasRole(*p, Role::Staff); }),
                         qPrintable(unit.code.code() + u' ' + head));
            }
            // Heads plus three to six staff (the Party & Government Office also has the leader).
            const qsizetype others = people.size() - heads.size() - (unit.code.code() == u"PGO" ? 1 : 0);
            QVERIFY2(others >= 3 && others <= 6, qPrintable(unit.code.code()));
            QCOMPARE(std::count_if(people.begin(), people.end(), [](const Person *p) { return hasRole(*p, Role::UnitContact); }), qsizetype(1));
            if (unit.code.code() == u"ISB") {
                for (const Person *p : people)
                    QVERIFY2(hasRole(*p, Role::Reviewer), qPrintable(p->name));
            } else {
                for (const Person *p : people)
                    QVERIFY2(!hasRole(*p, Role::Reviewer), qPrintable(p->name));
            }
        }
        auto holders = [&](Role r) {
            QStringList out;
            for (const Person &p : ledger.people()) {
                if (hasRole(p, r))
                    out.append(p.unit.code() + u':' + p.name);
            }
            return out;
        };
        QCOMPARE(holders(Role::Leader), QStringList{QStringLiteral("PGO:王明辉")});
        QCOMPARE(holders(Role::Supervisor).size(), 1);
        QVERIFY(holders(Role::Supervisor).first().startsWith(u"PGO:"));
        QCOMPARE(holders(Role::Admin).size(), 1);
        QVERIFY(holders(Role::Admin).first().startsWith(u"ISB:"));
        // Names are unique, so a person's readable id names one person.
        QSet<QString> names;
        for (const Person &p : ledger.people())
            names.insert(p.name);
        QCOMPARE(names.size(), ledger.people().size());
    }

    void enterprises_data() { seeds_data(); }
    void enterprises()
    {
        QFETCH(quint32, seed);
        const Ledger &ledger = demo(seed).ledger;
        const GeoPoint zone{35.2647, 113.9268};
        QVERIFY2(ledger.enterprises().size() >= 60 && ledger.enterprises().size() <= 100, qPrintable(QString::number(ledger.enterprises().size())));
        QSet<QString> codes, names, industries;
        int foreign = 0, listed = 0, fortune500 = 0, sites = 0;
        for (const Enterprise &e : ledger.enterprises()) {
            QVERIFY2(isValidCreditCode(e.creditCode), qPrintable(e.name + u' ' + e.creditCode + u' ' + creditCodeProblem(e.creditCode).value_or(QString())));
            codes.insert(e.creditCode);
            names.insert(e.name);
            if (!e.industry.isEmpty()) {
                const Industry *industry = scheme().industry(e.industry);
                QVERIFY2(industry, qPrintable(e.industry));
                QVERIFY2(industry->chain.contains(e.chainLink), qPrintable(e.name + u' ' + e.chainLink));
                industries.insert(e.industry);
            }
            if (e.site) {
                ++sites;
                QVERIFY2(distanceMeters(*e.site, zone) <= 10000, qPrintable(e.name));
                QVERIFY(e.address.startsWith(u"新乡经济开发区"));
            }
            foreign += e.foreignInvested;
            listed += e.listed;
            fortune500 += e.fortune500;
        }
        QCOMPARE(codes.size(), ledger.enterprises().size());
        QCOMPARE(names.size(), ledger.enterprises().size());
        for (const Industry &i : scheme().industries)
            QVERIFY2(industries.contains(i.key), qPrintable(i.key));
        QVERIFY(foreign >= 3);
        QVERIFY(listed >= 3);
        QVERIFY(fortune500 >= 1);
        QVERIFY(sites > ledger.enterprises().size() / 2);
        QVERIFY(sites < ledger.enterprises().size()); // the enterprises courted elsewhere have none
    }

    void everyRecordRoundTripsThroughTheWire_data() { seeds_data(); }
    void everyRecordRoundTripsThroughTheWire()
    {
        QFETCH(quint32, seed);
        const Ledger &ledger = demo(seed).ledger;
        for (const Record &r : ledger.records()) {
            const auto decoded = wire::decodeRecord(wire::encode(r));
            QVERIFY2(decoded.ok(), qPrintable(describeRecord(r) + u' ' + (decoded.ok() ? QString() : decoded.error().toString())));
            QVERIFY2(decoded.value() == r, qPrintable(describeRecord(r)));
        }
        for (const Enterprise &e : ledger.enterprises()) {
            const auto decoded = wire::decodeEnterprise(wire::encode(e));
            QVERIFY2(decoded.ok() && decoded.value() == e, qPrintable(e.name));
        }
        for (const Person &p : ledger.people()) {
            const auto decoded = wire::decodePerson(wire::encode(p));
            QVERIFY2(decoded.ok() && decoded.value() == p, qPrintable(p.name));
        }
    }

    void recognisedRecordsHaveTheirEvidence_data() { seeds_data(); }
    void recognisedRecordsHaveTheirEvidence()
    {
        QFETCH(quint32, seed);
        const Ledger &ledger = demo(seed).ledger;
        int recognised = 0;
        for (const Record &r : ledger.records()) {
            if (metaOf(r).review.state != ReviewState::Recognised)
                continue;
            ++recognised;
            const QList<FieldError> missing = missingEvidence(r, ledger, scheme());
            QVERIFY2(missing.isEmpty(), qPrintable(describeRecord(r) + u' ' + (missing.isEmpty() ? QString() : missing.first().toString())));
        }
        QVERIFY(recognised > ledger.size() * 8 / 10);
    }

    void reviewStates_data() { seeds_data(); }
    void reviewStates()
    {
        QFETCH(quint32, seed);
        const Ledger &ledger = demo(seed).ledger;
        QMap<ReviewState, int> states;
        int waitingInQ4 = 0;
        for (const Record &r : ledger.records()) {
            const Review &review = metaOf(r).review;
            ++states[review.state];
            const QString what = describeRecord(r);
            if (review.state == ReviewState::Submitted) {
                QVERIFY2(review.reviewer.isNull() && !review.at.isValid(), qPrintable(what));
                waitingInQ4 += eventDate(r).month() >= 10;
                continue;
            }
            const Person *reviewer = ledger.person(review.reviewer);
            QVERIFY2(reviewer && hasRole(*reviewer, Role::Reviewer), qPrintable(what));
            QVERIFY2(review.at.timeSpec() == Qt::UTC && review.at.date() >= eventDate(r), qPrintable(what));
            QVERIFY2(review.at.date() <= QDate(2023, 12, 31), qPrintable(what));
            const bool needsReason = review.state == ReviewState::Returned || review.state == ReviewState::Revoked;
            QVERIFY2(needsReason == !review.reason.isEmpty(), qPrintable(what));
        }
        QCOMPARE(states.value(ReviewState::Revoked), 1);
        QVERIFY(states.value(ReviewState::Returned) >= 5);
        QVERIFY(states.value(ReviewState::Returned) < ledger.size() / 10);
        QVERIFY(states.value(ReviewState::Submitted) >= 10);
        QVERIFY(waitingInQ4 * 4 > states.value(ReviewState::Submitted) * 3); // mostly Q4
        // The records authors see: every one credited to a unit of the scheme and to its own people.
        for (const Record &r : ledger.records()) {
            const RecordMeta &meta = metaOf(r);
            QVERIFY(scheme().unit(meta.credit.unit));
            QVERIFY(!meta.credit.people.isEmpty());
            for (const PersonId &id : meta.credit.people)
                QVERIFY2(ledger.person(id) && ledger.person(id)->unit == meta.credit.unit, qPrintable(describeRecord(r)));
            QVERIFY(ledger.person(meta.author));
        }
    }

    void visitsAndCheckIns_data() { seeds_data(); }
    void visitsAndCheckIns()
    {
        QFETCH(quint32, seed);
        const Ledger &ledger = demo(seed).ledger;
        const CheckInRules &rules = scheme().checkIn;
        const int visits = countOf<Visit>(ledger);
        QVERIFY2(visits >= 200 && visits <= 400, qPrintable(QString::number(visits)));
        // Each person's check-ins in the order they were taken.
        QHash<PersonId, QList<const Visit *>> byAuthor;
        int withCheckIn = 0;
        QMap<CheckInFlag, int> flags;
        for (const Record &r : ledger.records()) {
            const auto *v = std::get_if<Visit>(&r);
            if (!v)
                continue;
            QVERIFY(ledger.enterprise(v->enterprise));
            if (!v->checkIn) {
                QVERIFY(!v->noCheckInReason.isEmpty());
                continue;
            }
            ++withCheckIn;
            byAuthor[v->meta.author].append(v);
            for (CheckInFlag f : v->checkIn->flags)
                ++flags[f];
            // Taken on the day of the visit, in Xinxiang.
            QCOMPARE(v->checkIn->fixTime.toTimeZone(QTimeZone("Asia/Shanghai")).date(), v->date);
        }
        QVERIFY(withCheckIn > visits * 8 / 10);
        for (auto it = byAuthor.begin(); it != byAuthor.end(); ++it) {
            QList<const Visit *> mine = it.value();
            std::sort(mine.begin(), mine.end(),
                      [](const Visit *a, const Visit *b) { return a->checkIn->fixTime < b->checkIn->fixTime; });
            QList<CheckIn> earlier;
            for (const Visit *v : std::as_const(mine)) {
                const CheckIn &c = *v->checkIn;
                const Enterprise &e = *ledger.enterprise(v->enterprise);
                // Flags consistent with the distance, read straight off the record…
                QCOMPARE(c.distanceM.has_value(), e.site.has_value());
                QCOMPARE(c.flags.contains(CheckInFlag::NoSiteLocation), !e.site.has_value());
                QCOMPARE(c.flags.contains(CheckInFlag::FarFromSite), c.distanceM && *c.distanceM > rules.farFromSiteM);
                QCOMPARE(c.flags.contains(CheckInFlag::InaccurateFix), c.accuracyM > rules.maxAccuracyM);
                if (c.distanceM)
                    QVERIFY(std::abs(*c.distanceM - distanceMeters(*e.site, c.position)) < 1e-6);
                // …and the whole check-in is what the rules make of its fix and the earlier ones.
                const PositionFix fix{c.position, c.accuracyM, c.fixTime, c.flags.contains(CheckInFlag::MockLocation)};
                QVERIFY2(makeCheckIn(fix, e, earlier, rules) == c, qPrintable(describeRecord(Record(*v))));
                earlier.append(c);
            }
        }
        // A realistic mix: some far, some inaccurate, some with no site, exactly one faked (and
        // the faker moved impossibly fast).
        QVERIFY(flags.value(CheckInFlag::FarFromSite) >= 3);
        QVERIFY(flags.value(CheckInFlag::InaccurateFix) >= 3);
        QVERIFY(flags.value(CheckInFlag::NoSiteLocation) >= 3);
        QCOMPARE(flags.value(CheckInFlag::MockLocation), 1);
        QVERIFY(flags.value(CheckInFlag::ImpossibleSpeed) >= 1);
        QVERIFY(withCheckIn - flags.value(CheckInFlag::FarFromSite) - flags.value(CheckInFlag::InaccurateFix)
                    - flags.value(CheckInFlag::NoSiteLocation) > withCheckIn / 2);
    }

    void tripsAndInstitutions_data() { seeds_data(); }
    void tripsAndInstitutions()
    {
        QFETCH(quint32, seed);
        const Ledger &ledger = demo(seed).ledger;
        QVERIFY(countOf<Trip>(ledger) >= 2 && countOf<Trip>(ledger) <= 3);
        qsizetype institutions = 0;
        for (const Record &r : ledger.records()) {
            const auto *t = std::get_if<Trip>(&r);
            if (!t)
                continue;
            QVERIFY(isLeadingIndustryTrip(*t, scheme()));
            QVERIFY(!t->visits.isEmpty());
            for (const RecordId &id : t->visits) {
                const Record *visit = ledger.find(id);
                QVERIFY(visit && std::holds_alternative<Visit>(*visit));
                const Visit &v = std::get<Visit>(*visit);
                QCOMPARE(v.trip, std::optional<RecordId>(t->meta.id));
                QVERIFY(v.date >= t->start && v.date <= t->end);
            }
            for (const InstitutionVisit &i : t->institutions)
                QVERIFY(i.date >= t->start && i.date <= t->end);
            institutions += t->institutions.size();
        }
        for (const Record &r : ledger.records()) {
            const auto *v = std::get_if<Visit>(&r);
            if (!v)
                continue;
            institutions += v->institution.has_value();
            // A visit made on a trip is listed on it.
            if (v->trip) {
                const Record *trip = ledger.find(*v->trip);
                QVERIFY(trip && std::holds_alternative<Trip>(*trip) && std::get<Trip>(*trip).visits.contains(v->meta.id));
            }
        }
        QVERIFY(institutions >= 30);
    }

    void leadsEveryMonthByEveryUnit_data() { seeds_data(); }
    void leadsEveryMonthByEveryUnit()
    {
        QFETCH(quint32, seed);
        QMap<QString, QMap<int, int>> counts; // unit → month → leads
        int withoutIntention = 0;
        for (const Record &r : demo(seed).ledger.records()) {
            const auto *l = std::get_if<Lead>(&r);
            if (!l)
                continue;
            ++counts[l->meta.credit.unit.code()][l->filed.month()];
            withoutIntention += !isValuableLead(*l);
        }
        int usual = 0;
        for (const SchemeUnit &u : scheme().units) {
            for (int month = 1; month <= 12; ++month) {
                const int n = counts[u.code.code()][month];
                QVERIFY2(n >= 2 && n <= 5, qPrintable(u.code.code() + QStringLiteral(" %1: %2").arg(month).arg(n)));
                usual += n >= 3;
            }
        }
        QVERIFY(usual > 6 * 12 * 3 / 4);
        QVERIFY(withoutIntention >= 1);
    }

    void projectsAtEveryMilestone()
    {
        const Ledger &ledger = demo(2023).ledger;
        QSet<RecordId> withMilestones;
        QSet<MilestoneStage> stages;
        for (const Record &r : ledger.records()) {
            const auto *m = std::get_if<Milestone>(&r);
            if (!m)
                continue;
            QVERIFY(ledger.project(m->project));
            withMilestones.insert(m->project);
            if (m->meta.review.state == ReviewState::Recognised)
                stages.insert(m->stage);
        }
        QCOMPARE(stages.size(), 3);
        int inTalksOnly = 0;
        bool fifty = false, chemical = false, foreign = false, upgrade = false;
        for (const Record &r : ledger.records()) {
            const auto *p = std::get_if<Project>(&r);
            if (!p)
                continue;
            inTalksOnly += !withMilestones.contains(p->meta.id);
            fifty |= p->investment.minor >= Money::yuan(5'000'000'000).minor && p->provincialLedger && p->chemical;
            chemical |= p->chemical && p->investment.minor >= Money::yuan(1'000'000'000).minor;
            foreign |= p->foreignFunded;
            upgrade |= p->upgradeTransfer && p->investment.minor >= Money::yuan(100'000'000).minor;
        }
        QVERIFY(inTalksOnly >= 1);
        QVERIFY(fifty && chemical && foreign && upgrade);
    }

    void fundsOfEveryKind()
    {
        const Ledger &ledger = demo(2023).ledger;
        QSet<FundsKind> kinds;
        for (const Record &r : ledger.records()) {
            const auto *f = std::get_if<FundsArrival>(&r);
            if (!f)
                continue;
            kinds.insert(f->kind);
            QCOMPARE(f->amount.currency, currencyOf(f->kind));
            if (f->project) {
                QVERIFY(ledger.project(*f->project));
                QCOMPARE(f->enterprise, ledger.project(*f->project)->enterprise);
            }
        }
        QCOMPARE(kinds.size(), 3);
    }

    void bonuses()
    {
        const Ledger &ledger = demo(2023).ledger;
        QVERIFY(countOf<Referral>(ledger) >= 3);
        // One headquarters over its threshold and recognised, one short of it and not.
        QCOMPARE(countOf<HeadquartersClaim>(ledger), 2);
        int meets = 0;
        for (const Record &r : ledger.records()) {
            const auto *h = std::get_if<HeadquartersClaim>(&r);
            if (!h)
                continue;
            const bool ok = !headquartersShortfall(*h, scheme().headquarters);
            meets += ok;
            QCOMPARE(h->meta.review.state == ReviewState::Recognised, ok);
        }
        QCOMPARE(meets, 1);
        // One discretionary award, with its reason.
        QCOMPARE(countOf<Award>(ledger), 1);
        for (const Record &r : ledger.records()) {
            if (const auto *a = std::get_if<Award>(&r))
                QVERIFY(!a->reason.isEmpty() && a->points > Points());
        }
    }

    void singleEvents()
    {
        const Ledger &ledger = demo(2023).ledger;
        QCOMPARE(countOf<SigningEvent>(ledger), 1);
        QCOMPARE(countOf<MapCompletion>(ledger), 1);
        QSet<std::pair<RecordId, QDate>> signings;
        for (const Record &r : ledger.records()) {
            if (const auto *m = std::get_if<Milestone>(&r); m && m->stage == MilestoneStage::Signed)
                signings.insert({m->project, m->date});
        }
        for (const Record &r : ledger.records()) {
            // The projects a signing event lists signed that day.
            if (const auto *event = std::get_if<SigningEvent>(&r)) {
                QVERIFY(!event->projects.isEmpty());
                for (const RecordId &project : event->projects)
                    QVERIFY(signings.contains({project, event->date}));
            }
            // The investment map is completed in December.
            if (const auto *map = std::get_if<MapCompletion>(&r))
                QCOMPARE(map->date.month(), 12);
        }
    }

    void scoresLikeARealYear_data() { seeds_data(); }
    void scoresLikeARealYear()
    {
        QFETCH(quint32, seed);
        const ScoreReport &report = q4(seed);
        QVERIFY2(report.problems.isEmpty(), qPrintable(report.problems.isEmpty() ? QString() : report.problems.first().toString()));
        QCOMPARE(report.units.size(), std::size_t(scheme().units.size()));
        for (const UnitScore &u : report.units)
            QVERIFY2(u.total > Points(), qPrintable(u.unit.code()));
        int full = 0, partial = 0;
        for (const GroupScore &g : report.groups) {
            for (const TaskScore &t : g.tasks) {
                full += t.points == t.maxPoints;
                partial += t.points < t.maxPoints;
            }
        }
        QVERIFY(full >= 5);
        QVERIFY(partial >= 5);
        // The one record revoked as false costs its unit (and no other) the award.
        int revokedUnits = 0;
        for (const UnitScore &u : report.units) {
            if (u.revoked.isEmpty())
                continue;
            ++revokedUnits;
            QCOMPARE(u.revoked.size(), 1);
            QVERIFY(!u.eligible);
        }
        QCOMPARE(revokedUnits, 1);
        QVERIFY(!report.awards.collective.isEmpty());
        QVERIFY(!report.awards.individuals.isEmpty());
    }

    void zoneTargetsPartlyMet()
    {
        // A year in progress: some zone targets reached, some not, in the view the office sees.
        const ScoreReport &report = q4(2023);
        int reached = 0, open = 0;
        for (const ZoneProgress &z : report.zone)
            (z.progress.achieved >= z.target ? reached : open) += 1;
        QVERIFY(reached >= 3);
        QVERIFY(open >= 3);
        QVERIFY(report.zoneTarget(u"signed_50yi")->progress.achieved >= 1);
        QVERIFY(report.zoneTarget(u"institution_visits")->progress.achieved >= 30);
        QCOMPARE(report.zoneTarget(u"investment_map")->progress.achieved, 1);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
