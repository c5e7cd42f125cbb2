// Closing, reopening and signing off quarters; the snapshot, the changes since it, and its check.
#include "quartersignoffs.h"

#include "auditcheckpoints.h"
#include "exportnames.h"
#include "http.h"

#include "ledger/caption.h"
#include "ledger/reportjson.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace ledger;

namespace syncserver {

namespace {

// A signed row is kept as it was signed: the database itself refuses to change or delete it,
// as it does for the audit log. A closed row may go (reopened) or become signed.
const char *const kSchema = R"(
CREATE TABLE IF NOT EXISTS quarter_signoffs(
    year INTEGER NOT NULL, quarter INTEGER NOT NULL, state TEXT NOT NULL,
    closed_by TEXT NOT NULL, closed_at TEXT NOT NULL,
    signed_by TEXT NOT NULL DEFAULT '', signed_at TEXT NOT NULL DEFAULT '',
    number TEXT NOT NULL DEFAULT '', date TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL DEFAULT '', sha256 TEXT NOT NULL DEFAULT '',
    PRIMARY KEY(year, quarter));
CREATE TRIGGER IF NOT EXISTS quarter_signed_no_update BEFORE UPDATE ON quarter_signoffs WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed quarter is kept as it was signed'); END;
CREATE TRIGGER IF NOT EXISTS quarter_signed_no_delete BEFORE DELETE ON quarter_signoffs WHEN OLD.state = 'signed'
BEGIN SELECT RAISE(ABORT, 'a signed quarter is kept as it was signed'); END;
)";

QString sha256Hex(const QByteArray &bytes) { return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()); }

QString chineseDate(QDate d) { return QStringLiteral("%1年%2月%3日").arg(d.year()).arg(d.month()).arg(d.day()); }

QString entityOf(int year, int quarter) { return QStringLiteral("%1-Q%2").arg(year).arg(quarter); }

HttpError conflict(const QString &field, const QString &message) { return HttpError{409, QStringLiteral("conflict"), message, field}; }

QString reviewWord(const QString &state)
{
    if (state == u"recognised")
        return QStringLiteral("已认定");
    if (state == u"returned")
        return QStringLiteral("已退回");
    if (state == u"revoked")
        return QStringLiteral("虚假信息");
    return QStringLiteral("待认定");
}

const Measure *zoneMeasure(const Scheme &scheme, QStringView id)
{
    for (const ZoneTarget &z : scheme.zoneTargets)
        if (z.id == id)
            return &z.measure;
    return nullptr;
}

QJsonObject figure(const QString &label, const QString &value) { return {{QStringLiteral("label"), label}, {QStringLiteral("value"), value}}; }

// The figures of the notice that a later decision can move: every unit's task score, bonus,
// total and pool, every task's points, every zone target's progress. Exact text, keyed.
QJsonObject figuresOf(const ScoreReport &report)
{
    QJsonObject out;
    for (const UnitScore &u : report.units) {
        const QString key = QStringLiteral("unit/") + u.unit.code() + u'/';
        out.insert(key + QStringLiteral("taskPoints"), figure(u.name + QStringLiteral(" 任务得分"), u.taskPoints.toString()));
        out.insert(key + QStringLiteral("bonusPoints"), figure(u.name + QStringLiteral(" 加分"), u.bonusPoints.toString()));
        out.insert(key + QStringLiteral("total"), figure(u.name + QStringLiteral(" 总分"), u.total.toString()));
        out.insert(key + QStringLiteral("pool"), figure(u.name + QStringLiteral(" 总分值"), u.pool.toString()));
    }
    for (const GroupScore &g : report.groups)
        for (const TaskScore &t : g.tasks)
            out.insert(QStringLiteral("task/") + t.taskId + QStringLiteral("/points"),
                       figure(g.groupId + u' ' + t.name + QStringLiteral(" 得分"), t.points.toString()));
    for (const ZoneProgress &z : report.zone)
        out.insert(QStringLiteral("zone/") + z.targetId, figure(QStringLiteral("全区 ") + z.name, QString::number(z.progress.achieved)));
    return out;
}

