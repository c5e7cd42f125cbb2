// DraftStore over the drafts table.
#include "draftstore.h"

#include "localstore.h"

#include <QJsonDocument>

namespace mobile {

namespace {

Draft readRow(ledger::Statement &s)
{
    Draft d;
    d.id = s.columnText(0);
    d.kind = s.columnText(1);
    d.ofStoredRecord = s.columnInt64(2) != 0;
    d.json = QJsonDocument::fromJson(s.columnText(3).toUtf8()).object();
    d.updatedAt = QDateTime::fromString(s.columnText(4), Qt::ISODateWithMs).toUTC();
    return d;
}

const QString Columns = QStringLiteral("id, kind, of_stored, json, updated_at");

} // namespace

DraftStore::DraftStore(const LocalStore &store, QObject *parent)
    : QObject(parent)
    , m_db(store.openSideConnection(QStringLiteral("drafts"), m_openError))
{
}

DraftStore::~DraftStore() = default;

template<class F>
std::optional<ledger::FieldError> DraftStore::write(F &&f)
{
    if (!m_db)
        return ledger::FieldError(QStringLiteral("drafts"), m_openError);
    try {
        f(*m_db);
    } catch (const ledger::DatabaseError &e) {
        return ledger::FieldError(QStringLiteral("drafts"), e.message());
    }
    emit changed();
    return std::nullopt;
}

std::optional<ledger::FieldError> DraftStore::put(const Draft &draft)
{
    if (draft.id.isEmpty())
        return ledger::FieldError(QStringLiteral("id"), ledger::ErrorCode::Empty);
    if (draft.kind.isEmpty())
        return ledger::FieldError(QStringLiteral("kind"), ledger::ErrorCode::Empty);
    if (draft.json.value(QStringLiteral("id")).toString() != draft.id)
        return ledger::FieldError(QStringLiteral("json.id"), QStringLiteral("the draft's JSON is of another record"));
    if (!draft.updatedAt.isValid())
        return ledger::FieldError(QStringLiteral("updatedAt"), ledger::ErrorCode::NotAnInstant);
    return write([&draft](ledger::Database &db) {
        auto s = db.cached(QStringLiteral("INSERT INTO drafts(id, kind, of_stored, json, updated_at) VALUES(?, ?, ?, ?, ?) "
                                          "ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, of_stored = excluded.of_stored, "
                                          "json = excluded.json, updated_at = excluded.updated_at"));
        s->bind(1, QStringView(draft.id))
            .bind(2, QStringView(draft.kind))
            .bind(3, draft.ofStoredRecord)
            .bindUtf8(4, QJsonDocument(draft.json).toJson(QJsonDocument::Compact))
            .bind(5, QStringView(draft.updatedAt.toUTC().toString(Qt::ISODateWithMs)));
        s->exec();
    });
}

std::optional<Draft> DraftStore::draft(const QString &id) const
{
    if (!m_db || id.isEmpty())
        return std::nullopt;
    auto s = m_db->cached(QStringLiteral("SELECT %1 FROM drafts WHERE id = ?").arg(Columns));
    s->bind(1, QStringView(id));
    if (!s->step())
        return std::nullopt;
    return readRow(*s);
}

QList<Draft> DraftStore::drafts() const
{
    QList<Draft> out;
    if (!m_db)
        return out;
    auto s = m_db->cached(QStringLiteral("SELECT %1 FROM drafts ORDER BY updated_at DESC, id").arg(Columns));
    while (s->step())
        out.append(readRow(*s));
    return out;
}

int DraftStore::count() const
{
    if (!m_db)
        return 0;
    auto s = m_db->cached(QStringLiteral("SELECT count(*) FROM drafts"));
    return s->step() ? int(s->columnInt64(0)) : 0;
}

std::optional<ledger::FieldError> DraftStore::remove(const QString &id)
{
    if (!m_db || !draft(id))
        return std::nullopt;
    return write([&id](ledger::Database &db) {
        auto s = db.cached(QStringLiteral("DELETE FROM drafts WHERE id = ?"));
        s->bind(1, QStringView(id));
        s->exec();
    });
}

} // namespace mobile
