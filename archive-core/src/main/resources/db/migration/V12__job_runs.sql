-- Which node ran which tick of a scheduled job: one row per run, written in the claim's transaction. Operations read
-- it (where did last night's audit run?); the cluster tests count runs per tick and per node from it.
CREATE TABLE job_run (
  job        VARCHAR(64)  NOT NULL,
  tick       BIGINT       NOT NULL,
  holder     VARCHAR(128) NOT NULL,
  started_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_job_run ON job_run (job, tick);
