-- Supervision orders (督办单): issued by a district's desk to a department or unit that did not report, reported late or did
-- nothing, copied to those who must know, tracked until answered.
CREATE TABLE supervision_orders (
    id INTEGER PRIMARY KEY,
    district_id INTEGER NOT NULL,
    target_unit_id INTEGER,
    target_department TEXT,
    issue_id INTEGER REFERENCES issues (id),
    ground INTEGER NOT NULL,
    text TEXT NOT NULL,
    copy_to TEXT NOT NULL,
    issued_at INTEGER NOT NULL,
    issued_by TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    answered_at INTEGER,
    answer TEXT NOT NULL DEFAULT '',
    answered_by TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 1,
    CHECK ((target_unit_id IS NULL) <> (target_department IS NULL))
);
CREATE INDEX supervision_orders_issued ON supervision_orders (district_id, issued_at);
