// Exact decimal parsing and formatting for points and money.
#include "ledger/amount.h"

#include <limits>

namespace ledger {

std::optional<std::int64_t> parseScaledDecimal(QStringView text, int decimals, bool allowNegative)
{
    if (text.isEmpty())
        return std::nullopt;
    bool negative = false;
    qsizetype i = 0;
    if (text[0] == u'-') {
        if (!allowNegative)
            return std::nullopt;
        negative = true;
        i = 1;
    }
    constexpr std::int64_t limit = std::numeric_limits<std::int64_t>::max() / 100;
    std::int64_t whole = 0;
    int intDigits = 0;
    for (; i < text.size() && text[i] != u'.'; ++i) {
        const QChar c = text[i];
        if (c < u'0' || c > u'9')
            return std::nullopt;
        whole = whole * 10 + (c.unicode() - u'0');
        if (whole > limit)
            return std::nullopt;
        ++intDigits;
    }
    if (intDigits == 0)
        return std::nullopt;
    std::int64_t frac = 0;
    int fracDigits = 0;
    if (i < text.size()) { // at the '.'
        ++i;
        if (i == text.size())
            return std::nullopt; // "1." is not a number we accept
        for (; i < text.size(); ++i) {
            const QChar c = text[i];
            if (c < u'0' || c > u'9' || fracDigits == decimals)
                return std::nullopt;
            frac = frac * 10 + (c.unicode() - u'0');
            ++fracDigits;
        }
    }
    std::int64_t scale = 1;
    for (int d = 0; d < decimals; ++d)
        scale *= 10;
    for (int d = fracDigits; d < decimals; ++d)
        frac *= 10;
    if (whole > (std::numeric_limits<std::int64_t>::max() - frac) / scale)
        return std::nullopt;
    const std::int64_t value = whole * scale + frac;
    return negative ? -value : value;
}

std::optional<Points> Points::parse(QStringView text)
{
    const auto v = parseScaledDecimal(text, 4, true);
    if (!v)
        return std::nullopt;
    return Points(*v);
}

Points Points::proportion(Points total, Int128 num, Int128 den)
{
    Q_ASSERT(den > 0 && num >= 0 && total.m_units >= 0);
    const Int128 scaled = static_cast<Int128>(total.m_units) * num;
    // Half up: floor((2·a + b) / 2b) for non-negative a.
    const Int128 rounded = (2 * scaled + den) / (2 * den);
    return Points(static_cast<std::int64_t>(rounded));
}

static QString scaledToString(std::int64_t value, std::int64_t scale, int decimals, bool trim)
{
    const bool negative = value < 0;
    const std::uint64_t mag = negative ? std::uint64_t(0) - std::uint64_t(value) : std::uint64_t(value);
    QString out = QString::number(mag / std::uint64_t(scale));
    QString frac = QString::number(mag % std::uint64_t(scale)).rightJustified(decimals, u'0');
    if (trim) {
        while (!frac.isEmpty() && frac.endsWith(u'0'))
            frac.chop(1);
    }
    if (!frac.isEmpty())
        out += u'.' + frac;
    return negative ? u'-' + out : out;
}

QString Points::toString() const { return scaledToString(m_units, Scale, 4, true); }
QString Points::toFixedString() const { return scaledToString(m_units, Scale, 4, false); }

QString currencyCode(Currency c) { return c == Currency::CNY ? QStringLiteral("CNY") : QStringLiteral("USD"); }

std::optional<Currency> currencyFromCode(QStringView code)
{
    if (code == u"CNY")
        return Currency::CNY;
    if (code == u"USD")
        return Currency::USD;
    return std::nullopt;
}

std::optional<Money> Money::parse(QStringView text, Currency currency)
{
    const auto v = parseScaledDecimal(text, 2, false);
    if (!v)
        return std::nullopt;
    return Money{currency, *v};
}

QString Money::toDecimalString() const { return scaledToString(minor, 100, 2, false); }

QString Money::toDisplayString() const
{
    const QString unit = currency == Currency::CNY ? QStringLiteral("元") : QStringLiteral("美元");
    constexpr std::int64_t yi = 100000000LL * 100; // 1亿 in minor units
    constexpr std::int64_t wan = 10000LL * 100;    // 1万 in minor units
    if (minor != 0 && minor % (yi / 10000) == 0 && minor >= yi)
        return scaledToString(minor / (yi / 10000), 10000, 4, true) + u'亿' + unit;
    if (minor != 0 && minor % (wan / 100) == 0 && minor >= wan)
        return scaledToString(minor / (wan / 100), 100, 2, true) + u'万' + unit;
    return scaledToString(minor, 100, 2, true) + unit;
}

} // namespace ledger
