// Loading and validating a scheme file. Every problem is collected with its path, so a broken copy
// gets one clear message per problem rather than the first one only.
#include "ledger/scheme.h"

#include "ledger/wire.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace ledger {

bool Measure::countsSameAs(const Measure &o) const
{
    if (of != o.of)
        return false;
    switch (of) {
    case MeasureOf::Milestones:
    case MeasureOf::Investment:
        return stage == o.stage;
    case MeasureOf::Funds:
        return funds == o.funds;
    default:
        return true;
    }
}

const SchemeUnit *Scheme::unit(const UnitCode &code) const
{
    for (const auto &u : units) {
        if (u.code == code)
            return &u;
    }
    return nullptr;
}

const TaskGroup *Scheme::groupOf(const UnitCode &code) const
{
    for (const auto &g : groups) {
        if (g.units.contains(code))
            return &g;
    }
    return nullptr;
}

const Industry *Scheme::industry(QStringView key) const
{
    for (const auto &i : industries) {
        if (i.key == key)
            return &i;
    }
    return nullptr;
}

bool Scheme::isLeadingIndustry(QStringView key) const
{
    const Industry *i = industry(key);
    return i && i->leading;
}

bool Scheme::isExcludedFromAwards(const UnitCode &code) const { return awards.excludedUnits.contains(code); }

namespace {

QString typeName(const QJsonValue &v) { return wire::jsonType(v); }

// Reads values out of the scheme's JSON, recording every problem with its path and carrying on.
class Reader
{
public:
    QList<FieldError> problems;

    void problem(const QString &path, ErrorCode code, const QStringList &args = {}) { problems.append(FieldError(path, code, args)); }
    void wrongType(const QString &path, const QString &expected, const QJsonValue &v)
    {
        problem(path, ErrorCode::WrongType, {expected, typeName(v)});
    }

    QJsonValue need(const QJsonObject &o, const QString &path, QLatin1StringView key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            problem(join(path, key), ErrorCode::Missing);
        return v;
    }

    static QString join(const QString &path, QLatin1StringView key)
    {
        return path.isEmpty() ? QString(key) : path + u'.' + QString(key);
    }
    static QString index(const QString &path, qsizetype i) { return path + u'[' + QString::number(i) + u']'; }

    QString string(const QJsonObject &o, const QString &path, QLatin1StringView key, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(join(path, key), ErrorCode::Missing);
            return {};
        }
        if (!v.isString()) {
            wrongType(join(path, key), QStringLiteral("string"), v);
            return {};
        }
        if (required && v.toString().trimmed().isEmpty())
            problem(join(path, key), ErrorCode::Empty);
        return v.toString();
    }

    std::optional<std::int64_t> integer(const QJsonObject &o, const QString &path, QLatin1StringView key,
                                        std::int64_t minimum, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(join(path, key), ErrorCode::Missing);
            return std::nullopt;
        }
        if (!v.isDouble()) {
            wrongType(join(path, key), QStringLiteral("number"), v);
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (d != static_cast<double>(static_cast<std::int64_t>(d)) || d > 9e15 || d < -9e15) {
            problem(join(path, key), ErrorCode::NotWhole);
            return std::nullopt;
        }
        const auto n = static_cast<std::int64_t>(d);
        if (n < minimum) {
            if (n < 0)
                problem(join(path, key), ErrorCode::Negative);
            else
                problem(join(path, key), ErrorCode::TooSmall, {QString::number(minimum)});
            return std::nullopt;
        }
        return n;
    }

    std::optional<double> positiveNumber(const QJsonObject &o, const QString &path, QLatin1StringView key)
    {
        const QJsonValue v = need(o, path, key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            wrongType(join(path, key), QStringLiteral("number"), v);
            return std::nullopt;
        }
        if (!(v.toDouble() > 0)) {
            problem(join(path, key), ErrorCode::NotPositive);
            return std::nullopt;
        }
        return v.toDouble();
    }

