-- A four-property report that failed only because a service the check needs could not answer (the virus scanner
-- away): the dossier is not at fault, so the workflow round archives it again once the service is back, instead of
-- leaving it for an archivist (found by the outage tests: a case approved while ClamAV was away stayed APPROVED).
ALTER TABLE property_check ADD COLUMN outage BOOLEAN DEFAULT FALSE NOT NULL;
