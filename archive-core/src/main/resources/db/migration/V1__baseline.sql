-- earchive baseline schema. Portable SQL: runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
-- Never edit a migration that has shipped; add V2__… instead.

-- EclipseLink pre-allocates ids in blocks of 50 and takes the sequence value as the last id of a block, so the
-- first value must be at least the block size.
CREATE SEQUENCE entity_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE business_type (
  code               VARCHAR(32)  NOT NULL PRIMARY KEY,
  name_zh            VARCHAR(100) NOT NULL,
  name_en            VARCHAR(100) NOT NULL,
  deadline_hours     INTEGER      NOT NULL,
  archive_category   VARCHAR(16)  NOT NULL,
  retention          VARCHAR(16)  NOT NULL,
  reviewer_skill     VARCHAR(32)  NOT NULL,
  supplement_allowed BOOLEAN      NOT NULL,
  version            INTEGER      NOT NULL
);

CREATE TABLE business_type_material (
  business_type VARCHAR(32)  NOT NULL REFERENCES business_type (code),
  position      INTEGER      NOT NULL,
  code          VARCHAR(32)  NOT NULL,
  name_zh       VARCHAR(100) NOT NULL,
  name_en       VARCHAR(100) NOT NULL,
  required      BOOLEAN      NOT NULL,
  PRIMARY KEY (business_type, position)
);

CREATE TABLE app_user (
  username      VARCHAR(64)  NOT NULL PRIMARY KEY,
  display_name  VARCHAR(100) NOT NULL,
  password_hash VARCHAR(255) NOT NULL,
  hall          VARCHAR(32),
  absent        BOOLEAN      NOT NULL,
  enabled       BOOLEAN      NOT NULL
);

CREATE TABLE app_user_role (
  username VARCHAR(64) NOT NULL REFERENCES app_user (username),
  role     VARCHAR(32) NOT NULL,
  PRIMARY KEY (username, role)
);

CREATE TABLE app_user_skill (
  username VARCHAR(64) NOT NULL REFERENCES app_user (username),
  skill    VARCHAR(32) NOT NULL,
  PRIMARY KEY (username, skill)
);

CREATE TABLE business_case (
  id                  BIGINT       NOT NULL PRIMARY KEY,
  case_number         VARCHAR(32)  NOT NULL,
  business_type       VARCHAR(32)  NOT NULL REFERENCES business_type (code),
  applicant_id_number VARCHAR(18)  NOT NULL,
  applicant_name      VARCHAR(100) NOT NULL,
  channel             VARCHAR(16)  NOT NULL,
  hall                VARCHAR(32),
  status              VARCHAR(24)  NOT NULL,
  accepted_by         VARCHAR(64)  NOT NULL,
  accepted_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at              TIMESTAMP WITH TIME ZONE NOT NULL,
  version             BIGINT       NOT NULL,
  CONSTRAINT uq_case_number UNIQUE (case_number)
);
CREATE INDEX ix_case_applicant ON business_case (applicant_id_number);
CREATE INDEX ix_case_status ON business_case (status);

CREATE TABLE case_document (
  id            BIGINT       NOT NULL PRIMARY KEY,
  case_id       BIGINT       NOT NULL REFERENCES business_case (id),
  material_code VARCHAR(32)  NOT NULL,
  file_name     VARCHAR(255) NOT NULL,
  content_type  VARCHAR(100) NOT NULL,
  size_bytes    BIGINT       NOT NULL,
  sha256        CHAR(64)     NOT NULL,
  sm3           CHAR(64)     NOT NULL,
  object_key    VARCHAR(100) NOT NULL,
  uploaded_by   VARCHAR(64)  NOT NULL,
  uploaded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_document_case ON case_document (case_id);
CREATE INDEX ix_document_object ON case_document (object_key);