    std::optional<bool> boolean(const QJsonObject &o, const QString &path, QLatin1StringView key)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isBool()) {
            wrongType(join(path, key), QStringLiteral("boolean"), v);
            return std::nullopt;
        }
        return v.toBool();
    }

    // Points as a decimal string ("1.2"); never negative.
    std::optional<Points> points(const QJsonObject &o, const QString &path, QLatin1StringView key)
    {
        const QJsonValue v = need(o, path, key);
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            wrongType(join(path, key), QStringLiteral("string"), v);
            return std::nullopt;
        }
        const auto p = Points::parse(v.toString());
        if (!p) {
            problem(join(path, key), ErrorCode::BadPoints);
            return std::nullopt;
        }
        if (*p < Points()) {
            problem(join(path, key), ErrorCode::Negative);
            return std::nullopt;
        }
        if (*p > MaxPoints) {
            problem(join(path, key), ErrorCode::TooLarge, {MaxPoints.toString()});
            return std::nullopt;
        }
        return p;
    }

    // Money in major units as a decimal string ("800000000"); never negative.
    std::optional<Money> money(const QJsonObject &o, const QString &path, QLatin1StringView key, Currency currency,
                               bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(join(path, key), ErrorCode::Missing);
            return std::nullopt;
        }
        if (!v.isString()) {
            wrongType(join(path, key), QStringLiteral("string"), v);
            return std::nullopt;
        }
        const QString text = v.toString();
        if (text.startsWith(u'-')) {
            problem(join(path, key), ErrorCode::Negative);
            return std::nullopt;
        }
        const auto m = Money::parse(text, currency);
        if (!m) {
            problem(join(path, key), ErrorCode::BadAmount);
        } else if (m->minor > Money::MaxMinor) {
            problem(join(path, key), ErrorCode::TooLarge, {Money{currency, Money::MaxMinor}.toDecimalString()});
            return std::nullopt;
        }
        return m;
    }

    template<class E>
    std::optional<E> enumeration(const QJsonObject &o, const QString &path, QLatin1StringView key, bool required = true)
    {
        const QString s = string(o, path, key, required);
        if (s.isEmpty())
            return std::nullopt;
        const auto e = enumFromString<E>(s);
        if (!e)
            problem(join(path, key), ErrorCode::UnknownValue, {s, enumNames<E>().join(QStringLiteral(", "))});
        return e;
    }

    QJsonArray array(const QJsonObject &o, const QString &path, QLatin1StringView key, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(join(path, key), ErrorCode::Missing);
            return {};
        }
        if (!v.isArray()) {
            wrongType(join(path, key), QStringLiteral("array"), v);
            return {};
        }
        return v.toArray();
    }

    QJsonObject object(const QJsonValue &v, const QString &path)
    {
        if (!v.isObject()) {
            if (!v.isUndefined() && !v.isNull())
                wrongType(path, QStringLiteral("object"), v);
            else
                problem(path, ErrorCode::Missing);
            return {};
        }
        return v.toObject();
    }
};

const QList<std::pair<QLatin1StringView, MeasureOf>> &measureNames()
{
    static const QList<std::pair<QLatin1StringView, MeasureOf>> names{
        {QLatin1StringView("milestones"), MeasureOf::Milestones},
        {QLatin1StringView("investment"), MeasureOf::Investment},
        {QLatin1StringView("funds"), MeasureOf::Funds},
        {QLatin1StringView("leads"), MeasureOf::Leads},
        {QLatin1StringView("trips"), MeasureOf::Trips},
        {QLatin1StringView("institution_visits"), MeasureOf::InstitutionVisits},
        {QLatin1StringView("signing_events"), MeasureOf::SigningEvents},
        {QLatin1StringView("map_completions"), MeasureOf::MapCompletions},
    };
    return names;
}

