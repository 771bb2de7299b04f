-- The snapshot guard (issue 15). An extract that would retire too much of an agency's current
-- records, that is much smaller than the previous delivery, or that has no rows is HELD: its rows
-- stay staged, nothing is applied, until the partner's uploader or an admin confirms it (it is
-- then applied and COMPLETED) or discards it (DISCARDED, its staged rows dropped).
alter table extract drop constraint extract_status_check;
alter table extract add constraint extract_status_check
  check (status in ('QUEUED', 'RUNNING', 'HELD', 'COMPLETED', 'FAILED', 'DISCARDED'));

-- Why it was held and the figures, kept after it is confirmed or discarded.
alter table extract add column held_reason       text;
alter table extract add column held_would_retire bigint;
alter table extract add column held_current      bigint;
alter table extract add column held_at           timestamptz;
-- Who confirmed or discarded a held extract, when, and the reason they gave.
alter table extract add column resolved_by       text;
alter table extract add column resolved_at       timestamptz;
alter table extract add column resolution_reason text;

create index extract_held on extract (agency) where status = 'HELD';

-- Events follow their person's currency: an event retired only because its person left the
-- snapshot comes back with its person, until an events.csv of the agency says otherwise.
alter table source_event add column retired_with_person boolean not null default false;
