-- Units under rectification (重点整治) and the terms of their observation (SQLite).
CREATE TABLE key_units (
    unit_id INTEGER PRIMARY KEY,
    level INTEGER NOT NULL,
    added_at INTEGER NOT NULL,
    observation_days INTEGER NOT NULL,
    relapse_threshold INTEGER NOT NULL,
    added_by TEXT NOT NULL
);
