-- Who may see which family. A safeguarding lead assigns families to keyworkers for a period
-- (caseload); outside it a keyworker sees nothing unless they record a purpose and a reason,
-- which grants time-limited access to one person or family and is flagged for audit review
-- (break-glass). Rows are never deleted: ending an assignment sets its last day.
create table caseload_assignment (
  id           uuid        primary key,
  keyworker    text        not null,
  family_id    text        not null,
  starts_on    date        not null,
  ends_on      date,
  assigned_by  text        not null,
  assigned_at  timestamptz not null,
  check (ends_on is null or ends_on >= starts_on)
);

create index caseload_assignment_keyworker on caseload_assignment (keyworker, family_id);

create table access_grant (
  id           uuid        primary key,
  username     text        not null,
  target_type  text        not null check (target_type in ('person', 'family')),
  target_id    text        not null,
  purpose      text        not null,
  reason       text        not null,
  granted_at   timestamptz not null,
  expires_at   timestamptz not null,
  reviewed_by  text,
  reviewed_at  timestamptz
);

create index access_grant_user on access_grant (username, target_type, target_id, expires_at);