ProjectFilter readFilter(Reader &r, const QJsonObject &o, const QString &path)
{
    static const QSet<QString> known{QStringLiteral("minInvestment"), QStringLiteral("chemical"),
        QStringLiteral("provincialLedger"), QStringLiteral("foreignFunded"), QStringLiteral("upgradeTransfer"),
        QStringLiteral("leadingIndustry")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            r.problem(path + u'.' + it.key(), ErrorCode::UnknownKey, {QStringList(known.begin(), known.end()).join(QStringLiteral(", "))});
    }
    ProjectFilter f;
    f.minInvestment = r.money(o, path, QLatin1StringView("minInvestment"), Currency::CNY, false);
    f.chemical = r.boolean(o, path, QLatin1StringView("chemical"));
    f.provincialLedger = r.boolean(o, path, QLatin1StringView("provincialLedger"));
    f.foreignFunded = r.boolean(o, path, QLatin1StringView("foreignFunded"));
    f.upgradeTransfer = r.boolean(o, path, QLatin1StringView("upgradeTransfer"));
    f.leadingIndustry = r.boolean(o, path, QLatin1StringView("leadingIndustry"));
    return f;
}

std::optional<Measure> readMeasure(Reader &r, const QJsonObject &parent, const QString &parentPath)
{
    const QString path = Reader::join(parentPath, QLatin1StringView("measure"));
    const QJsonObject o = r.object(parent.value(QLatin1StringView("measure")), path);
    if (o.isEmpty())
        return std::nullopt;
    const QString of = r.string(o, path, QLatin1StringView("of"));
    Measure m;
    bool found = false;
    QStringList names;
    for (const auto &[name, value] : measureNames()) {
        names << QString(name);
        if (of == name) {
            m.of = value;
            found = true;
        }
    }
    if (!found) {
        if (!of.isEmpty())
            r.problem(path + QStringLiteral(".of"), ErrorCode::UnknownValue, {of, names.join(QStringLiteral(", "))});
        return std::nullopt;
    }
    const int before = int(r.problems.size());
    if (m.of == MeasureOf::Milestones || m.of == MeasureOf::Investment) {
        if (auto s = r.enumeration<MilestoneStage>(o, path, QLatin1StringView("stage")))
            m.stage = *s;
    }
    if (m.of == MeasureOf::Funds) {
        if (auto k = r.enumeration<FundsKind>(o, path, QLatin1StringView("funds")))
            m.funds = *k;
    }
    if (o.contains(QLatin1StringView("where")))
        m.where = readFilter(r, r.object(o.value(QLatin1StringView("where")), path + QStringLiteral(".where")), path + QStringLiteral(".where"));
    if (o.contains(QLatin1StringView("ofWhich")))
        m.ofWhich = readFilter(r, r.object(o.value(QLatin1StringView("ofWhich")), path + QStringLiteral(".ofWhich")), path + QStringLiteral(".ofWhich"));
    if (m.of == MeasureOf::Leads) {
        if (auto cap = r.integer(o, path, QLatin1StringView("perMonthCap"), 0, false))
            m.perMonthCap = int(*cap);
    }
    const bool takesProjectFilter = m.of == MeasureOf::Milestones || m.of == MeasureOf::Investment;
    if (!takesProjectFilter && m.ofWhich)
        r.problem(path + QStringLiteral(".ofWhich"), ErrorCode::OfWhichNotAllowed);
    if (m.of == MeasureOf::Trips) {
        ProjectFilter onlyLeading;
        onlyLeading.leadingIndustry = m.where.leadingIndustry;
        if (!(m.where == onlyLeading))
            r.problem(path + QStringLiteral(".where"), ErrorCode::TripsLeadingOnly);
    } else if (!takesProjectFilter && !m.where.isEmpty()) {
        r.problem(path + QStringLiteral(".where"), ErrorCode::TakesNoConditions, {of});
    }
    if (r.problems.size() != before)
        return std::nullopt;
    return m;
}

