// The ledger in memory: every record by its id, plus the enterprises and people they refer to.
// Scoring and recognition read it; the app and the server fill it from their stores.
// Upserting the same record twice leaves one copy, so replaying a sync changes nothing.
#pragma once

#include "ledger/entities.h"

#include <QHash>
#include <QSet>
#include <unordered_map>
#include <vector>

namespace ledger {

class Ledger
{
public:
    // Inserts or replaces the record with the same id.
    void upsert(Record record);
    void upsert(Enterprise enterprise);
    void upsert(Person person);
    // Removes a record (a deletion synced from a device); false when there was none.
    bool remove(const RecordId &id);
    bool remove(const EnterpriseId &id) { return m_enterprises.remove(id) > 0; }
    void reserve(qsizetype records);

    [[nodiscard]] const Record *find(const RecordId &id) const;
    [[nodiscard]] const Project *project(const RecordId &id) const;
    [[nodiscard]] const Enterprise *enterprise(const EnterpriseId &id) const;
    [[nodiscard]] const Person *person(const PersonId &id) const;

    [[nodiscard]] qsizetype size() const { return qsizetype(m_records.size()); }
    [[nodiscard]] const std::vector<Record> &records() const { return m_records; }
    [[nodiscard]] const QHash<EnterpriseId, Enterprise> &enterprises() const { return m_enterprises; }
    [[nodiscard]] const QHash<PersonId, Person> &people() const { return m_people; }

private:
    std::vector<Record> m_records;          // dense, for fast scans
    std::unordered_map<RecordId, std::size_t, RecordId::FastHash> m_index; // id → position in m_records
    QHash<EnterpriseId, Enterprise> m_enterprises;
    QHash<PersonId, Person> m_people;
};

// The visits made on each trip, by trip id, each visit on one trip at most. A visit belongs to the
// trip it names; one that names no trip belongs to the trip that lists it. Both links exist because
// either can be set first on a tablet (a visit given its trip before the trip's list is updated,
// or picked on the trip's form), so a trip may still list a visit that has since moved to another
// trip. Ids of visits not in the ledger (deleted, or not synced yet) are not counted.
// The rule itself, for one visit and one trip: the trip the visit names, or else (naming none) a
// trip that lists it. The tablet's trip form applies it too.
[[nodiscard]] bool visitIsOnTrip(const std::optional<RecordId> &namedTrip, const RecordId &trip, bool listedByTrip);
[[nodiscard]] QHash<RecordId, QSet<RecordId>> visitsByTrip(const Ledger &ledger);

} // namespace ledger
