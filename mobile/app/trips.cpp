// The Trips singleton.
#include "trips.h"

#include "localstore.h"

#include "ledger/ids.h"
#include "ledger/ledger.h"

#include <QSet>

#include <algorithm>

namespace mobile {

namespace {
// shared/'s rule for a visit the trip lists: on this trip unless it names another.
bool listedVisitIsOnTrip(const LocalEntity &visit, const QString &tripId)
{
    const auto trip = ledger::RecordId::parse(tripId);
    return trip && ledger::visitIsOnTrip(ledger::RecordId::parse(visit.json.value(QStringLiteral("trip")).toString()), *trip, true);
}

QVariantMap visitRow(const LocalEntity &v, const LocalStore &store, bool fromVisit)
{
    const auto enterprise = store.entity(v.json.value(QStringLiteral("enterprise")).toString());
    return {{QStringLiteral("id"), v.id},
            {QStringLiteral("date"), v.json.value(QStringLiteral("date")).toString()},
            {QStringLiteral("enterpriseName"), enterprise ? enterprise->json.value(QStringLiteral("name")).toString() : QString()},
            {QStringLiteral("purpose"), v.json.value(QStringLiteral("purpose")).toString()},
            {QStringLiteral("checkedIn"), v.json.contains(QStringLiteral("checkIn"))},
            {QStringLiteral("trip"), v.json.value(QStringLiteral("trip")).toString()},
            {QStringLiteral("fromVisit"), fromVisit}};
}
} // namespace

Trips::Trips(const LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
}

QJsonObject Trips::withItsVisits(QJsonObject trip) const
{
    if (trip.value(QStringLiteral("kind")).toString() != u"trip" || !trip.value(QStringLiteral("visits")).isArray())
        return trip;
    const QString tripId = trip.value(QStringLiteral("id")).toString();
    QJsonArray visits;
    for (const QJsonValue &listed : trip.value(QStringLiteral("visits")).toArray()) {
        const auto v = m_store.entity(listed.toString());
        if (!v || listedVisitIsOnTrip(*v, tripId))
            visits.append(listed);
    }
    for (const LocalEntity &v : m_store.visitsOfTrip(tripId))
        if (!visits.contains(QJsonValue(v.id)))
            visits.append(v.id);
    trip.insert(QStringLiteral("visits"), visits);
    return trip;
}

QVariantList Trips::visits(const QString &tripId, const QStringList &listed) const
{
    QVariantList out;
    QStringList seen;
    for (const LocalEntity &v : m_store.visitsOfTrip(tripId)) {
        out.append(visitRow(v, m_store, true));
        seen << v.id;
    }
    for (const QString &id : listed) {
        if (seen.contains(id))
            continue;
        seen << id;
        if (const auto v = m_store.entity(id); v && v->kind == u"visit") {
            if (listedVisitIsOnTrip(*v, tripId)) // one that moved to another trip is that trip's
                out.append(visitRow(*v, m_store, false));
        }
        else // pulled later or deleted on this device: the id stays on the trip
            out.append(QVariantMap{{QStringLiteral("id"), id}, {QStringLiteral("enterpriseName"), tr("（本机没有这条拜访记录）")},
                                   {QStringLiteral("fromVisit"), false}});
    }
    std::sort(out.begin(), out.end(), [](const QVariant &a, const QVariant &b) {
        return a.toMap().value(QStringLiteral("date")).toString() < b.toMap().value(QStringLiteral("date")).toString();
    });
    return out;
}

QVariantList Trips::candidates(const QString &tripId, const QString &start, const QString &end, const QStringList &members,
                               const QStringList &listed) const
{
    QVariantList out;
    const QDate from = QDate::fromString(start, Qt::ISODate);
    const QDate to = QDate::fromString(end, Qt::ISODate);
    if (!from.isValid() || !to.isValid() || to < from)
        return out;
    QSet<QString> onOtherTrips;
    for (const LocalEntity &t : m_store.entities(QStringLiteral("trip")))
        if (t.id != tripId)
            for (const QJsonValue &id : t.json.value(QStringLiteral("visits")).toArray())
                onOtherTrips.insert(id.toString());
    for (const LocalEntity &v : m_store.recordsBetween(QStringLiteral("visit"), from, to)) {
        const QString trip = v.json.value(QStringLiteral("trip")).toString();
        // Visits already on the trip's list, naming a trip (this one or another) or listed by
        // another trip are not offered: a visit is made on one trip.
        if (listed.contains(v.id) || !trip.isEmpty() || onOtherTrips.contains(v.id))
            continue;
        // Made by someone on the trip: credited to a member, or written by one.
        const QJsonArray people = v.json.value(QStringLiteral("credit")).toObject().value(QStringLiteral("people")).toArray();
        const bool byMember = members.contains(v.json.value(QStringLiteral("author")).toString())
                              || std::any_of(people.begin(), people.end(), [&](const QJsonValue &p) { return members.contains(p.toString()); });
        if (byMember)
            out.append(visitRow(v, m_store, false));
    }
    return out;
}

QVariantList Trips::choices(const QString &visitDate) const
{
    const QDate date = QDate::fromString(visitDate, Qt::ISODate);
    QVariantList covering;
    QVariantList others;
    for (const LocalEntity &t : m_store.entities(QStringLiteral("trip"))) {
        const QString start = t.json.value(QStringLiteral("start")).toString();
        const QString end = t.json.value(QStringLiteral("end")).toString();
        const bool covers = date.isValid() && QDate::fromString(start, Qt::ISODate) <= date && date <= QDate::fromString(end, Qt::ISODate);
        const QVariantMap choice{{QStringLiteral("id"), t.id}, {QStringLiteral("covers"), covers}, {QStringLiteral("start"), start}, {QStringLiteral("end"), end},
                                 {QStringLiteral("label"), tr("%1（%2 至 %3）").arg(t.json.value(QStringLiteral("destination")).toString(), start, end)}};
        (covers ? covering : others).append(choice);
    }
    // Trips on the visit's date first, then the most recent.
    auto newestFirst = [](const QVariant &a, const QVariant &b) {
        const QVariantMap l = a.toMap();
        const QVariantMap r = b.toMap();
        return std::pair(l.value(QStringLiteral("start")).toString(), l.value(QStringLiteral("end")).toString())
               > std::pair(r.value(QStringLiteral("start")).toString(), r.value(QStringLiteral("end")).toString());
    };
    std::sort(covering.begin(), covering.end(), newestFirst);
    std::sort(others.begin(), others.end(), newestFirst);
    return covering + others;
}

} // namespace mobile
