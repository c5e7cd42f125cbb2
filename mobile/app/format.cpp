// The Format singleton.
#include "format.h"

#include "localstore.h"
#include "settings.h"

#include "ledger/amount.h"
#include "ledger/scheme.h"

namespace mobile {

namespace {
// Names of the kinds of record the app files, and of the scheme's bonuses, marked for lupdate.
const QHash<QString, const char *> &kindTable()
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("visit"), QT_TRANSLATE_NOOP("mobile::Format", "企业拜访")}, {QStringLiteral("trip"), QT_TRANSLATE_NOOP("mobile::Format", "外出招商")},
        {QStringLiteral("lead"), QT_TRANSLATE_NOOP("mobile::Format", "招商信息")}, {QStringLiteral("project"), QT_TRANSLATE_NOOP("mobile::Format", "项目")},
        {QStringLiteral("milestone"), QT_TRANSLATE_NOOP("mobile::Format", "项目节点")}, {QStringLiteral("funds"), QT_TRANSLATE_NOOP("mobile::Format", "到位资金")},
        {QStringLiteral("referral"), QT_TRANSLATE_NOOP("mobile::Format", "引荐企业拜访")},
        {QStringLiteral("headquarters"), QT_TRANSLATE_NOOP("mobile::Format", "总部经济")},
        {QStringLiteral("award"), QT_TRANSLATE_NOOP("mobile::Format", "领导小组加分")},
        {QStringLiteral("signing_event"), QT_TRANSLATE_NOOP("mobile::Format", "签约活动")},
        {QStringLiteral("map_completion"), QT_TRANSLATE_NOOP("mobile::Format", "招商图谱")},
        {QStringLiteral("enterprise"), QT_TRANSLATE_NOOP("mobile::Format", "企业")}};
    return names;
}

const QHash<QString, const char *> &bonusTable()
{
    static const QHash<QString, const char *> names{
        {QStringLiteral("referral"), QT_TRANSLATE_NOOP("mobile::Format", "引荐企业拜访")},
        {QStringLiteral("capital_increase"), QT_TRANSLATE_NOOP("mobile::Format", "外资增资")},
        {QStringLiteral("headquarters"), QT_TRANSLATE_NOOP("mobile::Format", "引进总部经济")},
        {QStringLiteral("discretionary"), QT_TRANSLATE_NOOP("mobile::Format", "领导小组研究加分")}};
    return names;
}

QVariantMap translated(const QHash<QString, const char *> &table)
{
    QVariantMap out;
    for (auto it = table.cbegin(); it != table.cend(); ++it)
        out.insert(it.key(), Format::tr(it.value()));
    return out;
}
} // namespace

Format::Format(const LocalStore &store, Settings &settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_settings(settings)
{
    connect(&m_settings, &Settings::languageChanged, this, &Format::languageChanged);
}

bool Format::english() const { return m_settings.language() == u"en"; }

QVariantMap Format::kindNames() const { return translated(kindTable()); }

QVariantMap Format::bonusNames() const { return translated(bonusTable()); }

QVariantMap Format::industryNames() const
{
    QVariantMap out;
    for (const ledger::Industry &i : m_settings.scheme().industries)
        out.insert(i.key, industryName(i.key));
    return out;
}

QVariantList Format::industries() const
{
    QVariantList out;
    for (const ledger::Industry &i : m_settings.scheme().industries)
        out.append(QVariantMap{{QStringLiteral("key"), i.key}, {QStringLiteral("name"), industryName(i.key)}, {QStringLiteral("leading"), i.leading}});
    return out;
}

QVariantList Format::units() const
{
    QVariantList out;
    for (const ledger::SchemeUnit &u : m_settings.scheme().units)
        out.append(QVariantMap{{QStringLiteral("code"), u.code.code()}, {QStringLiteral("name"), unitName(u.code.code())}});
    return out;
}

QString Format::kindName(const QString &kind) const
{
    const char *n = kindTable().value(kind);
    return n ? tr(n) : kind;
}

QString Format::unitName(const QString &code) const
{
    const ledger::SchemeUnit *u = m_settings.scheme().unit(ledger::UnitCode(code));
    if (!u)
        return code;
    return english() && !u->nameEn.isEmpty() ? u->nameEn : u->name;
}

QString Format::industryName(const QString &key) const
{
    const ledger::Industry *i = m_settings.scheme().industry(key);
    if (!i)
        return key;
    return english() && !i->nameEn.isEmpty() ? i->nameEn : i->name;
}

QStringList Format::chain(const QString &industry) const
{
    const ledger::Industry *i = m_settings.scheme().industry(industry);
    return i ? i->chain : QStringList();
}

QString Format::money(const QVariantMap &money) const
{
    const auto currency = ledger::currencyFromCode(money.value(QStringLiteral("currency")).toString());
    const auto m = currency ? ledger::Money::parse(money.value(QStringLiteral("amount")).toString(), *currency) : std::nullopt;
    return m ? m->toDisplayString() : QString();
}

QString Format::quantity(const QString &taskId, qint64 quantity) const
{
    for (const auto &g : m_settings.scheme().groups)
        for (const auto &t : g.tasks)
            if (t.id == taskId)
                return ledger::formatQuantity(t.measure, quantity);
    return QString::number(quantity);
}

QString Format::describeRecord(const QVariantMap &entity) const
{
    const QString kind = entity.value(QStringLiteral("kind")).toString();
    QString what;
    for (const char *field : {"name", "enterpriseName", "title", "destination", "purpose", "reason"}) {
        what = entity.value(QString::fromLatin1(field)).toString();
        if (!what.isEmpty())
            break;
    }
    if (what.isEmpty()) {
        if (const auto e = m_store.entity(entity.value(QStringLiteral("enterprise")).toString()))
            what = e->json.value(QStringLiteral("name")).toString();
    }
    if (kind == u"milestone") {
        if (const auto p = m_store.entity(entity.value(QStringLiteral("project")).toString()))
            what = p->json.value(QStringLiteral("name")).toString();
        static const QHash<QString, const char *> stages{{QStringLiteral("signed"), QT_TR_NOOP("签约")},
                                                         {QStringLiteral("landed"), QT_TR_NOOP("落地")},
                                                         {QStringLiteral("started"), QT_TR_NOOP("开工")}};
        what = tr(stages.value(entity.value(QStringLiteral("stage")).toString(), "")) + QStringLiteral(" · ") + what;
    }
    if (kind == u"funds" && entity.value(QStringLiteral("amount")).isValid())
        what += QStringLiteral(" · ") + money(entity.value(QStringLiteral("amount")).toMap());
    return tr("%1：%2").arg(kindName(kind), what);
}

QString Format::describeRecordId(const QString &id) const
{
    const auto e = m_store.entity(id);
    return e ? describeRecord(e->json.toVariantMap()) : id.left(8);
}

} // namespace mobile
