-- Issue 14, the ordinary night: what the families step last grouped each person from, so that the
-- next night regroups only the people whose inputs changed and everyone who could be grouped with
-- them (docs/families.md, "The ordinary night"). One row per person the step last saw; written
-- only by the families stage. No personal data: a digest of the inputs, digests of the address and
-- household keys, and the family ids the person was placed in.
create table family_grouping_input (
  person_id    text    primary key,
  -- MD5 of the person's date of birth, child-or-adult on the day grouped, address spells and
  -- stated parents and children: equal digests, equal inputs
  fingerprint  text    not null,
  -- 64-bit digests of the address keys and agency household keys of every spell
  place_keys   bigint[] not null,
  -- the live families (sorted, comma-separated) that listed the person after the step wrote them;
  -- a difference from family_member means the tables were changed outside the step
  families     text    not null,
  run_id       uuid    not null
);
