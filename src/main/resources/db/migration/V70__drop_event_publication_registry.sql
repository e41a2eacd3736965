-- The event publication registry (V7) is no longer used: listeners that run after a commit
-- (progression after a check-in, live flag alerts) are not persisted. Progression is re-run daily
-- for every active plan, and alerts are shown from the flags themselves whenever a page opens,
-- so nothing depended on the registry's rows, which were never republished and never removed.
drop table if exists event_publication_archive;
drop table if exists event_publication;
