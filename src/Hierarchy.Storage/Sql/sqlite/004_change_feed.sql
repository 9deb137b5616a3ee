-- The change feed (SQLite): one row per change replicas must apply to their in-memory read model, written in the same
-- transaction as the change. Replicas follow it by position, so a lost notification is never a lost change.
CREATE TABLE change_feed (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    kind INTEGER NOT NULL,
    entity_id INTEGER NOT NULL
);
