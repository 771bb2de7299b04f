-- Supporting Families criteria results, written by the nightly pipeline's `criteria` stage
-- (modules/eligibility). One criteria_run per pipeline run id; for each current family and each
-- configured framework one criteria_eligibility row, and one criteria_result row per need of that
-- framework, met or not, with the events that evidence it and a plain-English why. The ruleset
-- version is stored with every row, so a result can always be traced to the rules that made it.
-- A re-run of the same run id replaces that run's rows (the stage deletes them first) and keeps the
-- evaluation date of the first attempt, so it gives the same rows. Readers use the latest finished
-- run; older runs are pruned after `familyview.criteria.keep-runs` runs.

create table criteria_run (
  run_id        uuid        primary key,
  evaluated_on  date        not null,
  started_at    timestamptz not null,
  finished_at   timestamptz,
  families      integer,
  -- framework -> ruleset version, e.g. {"2022": "2022-25.1", "2015": "2015-20.1"}
  rulesets      jsonb
);

create index criteria_run_finished on criteria_run (finished_at desc) where finished_at is not null;

create table criteria_eligibility (
  run_id           uuid    not null references criteria_run (run_id) on delete cascade,
  family_id        text    not null,
  framework        text    not null,
  ruleset_version  text    not null,
  needs_met        integer not null,
  eligible_with    integer not null,
  eligible         boolean not null,
  why              text    not null,
  evaluated_on     date    not null,
  primary key (run_id, family_id, framework)
);

create index criteria_eligibility_eligible on criteria_eligibility (run_id, framework) where eligible;

create table criteria_result (
  run_id           uuid    not null references criteria_run (run_id) on delete cascade,
  family_id        text    not null,
  framework        text    not null,
  ruleset_version  text    not null,
  need_id          text    not null,
  need_label       text    not null,
  position         integer not null,
  met              boolean not null,
  -- the evidencing events as agency/event_id (source_event's key), oldest first
  evidence         text[]  not null default '{}',
  why              text    not null,
  evaluated_on     date    not null,
  primary key (run_id, family_id, framework, need_id)
);
