-- Case numbers from a per-day counter shared by every node (C + yyyyMMdd + eight digits), no longer from the entity id
-- sequence, which ~20 ids per case would take past seven digits within a week at the city's volume. Numbers given
-- before keep their seven digits; the two forms cannot collide (different lengths).
CREATE TABLE case_day_counter (
  day_key     VARCHAR(8) NOT NULL,
  last_number BIGINT     NOT NULL,
  CONSTRAINT pk_case_day_counter PRIMARY KEY (day_key)
);

-- Scheduled work runs once per tick cluster-wide: a node runs a tick only if it moves the job's last tick forward
-- (a conditional write every node tries; one succeeds). A node that dies mid-job loses that tick; the next tick runs
-- on whichever node claims it.
CREATE TABLE job_tick (
  job        VARCHAR(64)  NOT NULL,
  last_tick  BIGINT       NOT NULL,
  holder     VARCHAR(128),
  claimed_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_job_tick PRIMARY KEY (job)
);
INSERT INTO job_tick (job, last_tick) VALUES ('workflow', 0);
INSERT INTO job_tick (job, last_tick) VALUES ('fixity-audit', 0);

-- Named locks that span nodes: a row each, locked FOR UPDATE until the locking transaction ends (the startup seeder
-- takes 'seed', so two instances starting on an empty database do not both insert the catalogue).
CREATE TABLE cluster_lock (
  name VARCHAR(64) NOT NULL,
  CONSTRAINT pk_cluster_lock PRIMARY KEY (name)
);
INSERT INTO cluster_lock (name) VALUES ('seed');

-- The transactional outbox: index requests and events written in the transaction of the change they describe,
-- delivered afterwards by whichever node claims them (FOR UPDATE SKIP LOCKED), at least once, idempotently.
CREATE TABLE outbox (
  id              BIGINT        NOT NULL,
  kind            VARCHAR(32)   NOT NULL,
  case_id         BIGINT,
  case_number     VARCHAR(32),
  business_type   VARCHAR(32),
  archive_numbers VARCHAR(4000),
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts        INTEGER       NOT NULL,
  next_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  delivered_at    TIMESTAMP WITH TIME ZONE,
  last_error      VARCHAR(1000),
  CONSTRAINT pk_outbox PRIMARY KEY (id)
);
CREATE INDEX ix_outbox_due ON outbox (delivered_at, next_at);

-- One lock row per stored object key, taken (FOR UPDATE) by the transaction that records a row for the object and by
-- the one that removes an object a failed upload left and nothing refers to: across nodes, never both at once.
CREATE TABLE object_lock (
  object_key VARCHAR(80) NOT NULL,
  CONSTRAINT pk_object_lock PRIMARY KEY (object_key)
);