// How much a figure moved, signed, in its own unit.
QString movement(const Scheme &scheme, const QString &key, const QString &before, const QString &after)
{
    if (key.startsWith(QStringLiteral("zone/"))) {
        const Quantity d = after.toLongLong() - before.toLongLong();
        static const Measure plainCount;
        const Measure *m = zoneMeasure(scheme, key.mid(5));
        const QString text = formatQuantity(m ? *m : plainCount, d < 0 ? -d : d);
        return (d < 0 ? QStringLiteral("-") : QStringLiteral("+")) + text;
    }
    const Points d = Points::parse(after).value_or(Points()) - Points::parse(before).value_or(Points());
    return d < Points() ? d.toString() : u'+' + d.toString();
}

QString zoneText(const Scheme &scheme, const QString &key, const QString &value)
{
    if (!key.startsWith(QStringLiteral("zone/")))
        return value;
    static const Measure plainCount;
    const Measure *m = zoneMeasure(scheme, key.mid(5));
    return formatQuantity(m ? *m : plainCount, value.toLongLong());
}

QString checkNumber(const QString &given)
{
    const QString number = given.trimmed();
    if (number.isEmpty())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("a signed notice needs its document number (文号)"), QStringLiteral("number")};
    if (number.size() > 40)
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("a document number has at most 40 characters"), QStringLiteral("number")};
    for (const QChar ch : number)
        if (ch.category() == QChar::Other_Control || ch.category() == QChar::Other_Format)
            throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("control characters are not allowed"), QStringLiteral("number")};
    return number;
}

} // namespace

QString toString(QuarterState state)
{
    switch (state) {
    case QuarterState::Provisional: return QStringLiteral("provisional");
    case QuarterState::Closed: return QStringLiteral("closed");
    case QuarterState::Signed: return QStringLiteral("signed");
    }
    return QString(); // not a valid enumerator
}

QJsonObject QuarterStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("year"), year}, {QStringLiteral("quarter"), quarter}, {QStringLiteral("state"), toString(state)},
                  {QStringLiteral("mark"), mark()}};
    if (state != QuarterState::Provisional) {
        o.insert(QStringLiteral("closedBy"), closedBy);
        o.insert(QStringLiteral("closedAt"), closedAt);
    }
    if (state == QuarterState::Signed) {
        o.insert(QStringLiteral("signedBy"), signedBy);
        o.insert(QStringLiteral("signedAt"), signedAt);
        o.insert(QStringLiteral("number"), number);
        o.insert(QStringLiteral("date"), date.toString(Qt::ISODate));
        o.insert(QStringLiteral("sha256"), sha256);
    }
    return o;
}

QString QuarterStatus::mark() const
{
    if (state == QuarterState::Signed)
        return QStringLiteral("已签认（") + chineseDate(date) + QStringLiteral("，") + signedBy + QStringLiteral("）");
    if (state == QuarterState::Closed)
        return QStringLiteral("暂定（已结算，待领导小组签认）");
    return QStringLiteral("暂定（未经领导小组签认）");
}

QJsonObject QuarterChanges::toJson() const
{
    QJsonArray recs;
    for (const RecordChange &r : records)
        recs.append(QJsonObject{{QStringLiteral("id"), r.id}, {QStringLiteral("caption"), r.caption}, {QStringLiteral("unit"), r.unit},
                                {QStringLiteral("before"), r.before}, {QStringLiteral("after"), r.after}});
    QJsonArray figs;
    for (const FigureChange &f : figures)
        figs.append(QJsonObject{{QStringLiteral("key"), f.key}, {QStringLiteral("label"), f.label}, {QStringLiteral("before"), f.before},
                                {QStringLiteral("after"), f.after}, {QStringLiteral("change"), f.change}});
    return {{QStringLiteral("year"), year}, {QStringLiteral("quarter"), quarter}, {QStringLiteral("records"), recs}, {QStringLiteral("figures"), figs}};
}

Sheet QuarterChanges::sheet() const
{
    Sheet s;
    s.title = QStringLiteral("%1年第%2季度签认后的变动").arg(year).arg(quarter);
    s.headers = {QStringLiteral("类别"), QStringLiteral("项目"), QStringLiteral("签认时"), QStringLiteral("现在"), QStringLiteral("变动")};
    for (const RecordChange &r : records)
        s.append({Cell::ofText(QStringLiteral("记录")), Cell::ofText(r.unit + QStringLiteral("：") + r.caption), Cell::ofText(r.before),
                  Cell::ofText(r.after), Cell()});
    for (const FigureChange &f : figures)
        s.append({Cell::ofText(QStringLiteral("分值")), Cell::ofText(f.label), Cell::ofText(f.before), Cell::ofText(f.after), Cell::ofText(f.change)});
    if (isEmpty())
        s.footnotes << QStringLiteral("签认后无变动。");
    return s;
}

