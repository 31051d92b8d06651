-- Sign-in protection: failed attempts counted per account (growing delays after a few, a lock after more), kept in
-- the database so that every instance of a cluster sees the same count.
ALTER TABLE app_user ADD COLUMN failed_sign_ins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE app_user ADD COLUMN last_failed_at TIMESTAMP;
ALTER TABLE app_user ADD COLUMN locked_until TIMESTAMP;
-- Passwords: the last ones kept as hashes so that none is reused; a password an administrator set must be changed by
-- its owner at the first sign-in (outside the embedded demo).
ALTER TABLE app_user ADD COLUMN previous_password_hashes VARCHAR(1600);
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
