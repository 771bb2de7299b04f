-- Flags (issue 17, CP-IS style): what a practitioner must see beside a child at once, derived
-- after each completed nightly run from the partners' events (plans started and ended, repeated
-- events, an event at a household with a child). The table is the latest derivation: each run
-- replaces it whole, so a flag whose plan ended longer ago than the visible period disappears.
-- owner is the key of a configured owning team (authority, team, contacts), resolved at read
-- time so that a changed telephone number shows at once. type is a configured flag type name.
create table flag (
  id             bigserial   primary key,
  person_id      text        not null,
  type           text        not null,
  starts_on      date        not null,
  ends_on        date,
  visible_until  date,
  owner          text        not null,
  basis          text        not null,
  run_id         uuid,
  derived_at     timestamptz not null,
  check (ends_on is null or ends_on >= starts_on)
);

create index flag_person on flag (person_id);
