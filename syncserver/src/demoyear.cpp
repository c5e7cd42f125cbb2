// DemoYear's groundwork: the seeded randomness, readable ids, days, attachments, reviews, the
// order of the year's steps, and the finished document.
#include "demoyear.h"

#include "ledger/recognition.h"

#include <QCryptographicHash>
#include <algorithm>

namespace syncserver::demo {

// In the order the office lives the year; later steps pick from what earlier ones made.
LedgerDocument DemoYear::build()
{
    addPeople();
    addEnterprises();
    std::vector<PlannedVisit> visits = planTrips();
    planZoneVisits(visits);
    addVisits(std::move(visits));
    addLeads();
    addProjects();
    addFunds();
    addReferrals();
    addHeadquarters();
    addAward();
    addSigningEvent();
    addMapCompletion();
    return document();
}

RecordId DemoYear::nextId(QStringView kind)
{
    const int n = ++m_counters[kind.toString()];
    return RecordId(uuid(kind.toString() + QStringLiteral("/%1").arg(n, 4, 10, QChar(u'0'))));
}

QDate DemoYear::workday(int month)
{
    const QDate first(m_year, month, 1);
    for (;;) {
        const QDate d = first.addDays(between(0, first.daysInMonth() - 1));
        if (d.dayOfWeek() <= 5)
            return d;
    }
}

QString DemoYear::mimeTypeOf(QStringView fileName)
{
    if (fileName.endsWith(u".pdf"))
        return QStringLiteral("application/pdf");
    if (fileName.endsWith(u".jpg"))
        return QStringLiteral("image/jpeg");
    if (fileName.endsWith(u".xlsx"))
        return QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    return QStringLiteral("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

Attachment DemoYear::attachment(const RecordId &owner, QStringView fileName)
{
    const QByteArray digest =
        QCryptographicHash::hash((owner.toString() + u'/' + fileName.toString()).toUtf8(), QCryptographicHash::Sha256);
    Attachment a;
    a.sha256 = *AttachmentHash::parse(QString::fromLatin1(digest.toHex()));
    a.name = fileName.toString();
    a.mimeType = mimeTypeOf(fileName);
    // Scans and photos of 60 KB to about 4 MB.
    a.size = 60'000 + ((quint8(digest[0]) << 16) | (quint8(digest[1]) << 8) | quint8(digest[2])) % 4'000'000;
    return a;
}

QList<Attachment> DemoYear::files(const RecordId &owner, std::initializer_list<QStringView> names)
{
    QList<Attachment> out;
    for (QStringView name : names)
        out.append(attachment(owner, name));
    return out;
}

Review DemoYear::review(ReviewState state, QDate event, QStringView reason)
{
    Review r;
    r.state = state;
    r.reason = reason.toString();
    if (state == ReviewState::Submitted)
        return r;
    r.reviewer = pick(m_reviewers);
    const QDate day = std::max(event, std::min(event.addDays(between(1, 12)), QDate(m_year, 12, 31)));
    r.at = QDateTime(day, QTime(between(1, 8), between(0, 59), between(0, 59)), Qt::UTC); // office hours
    return r;
}

Review DemoYear::everydayReview(QDate event)
{
    static constexpr double Waiting[] = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.02, 0.08, 0.2, 0.45};
    const bool waits = event.year() == m_year && chance(Waiting[event.month() - 1]);
    return review(waits ? ReviewState::Submitted : ReviewState::Recognised, event);
}

Review DemoYear::reviewFor(Ending ending, QDate event, QStringView reason)
{
    switch (ending) {
    case Ending::Recognised: return review(ReviewState::Recognised, event);
    case Ending::Waiting: return review(ReviewState::Submitted, event);
    case Ending::Returned: return review(ReviewState::Returned, event, reason);
    case Ending::Revoked: return review(ReviewState::Revoked, event, reason);
    }
    return {};
}

RecordMeta DemoYear::meta(QStringView kind, const UnitCode &unit, QList<PersonId> people)
{
    RecordMeta m;
    m.id = nextId(kind);
    m.author = people.value(0);
    m.credit = {unit, std::move(people)};
    return m;
}

LedgerDocument DemoYear::document()
{
    LedgerDocument doc;
    doc.schemeId = m_scheme.id;
    for (Person &p : m_people)
        doc.ledger.upsert(std::move(p));
    for (Enterprise &e : m_enterprises)
        doc.ledger.upsert(std::move(e));
    // The ledger reads as the year went: by event date, in the order things were entered.
    std::stable_sort(m_records.begin(), m_records.end(),
                     [](const Record &a, const Record &b) { return eventDate(a) < eventDate(b); });
    doc.ledger.reserve(qsizetype(m_records.size()));
    for (Record &r : m_records)
        doc.ledger.upsert(std::move(r));
    return doc;
}

} // namespace syncserver::demo
