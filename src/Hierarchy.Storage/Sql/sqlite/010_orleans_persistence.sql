-- Orleans grain state in this file: documents nobody queries (a sweeper's record), one row per grain.
-- Orleans' ADO.NET grain storage runs only the queries stored in OrleansQuery, by key, with named parameters, and reads
-- the columns by name (PayloadBinary, Version, NewGrainStateVersion). The version is the etag: a write or clear on another
-- version returns no row, which the provider reports as a conflict.

CREATE TABLE OrleansQuery (
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE orleans_grain_state (
    service_id   TEXT    NOT NULL,
    grain_type   TEXT    NOT NULL,
    grain_id_n0  INTEGER NOT NULL,
    grain_id_n1  INTEGER NOT NULL,
    -- A string key or key extension; '' when the grain has none, so the key is one unique constraint.
    grain_id_ext TEXT    NOT NULL,
    grain_hash   INTEGER NOT NULL,
    type_hash    INTEGER NOT NULL,
    payload      BLOB,
    version      INTEGER NOT NULL,
    modified_at  TEXT    NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext)
);

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('ReadFromStorageKey', '
    SELECT payload AS PayloadBinary, version AS Version FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''')
        AND grain_hash = @GrainIdHash AND type_hash = @GrainTypeHash'),

-- A first write inserts version 1; a later one moves the version on only from the version the grain read.
('WriteToStorageKey', '
    INSERT INTO orleans_grain_state
        (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, grain_hash, type_hash, payload, version, modified_at)
    VALUES (@ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, COALESCE(@GrainIdExtensionString, ''''), @GrainIdHash,
        @GrainTypeHash, @PayloadBinary, 1, datetime(''now''))
    ON CONFLICT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_ext) DO UPDATE
        SET payload = excluded.payload, version = version + 1, modified_at = excluded.modified_at
        WHERE version = @GrainStateVersion
    RETURNING version AS NewGrainStateVersion'),

('ClearStorageKey', '
    UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = datetime(''now'')
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
        AND grain_id_ext = COALESCE(@GrainIdExtensionString, '''') AND version = @GrainStateVersion
    RETURNING version AS NewGrainStateVersion');
