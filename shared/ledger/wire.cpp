// The wire format. Each struct's fields are described once, in fields(), and that one description
// drives both the Writer (encode) and the Reader (decode): a field cannot be written under one name
// and read under another, or written and never read, so encode and decode round-trip by construction.
#include "ledger/wire.h"

#include "ledger/creditcode.h"
#include "ledger/strictjson.h"

#include <QJsonArray>
#include <QLocale>
#include <array>
#include <cmath>
#include <concepts>
#include <limits>
#include <type_traits>
#include <utility>

namespace ledger::wire {

namespace {

// ---- how a field is checked ---------------------------------------------------------------------

// What a field allows beyond its type. The default is a required field; a default text must not be
// empty and has at most MaxNameLength characters.
struct Rule
{
    // May be omitted: an empty text, a null id or a null instant is left out by the writer, and
    // absent or null reads back as that empty value.
    bool optional = false;
    // Free text may hold line breaks and tabs; no other control character is ever text.
    bool multiline = false;
    qsizetype maxLength = MaxNameLength;
    double min = -std::numeric_limits<double>::infinity();
    double max = std::numeric_limits<double>::infinity();
    std::optional<Currency> currency = std::nullopt; // the currency money must be in
    std::optional<FieldError> (*problem)(QStringView) = nullptr; // a further check on a non-empty text
};

constexpr Rule ShortText{.optional = true};
constexpr Rule FreeText{.optional = true, .multiline = true, .maxLength = MaxTextLength};
constexpr Rule RequiredText{.multiline = true, .maxLength = MaxTextLength};
constexpr Rule IfSet{.optional = true};
constexpr Rule NonNegative{.min = 0};
constexpr Rule Latitude{.min = -90, .max = 90};
constexpr Rule Longitude{.min = -180, .max = 180};
constexpr Rule Cny{.currency = Currency::CNY};
constexpr Rule CreditCode{.optional = true, .problem = creditCodeError};

[[nodiscard]] Rule inCurrency(Currency c) { return Rule{.currency = c}; }

// ---- the fields of every struct, in wire order ---------------------------------------------------
// `v` is a Writer (with `x` const) or a Reader. The Reader checks fields in this order, so this is
// also the order in which problems are found. v.check() states a rule between fields; only the
// Reader enforces it.

template<class T, class U>
concept Is = std::same_as<std::remove_cvref_t<T>, U>;

void fields(auto &v, Is<GeoPoint> auto &x)
{
    v(u"latitude", x.latitude, Latitude);
    v(u"longitude", x.longitude, Longitude);
}

void fields(auto &v, Is<Person> auto &x)
{
    v(u"id", x.id);
    v(u"name", x.name);
    v(u"unit", x.unit);
    v(u"roles", x.roles);
    v(u"active", x.active);
}

void fields(auto &v, Is<Enterprise> auto &x)
{
    v(u"id", x.id);
    v(u"name", x.name);
    v(u"creditCode", x.creditCode, CreditCode);
    v(u"industry", x.industry, ShortText);
    v(u"chainLink", x.chainLink, ShortText);
    v(u"site", x.site);
    v(u"address", x.address, ShortText);
    v(u"foreignInvested", x.foreignInvested);
    v(u"listed", x.listed);
    v(u"fortune500", x.fortune500);
    v(u"industryLeader", x.industryLeader);
}

void fields(auto &v, Is<Credit> auto &x)
{
    v(u"unit", x.unit);
    v(u"people", x.people);
}

void fields(auto &v, Is<Review> auto &x)
{
    v(u"state", x.state);
    v(u"reason", x.reason, FreeText);
    v(u"reviewer", x.reviewer, IfSet);
    v(u"at", x.at, IfSet);
    v(u"meetingDate", x.meetingDate);
}

void fields(auto &v, Is<DuplicateClaim> auto &x)
{
    v(u"first", x.first);
    v(u"decision", x.decision);
    v(u"share", x.share);
    // A share is a joint credit's, and a part of the whole: the first filing keeps the rest.
    v.check(u"share", x.share.has_value() == (x.decision == ClaimDecision::Joint), ErrorCode::ClaimShareJointOnly);
    v.check(u"share", !x.share || *x.share < Points::whole(1), ErrorCode::ClaimShareRange,
            {x.share ? x.share->toString() : QString()});
    v(u"reason", x.reason, FreeText);
    v(u"reviewer", x.reviewer, IfSet);
    v(u"at", x.at, IfSet);
}

// Not an object of its own: its fields sit at the top level of every record.
void metaFields(auto &v, Is<RecordMeta> auto &x)
{
    v(u"id", x.id);
    v(u"credit", x.credit);
    v(u"review", x.review);
    v(u"author", x.author, IfSet);
    v(u"claim", x.claim);
}

void fields(auto &v, Is<Attachment> auto &x)
{
    v(u"sha256", x.sha256);
    v(u"name", x.name);
    v(u"mimeType", x.mimeType);
    v(u"size", x.size, NonNegative);
}

void fields(auto &v, Is<CheckIn> auto &x)
{
    v(u"position", x.position);
    v(u"accuracyM", x.accuracyM, NonNegative);
    v(u"fixTime", x.fixTime);
    v(u"distanceM", x.distanceM, NonNegative);
    v(u"flags", x.flags);
}

void fields(auto &v, Is<InstitutionVisit> auto &x)
{
    v(u"name", x.name);
    v(u"category", x.category);
    v(u"date", x.date);
}

void fields(auto &v, Is<Visit> auto &x)
{
    metaFields(v, x.meta);
    v(u"enterprise", x.enterprise);
    v(u"date", x.date);
    v(u"purpose", x.purpose, FreeText);
    v(u"outcome", x.outcome, FreeText);
    v(u"notes", x.notes, FreeText);
    v(u"attachments", x.attachments);
    v(u"checkIn", x.checkIn);
    v(u"noCheckInReason", x.noCheckInReason, FreeText);
    v.check(u"noCheckInReason", x.checkIn.has_value() || !x.noCheckInReason.isEmpty(), ErrorCode::NoCheckInReason);
    v(u"farCheckInReason", x.farCheckInReason, FreeText);
    v(u"trip", x.trip);
    v(u"institution", x.institution);
}

void fields(auto &v, Is<Trip> auto &x)
{
    metaFields(v, x.meta);
    v(u"destination", x.destination);
    v(u"start", x.start);
    v(u"end", x.end);
    v.check(u"end", x.end >= x.start, ErrorCode::EndBeforeStart, {encodeDate(x.start)});
    v(u"members", x.members);
    v(u"industries", x.industries);
    v(u"visits", x.visits);
    v(u"institutions", x.institutions);
    v(u"summary", x.summary, FreeText);
    v(u"attachments", x.attachments);
}

void fields(auto &v, Is<Lead> auto &x)
{
    metaFields(v, x.meta);
    v(u"enterprise", x.enterprise);
    v(u"enterpriseName", x.enterpriseName);
    v(u"intention", x.intention, FreeText);
    v(u"expectedInvestment", x.expectedInvestment, Cny);
    v(u"industry", x.industry, ShortText);
    v(u"filed", x.filed);
    v(u"source", x.source, ShortText);
}

void fields(auto &v, Is<Project> auto &x)
{
    metaFields(v, x.meta);
    v(u"enterprise", x.enterprise);
    v(u"name", x.name);
    v(u"investment", x.investment, Cny);
    v(u"industry", x.industry, ShortText);
    v(u"chemical", x.chemical);
    v(u"provincialLedger", x.provincialLedger);
    v(u"foreignFunded", x.foreignFunded);
    v(u"upgradeTransfer", x.upgradeTransfer);
    v(u"talksSince", x.talksSince);
    v(u"notes", x.notes, FreeText);
}

void fields(auto &v, Is<Milestone> auto &x)
{
    metaFields(v, x.meta);
    v(u"project", x.project);
    v(u"stage", x.stage);
    v(u"date", x.date);
    v(u"evidence", x.evidence);
    v(u"legalEntityRegistered", x.legalEntityRegistered);
    v(u"taxRegistered", x.taxRegistered);
    v(u"notes", x.notes, FreeText);
}

void fields(auto &v, Is<FundsArrival> auto &x)
{
    metaFields(v, x.meta);
    v(u"enterprise", x.enterprise);
    v(u"project", x.project);
    // Not "kind": that name is taken by the record's own kind at the same level.
    v(u"fundsKind", x.kind);
    v(u"amount", x.amount, inCurrency(currencyOf(x.kind))); // after the kind, which it depends on
    v(u"date", x.date);
    v(u"payer", x.payer, ShortText);
    v(u"proof", x.proof);
}

void fields(auto &v, Is<Referral> auto &x)
{
    metaFields(v, x.meta);
    v(u"enterprise", x.enterprise);
    v(u"date", x.date);
    v(u"direction", x.direction);
    v(u"foreign", x.foreign);
    v(u"leadingIndustry", x.leadingIndustry);
    v(u"notes", x.notes, FreeText);
    v(u"evidence", x.evidence);
}

void fields(auto &v, Is<HeadquartersClaim> auto &x)
{
    metaFields(v, x.meta);
    v(u"enterprise", x.enterprise);
    v(u"type", x.type);
    v(u"date", x.date);
    v(u"agreementDate", x.agreementDate);
    v(u"businessRegistered", x.businessRegistered);
    v(u"taxRegistered", x.taxRegistered);
    v(u"importExport", x.importExport, Cny);
    v(u"annualOutput", x.annualOutput, Cny);
    v(u"localFiscal", x.localFiscal, Cny);
    v(u"registeredCapital", x.registeredCapital, Cny);
    v(u"paidInCapital", x.paidInCapital, Cny);
    v(u"evidence", x.evidence);
}

void fields(auto &v, Is<Award> auto &x)
{
    metaFields(v, x.meta);
    v(u"category", x.category);
    v(u"points", x.points);
    v(u"reason", x.reason, RequiredText); // an award is always given with a reason
    v(u"date", x.date);
    v(u"enterprise", x.enterprise);
}

void fields(auto &v, Is<SigningEvent> auto &x)
{
    metaFields(v, x.meta);
    v(u"title", x.title);
    v(u"date", x.date);
    v(u"venue", x.venue, ShortText);
    v(u"projects", x.projects);
    v(u"evidence", x.evidence);
}

void fields(auto &v, Is<MapCompletion> auto &x)
{
    metaFields(v, x.meta);
    v(u"date", x.date);
    v(u"industries", x.industries);
    v(u"notes", x.notes, FreeText);
    v(u"evidence", x.evidence);
}

template<class T> inline constexpr bool IsOptional = false;
template<class T> inline constexpr bool IsOptional<std::optional<T>> = true;

template<class V, class T>
concept Described = requires(V &v, T &x) { fields(v, x); };

// ---- writing -------------------------------------------------------------------------------------

class Writer
{
public:
    explicit Writer(QJsonObject &out) : m_out(out) {}