QuarterSignOffs::QuarterSignOffs(Store &store, const Scheme &scheme)
    : m_store(store)
    , m_scheme(scheme)
{
    m_store.write([](Database &db) { db.exec(QString::fromUtf8(kSchema)); });
}

Period QuarterSignOffs::periodOf(int quarter) const { return Period{m_scheme.year, quarter, false}; }

QList<QuarterStatus> QuarterSignOffs::list()
{
    QList<QuarterStatus> out;
    for (int q = 1; q <= 4; ++q)
        out << status(q);
    return out;
}

QuarterStatus QuarterSignOffs::status(int quarter)
{
    return m_store.read([&](Database &db) {
        QuarterStatus st;
        st.year = m_scheme.year;
        st.quarter = quarter;
        Statement s = db.prepare(QStringLiteral("SELECT state, closed_by, closed_at, signed_by, signed_at, number, date, sha256 "
                                                "FROM quarter_signoffs WHERE year = ? AND quarter = ?"));
        s.bind(1, qint64(m_scheme.year)).bind(2, qint64(quarter));
        if (!s.step())
            return st;
        st.state = s.columnText(0) == u"signed" ? QuarterState::Signed : QuarterState::Closed;
        st.closedBy = s.columnText(1);
        st.closedAt = s.columnText(2);
        st.signedBy = s.columnText(3);
        st.signedAt = s.columnText(4);
        st.number = s.columnText(5);
        st.date = QDate::fromString(s.columnText(6), Qt::ISODate);
        st.sha256 = s.columnText(7);
        return st;
    });
}

void QuarterSignOffs::close(int quarter, const Actor &actor, const QString &name)
{
    const QDate today = m_store.clock().now().date();
    const QDate last = periodOf(quarter).last();
    if (today <= last)
        throw conflict(QStringLiteral("quarter"), QStringLiteral("the quarter runs until %1: its tally is closed after it ends").arg(last.toString(Qt::ISODate)));
    m_store.write([&](Database &db) {
        Statement s = db.prepare(QStringLiteral("SELECT state FROM quarter_signoffs WHERE year = ? AND quarter = ?"));
        s.bind(1, qint64(m_scheme.year)).bind(2, qint64(quarter));
        if (s.step())
            throw conflict(QStringLiteral("quarter"), s.columnText(0) == u"signed" ? QStringLiteral("the quarter is signed off already")
                                                                                  : QStringLiteral("the quarter is closed already"));
        Statement ins = db.prepare(QStringLiteral("INSERT INTO quarter_signoffs(year, quarter, state, closed_by, closed_at) VALUES(?,?,'closed',?,?)"));
        ins.bind(1, qint64(m_scheme.year)).bind(2, qint64(quarter)).bind(3, name).bind(4, m_store.clock().now().toString(Qt::ISODate));
        ins.exec();
        m_store.audit(db, actor, QStringLiteral("quarter.close"), entityOf(m_scheme.year, quarter),
                      {{QStringLiteral("year"), m_scheme.year}, {QStringLiteral("quarter"), quarter}});
    });
}

void QuarterSignOffs::reopen(int quarter, const Actor &actor, const QString &name)
{
    m_store.write([&](Database &db) {
        Statement s = db.prepare(QStringLiteral("SELECT state FROM quarter_signoffs WHERE year = ? AND quarter = ?"));
        s.bind(1, qint64(m_scheme.year)).bind(2, qint64(quarter));
        if (!s.step())
            throw conflict(QStringLiteral("quarter"), QStringLiteral("the quarter is not closed"));
        if (s.columnText(0) == u"signed")
            throw conflict(QStringLiteral("quarter"), QStringLiteral("the quarter is signed off: it is not reopened; later changes go into the next quarter's notice"));
        Statement del = db.prepare(QStringLiteral("DELETE FROM quarter_signoffs WHERE year = ? AND quarter = ?"));
        del.bind(1, qint64(m_scheme.year)).bind(2, qint64(quarter));
        del.exec();
        m_store.audit(db, actor, QStringLiteral("quarter.reopen"), entityOf(m_scheme.year, quarter),
                      {{QStringLiteral("year"), m_scheme.year}, {QStringLiteral("quarter"), quarter}, {QStringLiteral("by"), name}});
    });
}

