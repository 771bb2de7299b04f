-- A data steward's act on the workbench: a MATCH or NO_MATCH on a review task, or a split, merge or
-- unmerge of a person. One act writes one or more match_decision rows (the hard constraints every
-- later nightly run obeys) and is applied to person_record at once; this row keeps the act itself:
-- who, when, why, the evidence the steward saw, what it changed, and (four eyes) who approved it.
-- A MATCH or merge involving a child or police-held records waits here as AWAITING_APPROVAL, with
-- nothing applied, until a different steward approves or rejects it.
create table review_decision (
  id               uuid        primary key,
  action           text        not null check (action in ('MATCH', 'NO_MATCH', 'SPLIT', 'MERGE', 'UNMERGE')),
  status           text        not null check (status in ('AWAITING_APPROVAL', 'APPLIED', 'REJECTED')),
  review_task_id   uuid,
  -- the person acted on (split, merge, unmerge) and the other one (merge, unmerge)
  person_id        text,
  other_person_id  text,
  -- [{"agency": ..., "recordId": ...}]: the task's records, or the records that leave in a split
  records          jsonb       not null default '[]',
  together         boolean     not null default true,
  reason           text,
  involves_child   boolean     not null default false,
  involves_police  boolean     not null default false,
  evidence         jsonb,
  -- what applying it changed: person ids kept, retired, revived, created; records moved
  result           jsonb,
  decided_by       text        not null,
  decided_at       timestamptz not null,
  approved_by      text,
  approved_at      timestamptz,
  approval_note    text,
  applied_at       timestamptz
);

create index review_decision_status on review_decision (status, decided_at);
create index review_decision_task on review_decision (review_task_id);
create index review_decision_person on review_decision (person_id);

-- Which steward's act wrote each constraint, so an unmerge can find the merge's rows and a blast
-- radius report its decision.
alter table match_decision add column review_decision_id uuid;
create index match_decision_review_decision on match_decision (review_decision_id);
