-- The orphan scan in slices: the store's keys are walked in order, a slice at a time, from where the last slice stopped
-- (after_key); a pass ends when the listing does. Objects nothing refers to, older than the grace period, are kept in
-- object_orphan until removed (or referenced again); the full audit on demand records what it finds there too.
CREATE TABLE orphan_scan (
  name              VARCHAR(32)  NOT NULL,
  after_key         VARCHAR(100) NOT NULL,
  pass_started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  scanned           BIGINT       NOT NULL,
  passes            BIGINT       NOT NULL,
  last_pass_ended_at TIMESTAMP WITH TIME ZONE,
  last_pass_scanned BIGINT,
  CONSTRAINT pk_orphan_scan PRIMARY KEY (name)
);
INSERT INTO orphan_scan (name, after_key, pass_started_at, scanned, passes) VALUES ('store', '', CURRENT_TIMESTAMP, 0, 0);

CREATE TABLE object_orphan (
  object_key VARCHAR(100) NOT NULL,
  stored_at  TIMESTAMP WITH TIME ZONE,
  found_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT pk_object_orphan PRIMARY KEY (object_key)
);

-- the orphan scan's minute runs on one node (the fixity slices run on all); the nightly full audit's tick is unused
INSERT INTO job_tick (job, last_tick) VALUES ('orphan-scan', 0);
