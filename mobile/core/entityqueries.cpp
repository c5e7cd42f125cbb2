// Queries over the local store's entities for the app's lists, map and scores.
#include "entityqueries.h"

#include "jsontext.h"

#include "ledger/wire.h"

#include <QDebug>

namespace mobile {

QList<LocalEntity> EntityQueries::query(const QString &where, const QString &bound) const
{
    QList<LocalEntity> out;
    try {
        ledger::Statement s = m_db.prepare(QStringLiteral("SELECT ") + EntityTable::Columns + QStringLiteral(" FROM entities WHERE deleted = 0 AND ")
                                           + where + QStringLiteral(" ORDER BY rowid"));
        if (s.parameterCount() > 0)
            s.bind(1, bound);
        while (s.step())
            out << EntityTable::fromRow(s);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

QList<LocalEntity> EntityQueries::entities(const QString &kind) const { return query(QStringLiteral("kind = ?"), kind); }

QList<LocalEntity> EntityQueries::records() const
{
    return query(QStringLiteral("kind NOT IN ('enterprise', 'person')"), {});
}

QList<LocalEntity> EntityQueries::rejected() const
{
    return query(QStringLiteral("rejected_reason IS NOT NULL"), {});
}

namespace {
// The text a list row shows, for search: see ListFilter.
const QString SearchText = QStringLiteral(
    "lower(coalesce(json_extract(json, '$.enterpriseName'), '') || char(31) || coalesce(json_extract(json, '$.name'), '') || char(31) || "
    "coalesce(json_extract(json, '$.purpose'), '') || char(31) || coalesce(json_extract(json, '$.intention'), '') || char(31) || "
    "coalesce(json_extract(json, '$.destination'), '') || char(31) || coalesce(json_extract(json, '$.payer'), '') || char(31) || "
    "coalesce(json_extract(json, '$.title'), '') || char(31) || coalesce(json_extract(json, '$.reason'), '') || char(31) || "
    "coalesce(json_extract(json, '$.notes'), '') || char(31) || coalesce(json_extract(json, '$.creditCode'), '') || char(31) || "
    "coalesce(event_date, '') || char(31) || "
    "coalesce((SELECT json_extract(o.json, '$.name') FROM entities o WHERE o.id = json_extract(entities.json, '$.enterprise')), ''))");
} // namespace

QList<qint64> EntityQueries::listKeys(const ListFilter &filter) const
{
    QList<qint64> out;
    QString sql = QStringLiteral("SELECT rowid FROM entities WHERE deleted = 0");
    QStringList binds;
    if (filter.onlyRejected)
        sql += QStringLiteral(" AND rejected_reason IS NOT NULL");
    if (!filter.kind.isEmpty()) {
        sql += QStringLiteral(" AND kind = ?");
        binds << filter.kind;
    }
    if (!filter.project.isEmpty()) {
        sql += QStringLiteral(" AND project_id = ?");
        binds << filter.project;
    }
    if (!filter.search.trimmed().isEmpty()) {
        sql += QStringLiteral(" AND instr(") + SearchText + QStringLiteral(", lower(?)) > 0");
        binds << filter.search.trimmed();
    }
    sql += QStringLiteral(" ORDER BY attention DESC, event_date DESC, id");
    try {
        ledger::Statement s = m_db.prepare(sql);
        for (qsizetype i = 0; i < binds.size(); ++i)
            s.bind(int(i) + 1, binds[i]);
        while (s.step())
            out << s.columnInt64(0);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

QList<LocalEntity> EntityQueries::entitiesByKeys(const QList<qint64> &keys) const
{
    QList<LocalEntity> out(keys.size());
    if (keys.isEmpty())
        return out;
    try {
        ledger::Statement s = m_db.prepare(QStringLiteral("SELECT ") + EntityTable::Columns + QStringLiteral(" FROM entities WHERE rowid = ? AND deleted = 0"));
        for (qsizetype i = 0; i < keys.size(); ++i) {
            s.reset();
            s.bind(1, keys[i]);
            if (s.step())
                out[i] = EntityTable::fromRow(s);
        }
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

QList<LocalEntity> EntityQueries::visitsOfTrip(const QString &tripId) const
{
    if (tripId.isEmpty())
        return {};
    return query(QStringLiteral("kind = 'visit' AND trip_id = ?"), tripId);
}

QList<LocalEntity> EntityQueries::recordsBetween(const QString &kind, QDate from, QDate to) const
{
    QList<LocalEntity> out;
    if (!from.isValid() || !to.isValid())
        return out;
    try {
        ledger::Statement s = m_db.prepare(QStringLiteral("SELECT ") + EntityTable::Columns + QStringLiteral(
            " FROM entities WHERE deleted = 0 AND kind = ? AND event_date >= ? AND event_date <= ? ORDER BY event_date, id"));
        s.bind(1, kind).bind(2, from.toString(Qt::ISODate)).bind(3, to.toString(Qt::ISODate));
        while (s.step())
            out << EntityTable::fromRow(s);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

EntityQueries::MapFacts EntityQueries::mapFacts() const
{
    MapFacts facts;
    try {
        ledger::Statement refs = m_db.prepare(QStringLiteral(
            "SELECT DISTINCT json_extract(json, '$.enterprise'), kind FROM entities "
            "WHERE deleted = 0 AND kind IN ('visit', 'referral', 'project') AND review_state IS NOT 'revoked' "
            "AND json_extract(json, '$.enterprise') IS NOT NULL"));
        while (refs.step())
            facts.kindsByEnterprise[refs.columnText(0)] << refs.columnText(1);
        ledger::Statement projects = m_db.prepare(QStringLiteral(
            "SELECT id, json_extract(json, '$.enterprise') FROM entities WHERE deleted = 0 AND kind = 'project' AND review_state IS NOT 'revoked'"));
        while (projects.step())
            facts.enterpriseOfProject.insert(projects.columnText(0), projects.columnText(1));
        ledger::Statement stages = m_db.prepare(QStringLiteral(
            "SELECT DISTINCT project_id, json_extract(json, '$.stage') FROM entities "
            "WHERE deleted = 0 AND kind = 'milestone' AND review_state = 'recognised' AND project_id IS NOT NULL"));
        while (stages.step())
            facts.recognisedStagesOfProject[stages.columnText(0)] << stages.columnText(1);
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return facts;
}

QJsonArray EntityQueries::checkInsOf(const QString &personId) const
{
    QJsonArray out;
    if (personId.isEmpty())
        return out;
    try {
        ledger::Statement s = m_db.prepare(QStringLiteral(
            "SELECT json_extract(json, '$.checkIn') FROM entities WHERE deleted = 0 AND kind = 'visit' "
            "AND json_extract(json, '$.checkIn') IS NOT NULL AND (json_extract(json, '$.author') = ?1 "
            "OR EXISTS (SELECT 1 FROM json_each(entities.json, '$.credit.people') WHERE value = ?1)) ORDER BY event_date, rowid"));
        s.bind(1, personId);
        while (s.step())
            out.append(objectFrom(s.columnText(0)));
    } catch (const ledger::DatabaseError &e) {
        qWarning().noquote() << "local store:" << e.message();
    }
    return out;
}

ledger::Ledger EntityQueries::ledger() const
{
    ledger::Ledger out;
    const QList<LocalEntity> all = query(QStringLiteral("1"), {});
    out.reserve(all.size());
    for (const LocalEntity &e : all) {
        if (e.kind == KindEnterprise) {
            if (auto d = ledger::wire::decodeEnterprise(e.json))
                out.upsert(std::move(d).value());
            else
                qWarning().noquote() << "local store: enterprise" << e.id << "does not decode:" << d.error().toString();
        } else if (e.kind == KindPerson) {
            if (auto d = ledger::wire::decodePerson(e.json))
                out.upsert(std::move(d).value());
            else
                qWarning().noquote() << "local store: person" << e.id << "does not decode:" << d.error().toString();
        } else {
            if (auto d = ledger::wire::decodeRecord(e.json))
                out.upsert(std::move(d).value());
            else
                qWarning().noquote() << "local store: record" << e.id << "does not decode:" << d.error().toString();
        }
    }
    return out;
}

} // namespace mobile
