-- Staged rows are only ever read whole, by extract id, in set-based joins (hash joins), and the
-- tables hold only the extracts being loaded: an index there costs every COPY of millions of rows
-- and serves no query.
drop index if exists extract_person_stage_key;
drop index if exists extract_event_stage_key;
