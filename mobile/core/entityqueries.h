// What the app's lists, map and scores read from the local store: queries over the entities
// table that SQLite works out from the stored JSON and the indexed generated columns, so that no
// list holds the records in memory. Deleted entities are left out everywhere; a failing read is
// logged and answers an empty result.
#pragma once

#include "entitytable.h"

#include "ledger/database.h"
#include "ledger/ledger.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace mobile {

class EntityQueries
{
public:
    explicit EntityQueries(ledger::Database &db) : m_db(db) {}

    [[nodiscard]] QList<LocalEntity> entities(const QString &kind) const;
    [[nodiscard]] QList<LocalEntity> records() const;
    // Entities with a rejection reason, for the author to fix.
    [[nodiscard]] QList<LocalEntity> rejected() const;

    // Which records a list shows: the rowids of the matching entities, records that need their
    // author (refused by the server, or returned by a reviewer) first, then newest event date
    // first, then by id. `search` matches the text a list row shows: names, purposes, intentions,
    // destinations, payers, notes, the event date and the name of the enterprise referred to.
    struct ListFilter
    {
        QString kind;              // one kind; empty: every kind
        QString project;           // only records of this project ("project" field)
        QString search;
        bool onlyRejected = false; // only entities the server refused
    };
    [[nodiscard]] QList<qint64> listKeys(const ListFilter &filter) const;
    // The entities with these rowids, in the order given; a rowid no longer there (or deleted)
    // gives an entity with an empty id.
    [[nodiscard]] QList<LocalEntity> entitiesByKeys(const QList<qint64> &keys) const;
    // Visits whose "trip" is this trip.
    [[nodiscard]] QList<LocalEntity> visitsOfTrip(const QString &tripId) const;
    // Records of a kind whose event date (a visit's date, a trip's start, a lead's filing date,
    // a project's talks, otherwise "date") lies in [from, to].
    [[nodiscard]] QList<LocalEntity> recordsBetween(const QString &kind, QDate from, QDate to) const;
    // For the investment map: per enterprise, the kinds of records that refer to it ("visit",
    // "referral", "project"), leaving out revoked ones; and per project, its enterprise and the
    // stages of its recognised milestones.
    struct MapFacts
    {
        QHash<QString, QStringList> kindsByEnterprise;
        QHash<QString, QString> enterpriseOfProject;
        QHash<QString, QStringList> recognisedStagesOfProject;
    };
    [[nodiscard]] MapFacts mapFacts() const;
    // The check-ins of visits credited to or written by this person, oldest event first.
    [[nodiscard]] QJsonArray checkInsOf(const QString &personId) const;
    // Everything local, decoded, for recognition and scoring. An entity that does not decode (a
    // newer writer's version) is left out with a warning.
    [[nodiscard]] ledger::Ledger ledger() const;

private:
    // Entities matching `where` (with at most one parameter), in entry order.
    [[nodiscard]] QList<LocalEntity> query(const QString &where, const QString &bound) const;

    ledger::Database &m_db;
};

} // namespace mobile
