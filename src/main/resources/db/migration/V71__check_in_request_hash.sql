-- Issue 12: the same Idempotency-Key with a different body is refused (422), so the request a key was first
-- used for is remembered as a SHA-256 of its validated content. Null for check-ins stored before.
alter table check_in add column request_hash text;