QJsonArray QuarterSignOffs::recordsOf(Database &db, const Period &period)
{
    QJsonArray out;
    Statement s = db.prepare(QStringLiteral("SELECT id, kind, unit, seq, json FROM entities "
                                            "WHERE deleted = 0 AND kind NOT IN ('enterprise', 'person') ORDER BY id"));
    m_store.withLedger([&](const Ledger &l) {
        while (s.step()) {
            const auto id = RecordId::parse(s.columnText(0));
            const Record *r = id ? l.find(*id) : nullptr;
            if (!r)
                continue;
            const QDate d = eventDate(*r);
            if (!d.isValid() || d < period.first() || d > period.last())
                continue;
            const QByteArray json = s.columnBlob(4);
            out.append(QJsonObject{{QStringLiteral("id"), s.columnText(0)},
                                   {QStringLiteral("kind"), s.columnText(1)},
                                   {QStringLiteral("unit"), unitName(m_scheme, UnitCode(s.columnText(2)))},
                                   {QStringLiteral("seq"), qint64(s.columnInt64(3))},
                                   {QStringLiteral("sha256"), sha256Hex(json)},
                                   {QStringLiteral("review"), toString(metaOf(*r).review.state)},
                                   {QStringLiteral("caption"), recordCaption(l, *r)}});
        }
    });
    return out;
}

QuarterStatus QuarterSignOffs::signOff(int quarter, const QString &givenNumber, QDate date, const ScoreOptions &options, const Actor &actor,
                                       const QString &name)
{
    const QString number = checkNumber(givenNumber);
    const Period period = periodOf(quarter);
    if (!date.isValid())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("expected the notice's date as YYYY-MM-DD"), QStringLiteral("date")};
    if (date <= period.last())
        throw HttpError{400, QStringLiteral("invalid"), QStringLiteral("the notice is dated after the quarter ends (%1)").arg(period.last().toString(Qt::ISODate)),
                        QStringLiteral("date")};
    // What the last sign-off before this one left to carry, computed before the write lock is taken.
    NoticeInfo info;
    info.number = number;
    info.date = date;
    for (int p = quarter - 1; p >= 1; --p)
        if (status(p).state == QuarterState::Signed) {
            if (const QuarterChanges c = changes(p, options); !c.isEmpty())
                info.carried = c.sheet();
            break;
        }
    m_store.refresh();
    m_store.write([&](Database &db) {
        Statement s = db.prepare(QStringLiteral("SELECT state, closed_by, closed_at, number, date FROM quarter_signoffs WHERE year = ? AND quarter = ?"));
        s.bind(1, qint64(m_scheme.year)).bind(2, qint64(quarter));
        if (!s.step())
            throw conflict(QStringLiteral("quarter"), QStringLiteral("the quarter's tally is not closed: the bureau closes it before it is signed off"));
        if (s.columnText(0) == u"signed")
            throw conflict(QStringLiteral("quarter"), QStringLiteral("the quarter is signed off already, as %1 of %2").arg(s.columnText(3), s.columnText(4)));
        const QString closedBy = s.columnText(1);
        const QString closedAt = s.columnText(2);

        // The head the snapshot was made from: the last entry before the sign-off's own.
        AuditHead head;
        Statement h = db.prepare(QStringLiteral("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1"));
        if (h.step())
            head = AuditHead{h.columnInt64(0), h.columnText(1)};
        QuarterStatus st;
        st.year = m_scheme.year;
        st.quarter = quarter;
        st.state = QuarterState::Signed;
        st.signedBy = name;
        st.signedAt = m_store.clock().now().toString(Qt::ISODate);
        st.number = number;
        st.date = date;
        info.mark = st.mark();
        info.footer << AuditCheckpoints::noticeLine(head, std::nullopt);

        const QJsonArray records = recordsOf(db, period);
        QJsonObject snapshot = m_store.withLedger([&](const Ledger &l) {
            const ScoreReport report = score(m_scheme, l, period, options);
            return QJsonObject{{QStringLiteral("figures"), figuresOf(report)},
                               {QStringLiteral("report"), ledger::toJson(report)},
                               {QStringLiteral("notice"), noticeToJson(buildNotice(l, m_scheme, report, info))}};
        });
        snapshot.insert(QStringLiteral("year"), m_scheme.year);
        snapshot.insert(QStringLiteral("quarter"), quarter);
        snapshot.insert(QStringLiteral("period"), period.label());
        snapshot.insert(QStringLiteral("number"), number);
        snapshot.insert(QStringLiteral("date"), date.toString(Qt::ISODate));
        snapshot.insert(QStringLiteral("closedBy"), closedBy);
        snapshot.insert(QStringLiteral("closedAt"), closedAt);
        snapshot.insert(QStringLiteral("signedBy"), QJsonObject{{QStringLiteral("id"), actor.userId}, {QStringLiteral("name"), name}});
        snapshot.insert(QStringLiteral("signedAt"), st.signedAt);
        snapshot.insert(QStringLiteral("auditHead"), QJsonObject{{QStringLiteral("entries"), head.entries}, {QStringLiteral("hash"), head.hash}});
        snapshot.insert(QStringLiteral("seq"), m_store.lastSeq());
        snapshot.insert(QStringLiteral("records"), records);
        const QByteArray text = QJsonDocument(snapshot).toJson(QJsonDocument::Compact);
        st.sha256 = sha256Hex(text);

        Statement up = db.prepare(QStringLiteral("UPDATE quarter_signoffs SET state = 'signed', signed_by = ?, signed_at = ?, number = ?, date = ?, "
                                                 "snapshot = ?, sha256 = ? WHERE year = ? AND quarter = ?"));
        up.bind(1, name).bind(2, st.signedAt).bind(3, number).bind(4, date.toString(Qt::ISODate)).bind(5, QString::fromUtf8(text)).bind(6, st.sha256);
        up.bind(7, qint64(m_scheme.year)).bind(8, qint64(quarter));
        up.exec();
        m_store.audit(db, actor, QStringLiteral("quarter.signoff"), entityOf(m_scheme.year, quarter),
                      {{QStringLiteral("year"), m_scheme.year},
                       {QStringLiteral("quarter"), quarter},
                       {QStringLiteral("number"), number},
                       {QStringLiteral("date"), date.toString(Qt::ISODate)},
                       {QStringLiteral("sha256"), st.sha256},
                       {QStringLiteral("auditHead"), QJsonObject{{QStringLiteral("entries"), head.entries}, {QStringLiteral("hash"), head.hash}}}});
        st.closedBy = closedBy;
        st.closedAt = closedAt;
        return st;
    });
    return status(quarter);
}

