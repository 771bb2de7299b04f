-- Accepted rows of an extract that is still loading, keyed by extract id. They are written chunk by
-- chunk in the same transactions as Spring Batch's restart position, and applied to source_person
-- and source_event in one transaction at the end, so the previous snapshot stays current until the
-- new one is complete. aliases is ';'-joined text here and text[] once applied.
create table extract_person_stage (
  extract_id     uuid    not null,
  line           bigint  not null,
  record_id      text    not null,
  given_name     text,
  middle_names   text,
  family_name    text,
  aliases        text,
  date_of_birth  date,
  sex            text,
  address        text,
  postcode       text,
  nhs_number     text,
  upn            text,
  pnc_id         text,
  phone          text,
  email          text,
  household_id   text,
  content_hash   char(32) not null
);

create index extract_person_stage_key on extract_person_stage (extract_id, record_id);

create table extract_event_stage (
  extract_id     uuid    not null,
  line           bigint  not null,
  event_id       text    not null,
  record_id      text    not null,
  occurred_on    date,
  occurred_time  time,
  type           text    not null,
  detail         text,
  role           text,
  summary        text,
  sensitivity    text    not null,
  content_hash   char(32) not null
);

create index extract_event_stage_key on extract_event_stage (extract_id, event_id);
