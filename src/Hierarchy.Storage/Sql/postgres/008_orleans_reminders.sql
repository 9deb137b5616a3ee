-- Orleans reminders on this database: what keeps the escalation sweepers alive in the cluster when a silo dies.
-- Orleans' ADO.NET reminder service runs the queries stored in OrleansQuery under these keys, with named parameters, and
-- reads the result columns by name (GrainId, ReminderName, StartTime, Period, Version); the table behind them is ours.

CREATE TABLE orleans_reminders (
    service_id    VARCHAR(150) NOT NULL,
    grain_id      VARCHAR(150) NOT NULL,
    reminder_name VARCHAR(150) NOT NULL,
    start_time    TIMESTAMPTZ  NOT NULL,
    period_ms     BIGINT       NOT NULL,
    -- The grain's uniform hash as a signed integer: each silo reads the reminders of its own hash range.
    grain_hash    INTEGER      NOT NULL,
    version       INTEGER      NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);
CREATE INDEX orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('UpsertReminderRowKey', '
    INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
    VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
    ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
        SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
            version = orleans_reminders.version + 1
    RETURNING version AS "Version"'),

('ReadReminderRowsKey', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
    FROM orleans_reminders WHERE service_id = @ServiceId AND grain_id = @GrainId'),

('ReadReminderRowKey', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
    FROM orleans_reminders WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName'),

-- A silo's hash range (begin, end]: one interval when begin < end as signed integers.
('ReadRangeRows1Key', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
    FROM orleans_reminders WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash'),

-- ... and the two ends of the ring otherwise.
('ReadRangeRows2Key', '
    SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime", period_ms AS "Period", version AS "Version"
    FROM orleans_reminders WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash)'),

-- Answers how many rows went: 0 when the version moved on.
('DeleteReminderRowKey', '
    WITH deleted AS (
        DELETE FROM orleans_reminders
        WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
        RETURNING 1)
    SELECT count(*)::INTEGER FROM deleted'),

('DeleteReminderRowsKey', '
    DELETE FROM orleans_reminders WHERE service_id = @ServiceId');
