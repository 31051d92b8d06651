-- A case's working day: an applicant withdraws before a decision, a rejected case is closed, and a case approved while
-- a material promised under 容缺受理 is still to come waits for it (status AWAITING_MATERIALS) instead of failing its
-- archiving. closed_* say who ended the case, when and why; supplement_received_at is when the last promised material
-- arrived (a promise is open while supplement_promised is set and this is not). The case list filters on these.
ALTER TABLE business_case ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE business_case ADD COLUMN closed_by VARCHAR(64);
ALTER TABLE business_case ADD COLUMN close_reason VARCHAR(500);
ALTER TABLE business_case ADD COLUMN supplement_received_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_case_hall_status ON business_case (hall, status, accepted_at);
CREATE INDEX ix_case_promised ON business_case (supplement_promised);
CREATE INDEX ix_case_accepted_by ON business_case (accepted_by, status);
