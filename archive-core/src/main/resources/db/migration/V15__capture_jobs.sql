-- Server-side capture: a file that reaches the archive without a capture station (online, kiosk, a counter's browser)
-- and is not an archive-ready PDF/A is kept as the case's ORIGINAL and queued here, one job per original (its document
-- id). A capture worker (the station's pipeline in a process of its own) claims due jobs with SKIP LOCKED; a claim is
-- a lease (due_at moves to its end), so a job whose worker died is due again. The worker's PDF/A joins the case as the
-- ARCHIVAL copy (result_document_id), or the job ends FAILED with the pipeline's code, shown to the clerk.
CREATE TABLE capture_job (
  document_id        BIGINT       NOT NULL,
  case_id            BIGINT       NOT NULL,
  state              VARCHAR(16)  NOT NULL,
  due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts           INT          NOT NULL,
  claimed_by         VARCHAR(64),
  error_code         VARCHAR(40),
  error_message      VARCHAR(1000),
  result_document_id BIGINT,
  pages              INT,
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at        TIMESTAMP WITH TIME ZONE,
  CONSTRAINT pk_capture_job PRIMARY KEY (document_id)
);
CREATE INDEX ix_capture_job_due ON capture_job (state, due_at);
CREATE INDEX ix_capture_job_case ON capture_job (case_id);
CREATE INDEX ix_capture_job_finished ON capture_job (finished_at);
