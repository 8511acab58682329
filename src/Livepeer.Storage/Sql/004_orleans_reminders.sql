-- Livepeer storage schema, step 004: durable reminders for Orleans.Reminders.AdoNet.
--
-- One row per (service, grain, reminder name). "version" is the reminder's etag: it starts at 0
-- and moves on with every re-registration, and a removal must name the version the silo last
-- saw, so a stale silo cannot delete a reminder that was registered again meanwhile.
--
-- grainhash places the grain on Orleans' consistent-hash ring; each silo loads the reminders of
-- the ring range it owns. The provider passes the unsigned 32-bit hash cast to a signed integer,
-- so it is stored as integer and compared in that signed form.

CREATE TABLE orleansreminderstable
(
    serviceid    varchar(150) NOT NULL,
    grainid      text         NOT NULL,  -- GrainId in its textual form, e.g. "type/key"
    remindername varchar(150) NOT NULL,
    starttime    timestamptz  NOT NULL,
    period       bigint       NOT NULL,  -- milliseconds; read back as a 64-bit integer
    grainhash    integer      NOT NULL,
    version      integer      NOT NULL,
    CONSTRAINT orleansreminderstable_pk PRIMARY KEY (serviceid, grainid, remindername)
);

-- Ring-range scans filter on service and hash.
CREATE INDEX orleansreminderstable_ring_ix ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Register or re-register. Returns the row's version in a column named Version, which the
-- provider hands back as the reminder's etag.
('UpsertReminderRowKey', $q$
INSERT INTO orleansreminderstable AS r
    (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
   SET starttime = excluded.starttime,
       period = excluded.period,
       grainhash = excluded.grainhash,
       version = r.version + 1
RETURNING r.version AS version
$q$),

-- The reads all return GrainId, ReminderName, StartTime, Period and Version, by name.
('ReadReminderRowsKey', $q$
SELECT grainid, remindername, starttime, period, version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainid = @GrainId
$q$),

('ReadReminderRowKey', $q$
SELECT grainid, remindername, starttime, period, version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainid = @GrainId
   AND remindername = @ReminderName
$q$),

-- Ring range (begin, end] when it does not wrap, i.e. the provider saw begin < end.
('ReadRangeRows1Key', $q$
SELECT grainid, remindername, starttime, period, version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND grainhash > @BeginHash
   AND grainhash <= @EndHash
$q$),

-- Ring range that wraps past the top of the hash space: everything above begin plus
-- everything up to and including end.
('ReadRangeRows2Key', $q$
SELECT grainid, remindername, starttime, period, version
  FROM orleansreminderstable
 WHERE serviceid = @ServiceId
   AND (grainhash > @BeginHash OR grainhash <= @EndHash)
$q$),

-- Conditional removal; one boolean column tells whether the named version was removed.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM orleansreminderstable
     WHERE serviceid = @ServiceId
       AND grainid = @GrainId
       AND remindername = @ReminderName
       AND version = @Version
    RETURNING 1
)
SELECT count(*) > 0 AS removed FROM removed
$q$),

-- Wipe every reminder of a service (used by Orleans' test hooks).
('DeleteReminderRowsKey', $q$
DELETE FROM orleansreminderstable
 WHERE serviceid = @ServiceId
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