std::optional<QByteArray> QuarterSignOffs::snapshot(int quarter)
{
    return m_store.read([&](Database &db) -> std::optional<QByteArray> {
        Statement s = db.prepare(QStringLiteral("SELECT snapshot FROM quarter_signoffs WHERE year = ? AND quarter = ? AND state = 'signed'"));
        s.bind(1, qint64(m_scheme.year)).bind(2, qint64(quarter));
        if (!s.step())
            return std::nullopt;
        return s.columnBlob(0);
    });
}

QuarterChanges QuarterSignOffs::changes(int quarter, const ScoreOptions &options)
{
    const std::optional<QByteArray> text = snapshot(quarter);
    if (!text)
        throw conflict(QStringLiteral("quarter"), QStringLiteral("the quarter is not signed off: there is nothing to compare with"));
    return diff(quarter, QJsonDocument::fromJson(*text).object(), options);
}

QuarterChanges QuarterSignOffs::diff(int quarter, const QJsonObject &snapshot, const ScoreOptions &options)
{
    const Period period = periodOf(quarter);
    QuarterChanges out;
    out.year = m_scheme.year;
    out.quarter = quarter;
    m_store.refresh();
    const QJsonArray nowRecords = m_store.read([&](Database &db) { return recordsOf(db, period); });
    QHash<QString, QJsonObject> was;
    for (const QJsonValue &v : snapshot.value(QStringLiteral("records")).toArray())
        was.insert(v.toObject().value(QStringLiteral("id")).toString(), v.toObject());
    for (const QJsonValue &v : nowRecords) {
        const QJsonObject now = v.toObject();
        const QString id = now.value(QStringLiteral("id")).toString();
        const auto before = was.constFind(id);
        if (before != was.constEnd() && before->value(QStringLiteral("seq")).toInteger() == now.value(QStringLiteral("seq")).toInteger()) {
            was.erase(before);
            continue;
        }
        out.records << RecordChange{id, now.value(QStringLiteral("caption")).toString(), now.value(QStringLiteral("unit")).toString(),
                                    before == was.constEnd() ? QStringLiteral("—") : reviewWord(before->value(QStringLiteral("review")).toString()),
                                    reviewWord(now.value(QStringLiteral("review")).toString())};
        if (before != was.constEnd())
            was.erase(before);
    }
    for (const QJsonObject &gone : std::as_const(was))
        out.records << RecordChange{gone.value(QStringLiteral("id")).toString(), gone.value(QStringLiteral("caption")).toString(),
                                    gone.value(QStringLiteral("unit")).toString(), reviewWord(gone.value(QStringLiteral("review")).toString()),
                                    QStringLiteral("已删除")};

    const QJsonObject before = snapshot.value(QStringLiteral("figures")).toObject();
    const QJsonObject after = m_store.withLedger([&](const Ledger &l) { return figuresOf(score(m_scheme, l, period, options)); });
    for (auto it = after.begin(); it != after.end(); ++it) {
        const QString b = before.value(it.key()).toObject().value(QStringLiteral("value")).toString(QStringLiteral("0"));
        const QString a = it->toObject().value(QStringLiteral("value")).toString();
        if (a == b)
            continue;
        out.figures << FigureChange{it.key(), it->toObject().value(QStringLiteral("label")).toString(), zoneText(m_scheme, it.key(), b),
                                    zoneText(m_scheme, it.key(), a), movement(m_scheme, it.key(), b, a)};
    }
    return out;
}

