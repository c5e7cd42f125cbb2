// Encoding a score report for the API, the terminal and the golden files.
#include "ledger/reportjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <QHash>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace ledger {

namespace {

QJsonValue quantity(Quantity q) { return QJsonValue(qint64(q)); }

// ---- the records behind the figures, written directly as JSON text ----

void appendString(QByteArray &out, QStringView text)
{
    out += '"';
    for (const char ch : text.toUtf8()) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            static const char hex[] = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 0xf];
        } else {
            out += char(c);
        }
    }
    out += '"';
}

// Dates, ids and codes are ASCII with nothing to escape; written without a detour through QString.
void appendDate(QByteArray &out, QDate d)
{
    char buf[16];
    const int n = std::snprintf(buf, sizeof buf, "\"%04d-%02d-%02d\"", d.year(), d.month(), d.day());
    out.append(buf, n);
}

void appendId(QByteArray &out, const QUuid &id)
{
    out += '"';
    out += id.toByteArray(QUuid::WithoutBraces);
    out += '"';
}

void appendKey(QByteArray &out, const char *key)
{
    out += '"';
    out += key;
    out += "\":";
}

QByteArray contributionsText(const std::vector<Contribution> &cs)
{
    // Kinds and units repeat: each is encoded once.
    QHash<int, QByteArray> kinds;
    QHash<QString, QByteArray> units;
    auto encoded = [](auto &cache, const auto &key, const QString &text) -> const QByteArray & {
        auto it = cache.find(key);
        if (it == cache.end()) {
            QByteArray b;
            appendString(b, text);
            it = cache.insert(key, b);
        }
        return *it;
    };
    QByteArray out;
    out.reserve(qsizetype(cs.size()) * 150 + 2);
    out += '[';
    bool first = true;
    for (const auto &c : cs) {
        out += first ? "{" : ",{";
        first = false;
        appendKey(out, "counted");
        out += c.counted ? "true" : "false";
        out += ',';
        appendKey(out, "date");
        appendDate(out, c.date);
        out += ',';
        appendKey(out, "kind");
        out += encoded(kinds, int(c.kind), toString(c.kind));
        if (!c.counted) {
            out += ',';
            appendKey(out, "note");
            appendString(out, c.note());
        }
        if (c.ofWhich) {
            out += ',';
            appendKey(out, "ofWhich");
            out += "true";
        }
        out += ',';
        appendKey(out, "quantity");
        out += QByteArray::number(qint64(c.quantity));
        out += ',';
        appendKey(out, "record");
        appendId(out, c.record.uuid());
        out += ',';
        appendKey(out, "unit");
        out += encoded(units, c.unit.code(), c.unit.code());
        out += '}';
    }
    out += ']';
    return out;
}

QByteArray bonusItemsText(const std::vector<BonusItem> &items)
{
    QByteArray out = "[";
    bool first = true;
    for (const auto &i : items) {
        out += first ? "{" : ",{";
        first = false;
        if (i.amount) {
            appendKey(out, "amount");
            out += QByteArray::number(qint64(i.amount));
            out += ',';
        }
        appendKey(out, "counted");
        out += i.counted ? "true" : "false";
        out += ',';
        appendKey(out, "date");
        appendDate(out, i.date);
        if (!i.note.isEmpty()) {
            out += ',';
            appendKey(out, "note");
            appendString(out, i.note);
        }
        out += ',';
        appendKey(out, "points");
        appendString(out, i.points.toString());
        out += ',';
        appendKey(out, "record");
        appendId(out, i.record.uuid());
        out += '}';
    }
    out += ']';
    return out;
}

// Where the report's long lists go. Building them as QJsonObjects costs seconds for a million
// records, so toJsonText() writes each list as text and leaves a placeholder string in the
// report, "\u0001<token>:<n>" with a token made for that one call, which it then replaces by the
// text. No name or note in the report can know the token, so none can pass for a placeholder.
struct Lists
{
    std::vector<QByteArray> *text = nullptr; // null: build QJsonArrays (toJson)
    QString token;

    QJsonValue contributions(const std::vector<Contribution> &cs) const
    {
        return place(contributionsText(cs));
    }
    QJsonValue bonusItems(const std::vector<BonusItem> &items) const
    {
        return place(bonusItemsText(items));
    }
    // One encoder for the lists: toJson() parses the text back, toJsonText() splices it in.
    QJsonValue place(QByteArray list) const
    {
        if (!text)
            return QJsonDocument::fromJson(list).array();
        text->push_back(std::move(list));
        return QStringLiteral("\x01%1:%2").arg(token).arg(text->size() - 1);
    }
};

