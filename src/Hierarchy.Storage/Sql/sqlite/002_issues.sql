-- Issues (诉求/工单): the event log is the truth; the issues row is its fold, kept in the same transaction (SQLite).
-- Times are Unix milliseconds so both engines share every query.
CREATE TABLE issues (
    id INTEGER PRIMARY KEY,
    request_id TEXT NOT NULL UNIQUE,
    category TEXT NOT NULL,
    channel INTEGER NOT NULL,
    description TEXT NOT NULL,
    household_id INTEGER,
    place_unit_id INTEGER NOT NULL,
    district_id INTEGER,
    street_id INTEGER,
    community_id INTEGER,
    grid_id INTEGER,
    building_group_id INTEGER,
    chain TEXT NOT NULL,
    status INTEGER NOT NULL,
    chain_step INTEGER NOT NULL,
    owner_unit_id INTEGER,
    owner_department TEXT,
    due_at INTEGER,
    reported_at INTEGER NOT NULL,
    accepted_at INTEGER,
    resolved_at INTEGER,
    rating INTEGER,
    reopen_count INTEGER NOT NULL DEFAULT 0,
    escalation_count INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL
);
CREATE INDEX issues_due ON issues (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX issues_community ON issues (community_id, reported_at);
CREATE INDEX issues_street ON issues (street_id, reported_at);
CREATE INDEX issues_district ON issues (district_id, reported_at);
CREATE INDEX issues_household ON issues (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE issue_events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    issue_id INTEGER NOT NULL REFERENCES issues (id),
    seq INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    occurred_at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    from_status INTEGER,
    to_status INTEGER NOT NULL,
    owner_unit_id INTEGER,
    owner_department TEXT,
    chain_step INTEGER NOT NULL,
    due_at INTEGER,
    reason TEXT NOT NULL,
    rating INTEGER,
    UNIQUE (issue_id, seq)
);
