-- Events for the other subsystems of the "1+6" system carry details beyond the case and archive numbers: a decision,
-- a pension determination's amounts and evidence, a risk signal, the day's summary. JSON text, written in the
-- change's own transaction like every outbox message, delivered as the event's "details".
ALTER TABLE outbox ADD COLUMN details VARCHAR(8000);