    template<class T> void operator()(QStringView key, const T &value, const Rule &rule = {})
    {
        if constexpr (IsOptional<T>) {
            if (value)
                m_out.insert(key, json(*value));
        } else if (!(rule.optional && isBlank(value))) {
            m_out.insert(key, json(value));
        }
    }
    void check(QStringView, bool, ErrorCode, const QStringList & = {}) {} // rules between fields are the Reader's

    template<class T> [[nodiscard]] static QJsonObject object(const T &x)
    {
        QJsonObject out;
        Writer w(out);
        fields(w, x);
        return out;
    }

private:
    static bool isBlank(const QString &s) { return s.isEmpty(); }
    static bool isBlank(const QDateTime &t) { return !t.isValid(); }
    template<class Tag> static bool isBlank(const Id<Tag> &id) { return id.isNull(); }
    template<class T> static bool isBlank(const T &) { return false; }

    static QJsonValue json(const QString &s) { return s; }
    static QJsonValue json(bool b) { return b; }
    static QJsonValue json(double d) { return d; }
    static QJsonValue json(qint64 n) { return n; }
    static QJsonValue json(const QDate &d) { return encodeDate(d); }
    static QJsonValue json(const QDateTime &t) { return encodeInstant(t); }
    static QJsonValue json(const UnitCode &u) { return u.code(); }
    static QJsonValue json(const AttachmentHash &h) { return h.hex(); }
    static QJsonValue json(const Money &m) { return encodeMoney(m); }
    static QJsonValue json(const Points &p) { return p.toString(); }
    template<class Tag> static QJsonValue json(const Id<Tag> &id) { return id.toString(); }
    template<class E> requires std::is_enum_v<E> static QJsonValue json(E e) { return toString(e); }
    template<class T> static QJsonValue json(const QList<T> &list)
    {
        QJsonArray out;
        for (const T &item : list)
            out.append(json(item));
        return out;
    }
    template<class T> requires Described<Writer, const T> static QJsonValue json(const T &x) { return object(x); }

