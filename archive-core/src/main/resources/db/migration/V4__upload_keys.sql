-- Idempotent uploads: a station retries an upload under the same key (batch id and SHA-256) until it sees the
-- server's digest; a key already recorded for the case returns the document it made instead of a second one.
ALTER TABLE case_document ADD COLUMN upload_key VARCHAR(160);
CREATE UNIQUE INDEX ux_document_upload_key ON case_document (case_id, upload_key);

-- What a document is to its material: the archival PDF/A (what reviewers read and the archive keeps as the record) or
-- the original the scanner made (kept beside it, as DA/T 31 asks).
ALTER TABLE case_document ADD COLUMN role VARCHAR(16) DEFAULT 'ARCHIVAL' NOT NULL;
