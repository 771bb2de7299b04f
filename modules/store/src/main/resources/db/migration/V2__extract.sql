-- One delivery of an agency's nightly snapshot (persons.csv and optionally events.csv), by upload
-- or through the drop folder, and what became of it. Agency, status and source are enum names.
create table extract (
  id                  uuid        primary key,
  agency              text        not null check (agency in ('POLICE', 'HEALTH', 'COUNCIL', 'EDUCATION')),
  status              text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
  source              text        not null check (source in ('UPLOAD', 'INBOX')),
  uploaded_by         text        not null,
  persons_file        text        not null,
  events_file         text,
  received_at         timestamptz not null,
  started_at          timestamptz,
  finished_at         timestamptz,
  applied_at          timestamptz,
  failure_reason      text,
  job_execution_id    bigint,
  persons_rows        bigint,
  events_rows         bigint,
  persons_read               bigint not null default 0,
  persons_accepted           bigint not null default 0,
  persons_rejected           bigint not null default 0,
  persons_warnings           bigint not null default 0,
  persons_new                bigint not null default 0,
  persons_changed            bigint not null default 0,
  persons_unchanged          bigint not null default 0,
  persons_no_longer_current  bigint not null default 0,
  events_read                bigint not null default 0,
  events_accepted            bigint not null default 0,
  events_rejected            bigint not null default 0,
  events_warnings            bigint not null default 0,
  events_new                 bigint not null default 0,
  events_changed             bigint not null default 0,
  events_unchanged           bigint not null default 0,
  events_no_longer_current   bigint not null default 0,
  -- Identifier coverage of the accepted persons, for the data-quality scorecard.
  persons_with_date_of_birth bigint not null default 0,
  persons_with_postcode      bigint not null default 0,
  persons_with_nhs_number    bigint not null default 0,
  persons_with_upn           bigint not null default 0,
  persons_with_pnc_id        bigint not null default 0
);

create index extract_agency_received on extract (agency, received_at desc);
create index extract_unfinished on extract (status) where status in ('QUEUED', 'RUNNING');