// Reads "target" (and "ofWhichTarget") in the measure's unit: a whole count, or an amount string.
std::optional<Quantity> readQuantity(Reader &r, const QJsonObject &o, const QString &path, QLatin1StringView key,
                                     const Measure &m, bool required)
{
    if (m.isAmount()) {
        const auto money = r.money(o, path, key, m.currency(), required);
        if (money && money->minor <= 0) {
            r.problem(Reader::join(path, key), ErrorCode::NotPositive);
            return std::nullopt;
        }
        return money ? std::optional<Quantity>(money->minor) : std::nullopt;
    }
    return r.integer(o, path, key, 1, required);
}

// Reads a whole scheme, one method per part of the file in the file's order, so that problems are
// reported in that order. The sets of ids read so far let later parts check what they refer to.
class SchemeReader
{
public:
    explicit SchemeReader(const QJsonObject &root) : m_root(root) {}

    SchemeLoad read()
    {
        readHeader();
        readUnits();
        readIndustries();
        readZoneTargets();
        readGroups();
        checkEveryUnitIsInAGroup();
        checkGroupsShareTheZoneTargets();
        readBonuses();
        readAwards();
        readCheckIn();
        SchemeLoad out;
        out.problems = m_r.problems;
        if (out.problems.isEmpty())
            out.scheme = std::move(m_s);
        return out;
    }

private:
    [[nodiscard]] QString unitList() const { return QStringList(m_unitCodes.begin(), m_unitCodes.end()).join(QStringLiteral(", ")); }

    void readHeader()
    {
        const QString top;
        if (auto v = m_r.integer(m_root, top, QLatin1StringView("schemeVersion"), 1)) {
            if (*v != 1)
                m_r.problem(QStringLiteral("schemeVersion"), ErrorCode::UnsupportedVersion, {QString::number(*v), QStringLiteral("1")});
        }
        m_s.id = m_r.string(m_root, top, QLatin1StringView("id"));
        if (auto y = m_r.integer(m_root, top, QLatin1StringView("year"), 2000)) {
            if (*y > 2100)
                m_r.problem(QStringLiteral("year"), ErrorCode::ImplausibleYear, {QString::number(*y)});
            m_s.year = int(*y);
        }
        m_s.title = m_r.string(m_root, top, QLatin1StringView("title"));
    }

    void readUnits()
    {
        static const QRegularExpression codePattern(QStringLiteral("^[A-Z0-9]{2,8}$"));
        const QJsonArray units = m_r.array(m_root, {}, QLatin1StringView("units"));
        for (qsizetype i = 0; i < units.size(); ++i) {
            const QString path = Reader::index(QStringLiteral("units"), i);
            const QJsonObject o = m_r.object(units.at(i), path);
            SchemeUnit u;
            u.code = UnitCode(m_r.string(o, path, QLatin1StringView("code")));
            if (!u.code.isEmpty() && !codePattern.match(u.code.code()).hasMatch())
                m_r.problem(path + QStringLiteral(".code"), ErrorCode::NotAUnitCode);
            else if (m_unitCodes.contains(u.code.code()))
                m_r.problem(path + QStringLiteral(".code"), ErrorCode::Duplicate, {u.code.code()});
            m_unitCodes.insert(u.code.code());
            u.name = m_r.string(o, path, QLatin1StringView("name"));
            u.nameEn = m_r.string(o, path, QLatin1StringView("nameEn"), false);
            u.head = m_r.string(o, path, QLatin1StringView("head"), false);
            // The pool is the score times the headcount: a bound keeps that product far inside 64 bits.
            constexpr std::int64_t MaxHeadcount = 100000;
            if (auto h = m_r.integer(o, path, QLatin1StringView("headcount"), 1)) {
                if (*h > MaxHeadcount)
                    m_r.problem(path + QStringLiteral(".headcount"), ErrorCode::TooLarge, {QString::number(MaxHeadcount)});
                else
                    u.headcount = int(*h);
            }
            m_s.units.append(u);
        }
        if (units.isEmpty() && m_root.contains(QLatin1StringView("units")))
            m_r.problem(QStringLiteral("units"), ErrorCode::EmptyList);
    }