QJsonObject progressJson(const MeasureProgress &p, Quantity target, std::optional<Quantity> ofWhichTarget, bool withContributions,
                         const Lists &lists)
{
    QJsonObject o{{QStringLiteral("target"), quantity(target)}, {QStringLiteral("achieved"), quantity(p.achieved)}};
    if (ofWhichTarget) {
        o.insert(QStringLiteral("ofWhichTarget"), quantity(*ofWhichTarget));
        o.insert(QStringLiteral("ofWhichAchieved"), quantity(p.ofWhichAchieved));
    }
    if (withContributions)
        o.insert(QStringLiteral("contributions"), lists.contributions(p.contributions));
    return o;
}

QJsonObject personJson(const PersonScore &p)
{
    QJsonObject o{{QStringLiteral("person"), p.person.toString()}, {QStringLiteral("name"), p.name},
                  {QStringLiteral("unit"), p.unit.code()}, {QStringLiteral("records"), p.records},
                  {QStringLiteral("share"), p.share.toString()}, {QStringLiteral("rank"), p.rank},
                  {QStringLiteral("eligible"), p.eligible}};
    if (!p.ineligibleBecause.isEmpty())
        o.insert(QStringLiteral("ineligibleBecause"), p.ineligibleBecause);
    return o;
}

QJsonObject build(const ScoreReport &r, const ReportJsonOptions &options, const Lists &lists)
{
    QJsonArray zone;
    for (const auto &z : r.zone) {
        QJsonObject o = progressJson(z.progress, z.target, z.ofWhichTarget, options.contributions && !options.detailOf, lists);
        o.insert(QStringLiteral("id"), z.targetId);
        o.insert(QStringLiteral("name"), z.name);
        zone.append(o);
    }
    QJsonArray groups;
    auto seesDetailOf = [&options](const UnitCode &unit) { return !options.detailOf || *options.detailOf == unit; };
    for (const auto &g : r.groups) {
        const bool groupDetail = options.contributions && std::any_of(g.units.begin(), g.units.end(), seesDetailOf);
        QJsonArray tasks;
        for (const auto &t : g.tasks) {
            QJsonObject o = progressJson(t.progress, t.target, t.ofWhichTarget, groupDetail, lists);
            o.insert(QStringLiteral("id"), t.taskId);
            o.insert(QStringLiteral("name"), t.name);
            o.insert(QStringLiteral("points"), t.points.toString());
            o.insert(QStringLiteral("maxPoints"), t.maxPoints.toString());
            tasks.append(o);
        }
        QJsonArray units;
        for (const auto &u : g.units)
            units.append(u.code());
        groups.append(QJsonObject{{QStringLiteral("id"), g.groupId}, {QStringLiteral("units"), units},
                                  {QStringLiteral("points"), g.total.toString()},
                                  {QStringLiteral("maxPoints"), g.maxTotal.toString()}, {QStringLiteral("tasks"), tasks}});
    }
    QJsonArray units;
    for (const auto &u : r.units) {
        const bool unitDetail = seesDetailOf(u.unit);
        QJsonArray bonuses;
        for (const auto &b : u.bonuses) {
            QJsonObject o{{QStringLiteral("kind"), toString(b.kind)}, {QStringLiteral("raw"), b.raw.toString()},
                          {QStringLiteral("points"), b.points.toString()}};
            if (b.cap)
                o.insert(QStringLiteral("cap"), b.cap->toString());
            if (options.contributions && unitDetail)
                o.insert(QStringLiteral("items"), lists.bonusItems(b.items));
            bonuses.append(o);
        }
        QJsonArray people, revoked;
        if (unitDetail) {
            for (const auto &p : u.people)
                people.append(personJson(p));
            for (const auto &id : u.revoked)
                revoked.append(id.toString());
        }
        QJsonObject o{{QStringLiteral("unit"), u.unit.code()}, {QStringLiteral("name"), u.name},
                      {QStringLiteral("group"), u.groupId}, {QStringLiteral("taskPoints"), u.taskPoints.toString()},
                      {QStringLiteral("bonusPoints"), u.bonusPoints.toString()}, {QStringLiteral("total"), u.total.toString()},
                      {QStringLiteral("rank"), u.rank}, {QStringLiteral("headcount"), u.headcount},
                      {QStringLiteral("pool"), u.pool.toString()}, {QStringLiteral("manualShares"), u.manualShares},
                      {QStringLiteral("eligible"), u.eligible}, {QStringLiteral("bonuses"), bonuses},
                      {QStringLiteral("people"), people}, {QStringLiteral("revoked"), revoked}};
        if (!u.ineligibleBecause.isEmpty())
            o.insert(QStringLiteral("ineligibleBecause"), u.ineligibleBecause);
        units.append(o);
    }
    QJsonArray people;
    for (const auto &p : r.people)
        if (seesDetailOf(p.unit))
            people.append(personJson(p));
    QJsonArray collective, individuals, problems;
    for (const auto &u : r.awards.collective)
        collective.append(u.code());
    for (const auto &p : r.awards.individuals)
        individuals.append(p.toString());
    for (const auto &p : r.problems)
        problems.append(toJson(p)); // with its code and values, so a reader can put it in its own language
    return QJsonObject{
        {QStringLiteral("scheme"), r.schemeId},
        {QStringLiteral("period"), QJsonObject{{QStringLiteral("year"), r.period.year}, {QStringLiteral("quarter"), r.period.quarter},
                                               {QStringLiteral("quarterAlone"), r.period.quarterAlone},
                                               {QStringLiteral("from"), r.period.first().toString(Qt::ISODate)},
                                               {QStringLiteral("to"), r.period.last().toString(Qt::ISODate)},
                                               {QStringLiteral("label"), r.period.label()}}},
        {QStringLiteral("zone"), zone},
        {QStringLiteral("groups"), groups},
        {QStringLiteral("units"), units},
        {QStringLiteral("people"), people},
        {QStringLiteral("awards"), QJsonObject{{QStringLiteral("collective"), collective}, {QStringLiteral("individuals"), individuals}}},
        {QStringLiteral("problems"), problems},
    };
}

} // namespace

