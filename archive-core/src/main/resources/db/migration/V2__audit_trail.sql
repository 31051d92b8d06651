-- The hash-chained audit trail. Rows are only ever inserted; audit_head is the locked end of the chain.

CREATE TABLE audit_event (
  seq         BIGINT        NOT NULL PRIMARY KEY,
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor       VARCHAR(64)   NOT NULL,
  action      VARCHAR(32)   NOT NULL,
  target      VARCHAR(120)  NOT NULL,
  detail      VARCHAR(2000) NOT NULL,
  prev_hash   CHAR(64)      NOT NULL,
  hash        CHAR(64)      NOT NULL
);
CREATE INDEX ix_audit_target ON audit_event (target);

CREATE TABLE audit_head (
  id        INTEGER  NOT NULL PRIMARY KEY,
  last_seq  BIGINT   NOT NULL,
  last_hash CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
