// The GB 32100-2015 check over a unified social credit code, and the error that says what is wrong
// with a code that fails it.
#include "ledger/creditcode.h"

#include <QList>

#include <array>
#include <string_view>

namespace ledger {

namespace {

constexpr int Length = 18;
constexpr int Radix = 31;
// The value of a character is its index here. I, O, Z, S and V are left out because they are
// easily mistaken for 1, 0, 2, 5 and U when a code is copied by hand.
constexpr std::u16string_view Charset = u"0123456789ABCDEFGHJKLMNPQRTUWXY";
// 3^(i-1) mod 31 for positions 1..17, as the standard lists them.
constexpr std::array<int, Length - 1> Weights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

static_assert(Charset.size() == Radix);

[[nodiscard]] int valueOf(char32_t c)
{
    if (c > 0xFFFF)
        return -1;
    const auto pos = Charset.find(static_cast<char16_t>(c));
    return pos == std::u16string_view::npos ? -1 : static_cast<int>(pos);
}

[[nodiscard]] QChar checkCharacterFor(const std::array<int, Length - 1> &values)
{
    int sum = 0;
    for (int i = 0; i < Length - 1; ++i)
        sum += values[size_t(i)] * Weights[size_t(i)];
    // The standard's formula is 31 - (sum mod 31), which yields 31 when the sum divides evenly;
    // 31 has no character and stands for 0.
    const int check = (Radix - sum % Radix) % Radix;
    return QChar(Charset[size_t(check)]);
}

// A character as a person would recognise it in a message: invisible ones by code point.
[[nodiscard]] QString describe(char32_t c)
{
    if (QChar::isPrint(c))
        return QString::fromUcs4(&c, 1);
    return QStringLiteral("U+%1").arg(uint(c), 4, 16, QChar(u'0')).toUpper();
}

[[nodiscard]] FieldError characterProblem(char32_t c, int position)
{
    const QString at = QString::number(position);
    if (c == U' ' || c == U'\u3000')
        return FieldError({}, ErrorCode::CreditCodeSpace, {at});
    if (c >= U'a' && c <= U'z') {
        const char32_t upper = c - U'a' + U'A';
        if (valueOf(upper) >= 0)
            return FieldError({}, ErrorCode::CreditCodeLowercase, {describe(c), at, describe(upper)});
        return FieldError({}, ErrorCode::CreditCodeLowercaseUnused, {describe(c), at});
    }
    if (c == U'I' || c == U'O' || c == U'Z' || c == U'S' || c == U'V')
        return FieldError({}, ErrorCode::CreditCodeUnusedLetter, {describe(c), at});
    // Full-width forms come from Chinese input methods; say so, since they look right on screen.
    if (c >= 0xFF01 && c <= 0xFF5E)
        return FieldError({}, ErrorCode::CreditCodeFullWidth, {describe(c), at});
    return FieldError({}, ErrorCode::CreditCodeCharacter, {describe(c), at});
}

} // namespace

std::optional<QChar> creditCodeCheckCharacter(QStringView first17)
{
    if (first17.size() != Length - 1)
        return std::nullopt;
    std::array<int, Length - 1> values{};
    for (qsizetype i = 0; i < first17.size(); ++i) {
        const int v = valueOf(first17[i].unicode());
        if (v < 0)
            return std::nullopt;
        values[size_t(i)] = v;
    }
    return checkCharacterFor(values);
}

std::optional<FieldError> creditCodeError(QStringView code)
{
    // Count code points, not UTF-16 units, so that a pasted emoji or rare CJK character is
    // reported as the one character a person sees.
    const QList<uint> points = code.toUcs4();
    if (points.size() != Length) {
        return FieldError({}, ErrorCode::CreditCodeLength, {QString::number(Length), QString::number(points.size())});
    }
    std::array<int, Length> values{};
    for (int i = 0; i < Length; ++i) {
        const char32_t c = points[i];
        const int v = valueOf(c);
        if (v < 0)
            return characterProblem(c, i + 1);
        values[size_t(i)] = v;
    }
    std::array<int, Length - 1> first17{};
    for (int i = 0; i < Length - 1; ++i)
        first17[size_t(i)] = values[size_t(i)];
    const QChar expected = checkCharacterFor(first17);
    const QChar got(Charset[size_t(values[Length - 1])]);
    if (expected != got)
        return FieldError({}, ErrorCode::CreditCodeCheck, {QString(expected), QString(got)});
    return std::nullopt;
}

std::optional<QString> creditCodeProblem(QStringView code)
{
    if (auto error = creditCodeError(code))
        return error->message;
    return std::nullopt;
}

} // namespace ledger
