-- Where each source record placed its person, and in which of the agency's households, over the
-- nightly extracts. source_person holds only a record's current address; the families stage keeps
-- the history here so that a move between two extracts gives dated household membership. One row
-- per spell of a record at one (address, household id); a change closes the open row and opens a
-- new one. Written only by the families stage; never deleted, except by retention erasure.
create table residence_observation (
  id                 bigserial   primary key,
  agency             text        not null,
  record_id          text        not null,
  -- the normalised address line (org.familyview.families.AddressKey); null: no usable address
  address_key        text,
  address            text,
  postcode           text,
  household_id       text,
  -- the day of the extract that first showed this spell, and of the latest that still did
  first_seen         date        not null,
  last_seen          date        not null,
  -- the last day of the spell, set when a later extract showed something else (the day before it)
  -- or the record left the agency's extract (its last_seen); null while the spell holds
  ended_on           date,
  ended_by           text        check (ended_by in ('MOVED', 'NO_LONGER_CURRENT')),
  opened_in_run      uuid,
  closed_in_run      uuid
);

create unique index residence_observation_open on residence_observation (agency, record_id) where ended_on is null;
create index residence_observation_record on residence_observation (agency, record_id, first_seen);
