-- Sign-in protection: failed attempts counted per account (growing delays after a few, a lock after more), kept in
-- the database so that every instance of a cluster sees the same count.
ALTER TABLE app_user ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE app_user ADD COLUMN last_failed_at TIMESTAMP;
ALTER TABLE app_user ADD COLUMN locked_until TIMESTAMP;
