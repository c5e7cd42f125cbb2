// The in-memory ledger.
#include "ledger/ledger.h"

namespace ledger {

void Ledger::upsert(Record record)
{
    const RecordId id = metaOf(record).id;
    const auto [it, inserted] = m_index.try_emplace(id, m_records.size());
    if (!inserted) {
        m_records[it->second] = std::move(record);
        return;
    }
    m_records.push_back(std::move(record));
}

bool Ledger::remove(const RecordId &id)
{
    const auto it = m_index.find(id);
    if (it == m_index.end())
        return false;
    // Swap with the last record so the vector stays dense.
    const std::size_t pos = it->second;
    m_index.erase(it);
    if (pos + 1 != m_records.size()) {
        m_records[pos] = std::move(m_records.back());
        m_index[metaOf(m_records[pos]).id] = pos;
    }
    m_records.pop_back();
    return true;
}

void Ledger::upsert(Enterprise enterprise) { m_enterprises.insert(enterprise.id, std::move(enterprise)); }
void Ledger::upsert(Person person) { m_people.insert(person.id, std::move(person)); }

void Ledger::reserve(qsizetype records)
{
    m_records.reserve(std::size_t(records));
    m_index.reserve(std::size_t(records));
}

const Record *Ledger::find(const RecordId &id) const
{
    const auto it = m_index.find(id);
    return it == m_index.end() ? nullptr : &m_records[it->second];
}

const Project *Ledger::project(const RecordId &id) const
{
    const Record *r = find(id);
    return r ? std::get_if<Project>(r) : nullptr;
}

const Enterprise *Ledger::enterprise(const EnterpriseId &id) const
{
    const auto it = m_enterprises.constFind(id);
    return it == m_enterprises.constEnd() ? nullptr : &*it;
}

const Person *Ledger::person(const PersonId &id) const
{
    const auto it = m_people.constFind(id);
    return it == m_people.constEnd() ? nullptr : &*it;
}

bool visitIsOnTrip(const std::optional<RecordId> &namedTrip, const RecordId &trip, bool listedByTrip)
{
    return namedTrip ? *namedTrip == trip : listedByTrip;
}

QHash<RecordId, QSet<RecordId>> visitsByTrip(const Ledger &ledger)
{
    QHash<RecordId, QSet<RecordId>> out;
    for (const Record &r : ledger.records()) {
        const auto *t = std::get_if<Trip>(&r);
        if (!t)
            continue;
        QSet<RecordId> &visits = out[t->meta.id];
        for (const RecordId &id : t->visits) {
            // Listed: counts when the visit is in the ledger and names no other trip.
            const Record *listed = ledger.find(id);
            const auto *v = listed ? std::get_if<Visit>(listed) : nullptr;
            if (v && visitIsOnTrip(v->trip, t->meta.id, true))
                visits.insert(id);
        }
    }
    for (const Record &r : ledger.records()) {
        const auto *v = std::get_if<Visit>(&r);
        if (v && v->trip && out.contains(*v->trip))
            out[*v->trip].insert(v->meta.id);
    }
    return out;
}

} // namespace ledger
