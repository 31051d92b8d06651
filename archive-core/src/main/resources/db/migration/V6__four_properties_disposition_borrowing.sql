-- DA/T 70 four-property check reports, legal holds and restricted records, borrowing (借阅), disposition (销毁).

ALTER TABLE archive_record ADD COLUMN restricted BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE archive_record ADD COLUMN hold_reason VARCHAR(500);
ALTER TABLE archive_record ADD COLUMN disposed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE archive_record ADD COLUMN disposal_list_id BIGINT;
CREATE INDEX ix_record_retain_until ON archive_record (retain_until);

-- A document whose content was destroyed under an approved disposal list: its row (the metadata) stays, the fixity
-- audit no longer expects its object.
ALTER TABLE case_document ADD COLUMN disposed_at TIMESTAMP WITH TIME ZONE;

-- One report per run of the check over a dossier (at archiving, on demand, on receipt); the items are JSON.
CREATE TABLE property_check (
  id          BIGINT        NOT NULL PRIMARY KEY,
  case_id     BIGINT        NOT NULL REFERENCES business_case (id),
  occasion    VARCHAR(16)   NOT NULL,
  checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  checked_by  VARCHAR(64)   NOT NULL,
  passed      BOOLEAN       NOT NULL,
  items       VARCHAR(1000000) NOT NULL
);
CREATE INDEX ix_property_check_case ON property_check (case_id);

CREATE TABLE borrowing (
  id               BIGINT        NOT NULL PRIMARY KEY,
  archive_number   VARCHAR(64)   NOT NULL,
  requested_by     VARCHAR(64)   NOT NULL,
  purpose          VARCHAR(500)  NOT NULL,
  days             INTEGER       NOT NULL,
  requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  decided_by       VARCHAR(64),
  decided_at       TIMESTAMP WITH TIME ZONE,
  decision_comment VARCHAR(500),
  expires_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_borrowing_reader ON borrowing (archive_number, requested_by);

CREATE TABLE disposal_list (
  id               BIGINT        NOT NULL PRIMARY KEY,
  appraised_on     DATE          NOT NULL,
  created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by       VARCHAR(64)   NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  decided_by       VARCHAR(64),
  decided_at       TIMESTAMP WITH TIME ZONE,
  decision_comment VARCHAR(500),
  executed_by      VARCHAR(64),
  executed_at      TIMESTAMP WITH TIME ZONE
);

CREATE TABLE disposal_item (
  id             BIGINT        NOT NULL PRIMARY KEY,
  list_id        BIGINT        NOT NULL REFERENCES disposal_list (id),
  archive_number VARCHAR(64)   NOT NULL,
  retain_until   DATE          NOT NULL,
  outcome        VARCHAR(16)   NOT NULL,
  outcome_detail VARCHAR(500)
);
CREATE INDEX ix_disposal_item_list ON disposal_item (list_id);
CREATE INDEX ix_disposal_item_record ON disposal_item (archive_number);
