-- Units under rectification (重点整治) and the terms of their observation (PostgreSQL).
CREATE TABLE key_units (
    unit_id BIGINT PRIMARY KEY,
    level SMALLINT NOT NULL,
    added_at BIGINT NOT NULL,
    observation_days INTEGER NOT NULL,
    relapse_threshold INTEGER NOT NULL,
    added_by TEXT NOT NULL
);
