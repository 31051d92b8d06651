-- Electronic transfer (BagIt packages in and out) and risk signals raised on cases.

-- Where a received record came from: the sending office (全宗), its number there and the package that carried it.
ALTER TABLE archive_record ADD COLUMN source_office VARCHAR(16);
ALTER TABLE archive_record ADD COLUMN source_archive_number VARCHAR(64);
ALTER TABLE archive_record ADD COLUMN transfer_package VARCHAR(80);
CREATE UNIQUE INDEX ux_record_source ON archive_record (source_office, source_archive_number);
CREATE INDEX ix_document_sha256 ON case_document (sha256);

-- The transfer register: every package exported, imported or refused, who, when, what and its digests.
CREATE TABLE transfer_entry (
  id              BIGINT        NOT NULL PRIMARY KEY,
  package_id      VARCHAR(80)   NOT NULL,
  direction       VARCHAR(16)   NOT NULL,
  outcome         VARCHAR(16)   NOT NULL,
  scope           VARCHAR(200)  NOT NULL,
  source_office   VARCHAR(16),
  target_office   VARCHAR(80),
  record_count    INTEGER       NOT NULL,
  payload_oxum    VARCHAR(40),
  tagmanifest_sha256 VARCHAR(64),
  actor           VARCHAR(64)   NOT NULL,
  at              TIMESTAMP WITH TIME ZONE NOT NULL,
  report          VARCHAR(100000)
);
CREATE INDEX ix_transfer_package ON transfer_entry (package_id);

-- A risk signal on a case (the same document presented in another case, …), with its evidence, for the reviewer.
CREATE TABLE case_flag (
  id          BIGINT        NOT NULL PRIMARY KEY,
  case_number VARCHAR(32)   NOT NULL,
  kind        VARCHAR(32)   NOT NULL,
  evidence_key VARCHAR(200) NOT NULL,
  evidence    VARCHAR(2000) NOT NULL,
  other_case  VARCHAR(32),
  raised_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  raised_by   VARCHAR(64)   NOT NULL,
  CONSTRAINT uq_case_flag UNIQUE (case_number, kind, evidence_key)
);
CREATE INDEX ix_case_flag_raised ON case_flag (raised_at);