QJsonObject toJson(const ScoreReport &r, const ReportJsonOptions &options) { return build(r, options, Lists{}); }

QByteArray toJsonText(const ScoreReport &r, const ReportJsonOptions &options)
{
    std::vector<QByteArray> lists;
    const QString token = QUuid::createUuid().toString(QUuid::Id128);
    const QByteArray skeleton = QJsonDocument(build(r, options, Lists{&lists, token})).toJson(QJsonDocument::Compact);
    // QJsonDocument writes U+0001 as \u0001, so each placeholder reads "\u0001<token>:<n>".
    const QByteArray mark = "\"\\u0001" + token.toLatin1() + ':';
    QByteArray out;
    qsizetype total = skeleton.size();
    for (const QByteArray &l : lists)
        total += l.size();
    out.reserve(total);
    qsizetype from = 0;
    std::size_t next = 0; // placeholders appear in the order the lists were made
    for (;;) {
        const qsizetype at = skeleton.indexOf(mark, from);
        if (at < 0)
            break;
        const qsizetype end = skeleton.indexOf('"', at + mark.size());
        bool ok = false;
        const qsizetype n = end < 0 ? -1 : skeleton.mid(at + mark.size(), end - at - mark.size()).toLongLong(&ok);
        if (!ok || n < 0 || std::size_t(n) >= lists.size())
            throw std::logic_error("toJsonText: a placeholder that was not made by this call");
        out += QByteArrayView(skeleton).sliced(from, at - from);
        out += lists[std::size_t(n)];
        from = end + 1;
        ++next;
    }
    if (next != lists.size())
        throw std::logic_error("toJsonText: a list was not placed in the report");
    out += QByteArrayView(skeleton).sliced(from);
    return out;
}

QString toText(const ScoreReport &r, const Scheme &scheme)
{
    QString out;
    QTextStream s(&out);
    s << scheme.title << "\n" << r.period.label() << "\n\n";
    s << "全区目标完成情况 Zone targets\n";
    for (qsizetype i = 0; i < scheme.zoneTargets.size() && std::size_t(i) < r.zone.size(); ++i) {
        const auto &z = r.zone[std::size_t(i)];
        const Measure &m = scheme.zoneTargets[i].measure;
        s << "  " << z.name << ": " << formatQuantity(m, z.progress.achieved) << " / " << formatQuantity(m, z.target);
        if (z.ofWhichTarget)
            s << " (其中 " << formatQuantity(m, z.progress.ofWhichAchieved) << " / " << formatQuantity(m, *z.ofWhichTarget) << ")";
        s << "\n";
    }
    s << "\n单位排名 Unit ranking\n";
    for (const auto &u : r.units) {
        s << "  " << u.rank << ". " << u.unit.code() << " " << u.name << "  任务 " << u.taskPoints.toString() << " + 加分 "
          << u.bonusPoints.toString() << " = " << u.total.toString() << "  人数 " << u.headcount << "  总分值 " << u.pool.toString();
        if (!u.eligible)
            s << "  (" << u.ineligibleBecause << ")";
        s << "\n";
    }
    s << "\n先进集体 Advanced Collective: ";
    QStringList names;
    for (const auto &u : r.awards.collective)
        names << u.code();
    s << (names.isEmpty() ? QStringLiteral("—") : names.join(QStringLiteral("、"))) << "\n";
    s << "先进个人 Advanced Individuals: ";
    names.clear();
    for (const auto &id : r.awards.individuals) {
        const PersonScore *p = r.person(id);
        names << (p && !p->name.isEmpty() ? p->name + QStringLiteral("（") + p->unit.code() + QStringLiteral(" ") + p->share.toString() + QStringLiteral("）") : id.toString());
    }
    s << (names.isEmpty() ? QStringLiteral("—") : names.join(QStringLiteral("、"))) << "\n";
    for (const auto &p : r.problems)
        s << "! " << (p.field.isEmpty() ? QString() : p.field + QStringLiteral(": ")) << p.message << "\n";
    return out;
}

} // namespace ledger
