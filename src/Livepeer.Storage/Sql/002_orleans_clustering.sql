-- Livepeer storage schema, step 002: cluster membership for Orleans.Clustering.AdoNet.
--
-- Vocabulary: the provider calls the cluster id "DeploymentId". SiloStatus values are stored as
-- integers as Orleans defines them (3 = Active, 6 = Dead).
--
-- Design. Orleans' membership protocol treats the whole membership table as one versioned
-- object. Every silo that changes membership (joins, changes its status, records a suspicion)
-- first reads the table together with its version and then writes "against" that version: the
-- write must fail if anyone else changed membership in between, and a successful write moves
-- the version on by exactly one. Here that version is a single row per cluster in
-- orleansmembershipversiontable. Each conditional write below is ONE statement whose first step
-- is an UPDATE of that row guarded by "version = @Version"; concurrent writers queue on the row
-- lock, and once the winner commits the losers re-check the guard, find a newer version and
-- change nothing. Because it is a single statement, the version bump and the row change commit
-- or roll back together: there is no window in which one happened without the other.
--
-- Heartbeats (iamalivetime) are liveness hints, not membership changes, so they never touch the
-- version; a silo's update prepared before its own heartbeat therefore still succeeds.

CREATE TABLE orleansmembershipversiontable
(
    deploymentid varchar(150) NOT NULL,
    timestamp    timestamptz  NOT NULL DEFAULT now(),  -- when the version last moved; informational
    version      integer      NOT NULL DEFAULT 0,
    CONSTRAINT orleansmembershipversiontable_pk PRIMARY KEY (deploymentid)
);

CREATE TABLE orleansmembershiptable
(
    deploymentid varchar(150) NOT NULL,
    address      varchar(45)  NOT NULL,  -- textual IPv4/IPv6; 45 characters fit any IPv6 form
    port         integer      NOT NULL,
    generation   integer      NOT NULL,  -- distinguishes restarts of a silo on the same endpoint
    siloname     text         NOT NULL,  -- may be a Kubernetes pod name, up to 253 characters
    hostname     text         NOT NULL,
    status       integer      NOT NULL,
    proxyport    integer      NULL,      -- gateway port; 0 when the silo is not a gateway
    suspecttimes text         NULL,      -- the provider's own "silo,time|silo,time" encoding
    starttime    timestamptz  NOT NULL,
    iamalivetime timestamptz  NOT NULL,
    CONSTRAINT orleansmembershiptable_pk PRIMARY KEY (deploymentid, address, port, generation),
    -- Removing a cluster's version row removes its silos with it (see DeleteMembershipTableEntriesKey).
    CONSTRAINT orleansmembershiptable_cluster_fk FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid) ON DELETE CASCADE
);

-- Query texts. Parameter names and result column names are the provider's contract; the
-- provider reads result columns by name, and Npgsql matches them case-insensitively.
INSERT INTO orleansquery (querykey, querytext) VALUES

-- Called by every silo at start-up. Returns one boolean: true only for the caller that created
-- the cluster's version row; the others find it present and get false, which is not an error.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleansmembershipversiontable (deploymentid)
    VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING deploymentid
)
SELECT count(*) > 0 AS created FROM created
$q$),

-- A silo announces a new incarnation. Succeeds (returns true) only when @Version is still the
-- current version and the incarnation has no row yet; the version moves on in the same statement.
('InsertMembershipKey', $q$
WITH claimed AS (
    UPDATE orleansmembershipversiontable AS v
       SET version = v.version + 1,
           timestamp = now()
     WHERE v.deploymentid = @DeploymentId
       AND v.version = @Version
       AND NOT EXISTS (SELECT 1
                         FROM orleansmembershiptable AS e
                        WHERE e.deploymentid = @DeploymentId
                          AND e.address = @Address
                          AND e.port = @Port
                          AND e.generation = @Generation)
    RETURNING v.deploymentid
), added AS (
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname,
         status, proxyport, starttime, iamalivetime)
    SELECT c.deploymentid, @Address, @Port, @Generation, @SiloName, @HostName,
           @Status, @ProxyPort, @StartTime, @IAmAliveTime
      FROM claimed AS c
    RETURNING 1
)
SELECT count(*) = 1 AS inserted FROM added
$q$),

-- A status/suspicion change of an existing incarnation, guarded exactly like the insert. The
-- version only moves when the row exists, so a refused update leaves no trace.
('UpdateMembershipKey', $q$
WITH claimed AS (
    UPDATE orleansmembershipversiontable AS v
       SET version = v.version + 1,
           timestamp = now()
     WHERE v.deploymentid = @DeploymentId
       AND v.version = @Version
       AND EXISTS (SELECT 1
                     FROM orleansmembershiptable AS e
                    WHERE e.deploymentid = @DeploymentId
                      AND e.address = @Address
                      AND e.port = @Port
                      AND e.generation = @Generation)
    RETURNING v.deploymentid
), changed AS (
    UPDATE orleansmembershiptable AS m
       SET status = @Status,
           suspecttimes = @SuspectTimes,
           iamalivetime = @IAmAliveTime
      FROM claimed AS c
     WHERE m.deploymentid = c.deploymentid
       AND m.address = @Address
       AND m.port = @Port
       AND m.generation = @Generation
    RETURNING 1
)
SELECT count(*) = 1 AS updated FROM changed
$q$),

-- Heartbeat: a plain keyed assignment, outside the versioned protocol (nothing is returned).
('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable
   SET iamalivetime = @IAmAliveTime
 WHERE deploymentid = @DeploymentId
   AND address = @Address
   AND port = @Port
   AND generation = @Generation
$q$),

-- Both reads must yield at least one row carrying the version, even when no silo row matches:
-- the provider takes the table version from the first row and treats a row whose starttime is
-- NULL as "no entry". Hence the version row drives the query and silos are outer-joined to it;
-- being one statement, version and rows come from the same snapshot.
('MembershipReadRowKey', $q$
SELECT v.deploymentid,
       s.address, s.port, s.generation, s.siloname, s.hostname, s.status,
       s.proxyport, s.suspecttimes, s.starttime, s.iamalivetime,
       v.version
  FROM orleansmembershipversiontable AS v
  LEFT JOIN orleansmembershiptable AS s
         ON s.deploymentid = v.deploymentid
        AND s.address = @Address
        AND s.port = @Port
        AND s.generation = @Generation
 WHERE v.deploymentid = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
SELECT v.deploymentid,
       s.address, s.port, s.generation, s.siloname, s.hostname, s.status,
       s.proxyport, s.suspecttimes, s.starttime, s.iamalivetime,
       v.version
  FROM orleansmembershipversiontable AS v
  LEFT JOIN orleansmembershiptable AS s
         ON s.deploymentid = v.deploymentid
 WHERE v.deploymentid = @DeploymentId
$q$),

-- Forget a whole cluster: its silo rows go with the version row through the cascading key.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleansmembershipversiontable
 WHERE deploymentid = @DeploymentId
$q$),

-- Gateway discovery for clients: the active silos (@Status is passed as Active) that listen
-- for clients. Address, ProxyPort and Generation are read by name.
('GatewaysQueryKey', $q$
SELECT address, proxyport, generation
  FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId
   AND status = @Status
   AND proxyport > 0
$q$),

-- Periodic clean-up: drop incarnations that are Dead (6) and whose last heartbeat is older than
-- the cut-off. Live or undecided silos are never removed here, and since dead rows carry no
-- membership decision any more, removing them does not move the version.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
 WHERE deploymentid = @DeploymentId
   AND status = 6
   AND iamalivetime < @IAmAliveTime
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
