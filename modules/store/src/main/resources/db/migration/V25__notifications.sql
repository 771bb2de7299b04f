-- Notifications (issue 17): one inbox per user. reason says why in words that carry no personal
-- data (no names, no dates of birth); link is the page to open. dedupe_key keeps one entry per
-- fact (an event, a view on a day) however often the source runs. emailed_at is set when the
-- daily digest told the recipient of it.
create table notification (
  id          uuid        primary key,
  recipient   text        not null,
  kind        text        not null,
  reason      text        not null,
  link        text        not null,
  dedupe_key  text,
  created_at  timestamptz not null,
  read_at     timestamptz,
  emailed_at  timestamptz
);

create index notification_inbox on notification (recipient, created_at desc);
create unique index notification_once on notification (recipient, dedupe_key)
  where dedupe_key is not null;

-- The users FamilyView has seen sign in, with the team and email address of their token: the
-- owning team's members for notify-on-view, and where the digest goes.
create table notification_user (
  username   text        primary key,
  team       text,
  email      text,
  last_seen  timestamptz not null
);

-- How far the nightly notification source has read source_event (by loaded_at), so that each
-- new event is announced once.
create table notification_mark (
  name  text        primary key,
  at    timestamptz not null
);
