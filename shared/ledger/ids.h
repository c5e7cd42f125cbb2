// Typed identifiers. Records get a UUID where they are created (on a tablet, offline), so two
// devices never collide and the id never changes in sync. A Tag keeps a PersonId from being
// passed where an EnterpriseId is expected.
#pragma once

#include <QHash>
#include <QString>
#include <QUuid>
#include <optional>

namespace ledger {

template<class Tag>
class Id
{
public:
    Id() = default;
    explicit Id(const QUuid &uuid) : m_uuid(uuid) {}

    [[nodiscard]] static Id create() { return Id(QUuid::createUuid()); }
    // Accepts the canonical form only: 36 characters, lower-case hex, hyphens at 8, 13, 18 and 23,
    // no braces, not the nil UUID; nullopt for anything else, upper case included. Ids are compared
    // and looked up as text everywhere (the server's tables, the app's store), so one id has one
    // spelling: "3F25…" would name nothing, and a delete of it would say "applied" while the record stays.
    [[nodiscard]] static std::optional<Id> parse(QStringView text)
    {
        if (text.size() != 36)
            return std::nullopt;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const char16_t c = text[i].unicode();
            const bool hyphen = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphen ? c != u'-' : !((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
                return std::nullopt;
        }
        const QUuid u = QUuid::fromString(text);
        if (u.isNull())
            return std::nullopt;
        return Id(u);
    }

    [[nodiscard]] bool isNull() const { return m_uuid.isNull(); }
    [[nodiscard]] const QUuid &uuid() const { return m_uuid; }
    [[nodiscard]] QString toString() const { return m_uuid.toString(QUuid::WithoutBraces); }

    friend bool operator==(const Id &a, const Id &b) { return a.m_uuid == b.m_uuid; }
    friend bool operator!=(const Id &a, const Id &b) { return a.m_uuid != b.m_uuid; }
    friend bool operator<(const Id &a, const Id &b) { return a.m_uuid < b.m_uuid; }
    friend size_t qHash(const Id &id, size_t seed = 0) { return qHash(id.m_uuid, seed); }

    // For hash tables on hot paths (scoring a million records): ids are random UUIDs, so folding
    // their 128 bits is as good a hash as any, at a fraction of the cost of a seeded one.
    struct FastHash
    {
        size_t operator()(const Id &id) const noexcept
        {
            const QUuid &u = id.m_uuid;
            const quint64 hi = (quint64(u.data1) << 32) | (quint64(u.data2) << 16) | u.data3;
            quint64 lo = 0;
            for (uchar b : u.data4)
                lo = (lo << 8) | b;
            return size_t(hi ^ (lo * 0x9E3779B97F4A7C15ull));
        }
    };

private:
    QUuid m_uuid;
};

struct RecordTag;
struct EnterpriseTag;
struct PersonTag;

using RecordId = Id<RecordTag>;         // every ledger record: visit, trip, lead, project, milestone, …
using EnterpriseId = Id<EnterpriseTag>;
using PersonId = Id<PersonTag>;

// A unit of the administration by its scheme code ("PGO", "ISB", …).
class UnitCode
{
public:
    UnitCode() = default;
    explicit UnitCode(QString code) : m_code(std::move(code)) {}
    [[nodiscard]] const QString &code() const { return m_code; }
    [[nodiscard]] bool isEmpty() const { return m_code.isEmpty(); }
    friend bool operator==(const UnitCode &, const UnitCode &) = default;
    friend bool operator<(const UnitCode &a, const UnitCode &b) { return a.m_code < b.m_code; }
    friend size_t qHash(const UnitCode &u, size_t seed = 0) { return qHash(u.m_code, seed); }

private:
    QString m_code;
};

// An attachment is addressed by the SHA-256 of its content: 64 lower-case hex characters.
class AttachmentHash
{
public:
    AttachmentHash() = default;
    [[nodiscard]] static std::optional<AttachmentHash> parse(QStringView hex);
    [[nodiscard]] const QString &hex() const { return m_hex; }
    [[nodiscard]] bool isEmpty() const { return m_hex.isEmpty(); }
    friend bool operator==(const AttachmentHash &, const AttachmentHash &) = default;
    friend size_t qHash(const AttachmentHash &a, size_t seed = 0) { return qHash(a.m_hex, seed); }

private:
    QString m_hex;
};

inline std::optional<AttachmentHash> AttachmentHash::parse(QStringView hex)
{
    if (hex.size() != 64)
        return std::nullopt;
    for (QChar c : hex) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return std::nullopt;
    }
    AttachmentHash h;
    h.m_hex = hex.toString();
    return h;
}

} // namespace ledger
