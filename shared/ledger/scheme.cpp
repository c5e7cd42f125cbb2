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
        if (!m)
            problem(join(path, key), ErrorCode::BadAmount);
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

} // namespace

QString formatQuantity(const Measure &measure, Quantity q)
{
    if (measure.isAmount())
        return Money{measure.currency(), q}.toDisplayString();
    return QString::number(q);
}

SchemeLoad loadScheme(const QByteArray &json)
{
    SchemeLoad out;
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError) {
        out.problems.append(FieldError({}, ErrorCode::NotJson, {QString::number(err.offset), err.errorString()}));
        return out;
    }
    if (!doc.isObject()) {
        out.problems.append(FieldError({}, ErrorCode::WrongType, {QStringLiteral("object"), QStringLiteral("array")}));
        return out;
    }
    const QJsonObject root = doc.object();
    Reader r;
    Scheme s;
    const QString top;

    if (auto v = r.integer(root, top, QLatin1StringView("schemeVersion"), 1)) {
        if (*v != 1)
            r.problem(QStringLiteral("schemeVersion"), ErrorCode::UnsupportedVersion, {QString::number(*v), QStringLiteral("1")});
    }
    s.id = r.string(root, top, QLatin1StringView("id"));
    if (auto y = r.integer(root, top, QLatin1StringView("year"), 2000)) {
        if (*y > 2100)
            r.problem(QStringLiteral("year"), ErrorCode::ImplausibleYear, {QString::number(*y)});
        s.year = int(*y);
    }
    s.title = r.string(root, top, QLatin1StringView("title"));

    // Units.
    static const QRegularExpression codePattern(QStringLiteral("^[A-Z0-9]{2,8}$"));
    const QJsonArray units = r.array(root, top, QLatin1StringView("units"));
    QSet<QString> unitCodes;
    for (qsizetype i = 0; i < units.size(); ++i) {
        const QString path = Reader::index(QStringLiteral("units"), i);
        const QJsonObject o = r.object(units.at(i), path);
        SchemeUnit u;
        u.code = UnitCode(r.string(o, path, QLatin1StringView("code")));
        if (!u.code.isEmpty() && !codePattern.match(u.code.code()).hasMatch())
            r.problem(path + QStringLiteral(".code"), ErrorCode::NotAUnitCode);
        else if (unitCodes.contains(u.code.code()))
            r.problem(path + QStringLiteral(".code"), ErrorCode::Duplicate, {u.code.code()});
        unitCodes.insert(u.code.code());
        u.name = r.string(o, path, QLatin1StringView("name"));
        u.nameEn = r.string(o, path, QLatin1StringView("nameEn"), false);
        u.head = r.string(o, path, QLatin1StringView("head"), false);
        if (auto h = r.integer(o, path, QLatin1StringView("headcount"), 1))
            u.headcount = int(*h);
        s.units.append(u);
    }
    if (units.isEmpty() && root.contains(QLatin1StringView("units")))
        r.problem(QStringLiteral("units"), ErrorCode::EmptyList);

    // Industries.
    const QJsonArray industries = r.array(root, top, QLatin1StringView("industries"));
    QSet<QString> industryKeys;
    for (qsizetype i = 0; i < industries.size(); ++i) {
        const QString path = Reader::index(QStringLiteral("industries"), i);
        const QJsonObject o = r.object(industries.at(i), path);
        Industry ind;
        ind.key = r.string(o, path, QLatin1StringView("key"));
        if (industryKeys.contains(ind.key))
            r.problem(path + QStringLiteral(".key"), ErrorCode::Duplicate, {ind.key});
        industryKeys.insert(ind.key);
        ind.name = r.string(o, path, QLatin1StringView("name"));
        ind.nameEn = r.string(o, path, QLatin1StringView("nameEn"), false);
        ind.leading = r.boolean(o, path, QLatin1StringView("leading")).value_or(false);
        const QJsonArray chain = r.array(o, path, QLatin1StringView("chain"), false);
        for (qsizetype c = 0; c < chain.size(); ++c) {
            const QString link = Reader::index(path + QStringLiteral(".chain"), c);
            if (!chain.at(c).isString())
                r.wrongType(link, QStringLiteral("string"), chain.at(c));
            else if (chain.at(c).toString().trimmed().isEmpty())
                r.problem(link, ErrorCode::Empty);
            else
                ind.chain << chain.at(c).toString();
        }
        s.industries.append(ind);
    }

    // Zone targets.
    const QJsonArray zone = r.array(root, top, QLatin1StringView("zoneTargets"));
    QHash<QString, qsizetype> zoneIndex;
    for (qsizetype i = 0; i < zone.size(); ++i) {
        const QString path = Reader::index(QStringLiteral("zoneTargets"), i);
        const QJsonObject o = r.object(zone.at(i), path);
        ZoneTarget z;
        z.id = r.string(o, path, QLatin1StringView("id"));
        if (zoneIndex.contains(z.id))
            r.problem(path + QStringLiteral(".id"), ErrorCode::Duplicate, {z.id});
        z.name = r.string(o, path, QLatin1StringView("name"));
        if (auto m = readMeasure(r, o, path)) {
            z.measure = *m;
            z.target = readQuantity(r, o, path, QLatin1StringView("target"), *m, true).value_or(0);
            z.ofWhichTarget = readQuantity(r, o, path, QLatin1StringView("ofWhichTarget"), *m, false);
            if (m->ofWhich.has_value() != z.ofWhichTarget.has_value())
                r.problem(path + QStringLiteral(".ofWhichTarget"), ErrorCode::OfWhichPairing);
            if (z.ofWhichTarget && *z.ofWhichTarget > z.target)
                r.problem(path + QStringLiteral(".ofWhichTarget"), ErrorCode::OfWhichOverTarget);
        }
        zoneIndex.insert(z.id, s.zoneTargets.size());
        s.zoneTargets.append(z);
    }

    // Groups and tasks.
    const QJsonArray groups = r.array(root, top, QLatin1StringView("groups"));
    QHash<QString, QString> unitToGroupPath;
    QSet<QString> groupIds, taskIds;
    for (qsizetype g = 0; g < groups.size(); ++g) {
        const QString path = Reader::index(QStringLiteral("groups"), g);
        const QJsonObject o = r.object(groups.at(g), path);
        TaskGroup group;
        group.id = r.string(o, path, QLatin1StringView("id"));
        if (groupIds.contains(group.id))
            r.problem(path + QStringLiteral(".id"), ErrorCode::Duplicate, {group.id});
        groupIds.insert(group.id);
        group.leader = r.string(o, path, QLatin1StringView("leader"), false);
        const QJsonArray gu = r.array(o, path, QLatin1StringView("units"));
        if (gu.isEmpty() && o.contains(QLatin1StringView("units")))
            r.problem(path + QStringLiteral(".units"), ErrorCode::EmptyList);
        for (qsizetype u = 0; u < gu.size(); ++u) {
            const QString upath = Reader::index(path + QStringLiteral(".units"), u);
            const QString code = gu.at(u).toString();
            if (!unitCodes.contains(code)) {
                r.problem(upath, ErrorCode::UnknownValue, {code, QStringList(unitCodes.begin(), unitCodes.end()).join(QStringLiteral(", "))});
                continue;
            }
            if (unitToGroupPath.contains(code))
                r.problem(upath, ErrorCode::AlreadyInGroup, {code, unitToGroupPath.value(code)});
            unitToGroupPath.insert(code, path);
            group.units.append(UnitCode(code));
        }
        const auto total = r.points(o, path, QLatin1StringView("total"));
        group.total = total.value_or(Points());
        const QJsonArray tasks = r.array(o, path, QLatin1StringView("tasks"));
        Points sum;
        bool allPoints = true;
        for (qsizetype t = 0; t < tasks.size(); ++t) {
            const QString tpath = Reader::index(path + QStringLiteral(".tasks"), t);
            const QJsonObject to = r.object(tasks.at(t), tpath);
            Task task;
            task.id = r.string(to, tpath, QLatin1StringView("id"));
            if (taskIds.contains(task.id))
                r.problem(tpath + QStringLiteral(".id"), ErrorCode::Duplicate, {task.id});
            taskIds.insert(task.id);
            task.name = r.string(to, tpath, QLatin1StringView("name"));
            const auto points = r.points(to, tpath, QLatin1StringView("points"));
            if (points)
                sum += *points;
            else
                allPoints = false;
            task.points = points.value_or(Points());
            if (auto mode = r.string(to, tpath, QLatin1StringView("credit"), false); !mode.isEmpty()) {
                if (mode == QStringLiteral("proportional"))
                    task.credit = CreditMode::Proportional;
                else if (mode == QStringLiteral("all_or_nothing"))
                    task.credit = CreditMode::AllOrNothing;
                else
                    r.problem(tpath + QStringLiteral(".credit"), ErrorCode::UnknownValue, {mode, QStringLiteral("proportional, all_or_nothing")});
            }
            if (auto m = readMeasure(r, to, tpath)) {
                task.measure = *m;
                task.target = readQuantity(r, to, tpath, QLatin1StringView("target"), *m, true).value_or(0);
                task.ofWhichTarget = readQuantity(r, to, tpath, QLatin1StringView("ofWhichTarget"), *m, false);
                if (m->ofWhich.has_value() != task.ofWhichTarget.has_value())
                    r.problem(tpath + QStringLiteral(".ofWhichTarget"), ErrorCode::OfWhichPairing);
                if (task.ofWhichTarget && *task.ofWhichTarget > task.target)
                    r.problem(tpath + QStringLiteral(".ofWhichTarget"), ErrorCode::OfWhichOverTarget);
            }
            task.zoneTarget = r.string(to, tpath, QLatin1StringView("zoneTarget"), false);
            if (!task.zoneTarget.isEmpty()) {
                if (!zoneIndex.contains(task.zoneTarget))
                    r.problem(tpath + QStringLiteral(".zoneTarget"), ErrorCode::UnknownZoneTarget, {task.zoneTarget});
                else if (!s.zoneTargets.at(zoneIndex.value(task.zoneTarget)).measure.countsSameAs(task.measure))
                    r.problem(tpath + QStringLiteral(".zoneTarget"), ErrorCode::ZoneTargetMismatch, {task.zoneTarget});
            }
            group.tasks.append(task);
        }
        if (total && allPoints && sum != *total)
            r.problem(path + QStringLiteral(".tasks"), ErrorCode::PointsSum, {sum.toString(), total->toString()});
        s.groups.append(group);
    }
    for (const auto &u : std::as_const(s.units)) {
        if (!u.code.isEmpty() && !unitToGroupPath.contains(u.code.code()))
            r.problem(QStringLiteral("groups"), ErrorCode::InNoGroup, {u.code.code()});
    }

    // Group targets must add up to the zone targets they share.
    for (const auto &z : std::as_const(s.zoneTargets)) {
        Quantity sum = 0, ofWhichSum = 0;
        bool any = false;
        for (const auto &g : std::as_const(s.groups)) {
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
        const QString path = Reader::index(QStringLiteral("zoneTargets"), zoneIndex.value(z.id));
        if (sum != z.target)
            r.problem(path + QStringLiteral(".target"), ErrorCode::TargetsSum,
                      {z.id, formatQuantity(z.measure, sum), formatQuantity(z.measure, z.target)});
        if (z.ofWhichTarget && ofWhichSum != *z.ofWhichTarget)
            r.problem(path + QStringLiteral(".ofWhichTarget"), ErrorCode::OfWhichTargetsSum,
                      {z.id, formatQuantity(z.measure, ofWhichSum), formatQuantity(z.measure, *z.ofWhichTarget)});
    }

    // Bonuses.
    const QJsonObject bonuses = r.object(root.value(QLatin1StringView("bonuses")), QStringLiteral("bonuses"));
    {
        const QString p = QStringLiteral("bonuses.referral");
        const QJsonObject o = r.object(bonuses.value(QLatin1StringView("referral")), p);
        s.referral.leadingIndustry = r.points(o, p, QLatin1StringView("leadingIndustry")).value_or(Points());
        s.referral.foreign = r.points(o, p, QLatin1StringView("foreign")).value_or(Points());
        s.referral.cap = r.points(o, p, QLatin1StringView("cap")).value_or(Points());
    }
    {
        const QString p = QStringLiteral("bonuses.capitalIncrease");
        const QJsonObject o = r.object(bonuses.value(QLatin1StringView("capitalIncrease")), p);
        const QString cur = r.string(o, p, QLatin1StringView("currency"));
        if (!cur.isEmpty() && cur != QStringLiteral("USD"))
            r.problem(p + QStringLiteral(".currency"), ErrorCode::WrongCurrency, {QStringLiteral("USD"), cur});
        if (auto per = r.money(o, p, QLatin1StringView("per"), Currency::USD)) {
            if (per->minor <= 0)
                r.problem(p + QStringLiteral(".per"), ErrorCode::NotPositive);
            s.capitalIncrease.per = *per;
        }
        s.capitalIncrease.points = r.points(o, p, QLatin1StringView("points")).value_or(Points());
        s.capitalIncrease.cap = r.points(o, p, QLatin1StringView("cap")).value_or(Points());
    }
    {
        const QString p = QStringLiteral("bonuses.headquarters");
        const QJsonObject o = r.object(bonuses.value(QLatin1StringView("headquarters")), p);
        auto &h = s.headquarters;
        h.points = r.points(o, p, QLatin1StringView("points")).value_or(Points());
        h.minImportExport = r.money(o, p, QLatin1StringView("minImportExport"), Currency::CNY).value_or(Money());
        h.minAnnualOutput = r.money(o, p, QLatin1StringView("minAnnualOutput"), Currency::CNY).value_or(Money());
        h.minLocalFiscal = r.money(o, p, QLatin1StringView("minLocalFiscal"), Currency::CNY).value_or(Money());
        h.minRegisteredCapital = r.money(o, p, QLatin1StringView("minRegisteredCapital"), Currency::CNY).value_or(Money());
        h.minPaidInCapital = r.money(o, p, QLatin1StringView("minPaidInCapital"), Currency::CNY).value_or(Money());
    }

    // Awards.
    {
        const QString p = QStringLiteral("awards");
        const QJsonObject o = r.object(root.value(QLatin1StringView("awards")), p);
        s.awards.collectiveTop = int(r.integer(o, p, QLatin1StringView("collectiveTop"), 0).value_or(1));
        s.awards.individualTop = int(r.integer(o, p, QLatin1StringView("individualTop"), 0).value_or(5));
        const QJsonArray ex = r.array(o, p, QLatin1StringView("excludedUnits"), false);
        for (qsizetype i = 0; i < ex.size(); ++i) {
            const QString code = ex.at(i).toString();
            if (!unitCodes.contains(code))
                r.problem(Reader::index(p + QStringLiteral(".excludedUnits"), i), ErrorCode::UnknownValue,
                          {code, QStringList(unitCodes.begin(), unitCodes.end()).join(QStringLiteral(", "))});
            else
                s.awards.excludedUnits.append(UnitCode(code));
        }
    }

    // Check-in thresholds.
    {
        const QString p = QStringLiteral("checkIn");
        const QJsonObject o = r.object(root.value(QLatin1StringView("checkIn")), p);
        s.checkIn.maxAccuracyM = r.positiveNumber(o, p, QLatin1StringView("maxAccuracyM")).value_or(s.checkIn.maxAccuracyM);
        s.checkIn.farFromSiteM = r.positiveNumber(o, p, QLatin1StringView("farFromSiteM")).value_or(s.checkIn.farFromSiteM);
        s.checkIn.maxSpeedKmh = r.positiveNumber(o, p, QLatin1StringView("maxSpeedKmh")).value_or(s.checkIn.maxSpeedKmh);
    }

    out.problems = r.problems;
    if (out.problems.isEmpty())
        out.scheme = std::move(s);
    return out;
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
