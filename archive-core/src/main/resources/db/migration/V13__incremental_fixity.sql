-- Incremental fixity: one row per stored object (a key several documents share is one object), when it is next due
-- for verification and how its last one went. Workers on every node claim the most overdue rows in slices (FOR UPDATE
-- SKIP LOCKED), move due_at forward as a lease while they read, and on success set verified_at and the next due date
-- one cycle later: a node that dies mid-slice leaves rows whose lease expires and another node takes them. claimed_by
-- names the node that claimed the row last (once verified_at is set, the node that verified it); verifications counts
-- the reads, so that an object read twice in one pass would show.
CREATE TABLE object_fixity (
  object_key  VARCHAR(100) NOT NULL,
  due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  verified_at TIMESTAMP WITH TIME ZONE,
  outcome     VARCHAR(16),
  detail      VARCHAR(400),
  claimed_by  VARCHAR(128),
  verifications BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT pk_object_fixity PRIMARY KEY (object_key)
);
CREATE INDEX ix_object_fixity_due ON object_fixity (due_at);
CREATE INDEX ix_object_fixity_verified ON object_fixity (verified_at);
CREATE INDEX ix_object_fixity_outcome ON object_fixity (outcome);

-- the objects already stored are due now: the first cycle starts with them
INSERT INTO object_fixity (object_key, due_at)
SELECT DISTINCT object_key, CURRENT_TIMESTAMP FROM case_document WHERE disposed_at IS NULL;
