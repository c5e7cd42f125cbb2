// Errors that name the field and the problem, and a small result type for decoders and loaders.
#pragma once

#include <QList>
#include <QString>
#include <utility>
#include <variant>

namespace ledger {

struct FieldError
{
    QString field;   // a path into the input: "checkIn.accuracyM", "groups[0].tasks[2].points"
    QString message; // what is wrong with it, in words a person understands
    [[nodiscard]] QString toString() const { return field.isEmpty() ? message : field + QStringLiteral(": ") + message; }
    friend bool operator==(const FieldError &, const FieldError &) = default;
};

template<class T>
class Result
{
public:
    Result(T value) : m_v(std::move(value)) {}           // NOLINT: implicit on purpose
    Result(FieldError error) : m_v(std::move(error)) {}  // NOLINT
    [[nodiscard]] bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const T &value() const & { return std::get<0>(m_v); }
    [[nodiscard]] T &&value() && { return std::get<0>(std::move(m_v)); }
    [[nodiscard]] const FieldError &error() const { return std::get<1>(m_v); }

private:
    std::variant<T, FieldError> m_v;
};

} // namespace ledger
