-- Orleans grain state on this database: documents nobody queries (a sweeper's record), one row per grain.
-- Orleans' ADO.NET grain storage runs the queries stored in OrleansQuery under these keys and reads the columns by name
-- (PayloadBinary, Version, NewGrainStateVersion). The version is the etag: a write or clear on another version returns
-- no row, which the provider reports as a conflict.

CREATE TABLE orleans_grain_state (
    service_id   VARCHAR(150) NOT NULL,
    grain_type   VARCHAR(512) NOT NULL,
    grain_id_n0  BIGINT       NOT NULL,
    grain_id_n1  BIGINT       NOT NULL,
    -- A string key or key extension; '' when the grain has none, so the key is one unique constraint.
    grain_id_ext VARCHAR(512) NOT NULL,
    grain_hash   INTEGER      NOT NULL,
    type_hash    INTEGER      NOT NULL,
    payload      BYTEA,
    version      INTEGER      NOT NULL,
    modified_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT payload AS "PayloadBinary", version AS "Version" FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''')
        AND grain_hash = @GrainIdHash AND type_hash = @GrainTypeHash'),

-- A first write inserts version 1; a later one moves the version on only from the version the grain read.
('WriteToStorageKey', '
    INSERT INTO orleans_grain_state AS s
        (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, grain_hash, type_hash, payload, version, modified_at)
    VALUES (@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @GrainIdHash,
        @GrainTypeHash, @PayloadBinary, 1, now())
    ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext) DO UPDATE
        SET payload = excluded.payload, version = s.version + 1, modified_at = excluded.modified_at
        WHERE s.version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion"'),

('ClearStorageKey', '
    UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''') AND version = @GrainStateVersion
    RETURNING version AS "NewGrainStateVersion"');