    void readIndustries()
    {
        const QJsonArray industries = m_r.array(m_root, {}, QLatin1StringView("industries"));
        QSet<QString> keys;
        for (qsizetype i = 0; i < industries.size(); ++i) {
            const QString path = Reader::index(QStringLiteral("industries"), i);
            const QJsonObject o = m_r.object(industries.at(i), path);
            Industry ind;
            ind.key = m_r.string(o, path, QLatin1StringView("key"));
            if (keys.contains(ind.key))
                m_r.problem(path + QStringLiteral(".key"), ErrorCode::Duplicate, {ind.key});
            keys.insert(ind.key);
            ind.name = m_r.string(o, path, QLatin1StringView("name"));
            ind.nameEn = m_r.string(o, path, QLatin1StringView("nameEn"), false);
            ind.leading = m_r.boolean(o, path, QLatin1StringView("leading")).value_or(false);
            ind.chain = readChain(o, path);
            m_s.industries.append(ind);
        }
    }

    // The links of an industry's chain: each a name.
    QStringList readChain(const QJsonObject &industry, const QString &path)
    {
        QStringList out;
        const QJsonArray chain = m_r.array(industry, path, QLatin1StringView("chain"), false);
        for (qsizetype c = 0; c < chain.size(); ++c) {
            const QString link = Reader::index(path + QStringLiteral(".chain"), c);
            if (!chain.at(c).isString())
                m_r.wrongType(link, QStringLiteral("string"), chain.at(c));
            else if (chain.at(c).toString().trimmed().isEmpty())
                m_r.problem(link, ErrorCode::Empty);
            else
                out << chain.at(c).toString();
        }
        return out;
    }

    // What a zone target or a task counts, its target and its "of which" target, which go together.
    template<class T> void readMeasured(const QJsonObject &o, const QString &path, T &x)
    {
        const auto m = readMeasure(m_r, o, path);
        if (!m)
            return;
        x.measure = *m;
        x.target = readQuantity(m_r, o, path, QLatin1StringView("target"), *m, true).value_or(0);
        x.ofWhichTarget = readQuantity(m_r, o, path, QLatin1StringView("ofWhichTarget"), *m, false);
        if (m->ofWhich.has_value() != x.ofWhichTarget.has_value())
            m_r.problem(path + QStringLiteral(".ofWhichTarget"), ErrorCode::OfWhichPairing);
        if (x.ofWhichTarget && *x.ofWhichTarget > x.target)
            m_r.problem(path + QStringLiteral(".ofWhichTarget"), ErrorCode::OfWhichOverTarget);
    }

    void readZoneTargets()
    {
        const QJsonArray zone = m_r.array(m_root, {}, QLatin1StringView("zoneTargets"));
        for (qsizetype i = 0; i < zone.size(); ++i) {
            const QString path = Reader::index(QStringLiteral("zoneTargets"), i);
            const QJsonObject o = m_r.object(zone.at(i), path);
            ZoneTarget z;
            z.id = m_r.string(o, path, QLatin1StringView("id"));
            if (m_zoneIndex.contains(z.id))
                m_r.problem(path + QStringLiteral(".id"), ErrorCode::Duplicate, {z.id});
            z.name = m_r.string(o, path, QLatin1StringView("name"));
            readMeasured(o, path, z);
            m_zoneIndex.insert(z.id, m_s.zoneTargets.size());
            m_s.zoneTargets.append(z);
        }
    }

    void readGroups()
    {
        const QJsonArray groups = m_r.array(m_root, {}, QLatin1StringView("groups"));
        for (qsizetype g = 0; g < groups.size(); ++g) {
            const QString path = Reader::index(QStringLiteral("groups"), g);
            const QJsonObject o = m_r.object(groups.at(g), path);
            TaskGroup group;
            group.id = m_r.string(o, path, QLatin1StringView("id"));
            if (m_groupIds.contains(group.id))
                m_r.problem(path + QStringLiteral(".id"), ErrorCode::Duplicate, {group.id});
            m_groupIds.insert(group.id);
            group.leader = m_r.string(o, path, QLatin1StringView("leader"), false);
            group.units = readGroupUnits(o, path);
            const auto total = m_r.points(o, path, QLatin1StringView("total"));
            group.total = total.value_or(Points());
            group.tasks = readTasks(o, path, total);
            m_s.groups.append(group);
        }
    }

