-- Livepeer storage schema, step 003: grain state for Orleans.Persistence.AdoNet.
--
-- A grain's state is located by the provider's key: service id, grain type name, the grain key
-- split into two 64-bit halves (n0, n1) plus an optional string part, and two 32-bit hashes the
-- provider computes from them to keep lookups narrow. The string part is NULL for keys without
-- one, so equality on it has to treat NULL as a value (IS NOT DISTINCT FROM).
--
-- Optimistic concurrency. The etag Orleans keeps for a state is our integer "version":
--   * a first write (the grain holds no version) creates the row at version 1;
--   * every later write, clear or delete names the version it read and succeeds only while the
--     row is still at that version, moving it on by one.
-- The provider decides success by comparing what the write/clear query returns with the
-- version it sent: an identical value, an empty (NULL) value, or no row at all means "nothing
-- was written" and becomes an InconsistentStateException in the grain. The queries below are
-- shaped to give exactly those answers.

CREATE TABLE orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,      -- NULL after a clear: the row (and its version) stays
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    version                integer      NOT NULL
);

-- One row per grain state, enforced by the database rather than by a read-then-insert check:
-- two activations of the same grain that both believe the state is new race on this index and
-- exactly one wins. The two trailing expressions make NULL and '' distinct key parts while still
-- letting NULLs collide. Its leading hash columns also serve every lookup below.
CREATE UNIQUE INDEX orleansstorage_grain_ux ON orleansstorage
(
    grainidhash,
    graintypehash,
    serviceid,
    grainidn0,
    grainidn1,
    graintypestring,
    (coalesce(grainidextensionstring, '')),
    (grainidextensionstring IS NULL)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Columns read by name: PayloadBinary (NULL means no state) and Version (becomes the etag).
('ReadFromStorageKey', $q$
SELECT g.payloadbinary, g.version
  FROM orleansstorage AS g
 WHERE g.grainidhash = @GrainIdHash
   AND g.graintypehash = @GrainTypeHash
   AND g.serviceid = @ServiceId
   AND g.grainidn0 = @GrainIdN0
   AND g.grainidn1 = @GrainIdN1
   AND g.graintypestring = @GrainTypeString
   AND g.grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
$q$),

-- Exactly one of the two data-modifying steps can act, chosen by whether the caller sent a
-- version. The single result column NewGrainStateVersion is the new version on success; on
-- failure it falls back to the caller's own version (or NULL for a refused first write), which
-- the provider reads as a conflict.
('WriteToStorageKey', $q$
WITH replaced AS (
    UPDATE orleansstorage AS g
       SET payloadbinary = @PayloadBinary,
           version = g.version + 1,
           modifiedon = now()
     WHERE @GrainStateVersion IS NOT NULL
       AND g.version = @GrainStateVersion
       AND g.grainidhash = @GrainIdHash
       AND g.graintypehash = @GrainTypeHash
       AND g.serviceid = @ServiceId
       AND g.grainidn0 = @GrainIdN0
       AND g.grainidn1 = @GrainIdN1
       AND g.graintypestring = @GrainTypeString
       AND g.grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
    RETURNING g.version
), created AS (
    INSERT INTO orleansstorage
        (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
         grainidextensionstring, serviceid, payloadbinary, version)
    SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
           @GrainIdExtensionString, @ServiceId, @PayloadBinary, 1
     WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT coalesce((SELECT version FROM replaced),
                (SELECT version FROM created),
                @GrainStateVersion) AS newgrainstateversion
$q$),

-- Clear keeps the row and its version history but drops the payload; the provider takes the
-- first column of the returned row as the new etag, and no row at all as a conflict.
('ClearStorageKey', $q$
UPDATE orleansstorage AS g
   SET payloadbinary = NULL,
       version = g.version + 1,
       modifiedon = now()
 WHERE g.version = @GrainStateVersion
   AND g.grainidhash = @GrainIdHash
   AND g.graintypehash = @GrainTypeHash
   AND g.serviceid = @ServiceId
   AND g.grainidn0 = @GrainIdN0
   AND g.grainidn1 = @GrainIdN1
   AND g.graintypestring = @GrainTypeString
   AND g.grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
RETURNING g.version AS newgrainstateversion
$q$),

-- Used instead of the clear when the storage option DeleteStateOnClear is set. The row goes
-- away; the value returned only has to differ from the caller's version to signal success
-- (the provider then resets the etag to none), hence version + 1.
('DeleteStorageKey', $q$
DELETE FROM orleansstorage AS g
 WHERE g.version = @GrainStateVersion
   AND g.grainidhash = @GrainIdHash
   AND g.graintypehash = @GrainTypeHash
   AND g.serviceid = @ServiceId
   AND g.grainidn0 = @GrainIdN0
   AND g.grainidn1 = @GrainIdN1
   AND g.graintypestring = @GrainTypeString
   AND g.grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString
RETURNING g.version + 1 AS newgrainstateversion
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
