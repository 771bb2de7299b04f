-- The MASH front door (module frontdoor). A contact about a person or a family, its RAG rating and
-- deadline on the working-hours clock, and, once made, the decision. A contact raised by a concern
-- rule keeps the rule, its version and its evidence (events with provenance); evidence_key (the
-- sorted evidence event ids) makes a rule fire once per (rule, family, evidence), never nightly.
create table front_door_contact (
  id             uuid        primary key,
  subject_kind   text        not null check (subject_kind in ('PERSON', 'FAMILY')),
  subject_id     text        not null,
  family_id      text,
  source         text        not null,
  concern        text        not null,
  rag            text        not null check (rag in ('RED', 'AMBER', 'GREEN')),
  raised_at      timestamptz not null,
  due_at         timestamptz not null,
  raised_by      text        not null,
  rule_id        text,
  rule_version   text,
  rule_label     text,
  evidence       jsonb,
  evidence_key   text,
  outcome        text check (outcome in ('NO_FURTHER_ACTION', 'INFORMATION_AND_ADVICE', 'EARLY_HELP',
                                         'CHILD_IN_NEED_ASSESSMENT', 'STRATEGY_DISCUSSION',
                                         'POLICE_ACTION')),
  reason         text,
  decided_at     timestamptz,
  decided_by     text,
  check ((outcome is null) = (decided_at is null))
);

create unique index front_door_contact_fired
  on front_door_contact (rule_id, family_id, evidence_key) where rule_id is not null;
create index front_door_contact_subject on front_door_contact (subject_id);
create index front_door_contact_family on front_door_contact (family_id);
create index front_door_contact_raised on front_door_contact (raised_at);

-- One check per partner the subject is linked to: the partner's records FamilyView links (the
-- pre-filled question), the deadline, and the answer. Notified flags keep CheckDue to once each.
create table front_door_check (
  contact_id        uuid        not null references front_door_contact (id),
  partner           text        not null,
  due_at            timestamptz not null,
  status            text        not null check (status in ('REQUESTED', 'ANSWERED')),
  linked            text[]      not null default '{}',
  response          text,
  nothing_known     boolean,
  answered_at       timestamptz,
  answered_by       text,
  due_announced     boolean     not null default false,
  overdue_announced boolean     not null default false,
  primary key (contact_id, partner)
);

create index front_door_check_open on front_door_check (partner, due_at) where status = 'REQUESTED';
