-- Orleans cluster membership on this database: every server process is a silo, and silos find each other here.
-- Orleans' ADO.NET clustering runs only the queries stored in OrleansQuery, by key, with named parameters, and reads
-- the result columns by name; the tables behind them are ours.

CREATE TABLE OrleansQuery (
    QueryKey  VARCHAR(64)   NOT NULL PRIMARY KEY,
    QueryText VARCHAR(8000) NOT NULL
);

-- One row per cluster: its membership version, the etag every membership change checks and bumps.
CREATE TABLE silo_membership_versions (
    cluster_id VARCHAR(150) NOT NULL PRIMARY KEY,
    version    INTEGER      NOT NULL DEFAULT 0,
    changed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One row per silo incarnation (address, port and generation).
CREATE TABLE silo_memberships (
    cluster_id     VARCHAR(150) NOT NULL REFERENCES silo_membership_versions (cluster_id),
    address        VARCHAR(45)  NOT NULL,
    port           INTEGER      NOT NULL,
    generation     INTEGER      NOT NULL,
    silo_name      VARCHAR(150) NOT NULL,
    host_name      VARCHAR(150) NOT NULL,
    status         INTEGER      NOT NULL,
    gateway_port   INTEGER      NULL,
    suspect_times  VARCHAR(8000) NULL,
    started_at     TIMESTAMPTZ  NOT NULL,
    alive_at       TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (cluster_id, address, port, generation)
);

-- Moves a cluster's membership version on by one if it still is p_version: every membership change checks and bumps it.
CREATE FUNCTION orleans_bump_membership_version(p_cluster_id VARCHAR, p_version INTEGER) RETURNS BOOLEAN AS $$
BEGIN
    UPDATE silo_membership_versions SET version = version + 1, changed_at = now()
    WHERE cluster_id = p_cluster_id AND version = p_version;
    RETURN FOUND;
END
$$ LANGUAGE plpgsql;

-- Adds a silo and bumps the version in one step, or neither: 1 when both happened, 0 when the version moved on or the
-- silo is already there.
CREATE FUNCTION orleans_join_silo(
    p_cluster_id VARCHAR, p_address VARCHAR, p_port INTEGER, p_generation INTEGER, p_silo_name VARCHAR,
    p_host_name VARCHAR, p_status INTEGER, p_gateway_port INTEGER, p_started_at TIMESTAMPTZ, p_alive_at TIMESTAMPTZ,
    p_version INTEGER) RETURNS INTEGER AS $$
BEGIN
    IF NOT orleans_bump_membership_version(p_cluster_id, p_version) THEN
        RETURN 0;
    END IF;

    INSERT INTO silo_memberships (cluster_id, address, port, generation, silo_name, host_name, status, gateway_port,
                                  started_at, alive_at)
    VALUES (p_cluster_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_gateway_port,
            p_started_at, p_alive_at);
    RETURN 1;
EXCEPTION WHEN unique_violation THEN
    -- The block's rollback takes the version bump with it.
    RETURN 0;
END
$$ LANGUAGE plpgsql;

-- Changes a silo's status and suspicions and bumps the version in one step, or neither.
CREATE FUNCTION orleans_change_silo(
    p_cluster_id VARCHAR, p_address VARCHAR, p_port INTEGER, p_generation INTEGER, p_status INTEGER,
    p_suspect_times VARCHAR, p_alive_at TIMESTAMPTZ, p_version INTEGER) RETURNS INTEGER AS $$
BEGIN
    IF NOT orleans_bump_membership_version(p_cluster_id, p_version) THEN
        RETURN 0;
    END IF;

    UPDATE silo_memberships SET status = p_status, suspect_times = p_suspect_times, alive_at = p_alive_at
    WHERE cluster_id = p_cluster_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'silo % is not a member', p_address USING ERRCODE = 'no_data_found';
    END IF;

    RETURN 1;
EXCEPTION WHEN no_data_found THEN
    RETURN 0;
END
$$ LANGUAGE plpgsql;

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
('InsertMembershipVersionKey', '
    WITH created AS (
        INSERT INTO silo_membership_versions (cluster_id) VALUES (@DeploymentId)
        ON CONFLICT (cluster_id) DO NOTHING
        RETURNING 1)
    SELECT count(*)::INTEGER FROM created'),

('InsertMembershipKey', '
    SELECT orleans_join_silo(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort,
                             @StartTime, @IAmAliveTime, @Version)'),

('UpdateMembershipKey', '
    SELECT orleans_change_silo(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes, @IAmAliveTime,
                               @Version)'),

('UpdateIAmAlivetimeKey', '
    UPDATE silo_memberships SET alive_at = @IAmAliveTime
    WHERE cluster_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),

('MembershipReadRowKey', '
    SELECT v.cluster_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.gateway_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.started_at AS StartTime, m.alive_at AS IAmAliveTime, v.version AS Version
    FROM silo_membership_versions v
    LEFT JOIN silo_memberships m
        ON m.cluster_id = v.cluster_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.cluster_id = @DeploymentId'),

('MembershipReadAllKey', '
    SELECT v.cluster_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.gateway_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.started_at AS StartTime, m.alive_at AS IAmAliveTime, v.version AS Version
    FROM silo_membership_versions v
    LEFT JOIN silo_memberships m ON m.cluster_id = v.cluster_id
    WHERE v.cluster_id = @DeploymentId'),

('DeleteMembershipTableEntriesKey', '
    DELETE FROM silo_memberships WHERE cluster_id = @DeploymentId;
    DELETE FROM silo_membership_versions WHERE cluster_id = @DeploymentId'),

('CleanupDefunctSiloEntriesKey', '
    DELETE FROM silo_memberships
    WHERE cluster_id = @DeploymentId AND alive_at < @IAmAliveTime AND status <> 3'),

('GatewaysQueryKey', '
    SELECT address AS Address, gateway_port AS ProxyPort, generation AS Generation
    FROM silo_memberships
    WHERE cluster_id = @DeploymentId AND status = @Status AND gateway_port > 0');