    // A group's units: each one of the scheme's, and in no other group.
    QList<UnitCode> readGroupUnits(const QJsonObject &group, const QString &path)
    {
        QList<UnitCode> out;
        const QJsonArray units = m_r.array(group, path, QLatin1StringView("units"));
        if (units.isEmpty() && group.contains(QLatin1StringView("units")))
            m_r.problem(path + QStringLiteral(".units"), ErrorCode::EmptyList);
        for (qsizetype u = 0; u < units.size(); ++u) {
            const QString upath = Reader::index(path + QStringLiteral(".units"), u);
            const QString code = units.at(u).toString();
            if (!m_unitCodes.contains(code)) {
                m_r.problem(upath, ErrorCode::UnknownValue, {code, unitList()});
                continue;
            }
            if (m_unitToGroupPath.contains(code))
                m_r.problem(upath, ErrorCode::AlreadyInGroup, {code, m_unitToGroupPath.value(code)});
            m_unitToGroupPath.insert(code, path);
            out.append(UnitCode(code));
        }
        return out;
    }

    // A group's tasks, whose points add up to the group's total when both are readable.
    QList<Task> readTasks(const QJsonObject &group, const QString &path, const std::optional<Points> &total)
    {
        QList<Task> out;
        const QJsonArray tasks = m_r.array(group, path, QLatin1StringView("tasks"));
        Points sum;
        bool allPoints = true;
        for (qsizetype t = 0; t < tasks.size(); ++t) {
            const QString tpath = Reader::index(path + QStringLiteral(".tasks"), t);
            std::optional<Points> points;
            out.append(readTask(m_r.object(tasks.at(t), tpath), tpath, points));
            if (points)
                sum += *points;
            else
                allPoints = false;
        }
        if (total && allPoints && sum != *total)
            m_r.problem(path + QStringLiteral(".tasks"), ErrorCode::PointsSum, {sum.toString(), total->toString()});
        return out;
    }

    // One task; `points` is left unset when its points are missing or unreadable.
    Task readTask(const QJsonObject &o, const QString &path, std::optional<Points> &points)
    {
        Task task;
        task.id = m_r.string(o, path, QLatin1StringView("id"));
        if (m_taskIds.contains(task.id))
            m_r.problem(path + QStringLiteral(".id"), ErrorCode::Duplicate, {task.id});
        m_taskIds.insert(task.id);
        task.name = m_r.string(o, path, QLatin1StringView("name"));
        points = m_r.points(o, path, QLatin1StringView("points"));
        task.points = points.value_or(Points());
        if (auto mode = m_r.string(o, path, QLatin1StringView("credit"), false); !mode.isEmpty()) {
            if (mode == QStringLiteral("proportional"))
                task.credit = CreditMode::Proportional;
            else if (mode == QStringLiteral("all_or_nothing"))
                task.credit = CreditMode::AllOrNothing;
            else
                m_r.problem(path + QStringLiteral(".credit"), ErrorCode::UnknownValue, {mode, QStringLiteral("proportional, all_or_nothing")});
        }
        readMeasured(o, path, task);
        task.zoneTarget = m_r.string(o, path, QLatin1StringView("zoneTarget"), false);
        if (!task.zoneTarget.isEmpty()) {
            if (!m_zoneIndex.contains(task.zoneTarget))
                m_r.problem(path + QStringLiteral(".zoneTarget"), ErrorCode::UnknownZoneTarget, {task.zoneTarget});
            else if (!m_s.zoneTargets.at(m_zoneIndex.value(task.zoneTarget)).measure.countsSameAs(task.measure))
                m_r.problem(path + QStringLiteral(".zoneTarget"), ErrorCode::ZoneTargetMismatch, {task.zoneTarget});
        }
        return task;
    }

