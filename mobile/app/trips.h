// The `Trips` singleton: trips and the visits made on them. A visit names its trip ("trip"); a
// trip lists its visits ("visits"). As in shared/'s visitsByTrip, a visit belongs to the trip it
// names, and one that names no trip to the trip listing it.
#pragma once

#include "qmlsingleton.h"

#include <QJsonObject>
#include <QObject>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>

namespace mobile {

class LocalStore;

class Trips : public QObject, public QmlSingleton<Trips>
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    explicit Trips(const LocalStore &store, QObject *parent = nullptr);

    // The visits made on a trip: those naming it (fromVisit: true) and those in `listed` (the
    // trip's own list) naming no other trip, by date: [{id, date, enterpriseName, purpose,
    // checkedIn, fromVisit}].
    Q_INVOKABLE [[nodiscard]] QVariantList visits(const QString &tripId, const QStringList &listed) const;
    // Visits within the trip's dates, credited to or written by one of its members, on no trip
    // yet (neither naming one nor listed by another trip) and not in `listed`: those a person
    // may add to the trip.
    Q_INVOKABLE [[nodiscard]] QVariantList candidates(const QString &tripId, const QString &start, const QString &end,
                                                      const QStringList &members, const QStringList &listed) const;
    // The trips a visit can be made on: [{id, label, covers}], those covering `visitDate` first.
    Q_INVOKABLE [[nodiscard]] QVariantList choices(const QString &visitDate) const;

    // A trip about to be saved lists the visits made on it: those picked on its form that name no
    // other trip, and those whose own form names this trip.
    [[nodiscard]] QJsonObject withItsVisits(QJsonObject trip) const;

private:
    const LocalStore &m_store;
};

} // namespace mobile
