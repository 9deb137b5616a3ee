-- History of the org tree and reorganisation plans (SQLite). A changed row's previous state moves to *_history with the
-- versions it was valid for; the current row records since which version it holds.
ALTER TABLE org_units ADD COLUMN since_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE org_units ADD COLUMN retired_version INTEGER;
ALTER TABLE positions ADD COLUMN since_version INTEGER NOT NULL DEFAULT 0;

CREATE TABLE org_unit_history (
    unit_id INTEGER NOT NULL,
    from_version INTEGER NOT NULL,
    to_version INTEGER NOT NULL,
    level INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id INTEGER,
    PRIMARY KEY (unit_id, from_version)
);
CREATE INDEX org_unit_history_to ON org_unit_history (to_version);

CREATE TABLE position_history (
    unit_id INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    holder_name TEXT NOT NULL,
    holder_phone TEXT NOT NULL,
    member_id INTEGER,
    agency TEXT,
    from_version INTEGER NOT NULL,
    to_version INTEGER NOT NULL,
    PRIMARY KEY (unit_id, kind, from_version)
);

CREATE TABLE tree_versions (
    version INTEGER PRIMARY KEY,
    effective_at INTEGER NOT NULL,
    reorganization_id INTEGER
);
INSERT INTO tree_versions (version, effective_at)
SELECT version, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) FROM tree_state;

CREATE TABLE reorganization_plans (
    id INTEGER PRIMARY KEY,
    base_version INTEGER NOT NULL,
    request BLOB NOT NULL,
    summary TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    applied_version INTEGER,
    applied_at INTEGER,
    applied_by TEXT
);
