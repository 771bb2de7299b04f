-- What the nightly indexing step put into the search indices, so that the next run can update the
-- live indices in place with only what changed (docs/operations.md, "Indexing"). Written only by
-- the indexing step; deleting every index_build row forces the next run to rebuild in full.

-- One row per run of the step (a restart of the same pipeline run replaces its row). A run that is
-- not COMPLETED (it failed, or the application stopped inside it) makes the next run rebuild in
-- full. mapping_version fingerprints the three mappings and the shape of their documents; the
-- *_index columns name the concrete indices behind the aliases once the run completed.
create table index_build (
  run_id            uuid        primary key,
  mode              text        not null check (mode in ('FULL', 'INCREMENTAL')),
  reason            text        not null,
  status            text        not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
  mapping_version   text        not null,
  people_index      text,
  families_index    text,
  events_index      text,
  people_written    bigint,
  people_deleted    bigint,
  families_written  bigint,
  families_deleted  bigint,
  events_written    bigint,
  events_deleted    bigint,
  started_at        timestamptz not null,
  finished_at       timestamptz,
  failure           text
);

create index index_build_recent on index_build (started_at desc);

-- Every document of the live people and families indices, by id, with a digest of what was sent
-- (for a person, also of the records it holds): a document whose digest differs today is replaced,
-- one no longer built is deleted. Replaced whole by a full build.
create table index_document (
  kind         text   not null check (kind in ('PERSON', 'FAMILY')),
  id           text   not null,
  fingerprint  bigint not null,
  primary key (kind, id)
);

-- The watermark of the events index: the extracts (source_event.extract_id) whose events it holds.
-- A set rather than a time, because an extract's apply commits whenever it finishes, not in the
-- order of its timestamps; an extract not listed here brought events the index has not seen.
create table index_extract (
  extract_id  uuid primary key
);
