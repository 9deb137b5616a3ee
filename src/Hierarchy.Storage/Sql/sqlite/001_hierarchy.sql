-- The org tree, its people and the responsibility matrix (SQLite).
CREATE TABLE tree_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
INSERT INTO tree_state (id, version, changed_at) VALUES (1, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE org_units (
    id INTEGER PRIMARY KEY,
    level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id INTEGER REFERENCES org_units (id),
    version INTEGER NOT NULL DEFAULT 1,
    retired_at TEXT
);
CREATE UNIQUE INDEX org_units_active_code ON org_units (code) WHERE retired_at IS NULL;
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE positions (
    unit_id INTEGER NOT NULL REFERENCES org_units (id),
    kind INTEGER NOT NULL,
    holder_name TEXT NOT NULL,
    holder_phone TEXT NOT NULL,
    member_id INTEGER,
    agency TEXT,
    version INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (unit_id, kind)
);

CREATE TABLE departments (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE responsibility_rules (
    category TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    lowest_level INTEGER NOT NULL,
    ceiling_level INTEGER NOT NULL,
    department_code TEXT NOT NULL REFERENCES departments (code),
    department_limit_minutes INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE responsibility_limits (
    category TEXT NOT NULL REFERENCES responsibility_rules (category),
    level INTEGER NOT NULL,
    limit_minutes INTEGER NOT NULL,
    PRIMARY KEY (category, level)
);

CREATE TABLE households (
    id INTEGER PRIMARY KEY,
    building_group_id INTEGER NOT NULL REFERENCES org_units (id),
    building TEXT NOT NULL,
    entrance TEXT NOT NULL,
    room TEXT NOT NULL,
    head_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX households_building_group ON households (building_group_id);

CREATE TABLE party_members (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES org_units (id),
    version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX party_members_unit ON party_members (unit_id);

-- A household is linked to at most one party member: the primary key says so.
CREATE TABLE member_households (
    household_id INTEGER PRIMARY KEY REFERENCES households (id),
    member_id INTEGER NOT NULL REFERENCES party_members (id),
    linked_at TEXT NOT NULL
);
CREATE INDEX member_households_member ON member_households (member_id, household_id);
