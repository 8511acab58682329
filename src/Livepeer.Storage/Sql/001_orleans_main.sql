-- Livepeer storage schema, step 001: the Orleans query catalogue.
--
-- Why this table exists at all: the Orleans ADO.NET providers (clustering, grain persistence,
-- reminders) carry no SQL for PostgreSQL. When a provider starts it runs
--     SELECT QueryKey, QueryText FROM OrleansQuery
-- and afterwards only ever executes the texts it found there, binding its values as named
-- parameters (@DeploymentId, @GrainIdHash, ...). A provider refuses to start when a key it needs
-- is missing. The table and column names are therefore dictated by the providers; PostgreSQL
-- folds that unquoted statement to lower case, which is why everything here is lower case.
--
-- The query texts themselves are written for this project. The later steps register them with
-- an upsert keyed on querykey, so a future step can replace one text without touching the rest.
-- Remember that providers cache the texts at start-up: a changed text takes effect in a silo
-- only after it restarts.

CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);
