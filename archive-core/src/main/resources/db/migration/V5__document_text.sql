-- The text of a document (the invisible OCR layer of a station's PDF/A, or a born-digital PDF's own text), kept so
-- that the search index can always be rebuilt from the database. Capped at 100,000 characters per document.
CREATE TABLE document_text (
  document_id  BIGINT         NOT NULL PRIMARY KEY REFERENCES case_document (id),
  content      VARCHAR(100000) NOT NULL
);
