// The generator behind makeDemoLedger(): one object that builds the year step by step, its
// members in demoyear.cpp (randomness, ids, files, review, the document), demopeople.cpp (people
// and enterprises), demovisits.cpp (trips, visits and leads) and demoprojects.cpp (projects,
// milestones, funds, bonuses and the year's single events). Private to those files.
#pragma once

#include "demotables.h"

#include "ledger/checkin.h"
#include "ledger/ledgerfile.h"
#include "ledger/scheme.h"

#include <QHash>
#include <QRandomGenerator>
#include <QSet>
#include <initializer_list>
#include <vector>

namespace syncserver::demo {

struct Member
{
    PersonId id;
    UnitCode unit;
    bool fieldStaff = true; // visits enterprises and files leads
};

enum class FixKind { OnSite, Far, Inaccurate, Mock, None };

// A visit before its record exists: what is needed to take the fixes in time order.
struct PlannedVisit
{
    QDateTime time; // the fix, UTC
    UnitCode unit;
    QList<PersonId> people; // the first holds the phone and is the author
    int enterprise = -1;
    GeoPoint place; // where the enterprise really is: its site, or where it was met
    FixKind fix = FixKind::OnSite;
    std::optional<RecordId> trip;
    std::optional<InstitutionCategory> institution;
};

class DemoYear
{
public:
    DemoYear(const Scheme &scheme, quint32 seed) : m_scheme(scheme), m_rng(seed), m_year(scheme.year) {}

    [[nodiscard]] LedgerDocument build();

private:
    // ---- randomness -----------------------------------------------------------------------------
    int between(int lo, int hi) { return lo + int(m_rng.bounded(quint32(hi - lo + 1))); }
    double uniform(double lo, double hi) { return lo + (hi - lo) * m_rng.generateDouble(); }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    template<class T, std::size_t N> const T &pick(const T (&items)[N]) { return items[between(0, int(N) - 1)]; }
    template<class T> const T &pick(const QList<T> &items) { return items[between(0, int(items.size()) - 1)]; }
    // Fisher-Yates with our own generator: std::shuffle's algorithm differs between libraries.
    template<class T> void shuffle(QList<T> &items)
    {
        for (qsizetype i = items.size() - 1; i > 0; --i)
            items.swapItemsAt(i, between(0, int(i)));
    }

    // ---- ids, days, files -----------------------------------------------------------------------
    [[nodiscard]] static QUuid uuid(const QString &name) { return QUuid::createUuidV5(DemoNamespace, name); }
    RecordId nextId(QStringView kind);
    [[nodiscard]] QDate date(Day d) const { return QDate(m_year + d.yearOffset, d.month, d.day); }
    QDate workday(int month);
    [[nodiscard]] static QString mimeTypeOf(QStringView fileName);
    // The file's "content" hash is derived from its record and name, so the same name on two
    // records is two different files, and the same record always has the same file.
    [[nodiscard]] static Attachment attachment(const RecordId &owner, QStringView fileName);
    [[nodiscard]] static QList<Attachment> files(const RecordId &owner, std::initializer_list<QStringView> names);

    // ---- review ---------------------------------------------------------------------------------
    // A reviewer of the bureau decides some days after the event, never after the year's end.
    Review review(ReviewState state, QDate event, QStringView reason = {});
    // Everyday records are recognised within days; the later in the year, the likelier one waits.
    Review everydayReview(QDate event);
    Review reviewFor(Ending ending, QDate event, QStringView reason);
    RecordMeta meta(QStringView kind, const UnitCode &unit, QList<PersonId> people);

    // ---- people ---------------------------------------------------------------------------------
    void addPeople();
    void addPerson(const UnitCode &unit, const QString &name, Role role);
    [[nodiscard]] QList<PersonId> fieldStaff(const UnitCode &unit) const;
    // One or two of the unit's field staff; the first one did the work.
    QList<PersonId> crew(const UnitCode &unit, double secondChance = 0.3);

