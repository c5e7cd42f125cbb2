// Cells: exact numbers as decimal text, dates, and how each shows as text.
#include "sheet.h"

#include <optional>
#include <stdexcept>

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

// An exact decimal cell value as an integer count of millionths (every format has at most 6 decimals).
std::int64_t millionths(const QString &decimal)
{
    const bool negative = decimal.startsWith(u'-');
    const QString digits = negative ? decimal.mid(1) : decimal;
    const QString whole = digits.section(u'.', 0, 0);
    const QString frac = digits.section(u'.', 1).leftJustified(6, u'0');
    bool okWhole = false, okFrac = false;
    const std::int64_t w = whole.toLongLong(&okWhole);
    const std::int64_t f = frac.left(6).toLongLong(&okFrac);
    std::int64_t out = 0;
    if (!okWhole || !okFrac || frac.size() > 6 || __builtin_mul_overflow(w, std::int64_t(1000000), &out)
        || __builtin_add_overflow(out, f, &out))
        throw std::overflow_error("sheet: not an exact decimal within range: " + decimal.toStdString());
    return negative ? -out : out;
}

} // namespace

Cell sumOf(const QList<const QList<Cell> *> &rows, qsizetype column)
{
    std::int64_t sum = 0;
    std::optional<NumberFormat> format;
    for (const QList<Cell> *row : rows) {
        if (column >= row->size() || (*row)[column].kind != CellKind::Number)
            continue;
        const Cell &c = (*row)[column];
        if (!format)
            format = c.format;
        if (__builtin_add_overflow(sum, millionths(c.value), &sum))
            throw std::overflow_error("sheet: the column's total is out of range");
    }
    if (!format)
        return Cell();
    Cell out;
    out.kind = CellKind::Number;
    out.format = *format;
    out.value = scaledDecimal(sum, 1000000, 6);
    return out;
}

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