    QJsonObject &m_out;
};

// ---- reading -------------------------------------------------------------------------------------

[[nodiscard]] QStringList unknownValue(const QString &value, const QStringList &allowed)
{
    return {value, allowed.join(QStringLiteral(", "))};
}

// Characters as a person counts them: a character outside the BMP is one, not two UTF-16 units.
[[nodiscard]] qsizetype characterCount(QStringView s)
{
    qsizetype n = s.size();
    for (QChar c : s) {
        if (c.isLowSurrogate())
            --n;
    }
    return n;
}

[[nodiscard]] QString number(double d) { return QString::number(d, 'g', QLocale::FloatingPointShortest); }

// Parses the digits of an ASCII string at [from, from + n); -1 if any is not 0-9.
[[nodiscard]] int digits(QStringView s, qsizetype from, qsizetype n)
{
    int value = 0;
    for (qsizetype i = from; i < from + n; ++i) {
        if (s[i] < u'0' || s[i] > u'9')
            return -1;
        value = value * 10 + (s[i].unicode() - u'0');
    }
    return value;
}

// Exactly "YYYY-MM-DD" and a day that exists; nothing Qt's lenient parsers would also take.
[[nodiscard]] QDate parseDate(QStringView s)
{
    if (s.size() != 10 || s[4] != u'-' || s[7] != u'-')
        return {};
    const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
    if (y < 0 || m < 0 || d < 0)
        return {};
    return QDate(y, m, d); // invalid for 2023-02-30
}

// Exactly "YYYY-MM-DDTHH:MM:SSZ" or "YYYY-MM-DDTHH:MM:SS.zzzZ", in UTC.
[[nodiscard]] QDateTime parseInstant(QStringView s)
{
    const bool withMs = s.size() == 24;
    if ((s.size() != 20 && !withMs) || s[10] != u'T' || s[13] != u':' || s[16] != u':' || !s.endsWith(u'Z')
        || (withMs && s[19] != u'.'))
        return {};
    const QDate date = parseDate(s.first(10));
    const int h = digits(s, 11, 2), min = digits(s, 14, 2), sec = digits(s, 17, 2);
    const int ms = withMs ? digits(s, 20, 3) : 0;
    if (!date.isValid() || h < 0 || min < 0 || sec < 0 || ms < 0 || !QTime::isValid(h, min, sec, ms))
        return {};
    return QDateTime(date, QTime(h, min, sec, ms), Qt::UTC);
}

// The position of the first control character text may not hold, if any: U+0000–U+001F, but for
// tab, line feed and carriage return in free text.
[[nodiscard]] std::optional<qsizetype> controlCharacter(QStringView s, bool multiline)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c < 0x20 && !(multiline && (c == u'\t' || c == u'\n' || c == u'\r')))
            return i;
    }
    return std::nullopt;
}

