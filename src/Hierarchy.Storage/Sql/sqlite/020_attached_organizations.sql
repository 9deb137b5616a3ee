-- Organisations hung on the tree (zones, property companies, owners' and property management committees), versioned with
-- the tree: a change retires the row at the new tree version and inserts the next, so "as of" reads the one in force then.
CREATE TABLE attached_organizations (
    id INTEGER NOT NULL,
    since_version INTEGER NOT NULL,
    retired_version INTEGER,
    kind INTEGER NOT NULL,
    name TEXT NOT NULL,
    district_id INTEGER NOT NULL,
    unit_ids TEXT NOT NULL,
    categories TEXT NOT NULL,
    contact TEXT NOT NULL,
    phone TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    PRIMARY KEY (id, since_version)
);
CREATE INDEX attached_organizations_current ON attached_organizations (id) WHERE retired_version IS NULL;

-- What is kept on an organisation besides its shape: a compound branch's evaluations, interviews (约谈), replacements.
CREATE TABLE organization_records (
    id INTEGER PRIMARY KEY,
    organization_id INTEGER NOT NULL,
    kind INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL,
    recorded_by TEXT NOT NULL,
    month TEXT,
    score INTEGER,
    unit_id INTEGER,
    successor_id INTEGER,
    note TEXT NOT NULL
);
CREATE INDEX organization_records_organization ON organization_records (organization_id, recorded_at);

-- An issue's first receiver when it is an organisation (its figures are counted by it), and an owner that is one.
ALTER TABLE issues ADD COLUMN first_organization_id INTEGER;
ALTER TABLE issues ADD COLUMN owner_organization_id INTEGER;
ALTER TABLE issue_events ADD COLUMN owner_organization_id INTEGER;
CREATE INDEX issues_first_organization ON issues (first_organization_id, reported_at) WHERE first_organization_id IS NOT NULL;
