// The local store's schema, version by version.
#include "localschema.h"

#include "metatable.h"

#include <QUuid>

namespace mobile {

std::vector<ledger::Migration> LocalSchema::migrations()
{
    std::vector<ledger::Migration> m;
    m.push_back(ledger::Migration{1, QStringLiteral(R"sql(
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            json TEXT NOT NULL,
            server_version INTEGER NOT NULL DEFAULT 0,
            local_changes INTEGER NOT NULL DEFAULT 0,
            deleted INTEGER NOT NULL DEFAULT 0,
            rejected_reason TEXT
        );
        CREATE INDEX entities_kind ON entities(kind);
        -- n is the device's mutation number: the server applies each number exactly once.
        CREATE TABLE outbox (
            n INTEGER PRIMARY KEY,
            op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
            entity_id TEXT NOT NULL,
            json TEXT,
            base_version INTEGER NOT NULL,
            changed_fields TEXT NOT NULL DEFAULT '[]',
            attempts INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX outbox_entity ON outbox(entity_id);
        -- Mutations the server confirmed, kept a while for a server restored from a backup.
        CREATE TABLE sent (
            n INTEGER PRIMARY KEY,
            op TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            json TEXT,
            base_version INTEGER NOT NULL,
            changed_fields TEXT NOT NULL,
            status TEXT NOT NULL
        );
        CREATE TABLE attachments (
            sha256 TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            mime_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            uploaded INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
    )sql"),
                                    [](ledger::Database &db) {
                                        // The device id is made once, with the schema, so it never changes
                                        // for the life of the installation.
                                        ledger::Statement s = db.prepare(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?)"));
                                        s.bind(1, metakey::DeviceId).bind(2, QUuid::createUuid().toString(QUuid::WithoutBraces));
                                        s.exec();
                                    }});
    // What lists sort and filter by, read from the canonical JSON by SQLite itself (virtual
    // generated columns, indexed), so that lists page through the store instead of holding every
    // record: the event date, the review state, and the trip and project a record refers to.
    m.push_back(ledger::Migration{2, QStringLiteral(R"sql(
        ALTER TABLE entities ADD COLUMN event_date TEXT GENERATED ALWAYS AS (
            CASE kind WHEN 'trip' THEN json_extract(json, '$.start')
                      WHEN 'lead' THEN json_extract(json, '$.filed')
                      WHEN 'project' THEN json_extract(json, '$.talksSince')
                      ELSE json_extract(json, '$.date') END) VIRTUAL;
        ALTER TABLE entities ADD COLUMN review_state TEXT GENERATED ALWAYS AS (json_extract(json, '$.review.state')) VIRTUAL;
        ALTER TABLE entities ADD COLUMN trip_id TEXT GENERATED ALWAYS AS (json_extract(json, '$.trip')) VIRTUAL;
        ALTER TABLE entities ADD COLUMN project_id TEXT GENERATED ALWAYS AS (json_extract(json, '$.project')) VIRTUAL;
        -- 1 when the record needs its author: refused by the server or returned by a reviewer.
        ALTER TABLE entities ADD COLUMN attention INTEGER GENERATED ALWAYS AS (
            rejected_reason IS NOT NULL OR json_extract(json, '$.review.state') IS 'returned') VIRTUAL;
        -- A list in its order is a walk of this index, nothing read from the rows.
        CREATE INDEX entities_list ON entities(kind, deleted, attention DESC, event_date DESC, id);
        CREATE INDEX entities_trip ON entities(trip_id) WHERE trip_id IS NOT NULL;
        CREATE INDEX entities_project ON entities(project_id) WHERE project_id IS NOT NULL;
    )sql")});
    // Half-filled forms, one per record (a new record's draft has the id the record will get).
    // Outside the entities and the outbox on purpose: a draft is never listed, scored or pushed.
    m.push_back(ledger::Migration{3, QStringLiteral(R"sql(
        CREATE TABLE drafts (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            of_stored INTEGER NOT NULL,
            json TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
    )sql")});
    // A reviewer's decisions not yet answered by the server (or refused by it, kept until read),
    // in the order they were made (DecisionQueue). Beside the outbox, not in it: a decision is a
    // call of the review API, not a change of an entity this device owns.
    m.push_back(ledger::Migration{4, QStringLiteral(R"sql(
        CREATE TABLE decisions (
            n INTEGER PRIMARY KEY AUTOINCREMENT,
            record_id TEXT NOT NULL,
            action TEXT NOT NULL CHECK (action IN ('recognise', 'return', 'revoke')),
            reason TEXT NOT NULL,
            made_at TEXT NOT NULL,
            refused INTEGER NOT NULL DEFAULT 0,
            refusal TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX decisions_waiting ON decisions(refused, n);
    )sql")});
    return m;
}

} // namespace mobile
