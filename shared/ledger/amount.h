// Exact quantities: points in fixed point (1/10000) and money in integer minor units
// (fen for RMB, cents for USD). Nothing in scoring ever touches a floating-point number.
#pragma once

#include <QString>
#include <QStringView>
#include <compare>
#include <cstdint>
#include <optional>

namespace ledger {

// Wide enough for points × amounts in fen without overflow (GCC/Clang extension).
__extension__ typedef __int128 Int128;

// Points with four decimal places: 4.8 is 48000 units, exactly.
class Points
{
public:
    static constexpr std::int64_t Scale = 10000;

    constexpr Points() = default;
    [[nodiscard]] static constexpr Points fromUnits(std::int64_t units) { return Points(units); }
    [[nodiscard]] static constexpr Points whole(std::int64_t n) { return Points(n * Scale); }
    // Parses "1.2", "0.1", "15", "-0.5" (at most four decimals). Anything else is nullopt.
    [[nodiscard]] static std::optional<Points> parse(QStringView text);
    // total × num / den, rounded half up to 0.0001. num and den must be non-negative, den > 0.
    [[nodiscard]] static Points proportion(Points total, Int128 num, Int128 den);

    [[nodiscard]] constexpr std::int64_t units() const { return m_units; }
    [[nodiscard]] constexpr bool isZero() const { return m_units == 0; }
    // Canonical text: "4.8", "10", "0.6667", "-0.5". Screens and exports all use it.
    [[nodiscard]] QString toString() const;
    // Always four decimals: "4.8000".
    [[nodiscard]] QString toFixedString() const;

    constexpr Points &operator+=(Points o) { m_units += o.m_units; return *this; }
    constexpr Points &operator-=(Points o) { m_units -= o.m_units; return *this; }
    [[nodiscard]] friend constexpr Points operator+(Points a, Points b) { return Points(a.m_units + b.m_units); }
    [[nodiscard]] friend constexpr Points operator-(Points a, Points b) { return Points(a.m_units - b.m_units); }
    [[nodiscard]] friend constexpr Points operator*(Points a, std::int64_t n) { return Points(a.m_units * n); }
    friend constexpr auto operator<=>(Points, Points) = default;

private:
    constexpr explicit Points(std::int64_t units) : m_units(units) {}
    std::int64_t m_units = 0;
};

// The most points any one figure of the input may carry (an award, a task, a group's total, a cap):
// far above any scheme's, and far enough below 2^63 that no sum of them wraps.
inline constexpr Points MaxPoints = Points::whole(10000);

// a + b and a × n, or nullopt where 64 bits do not hold the result: for sums that grow with the
// number of records, which no bound on one record keeps small.
[[nodiscard]] constexpr std::optional<Points> checkedAdd(Points a, Points b)
{
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a.units(), b.units(), &sum))
        return std::nullopt;
    return Points::fromUnits(sum);
}
[[nodiscard]] constexpr std::optional<Points> checkedMultiply(Points a, std::int64_t n)
{
    std::int64_t product = 0;
    if (__builtin_mul_overflow(a.units(), n, &product))
        return std::nullopt;
    return Points::fromUnits(product);
}
[[nodiscard]] constexpr std::optional<std::int64_t> checkedAdd(std::int64_t a, std::int64_t b)
{
    std::int64_t sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return std::nullopt;
    return sum;
}

[[nodiscard]] constexpr Points min(Points a, Points b) { return a < b ? a : b; }
[[nodiscard]] constexpr Points max(Points a, Points b) { return a < b ? b : a; }

enum class Currency { CNY, USD };

[[nodiscard]] QString currencyCode(Currency c);
[[nodiscard]] std::optional<Currency> currencyFromCode(QStringView code);

// An amount of money in minor units (fen or cents). Amounts in the ledger are never negative.
struct Money
{
    // The largest amount the input may carry: 1万亿 (10^12) in major units, beyond any project,
    // capital or payment of a development zone.
    static constexpr std::int64_t MaxMinor = 1'000'000'000'000LL * 100;

    Currency currency = Currency::CNY;
    std::int64_t minor = 0;

    // Parses a decimal amount in major units ("800000000", "1011.5", "0.01"), at most two decimals.
    [[nodiscard]] static std::optional<Money> parse(QStringView text, Currency currency);
    [[nodiscard]] static constexpr Money yuan(std::int64_t y) { return {Currency::CNY, y * 100}; }
    [[nodiscard]] static constexpr Money usd(std::int64_t d) { return {Currency::USD, d * 100}; }

    // "800000000.00"
    [[nodiscard]] QString toDecimalString() const;
    // Human-readable with Chinese units where they fit: "8亿元", "1011万美元", "3,250.50元".
    [[nodiscard]] QString toDisplayString() const;

    friend bool operator==(const Money &, const Money &) = default;
};

// Parses a non-negative decimal with at most `decimals` decimals into an integer scaled by 10^decimals.
[[nodiscard]] std::optional<std::int64_t> parseScaledDecimal(QStringView text, int decimals, bool allowNegative);

} // namespace ledger
