-- Partner checks (issue 17): the partner a known user answers front-door checks for (their token's
-- agency when they hold the partner-checker role; null otherwise), so that "a check I must answer
-- is due, or overdue" reaches that partner's checkers.
alter table notification_user add column checks_for text;

create index notification_user_checkers on notification_user (checks_for)
  where checks_for is not null;