[[nodiscard]] bool isUnitCode(QStringView s)
{
    if (s.size() < 2 || s.size() > 8)
        return false;
    for (QChar c : s) {
        if (!((c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')))
            return false;
    }
    return true;
}

// Reads one JSON object through fields(). Every read after the first problem is a no-op, so a
// decoder reads straight through and looks at the error once at the end; the path of the field
// being read is kept for the message.
class Reader
{
public:
    explicit Reader(const QJsonObject &top) : m_object(&top) {}

    [[nodiscard]] bool failed() const { return m_error.has_value(); }
    [[nodiscard]] const FieldError &error() const { return *m_error; }

    template<class T> void operator()(QStringView key, T &value, const Rule &rule = {})
    {
        if (failed())
            return;
        m_known.append(key);
        const QJsonValue json = m_object->value(key);
        const Step step(*this, key.toString());
        if (json.isUndefined() || json.isNull()) {
            if (IsOptional<T> || rule.optional)
                value = T{};
            else
                fail(ErrorCode::Missing);
            return;
        }
        read(json, value, rule);
    }

    void check(QStringView key, bool ok, ErrorCode code, const QStringList &args = {})
    {
        if (!failed() && !ok)
            failAt(key, code, args);
    }

    // After an object's fields are read: a member that none of them names is refused by its name,
    // so that nothing the format does not describe (a blob, a deep array) is ever stored or served.
    void refuseUnknown()
    {
        if (failed())
            return;
        for (auto it = m_object->begin(); it != m_object->end(); ++it) {
            if (!m_known.contains(it.key()))
                return failAt(it.key(), ErrorCode::UnknownField, {it.key()});
        }
    }

    template<class T> [[nodiscard]] Result<T> result(T value) const
    {
        if (failed())
            return *m_error;
        return value;
    }

private:
    // One step down the path ("checkIn", "[2]") for as long as it lives.
    class Step
    {
    public:
        Step(Reader &r, QString segment) : m_r(r) { m_r.m_path.append(std::move(segment)); }
        ~Step() { m_r.m_path.removeLast(); }
        Step(const Step &) = delete;
        Step &operator=(const Step &) = delete;

    private:
        Reader &m_r;
    };

    void failAt(QStringView key, ErrorCode code, const QStringList &args = {})
    {
        const Step step(*this, key.toString());
        fail(code, args);
    }

    void fail(ErrorCode code, const QStringList &args = {})
    {
        QString path;
        for (const QString &segment : std::as_const(m_path)) {
            if (!path.isEmpty() && !segment.startsWith(u'['))
                path += u'.';
            path += segment;
        }
        m_error = FieldError(path, code, args);
    }

    bool expect(const QJsonValue &v, QJsonValue::Type type)
    {
        if (v.type() == type)
            return true;
        fail(ErrorCode::WrongType, {jsonType(QJsonValue(type)), jsonType(v)});
        return false;
    }

    bool expectString(const QJsonValue &v) { return expect(v, QJsonValue::String); }

    // Reads a nested object's own fields with the Reader pointed at it.
    template<class F> void inObject(const QJsonValue &v, F &&readFields)
    {
        if (!expect(v, QJsonValue::Object))
            return;
        const QJsonObject object = v.toObject();
        const QJsonObject *outer = std::exchange(m_object, &object);
        QList<QStringView> outerKnown = std::exchange(m_known, {});
        readFields();
        refuseUnknown();
        m_object = outer;
        m_known = std::move(outerKnown);
    }

    void read(const QJsonValue &v, QString &out, const Rule &rule)
    {
        if (!expectString(v))
            return;
        QString s = v.toString();
        const qsizetype length = characterCount(s);
        if (length == 0 && !rule.optional)
            return fail(ErrorCode::Empty);
        if (length > rule.maxLength)
            return fail(ErrorCode::TooLong, {QString::number(length), QString::number(rule.maxLength)});
        if (rule.problem && length > 0) {
            if (const auto problem = rule.problem(s))
                return fail(problem->code, problem->args);
        }
        if (const auto at = controlCharacter(s, rule.multiline))
            return fail(ErrorCode::ControlCharacter, {json::codePoint(s.at(*at).unicode()), QString::number(characterCount(QStringView(s).first(*at)) + 1)});
        out = std::move(s);
    }

    void read(const QJsonValue &v, bool &out, const Rule &)
    {
        if (expect(v, QJsonValue::Bool))
            out = v.toBool();
    }

    // Fails when a number is out of the rule's range; true when it is in range.
    bool inRange(double d, const Rule &rule)
    {
        if (d >= rule.min && d <= rule.max)
            return true;
        if (!std::isinf(rule.max))
            fail(ErrorCode::OutOfRange, {number(rule.min), number(rule.max), number(d)});
        else if (rule.min == 0)
            fail(ErrorCode::Negative);
        else
            fail(ErrorCode::TooSmall, {number(rule.min)});
        return false;
    }

    void read(const QJsonValue &v, double &out, const Rule &rule)
    {
        if (!expect(v, QJsonValue::Double))
            return;
        const double d = v.toDouble();
        if (!std::isfinite(d))
            return fail(ErrorCode::NotFinite);
        if (inRange(d, rule))
            out = d;
    }

    void read(const QJsonValue &v, qint64 &out, const Rule &rule)
    {
        if (!expect(v, QJsonValue::Double))
            return;
        // Integers beyond 2^53 would not survive a JavaScript or double-based reader.
        constexpr double Exact = 9007199254740992.0;
        const double d = v.toDouble();
        if (std::trunc(d) != d || std::abs(d) > Exact)
            return fail(ErrorCode::NotWhole);
        if (inRange(d, rule))
            out = v.toInteger();
    }

    void read(const QJsonValue &v, QDate &out, const Rule &)
    {
        if (!expectString(v))
            return;
        out = parseDate(v.toString());
        if (!out.isValid())
            fail(ErrorCode::NotADate);
    }

    void read(const QJsonValue &v, QDateTime &out, const Rule &)
    {
        if (!expectString(v))
            return;
        out = parseInstant(v.toString());
        if (!out.isValid())
            fail(ErrorCode::NotAnInstant);
    }

    template<class Tag> void read(const QJsonValue &v, Id<Tag> &out, const Rule &)
    {
        if (!expectString(v))
            return;
        // One spelling (Id::parse takes the canonical form only), so that ids compare as text.
        const auto id = Id<Tag>::parse(v.toString());
        if (!id)
            return fail(ErrorCode::NotAnId);
        out = *id;
    }

    void read(const QJsonValue &v, UnitCode &out, const Rule &)
    {
        if (!expectString(v))
            return;
        const QString text = v.toString();
        if (!isUnitCode(text))
            return fail(ErrorCode::NotAUnitCode);
        out = UnitCode(text);
    }

    void read(const QJsonValue &v, AttachmentHash &out, const Rule &)
    {
        if (!expectString(v))
            return;
        const auto hash = AttachmentHash::parse(v.toString());
        if (!hash)
            return fail(ErrorCode::NotASha256);
        out = *hash;
    }

    template<class E> requires std::is_enum_v<E> void read(const QJsonValue &v, E &out, const Rule &)
    {
        if (!expectString(v))
            return;
        const QString text = v.toString();
        const auto e = enumFromString<E>(text);
        if (!e)
            return fail(ErrorCode::UnknownValue, unknownValue(text, enumNames<E>()));
        out = *e;
    }

    // {"currency": "CNY", "amount": "1011.50"}, in the currency the rule names if it names one.
    void read(const QJsonValue &v, Money &out, const Rule &rule)
    {
        inObject(v, [&] {
            QString code;
            (*this)(u"currency", code);
            if (failed())
                return;
            const auto currency = currencyFromCode(code);
            if (!currency)
                return failAt(u"currency", ErrorCode::UnknownValue, unknownValue(code, {QStringLiteral("CNY"), QStringLiteral("USD")}));
            if (rule.currency && *currency != *rule.currency)
                return failAt(u"currency", ErrorCode::WrongCurrency, {currencyCode(*rule.currency), code});
            QString amount;
            (*this)(u"amount", amount);
            if (failed())
                return;
            const auto money = Money::parse(amount, *currency);
            if (!money) {
                // Say "negative" only for what would otherwise be a good amount: "-5.00", not "-abc".
                const bool negative = amount.startsWith(u'-') && Money::parse(QStringView(amount).mid(1), *currency);
                return failAt(u"amount", negative ? ErrorCode::Negative : ErrorCode::BadAmount);
            }
            if (money->minor > Money::MaxMinor)
                return failAt(u"amount", ErrorCode::TooLarge, {Money{money->currency, Money::MaxMinor}.toDecimalString()});
            out = *money;
        });
    }

    void read(const QJsonValue &v, Points &out, const Rule &)
    {
        if (!expectString(v))
            return;
        const QString text = v.toString();
        const auto points = Points::parse(text);
        if (!points)
            return fail(ErrorCode::BadPoints);
        // Points on the wire are awards, which are never nothing or a penalty, nor beyond any scheme.
        if (*points <= Points())
            return fail(ErrorCode::NotPositive);
        if (*points > MaxPoints)
            return fail(ErrorCode::TooLarge, {MaxPoints.toString()});
        out = *points;
    }

    template<class T> void read(const QJsonValue &v, std::optional<T> &out, const Rule &rule)
    {
        T value{};
        read(v, value, rule);
        if (!failed())
            out = std::move(value);
    }

    template<class T> void read(const QJsonValue &v, QList<T> &out, const Rule &rule)
    {
        if (!expect(v, QJsonValue::Array))
            return;
        const QJsonArray array = v.toArray();
        if (array.size() > MaxListLength)
            return fail(ErrorCode::TooMany, {QString::number(array.size()), QString::number(MaxListLength)});
        out.clear();
        out.reserve(array.size());
        for (qsizetype i = 0; i < array.size() && !failed(); ++i) {
            const Step step(*this, QStringLiteral("[%1]").arg(i));
            T value{};
            read(array.at(i), value, rule);
            out.append(std::move(value));
        }
    }

    template<class T> requires Described<Reader, T> void read(const QJsonValue &v, T &out, const Rule &)
    {
        inObject(v, [&] { fields(*this, out); });
    }

    const QJsonObject *m_object;
    QList<QStringView> m_known; // the keys of m_object that fields() has asked for
    QStringList m_path;
    std::optional<FieldError> m_error;
};

// "v" on every top-level object: a newer writer's data is refused rather than half understood.
void readVersion(Reader &r)
{
    qint64 version = 0;
    r(u"v", version);
    r.check(u"v", version >= 1 && version <= Version, ErrorCode::UnsupportedVersion,
            {QString::number(version), QString::number(Version)});
}

// A record of the kind with the variant index `index`, every field at its default.
template<std::size_t... I>
[[nodiscard]] Record blankRecord(std::size_t index, std::index_sequence<I...>)
{
    static const std::array<Record, sizeof...(I)> blanks{Record(std::in_place_index<I>)...};
    return blanks[index];
}

template<class T> [[nodiscard]] QJsonObject encodeTopLevel(const T &x)
{
    QJsonObject out = Writer::object(x);
    out.insert(u"v", Version);
    return out;
}

template<class T> [[nodiscard]] Result<T> decodeTopLevel(const QJsonObject &json)
{
    Reader r(json);
    readVersion(r);
    T value;
    fields(r, value);
    r.refuseUnknown();
    return r.result(std::move(value));
}

} // namespace

QString encodeDate(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString encodeInstant(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QDateTime utc = instant.toUTC();
    // Whole seconds without ".000", so the usual instant is as short as it can be.
    return utc.toString(utc.time().msec() != 0 ? Qt::ISODateWithMs : Qt::ISODate);
}

QJsonObject encodeMoney(const Money &money)
{
    return {{QStringLiteral("currency"), currencyCode(money.currency)},
            {QStringLiteral("amount"), money.toDecimalString()}};
}

QJsonObject encode(const Record &record)
{
    QJsonObject out = std::visit([](const auto &x) { return Writer::object(x); }, record);
    out.insert(u"v", Version);
    out.insert(u"kind", toString(kindOf(record)));
    return out;
}

QJsonObject encode(const Enterprise &enterprise) { return encodeTopLevel(enterprise); }
QJsonObject encode(const Person &person) { return encodeTopLevel(person); }

Result<Record> decodeRecord(const QJsonObject &json)
{
    Reader r(json);
    readVersion(r);
    RecordKind kind{};
    r(u"kind", kind);
    if (r.failed())
        return r.error();
    Record record = blankRecord(static_cast<std::size_t>(kind), std::make_index_sequence<std::variant_size_v<Record>>());
    std::visit([&](auto &x) { fields(r, x); }, record);
    r.refuseUnknown();
    return r.result(std::move(record));
}

Result<Enterprise> decodeEnterprise(const QJsonObject &json) { return decodeTopLevel<Enterprise>(json); }
Result<Person> decodePerson(const QJsonObject &json) { return decodeTopLevel<Person>(json); }

QString jsonType(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("boolean");
    case QJsonValue::Double: return QStringLiteral("number");
    case QJsonValue::String: return QStringLiteral("string");
    case QJsonValue::Array: return QStringLiteral("array");
    case QJsonValue::Object: return QStringLiteral("object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

} // namespace ledger::wire