    void checkEveryUnitIsInAGroup()
    {
        for (const auto &u : std::as_const(m_s.units)) {
            if (!u.code.isEmpty() && !m_unitToGroupPath.contains(u.code.code()))
                m_r.problem(QStringLiteral("groups"), ErrorCode::InNoGroup, {u.code.code()});
        }
    }

    // The group targets that are shares of a zone target add up to it, "of which" targets too.
    void checkGroupsShareTheZoneTargets()
    {
        for (const auto &z : std::as_const(m_s.zoneTargets)) {
            Quantity sum = 0, ofWhichSum = 0;
            bool any = false;
            for (const auto &g : std::as_const(m_s.groups)) {
                for (const auto &t : g.tasks) {
                    if (t.zoneTarget != z.id)
                        continue;
                    any = true;
                    sum += t.target;
                    ofWhichSum += t.ofWhichTarget.value_or(0);
                }
            }
            if (!any)
                continue;
            const QString path = Reader::index(QStringLiteral("zoneTargets"), m_zoneIndex.value(z.id));
            if (sum != z.target)
                m_r.problem(path + QStringLiteral(".target"), ErrorCode::TargetsSum,
                            {z.id, formatQuantity(z.measure, sum), formatQuantity(z.measure, z.target)});
            if (z.ofWhichTarget && ofWhichSum != *z.ofWhichTarget)
                m_r.problem(path + QStringLiteral(".ofWhichTarget"), ErrorCode::OfWhichTargetsSum,
                            {z.id, formatQuantity(z.measure, ofWhichSum), formatQuantity(z.measure, *z.ofWhichTarget)});
        }
    }

    void readBonuses()
    {
        const QJsonObject bonuses = m_r.object(m_root.value(QLatin1StringView("bonuses")), QStringLiteral("bonuses"));
        readReferral(bonuses);
        readCapitalIncrease(bonuses);
        readHeadquarters(bonuses);
    }

    void readReferral(const QJsonObject &bonuses)
    {
        const QString p = QStringLiteral("bonuses.referral");
        const QJsonObject o = m_r.object(bonuses.value(QLatin1StringView("referral")), p);
        m_s.referral.leadingIndustry = m_r.points(o, p, QLatin1StringView("leadingIndustry")).value_or(Points());
        m_s.referral.foreign = m_r.points(o, p, QLatin1StringView("foreign")).value_or(Points());
        m_s.referral.cap = m_r.points(o, p, QLatin1StringView("cap")).value_or(Points());
    }

    void readCapitalIncrease(const QJsonObject &bonuses)
    {
        const QString p = QStringLiteral("bonuses.capitalIncrease");
        const QJsonObject o = m_r.object(bonuses.value(QLatin1StringView("capitalIncrease")), p);
        const QString cur = m_r.string(o, p, QLatin1StringView("currency"));
        if (!cur.isEmpty() && cur != QStringLiteral("USD"))
            m_r.problem(p + QStringLiteral(".currency"), ErrorCode::WrongCurrency, {QStringLiteral("USD"), cur});
        if (auto per = m_r.money(o, p, QLatin1StringView("per"), Currency::USD)) {
            if (per->minor <= 0)
                m_r.problem(p + QStringLiteral(".per"), ErrorCode::NotPositive);
            m_s.capitalIncrease.per = *per;
        }
        m_s.capitalIncrease.points = m_r.points(o, p, QLatin1StringView("points")).value_or(Points());
        m_s.capitalIncrease.cap = m_r.points(o, p, QLatin1StringView("cap")).value_or(Points());
    }

