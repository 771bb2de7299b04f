-- The events each agency records about its persons, one row per (agency, event_id), with the
-- same snapshot and lineage rules as source_person. type is the vocabulary code
-- (police.domestic_abuse_incident); role and sensitivity are enum names.
create table source_event (
  agency                   text        not null,
  event_id                 text        not null,
  record_id                text        not null,
  occurred_on              date,
  occurred_time            time,
  type                     text        not null,
  detail                   text,
  role                     text,
  summary                  text,
  sensitivity              text        not null check (sensitivity in ('STANDARD', 'SENSITIVE', 'RESTRICTED')),
  content_hash             char(32)    not null,
  current                  boolean     not null,
  extract_id               uuid        not null,
  source_file              text        not null,
  source_line              bigint      not null,
  loaded_at                timestamptz not null,
  first_extract_id         uuid        not null,
  no_longer_current_since  uuid,
  primary key (agency, event_id)
);

create index source_event_person on source_event (agency, record_id);
