// Entities as the app would save them, built from the shared types and encoded by ledger::wire, so
// the tests state only what matters to them.
#pragma once

#include "ledger/entities.h"
#include "ledger/wire.h"

#include <QJsonObject>
#include <QTimeZone>
#include <QUuid>

namespace mobile::test {

inline QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

inline QJsonObject lead(const QString &unit, const QString &personId, const QString &enterpriseName, const QString &id = newId())
{
    ledger::Lead l;
    l.meta.id = *ledger::RecordId::parse(id);
    l.meta.credit.unit = ledger::UnitCode(unit);
    if (!personId.isEmpty())
        l.meta.credit.people = {*ledger::PersonId::parse(personId)};
    l.enterpriseName = enterpriseName;
    l.intention = QStringLiteral("有意在区内设立华东生产基地");
    l.expectedInvestment = ledger::Money::yuan(300000000);
    l.industry = QStringLiteral("fine_chemicals");
    l.filed = QDate(2023, 5, 16);
    l.source = QStringLiteral("行业协会推介");
    return ledger::wire::encode(ledger::Record(l));
}

inline QJsonObject enterprise(const QString &name, const QString &id = newId())
{
    ledger::Enterprise e;
    e.id = *ledger::EnterpriseId::parse(id);
    e.name = name;
    e.industry = QStringLiteral("fine_chemicals");
    e.address = QStringLiteral("经开区纬三路 8 号");
    return ledger::wire::encode(e);
}

inline QJsonObject visit(const QString &unit, const QString &personId, const QString &enterpriseId, const QList<ledger::Attachment> &attachments,
                         const QString &id = newId())
{
    ledger::Visit v;
    v.meta.id = *ledger::RecordId::parse(id);
    v.meta.credit.unit = ledger::UnitCode(unit);
    v.meta.credit.people = {*ledger::PersonId::parse(personId)};
    v.enterprise = *ledger::EnterpriseId::parse(enterpriseId);
    v.date = QDate(2023, 6, 2);
    v.purpose = QStringLiteral("洽谈扩产项目");
    v.attachments = attachments;
    v.noCheckInReason = QStringLiteral("企业在外地，定位不可用");
    return ledger::wire::encode(ledger::Record(v));
}

// A visit on `date` with a check-in at (latitude, longitude), fixed at 10:00 that day (UTC).
inline QJsonObject checkedInVisit(const QString &unit, const QString &personId, const QString &enterpriseId, QDate date, double latitude,
                                  double longitude, const QString &id = newId())
{
    ledger::Visit v;
    v.meta.id = *ledger::RecordId::parse(id);
    v.meta.credit.unit = ledger::UnitCode(unit);
    v.meta.credit.people = {*ledger::PersonId::parse(personId)};
    v.enterprise = *ledger::EnterpriseId::parse(enterpriseId);
    v.date = date;
    v.purpose = QStringLiteral("现场回访");
    v.checkIn = ledger::CheckIn{ledger::GeoPoint{latitude, longitude}, 15.0, QDateTime(date, QTime(10, 0), QTimeZone::utc()), std::nullopt, {}};
    return ledger::wire::encode(ledger::Record(v));
}

inline QJsonObject project(const QString &unit, const QString &personId, const QString &enterpriseId, const QString &name, const QString &id = newId())
{
    ledger::Project p;
    p.meta.id = *ledger::RecordId::parse(id);
    p.meta.credit.unit = ledger::UnitCode(unit);
    p.meta.credit.people = {*ledger::PersonId::parse(personId)};
    p.enterprise = *ledger::EnterpriseId::parse(enterpriseId);
    p.name = name;
    p.investment = ledger::Money::yuan(500000000);
    p.industry = QStringLiteral("new_materials");
    p.talksSince = QDate(2023, 3, 1);
    return ledger::wire::encode(ledger::Record(p));
}

inline QJsonObject milestone(const QString &unit, const QString &personId, const QString &projectId, ledger::MilestoneStage stage, QDate date,
                             const QString &id = newId())
{
    ledger::Milestone m;
    m.meta.id = *ledger::RecordId::parse(id);
    m.meta.credit.unit = ledger::UnitCode(unit);
    m.meta.credit.people = {*ledger::PersonId::parse(personId)};
    m.project = *ledger::RecordId::parse(projectId);
    m.stage = stage;
    m.date = date;
    return ledger::wire::encode(ledger::Record(m));
}

// The same entity with one top-level field set.
inline QJsonObject with(QJsonObject json, const QString &field, const QJsonValue &value)
{
    json.insert(field, value);
    return json;
}

} // namespace mobile::test