    void readHeadquarters(const QJsonObject &bonuses)
    {
        const QString p = QStringLiteral("bonuses.headquarters");
        const QJsonObject o = m_r.object(bonuses.value(QLatin1StringView("headquarters")), p);
        auto &h = m_s.headquarters;
        h.points = m_r.points(o, p, QLatin1StringView("points")).value_or(Points());
        h.minImportExport = m_r.money(o, p, QLatin1StringView("minImportExport"), Currency::CNY).value_or(Money());
        h.minAnnualOutput = m_r.money(o, p, QLatin1StringView("minAnnualOutput"), Currency::CNY).value_or(Money());
        h.minLocalFiscal = m_r.money(o, p, QLatin1StringView("minLocalFiscal"), Currency::CNY).value_or(Money());
        h.minRegisteredCapital = m_r.money(o, p, QLatin1StringView("minRegisteredCapital"), Currency::CNY).value_or(Money());
        h.minPaidInCapital = m_r.money(o, p, QLatin1StringView("minPaidInCapital"), Currency::CNY).value_or(Money());
    }

    void readAwards()
    {
        const QString p = QStringLiteral("awards");
        const QJsonObject o = m_r.object(m_root.value(QLatin1StringView("awards")), p);
        m_s.awards.collectiveTop = int(m_r.integer(o, p, QLatin1StringView("collectiveTop"), 0).value_or(1));
        m_s.awards.individualTop = int(m_r.integer(o, p, QLatin1StringView("individualTop"), 0).value_or(5));
        const QJsonArray ex = m_r.array(o, p, QLatin1StringView("excludedUnits"), false);
        for (qsizetype i = 0; i < ex.size(); ++i) {
            const QString code = ex.at(i).toString();
            if (!m_unitCodes.contains(code))
                m_r.problem(Reader::index(p + QStringLiteral(".excludedUnits"), i), ErrorCode::UnknownValue, {code, unitList()});
            else
                m_s.awards.excludedUnits.append(UnitCode(code));
        }
    }

    void readCheckIn()
    {
        const QString p = QStringLiteral("checkIn");
        const QJsonObject o = m_r.object(m_root.value(QLatin1StringView("checkIn")), p);
        auto &c = m_s.checkIn;
        c.maxAccuracyM = m_r.positiveNumber(o, p, QLatin1StringView("maxAccuracyM")).value_or(c.maxAccuracyM);
        c.farFromSiteM = m_r.positiveNumber(o, p, QLatin1StringView("farFromSiteM")).value_or(c.farFromSiteM);
        c.maxSpeedKmh = m_r.positiveNumber(o, p, QLatin1StringView("maxSpeedKmh")).value_or(c.maxSpeedKmh);
    }

    const QJsonObject &m_root;
    Reader m_r;
    Scheme m_s;
    QSet<QString> m_unitCodes;
    QHash<QString, qsizetype> m_zoneIndex;        // zone target id → its position
    QHash<QString, QString> m_unitToGroupPath;    // unit code → "groups[2]"
    QSet<QString> m_groupIds, m_taskIds;
};

} // namespace

QString formatQuantity(const Measure &measure, Quantity q)
{
    if (measure.isAmount())
        return Money{measure.currency(), q}.toDisplayString();
    return QString::number(q);
}

SchemeLoad loadScheme(const QByteArray &json)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    SchemeLoad out;
    if (err.error != QJsonParseError::NoError)
        out.problems.append(FieldError({}, ErrorCode::NotJson, {QString::number(err.offset), err.errorString()}));
    else if (!doc.isObject())
        out.problems.append(FieldError({}, ErrorCode::WrongType, {QStringLiteral("object"), QStringLiteral("array")}));
    if (!out.problems.isEmpty())
        return out;
    const QJsonObject root = doc.object();
    return SchemeReader(root).read();
}

SchemeLoad loadSchemeFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        SchemeLoad out;
        out.problems.append(FieldError(path, ErrorCode::Unreadable, {f.errorString()}));
        return out;
    }
    return loadScheme(f.readAll());
}

Scheme scheme2023()
{
    // The compiled-in copy is checked by the tests; a failure here is a build defect, not user input.
    SchemeLoad load = loadSchemeFile(QStringLiteral(":/schemes/xxkfq-2023.json"));
    if (!load.scheme)
        qFatal("the built-in 2023 scheme does not load: %s", qPrintable(load.problems.value(0).toString()));
    return *std::move(load.scheme);
}

} // namespace ledger
