-- 双报到: organisations and in-service party members registered with a community, and the issues they were asked to help with.
CREATE TABLE co_building_units (
    id INTEGER PRIMARY KEY,
    community_id INTEGER NOT NULL REFERENCES org_units (id),
    kind INTEGER NOT NULL,
    name TEXT NOT NULL,
    contact TEXT NOT NULL,
    phone TEXT NOT NULL,
    registered_at INTEGER NOT NULL,
    registered_by TEXT NOT NULL
);
CREATE INDEX co_building_units_community ON co_building_units (community_id);
ALTER TABLE issue_events ADD COLUMN helper_id INTEGER;
