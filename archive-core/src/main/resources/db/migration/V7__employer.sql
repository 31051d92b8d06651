-- The employer of a case (unified social credit code, GB 32100), when the business concerns one.
ALTER TABLE business_case ADD COLUMN employer_code VARCHAR(18);
ALTER TABLE business_case ADD COLUMN employer_name VARCHAR(200);
CREATE INDEX ix_case_employer ON business_case (employer_code);
