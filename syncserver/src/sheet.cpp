// Cells: exact numbers as decimal text, dates, and how each shows as text.
#include "sheet.h"

using namespace ledger;

namespace syncserver {

namespace {

// value / 10^decimals as exact decimal text, trailing zeros of the fraction dropped.
QString scaledDecimal(std::int64_t value, std::int64_t scale, int decimals)
{
    const bool negative = value < 0;
    const std::uint64_t mag = negative ? std::uint64_t(0) - std::uint64_t(value) : std::uint64_t(value);
    QString out = QString::number(mag / std::uint64_t(scale));
    QString frac = QString::number(mag % std::uint64_t(scale)).rightJustified(decimals, u'0');
    while (!frac.isEmpty() && frac.endsWith(u'0'))
        frac.chop(1);
    if (!frac.isEmpty())
        out += u'.' + frac;
    return negative ? u'-' + out : out;
}

} // namespace

Cell Cell::ofText(QString text)
{
    Cell c;
    c.kind = CellKind::Text;
    c.value = std::move(text);
    return c;
}

Cell Cell::ofCount(qint64 n)
{
    Cell c;
    c.kind = CellKind::Number;
    c.value = QString::number(n);
    c.format = NumberFormat::Count;
    return c;
}

Cell Cell::ofWan(const Money &amount)
{
    // 1万 is 10,000 major units = 1,000,000 minor units, so 6 decimals keep every fen (or cent).
    Cell c;
    c.kind = CellKind::Number;
    c.value = scaledDecimal(amount.minor, 1000000, 6);
    c.format = NumberFormat::WanYuan;
    return c;
}

Cell Cell::ofPoints(Points points)
{
    Cell c;
    c.kind = CellKind::Number;
    c.value = points.toString();
    c.format = NumberFormat::Points;
    return c;
}

Cell Cell::ofDate(QDate date)
{
    Cell c;
    if (!date.isValid())
        return c;
    c.kind = CellKind::Date;
    c.date = date;
    return c;
}

QString Cell::toString() const
{
    switch (kind) {
    case CellKind::Empty: return QString();
    case CellKind::Text:
    case CellKind::Number: return value;
    case CellKind::Date: return date.toString(QStringLiteral("yyyy-MM-dd"));
    }
    return QString(); // not a valid enumerator
}

} // namespace syncserver
