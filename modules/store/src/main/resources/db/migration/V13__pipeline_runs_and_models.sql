-- The nightly pipeline's own state: the queue of runs (so that a run asked for while another runs
-- waits its turn, also across a restart of the application), the stored matching models, and the
-- matching step's output that the clustering step reads (so that clustering restarts on its own).

-- One row per run asked for (by the schedule, the API, the page or the demo world). A single
-- runner takes QUEUED runs oldest first; a FAILED run goes back to QUEUED when restarted and
-- resumes at its failed step (Spring Batch's job instance is keyed by the run id).
create table pipeline_run (
  id             uuid        primary key,
  status         text        not null check (status in ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED')),
  retrain        boolean     not null default false,
  requested_by   text        not null,
  requested_at   timestamptz not null,
  queued_at      timestamptz not null,
  started_at     timestamptz,
  finished_at    timestamptz,
  model_version  text,
  failure        text
);

create index pipeline_run_queue on pipeline_run (status, queued_at);
create index pipeline_run_recent on pipeline_run (requested_at desc);

-- Every trained model: the parameters in ModelParameters' text form (read back with
-- ModelParameters.read) and what the training found. The newest row is the one in use; a run with
-- retrain adds a row. version is the parameters' own fingerprint, which every link names.
create table match_model (
  id               bigserial   primary key,
  version          text        not null,
  parameters       text        not null,
  training_report  jsonb,
  trained_at       timestamptz not null,
  run_id           uuid
);

-- The records the matching step of a run saw, with the standardised NHS number that keeps two
-- people apart in clustering. Rows of a run are replaced when the step runs again.
create table pipeline_match_record (
  run_id      uuid not null,
  agency      text not null,
  record_id   text not null,
  nhs_number  text,
  primary key (run_id, agency, record_id)
);

-- The pairs the matching step kept (links, review pairs, decisive-rule outcomes), enough to
-- cluster and to explain: rule_kind is MUST_LINK / CANNOT_LINK (a decisive identifier rule),
-- AT_MOST_REVIEW or NONE; explanation is the waterfall of a REVIEW pair, for its review task.
create table pipeline_match_pair (
  run_id             uuid             not null,
  left_agency        text             not null,
  left_record_id     text             not null,
  right_agency       text             not null,
  right_record_id    text             not null,
  match_weight       double precision not null,
  match_probability  double precision not null,
  decision           text             not null check (decision in ('LINK', 'REVIEW', 'NO_LINK')),
  rule_kind          text             not null check (rule_kind in ('MUST_LINK', 'CANNOT_LINK', 'AT_MOST_REVIEW', 'NONE')),
  rule               text             not null,
  explanation        jsonb,
  model_version      text             not null
);

create index pipeline_match_pair_run on pipeline_match_pair (run_id);
