// The Format singleton.
#include "format.h"

#include "errortext.h"
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

QString Format::language() const { return m_settings.language(); }

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
    if (!m)
        return {};
    if (!english())
        return m->toDisplayString();
    // English: the whole amount with the language's grouping, exact to the fen (cent).
    const QString whole = locale().toString(qlonglong(m->minor / 100));
    const QString cents = QString::number(m->minor % 100).rightJustified(2, u'0');
    return (m->currency == ledger::Currency::CNY ? QStringLiteral("CNY ") : QStringLiteral("USD ")) + whole + u'.' + cents;
}

QLocale Format::locale() const
{
    return english() ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale(QLocale::Chinese, QLocale::China);
}

QString Format::date(const QString &isoDate) const
{
    const QDate d = QDate::fromString(isoDate.left(10), Qt::ISODate);
    if (!d.isValid())
        return isoDate;
    return english() ? locale().toString(d, QStringLiteral("d MMM yyyy")) : locale().toString(d, QStringLiteral("yyyy年M月d日"));
}

QString Format::monthTitle(int year, int month) const
{
    const QDate d(year, month, 1);
    return english() ? locale().toString(d, QStringLiteral("MMMM yyyy")) : locale().toString(d, QStringLiteral("yyyy年M月"));
}

QStringList Format::weekdayNames() const
{
    // Monday first, as calendars in China and the scheme's weeks are.
    QStringList out;
    for (int day = Qt::Monday; day <= Qt::Sunday; ++day)
        out << locale().dayName(day, QLocale::NarrowFormat);
    return out;
}

QString Format::number(double value, int decimals) const { return locale().toString(value, 'f', decimals); }

namespace {
// Decimals of a unit that keep an amount exact to the fen (cent): 元 2, 万 6, 亿 10.
int unitDecimals(const QString &unit)
{
    if (unit == u"wan")
        return 6;
    if (unit == u"yi")
        return 10;
    return 2;
}

std::int64_t unitScale(const QString &unit)
{
    std::int64_t scale = 1;
    for (int d = 0; d < unitDecimals(unit); ++d)
        scale *= 10;
    return scale;
}
} // namespace

QString Format::amountUnitName(const QString &unit, const QString &currency) const
{
    const bool usd = currency == u"USD";
    if (unit == u"wan")
        return usd ? tr("万美元") : tr("万元");
    if (unit == u"yi")
        return usd ? tr("亿美元") : tr("亿元");
    return usd ? tr("美元") : tr("元");
}

QVariantMap Format::parseAmount(const QString &text, const QString &unit) const
{
    QString plain = text.trimmed();
    plain.remove(u',').remove(u' ').remove(u'，');
    // "3." is a number on its way to "3.5": read it as "3" rather than mark it while typing.
    if (plain.endsWith(u'.'))
        plain.chop(1);
    // The words of shared/'s error table where they fit (the same as a refused save says).
    if (plain.isEmpty())
        return {{QStringLiteral("error"), errorText(ledger::FieldError(QStringLiteral("amount"), ledger::ErrorCode::Missing))}};
    if (plain.startsWith(u'-'))
        return {{QStringLiteral("error"), errorText(ledger::FieldError(QStringLiteral("amount"), ledger::ErrorCode::Negative))}};
    // The typed number scaled to the unit's decimals is the amount in fen (cents): exact.
    const auto minor = ledger::parseScaledDecimal(plain, unitDecimals(unit), false);
    if (!minor && unit != u"wan" && unit != u"yi")
        return {{QStringLiteral("error"), errorText(ledger::FieldError(QStringLiteral("amount"), ledger::ErrorCode::BadAmount))}};
    if (!minor)
        return {{QStringLiteral("error"), tr("金额格式不对：以%1为单位最多%2位小数，如 3.5").arg(amountUnitName(unit, QStringLiteral("CNY"))).arg(unitDecimals(unit))}};
    return {{QStringLiteral("amount"), ledger::Money{ledger::Currency::CNY, *minor}.toDecimalString()}};
}

QString Format::amountIn(const QString &amount, const QString &unit) const
{
    const auto money = ledger::Money::parse(amount, ledger::Currency::CNY);
    if (!money)
        return amount;
    const std::int64_t scale = unitScale(unit);
    QString out = QString::number(money->minor / scale);
    QString frac = QString::number(money->minor % scale).rightJustified(unitDecimals(unit), u'0');
    while (frac.endsWith(u'0'))
        frac.chop(1);
    if (!frac.isEmpty())
        out += u'.' + frac;
    return out;
}

QString Format::bestAmountUnit(const QString &amount) const
{
    const auto money = ledger::Money::parse(amount, ledger::Currency::CNY);
    if (!money || money->minor < unitScale(QStringLiteral("wan")))
        return QStringLiteral("yuan");
    return money->minor < unitScale(QStringLiteral("yi")) ? QStringLiteral("wan") : QStringLiteral("yi");
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