    // ---- enterprises ----------------------------------------------------------------------------
    [[nodiscard]] const IndustryFlavour &flavour(QStringView key) const;
    const IndustryFlavour &weightedFlavour();
    [[nodiscard]] static const Place &placeIn(QStringView city);
    QString chainLinkFor(QStringView industry);
    // GB 32100-2015: registration authority and kind (2), division (6), organisation code (9), check.
    QString creditCode(QStringView kind, QStringView division);
    // Uniform over the disc around the Committee, at least 300 m out, to 0.1 m like a survey.
    GeoPoint randomSite();
    QString nextBrand() { return m_brands.takeFirst().toString(); }
    int addEnterprise(const QString &name, QStringView industry, const Place &place, QStringView kind = u"91");
    int addNamedEnterprise(const Place &place, const IndustryFlavour &f, bool listed);
    void addEnterprises();
    // A random enterprise that `accept`s, or -1.
    template<class Accept> int pickEnterprise(Accept accept)
    {
        QList<int> candidates;
        for (int i = 0; i < int(m_enterprises.size()); ++i) {
            if (accept(m_enterprises[std::size_t(i)], i))
                candidates.append(i);
        }
        return candidates.isEmpty() ? -1 : pick(candidates);
    }
    [[nodiscard]] bool inZone(int i) const { return m_zone.contains(i); }

    // ---- visits and trips -----------------------------------------------------------------------
    [[nodiscard]] static QString busyKey(const PersonId &p, QDate day, int slot);
    // Morning (09:00-11:30) or afternoon (14:00-16:30) in Xinxiang, as UTC.
    QDateTime slotTime(QDate day, int slot);
    // The trips, each with visits to the enterprises it courted; their members make no zone visits
    // while away.
    std::vector<PlannedVisit> planTrips();
    // Everyday visits to the zone's enterprises, two slots a day per person at most.
    void planZoneVisits(std::vector<PlannedVisit> &visits);
    [[nodiscard]] QList<int> sitedZoneEnterprises() const;
    // Once in the year someone, just checked in at one enterprise, uses a location faker to "check
    // in" at the farthest one as well, moments later: the reviewer sees a simulated position and a
    // speed twice what the scheme allows.
    [[nodiscard]] PlannedVisit fakedVisit(const PlannedVisit &genuine) const;
    // What the phone reported, given where the enterprise is; thresholds from the scheme.
    PositionFix fixFor(const PlannedVisit &v);
    Review visitReview(const Visit &v, FixKind fix, bool tooBrief);
    // The visits in time order, so each check-in is judged against the same person's earlier ones.
    void addVisits(std::vector<PlannedVisit> plans);

    // ---- leads ----------------------------------------------------------------------------------
    // Every unit files three to five leads most months (Environment sometimes fewer); a few say
    // nothing of an intention and are sent back.
    void addLeads();
    void addLead(const UnitCode &unit, QDate filed);

    // ---- projects and their milestones ----------------------------------------------------------
    // The project company: an enterprise of the zone in the project's industry, foreign where the
    // project is; one with a site and no other project while there is one (addEnterprises() makes
    // enough of every industry that the fallback is only for a scheme with other industries).
    int investorFor(const ProjectRow &row);
    void addProjects();
    void addMilestone(const Project &p, MilestoneStage stage, QDate day, Ending ending);

    // ---- funds, referrals, headquarters, award --------------------------------------------------
    void addFunds();
    // Foreign capital comes from the foreign parent; money from outside the province from an
    // investor elsewhere in China.
    QString payerOf(const EnterpriseId &id, bool usd);
    void addReferrals();
    // One import/export headquarters over its threshold, and a financial one whose paid-in capital
    // falls short: it goes back with the rule's own words.
    void addHeadquarters();
    // The leading group's discretionary point for bringing in a Fortune Global 500 company.
    void addAward();

    // ---- the year's single events ---------------------------------------------------------------
    void addSigningEvent();
    void addMapCompletion();

    // ---- the document ---------------------------------------------------------------------------
    LedgerDocument document();

    const Scheme &m_scheme;
    QRandomGenerator m_rng;
    int m_year;
    QHash<QString, int> m_counters;
    std::vector<Person> m_people;
    std::vector<Member> m_members;
    QList<PersonId> m_reviewers;
    std::vector<Enterprise> m_enterprises;
    QList<QStringView> m_brands;
    QList<int> m_zone;                 // enterprises in the zone
    QList<QList<int>> m_courted;       // per trip, the enterprises it visits
    QHash<EnterpriseId, QString> m_foreignParents;
    int m_institute = -1;
    int m_leasing = -1;
    QSet<int> m_usedInvestors;
    QHash<QString, RecordId> m_projectIds; // by project name
    QHash<QString, EnterpriseId> m_projectEnterprises;
    QSet<QString> m_busy;              // person/day/slot already taken
    QList<Trip> m_trips;
    std::vector<Record> m_records;
};

} // namespace syncserver::demo