Notice QuarterSignOffs::notice(int quarter, NoticeInfo info, const ScoreOptions &options)
{
    if (const std::optional<QByteArray> text = snapshot(quarter))
        return noticeFromJson(QJsonDocument::fromJson(*text).object().value(QStringLiteral("notice")).toObject());
    info.mark = status(quarter).mark();
    for (int p = quarter - 1; p >= 1; --p)
        if (status(p).state == QuarterState::Signed) {
            if (const QuarterChanges c = changes(p, options); !c.isEmpty())
                info.carried = c.sheet();
            break;
        }
    const Period period = periodOf(quarter);
    m_store.refresh();
    return m_store.withLedger([&](const Ledger &l) { return buildNotice(l, m_scheme, score(m_scheme, l, period, options), info); });
}

QStringList QuarterSignOffs::verify(Store &store)
{
    return store.read([](Database &db) {
        QStringList problems;
        Statement exists = db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'quarter_signoffs'"));
        const bool haveTable = exists.step() && exists.columnInt64(0) > 0;
        // What the chain says was signed: entity "2023-Q3" → the snapshot's SHA-256.
        QHash<QString, QPair<qint64, QString>> signedInLog;
        Statement log = db.prepare(QStringLiteral("SELECT id, entity_id, detail FROM audit WHERE action = 'quarter.signoff' ORDER BY id"));
        while (log.step())
            signedInLog.insert(log.columnText(1), {log.columnInt64(0), QJsonDocument::fromJson(log.columnBlob(2)).object().value(QStringLiteral("sha256")).toString()});
        if (haveTable) {
            Statement s = db.prepare(QStringLiteral("SELECT year, quarter, snapshot, sha256 FROM quarter_signoffs WHERE state = 'signed' ORDER BY year, quarter"));
            while (s.step()) {
                const QString entity = entityOf(int(s.columnInt64(0)), int(s.columnInt64(1)));
                const QString actual = sha256Hex(s.columnBlob(2));
                const auto logged = signedInLog.constFind(entity);
                if (logged == signedInLog.constEnd())
                    problems << QStringLiteral("quarter %1 is stored as signed, but no audit entry signed it").arg(entity);
                else if (logged->second != actual)
                    problems << QStringLiteral("quarter %1's signed snapshot differs from the one audit entry %2 signed (SHA-256 %3, now %4)")
                                    .arg(entity).arg(logged->first).arg(logged->second, actual);
                else if (s.columnText(3) != actual)
                    problems << QStringLiteral("quarter %1's stored SHA-256 is not its snapshot's").arg(entity);
                signedInLog.remove(entity);
            }
        }
        for (auto it = signedInLog.cbegin(); it != signedInLog.cend(); ++it)
            problems << QStringLiteral("audit entry %1 signed quarter %2 off, but its snapshot is gone").arg(it->first).arg(it.key());
        return problems;
    });
}

} // namespace syncserver
