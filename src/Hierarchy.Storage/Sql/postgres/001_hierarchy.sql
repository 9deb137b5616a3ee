-- The org tree, its people and the responsibility matrix (PostgreSQL).
CREATE TABLE tree_state (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
INSERT INTO tree_state (id, version, changed_at) VALUES (1, 0, now());

CREATE TABLE org_units (
    id BIGINT PRIMARY KEY,
    level SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 5),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    parent_id BIGINT REFERENCES org_units (id),
    version BIGINT NOT NULL DEFAULT 1,
    retired_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX org_units_active_code ON org_units (code) WHERE retired_at IS NULL;
CREATE INDEX org_units_parent ON org_units (parent_id);

CREATE TABLE positions (
    unit_id BIGINT NOT NULL REFERENCES org_units (id),
    kind SMALLINT NOT NULL,
    holder_name TEXT NOT NULL,
    holder_phone TEXT NOT NULL,
    member_id BIGINT,
    agency TEXT,
    version BIGINT NOT NULL DEFAULT 1,
    PRIMARY KEY (unit_id, kind)
);

CREATE TABLE departments (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE responsibility_rules (
    category TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    lowest_level SMALLINT NOT NULL,
    ceiling_level SMALLINT NOT NULL,
    department_code TEXT NOT NULL REFERENCES departments (code),
    department_limit_minutes INTEGER NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);

CREATE TABLE responsibility_limits (
    category TEXT NOT NULL REFERENCES responsibility_rules (category),
    level SMALLINT NOT NULL,
    limit_minutes INTEGER NOT NULL,
    PRIMARY KEY (category, level)
);

CREATE TABLE households (
    id BIGINT PRIMARY KEY,
    building_group_id BIGINT NOT NULL REFERENCES org_units (id),
    building TEXT NOT NULL,
    entrance TEXT NOT NULL,
    room TEXT NOT NULL,
    head_name TEXT NOT NULL,
    phone TEXT NOT NULL,
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX households_building_group ON households (building_group_id);

CREATE TABLE party_members (
    id BIGINT PRIMARY KEY,
    name TEXT NOT NULL,
    phone TEXT NOT NULL,
    unit_id BIGINT NOT NULL REFERENCES org_units (id),
    version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX party_members_unit ON party_members (unit_id);

-- A household is linked to at most one party member: the primary key says so.
CREATE TABLE member_households (
    household_id BIGINT PRIMARY KEY REFERENCES households (id),
    member_id BIGINT NOT NULL REFERENCES party_members (id),
    linked_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX member_households_member ON member_households (member_id, household_id);
