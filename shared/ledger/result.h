// A small result type for decoders and loaders: a value, or the FieldError (errors.h) that says
// which field is wrong and how.
#pragma once

#include "ledger/errors.h"

#include <utility>
#include <variant>

namespace ledger {

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
