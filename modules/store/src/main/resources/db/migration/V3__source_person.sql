-- The persons each agency holds, one row per (agency, record_id): the version of the latest
-- extract that carried it, with its lineage. A record missing from a later snapshot is kept and
-- marked no longer current, so its chronology survives. No foreign keys to extract: the load
-- writes millions of rows in one set-based statement and the apply step keeps lineage consistent.
create table source_person (
  agency                   text        not null,
  record_id                text        not null,
  given_name               text,
  middle_names             text,
  family_name              text,
  aliases                  text[]      not null default '{}',
  date_of_birth            date,
  sex                      text,
  address                  text,
  postcode                 text,
  nhs_number               text,
  upn                      text,
  pnc_id                   text,
  phone                    text,
  email                    text,
  household_id             text,
  content_hash             char(32)    not null,
  current                  boolean     not null,
  needs_matching           boolean     not null,
  extract_id               uuid        not null,
  source_file              text        not null,
  source_line              bigint      not null,
  loaded_at                timestamptz not null,
  first_extract_id         uuid        not null,
  no_longer_current_since  uuid,
  primary key (agency, record_id)
);

create index source_person_needs_matching on source_person (agency) where needs_matching;
create index source_person_nhs_number on source_person (nhs_number) where nhs_number is not null;
