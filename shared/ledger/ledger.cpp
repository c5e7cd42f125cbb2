// The in-memory ledger.
#include "ledger/ledger.h"

namespace ledger {

void Ledger::upsert(Record record)
{
    const RecordId id = metaOf(record).id;
    const auto it = m_index.constFind(id);
    if (it != m_index.constEnd()) {
        m_records[std::size_t(*it)] = std::move(record);
        return;
    }
    m_index.insert(id, qsizetype(m_records.size()));
    m_records.push_back(std::move(record));
}

void Ledger::upsert(Enterprise enterprise) { m_enterprises.insert(enterprise.id, std::move(enterprise)); }
void Ledger::upsert(Person person) { m_people.insert(person.id, std::move(person)); }

void Ledger::reserve(qsizetype records)
{
    m_records.reserve(std::size_t(records));
    m_index.reserve(records);
}

const Record *Ledger::find(const RecordId &id) const
{
    const auto it = m_index.constFind(id);
    return it == m_index.constEnd() ? nullptr : &m_records[std::size_t(*it)];
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

} // namespace ledger
