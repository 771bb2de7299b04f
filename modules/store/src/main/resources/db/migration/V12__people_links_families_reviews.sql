-- What the nightly pipeline derives from the source records: people (who each source record
-- belongs to, and why), the steward's decisions that bind every later run, the review queue, and
-- families and households. Person and family ids are stable across runs and never reused; a row
-- is retired, never deleted, except by retention erasure.

create table person (
  id          text        primary key,
  created_at  timestamptz not null,
  -- set when the person no longer holds any record (merged into another, or split away);
  -- person_lineage says where its records went
  retired_at  timestamptz
);

-- Which person each source record belongs to, and the link that put it there: the record it was
-- linked to, how (an identifier rule, a probabilistic match with its probability, a steward's
-- decision), under which model version and in which run. The first record of a person is SOLE.
create table person_record (
  agency               text             not null,
  record_id            text             not null,
  person_id            text             not null references person (id),
  link_type            text             not null check (link_type in ('SOLE', 'IDENTIFIER', 'PROBABILISTIC', 'MANUAL')),
  linked_to_agency     text,
  linked_to_record_id  text,
  match_weight         double precision,
  match_probability    double precision,
  reason               text,
  model_version        text,
  run_id               uuid,
  linked_at            timestamptz      not null,
  primary key (agency, record_id)
);

create index person_record_person on person_record (person_id);

-- Every change of a record's person, automatic or manual: the person's link history.
create table person_link_event (
  id                 bigserial        primary key,
  person_id          text             not null,
  agency             text             not null,
  record_id          text             not null,
  action             text             not null check (action in ('LINKED', 'UNLINKED')),
  link_type          text             not null,
  match_probability  double precision,
  model_version      text,
  run_id             uuid,
  decided_by         text,
  reason             text,
  at                 timestamptz      not null
);

create index person_link_event_person on person_link_event (person_id, at);

-- Merges and splits between person ids (old id -> new id), so that a stale id can be followed
-- and an undone merge can give the earlier ids back.
create table person_lineage (
  id           bigserial   primary key,
  kind         text        not null check (kind in ('MERGE', 'SPLIT', 'UNMERGE')),
  from_person  text        not null,
  to_person    text        not null,
  run_id       uuid,
  decided_by   text,
  at           timestamptz not null
);

create index person_lineage_from on person_lineage (from_person);
create index person_lineage_to on person_lineage (to_person);

-- A data steward's ruling on two source records: hard constraints that no later nightly run and
-- no re-training overrides. Withdrawn (never deleted) when a steward undoes it, e.g. an unmerge.
create table match_decision (
  id               uuid        primary key,
  kind             text        not null check (kind in ('MUST_LINK', 'CANNOT_LINK')),
  left_agency      text        not null,
  left_record_id   text        not null,
  right_agency     text        not null,
  right_record_id  text        not null,
  reason           text,
  decided_by       text        not null,
  decided_at       timestamptz not null,
  review_task_id   uuid,
  evidence         jsonb,
  withdrawn_by     text,
  withdrawn_at     timestamptz
);

create index match_decision_left on match_decision (left_agency, left_record_id);
create index match_decision_right on match_decision (right_agency, right_record_id);

-- The steward's queue. records is [{"agency": ..., "recordId": ...}]; detail holds what the kind
-- needs (the waterfall of a possible match, the conflicting identifiers, a keyworker's dispute).
-- dedupe_key stops a nightly run from raising the same task twice while it is open.
create table review_task (
  id                 uuid             primary key,
  kind               text             not null check (kind in ('POSSIBLE_MATCH', 'CANNOT_LINK_CONFLICT', 'OVERSIZED_CLUSTER', 'HOUSEHOLD_CONFLICT', 'DISPUTE')),
  status             text             not null check (status in ('OPEN', 'AWAITING_APPROVAL', 'DECIDED', 'WITHDRAWN')),
  priority           integer          not null,
  involves_child     boolean          not null default false,
  involves_police    boolean          not null default false,
  match_weight       double precision,
  match_probability  double precision,
  records            jsonb            not null,
  person_ids         text[]           not null default '{}',
  family_id          text,
  agencies           text[]           not null default '{}',
  detail             jsonb,
  model_version      text,
  dedupe_key         text,
  raised_by          text             not null,
  raised_at          timestamptz      not null,
  run_id             uuid
);

create unique index review_task_open_once on review_task (dedupe_key) where status in ('OPEN', 'AWAITING_APPROVAL') and dedupe_key is not null;
create index review_task_queue on review_task (status, priority desc, raised_at);

create table family (
  id          text        primary key,
  created_at  timestamptz not null,
  retired_at  timestamptz
);

-- Who belongs to a family, in what part, over which dates (open ends are null), and on what
-- evidence (the agency's household id, co-residence at an address, an event's parent role).
create table family_member (
  id          bigserial   primary key,
  family_id   text        not null references family (id),
  person_id   text        not null references person (id),
  role        text        not null check (role in ('PARENT_OR_CARER', 'CHILD', 'OTHER_ADULT')),
  from_date   date,
  to_date     date,
  basis       text        not null,
  run_id      uuid
);

create index family_member_family on family_member (family_id);
create index family_member_person on family_member (person_id);

-- A household is a family's address over a period; household_member says who lived there when,
-- so the family view can say who was in the household on the date of any event.
create table household (
  id          text        primary key,
  family_id   text        references family (id),
  address     text,
  postcode    text,
  from_date   date,
  to_date     date
);

create index household_family on household (family_id);

create table household_member (
  id             bigserial   primary key,
  household_id   text        not null references household (id),
  person_id      text        not null references person (id),
  from_date      date,
  to_date        date,
  agency         text,
  record_id      text
);

create index household_member_household on household_member (household_id);
create index household_member_person on household_member (person_id);
