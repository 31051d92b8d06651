-- Front office → back office workflow, case history, and the archive: records numbered gap-free per series.

ALTER TABLE business_case ADD COLUMN assigned_to VARCHAR(64);
ALTER TABLE business_case ADD COLUMN assigned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE business_case ADD COLUMN submitted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE business_case ADD COLUMN decided_by VARCHAR(64);
ALTER TABLE business_case ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE business_case ADD COLUMN decision_comment VARCHAR(1000);
ALTER TABLE business_case ADD COLUMN supplement_promised DATE;
ALTER TABLE business_case ADD COLUMN archived_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_case_assigned ON business_case (assigned_to, status);

CREATE TABLE case_event (
  id          BIGINT        NOT NULL PRIMARY KEY,
  case_id     BIGINT        NOT NULL REFERENCES business_case (id),
  occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor       VARCHAR(64)   NOT NULL,
  from_status VARCHAR(24),
  to_status   VARCHAR(24)   NOT NULL,
  comment     VARCHAR(1000)
);
CREATE INDEX ix_case_event_case ON case_event (case_id);

-- One row per archive series (fonds-year-category-retention): the last item number given. Locked while a number is
-- taken, in the transaction that writes the record, so numbers are unique and gap-free.
CREATE TABLE archive_series (
  series_key VARCHAR(64) NOT NULL PRIMARY KEY,
  last_item  BIGINT      NOT NULL
);

CREATE TABLE archive_record (
  id             BIGINT        NOT NULL PRIMARY KEY,
  archive_number VARCHAR(64)   NOT NULL,
  series_key     VARCHAR(64)   NOT NULL,
  item_no        BIGINT        NOT NULL,
  fonds          VARCHAR(16)   NOT NULL,
  record_year    INTEGER       NOT NULL,
  category       VARCHAR(16)   NOT NULL,
  retention      VARCHAR(16)   NOT NULL,
  retain_until   DATE,
  legal_hold     BOOLEAN       NOT NULL,
  case_id        BIGINT        NOT NULL REFERENCES business_case (id),
  document_id    BIGINT        NOT NULL REFERENCES case_document (id),
  citizen_id     VARCHAR(18)   NOT NULL,
  business_type  VARCHAR(32)   NOT NULL,
  material_code  VARCHAR(32)   NOT NULL,
  title          VARCHAR(255)  NOT NULL,
  object_key     VARCHAR(100)  NOT NULL,
  sha256         CHAR(64)      NOT NULL,
  sm3            CHAR(64)      NOT NULL,
  size_bytes     BIGINT        NOT NULL,
  archived_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  archived_by    VARCHAR(64)   NOT NULL,
  CONSTRAINT uq_archive_number UNIQUE (archive_number),
  CONSTRAINT uq_archive_series_item UNIQUE (series_key, item_no),
  CONSTRAINT uq_archive_document UNIQUE (document_id)
);
CREATE INDEX ix_record_citizen ON archive_record (citizen_id);
CREATE INDEX ix_record_case ON archive_record (case_id);
