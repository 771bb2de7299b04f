-- When each user last opened each family, so that pages and the keyworker's home can say what is
-- new since then. visited_at is the latest page view; previous_visit_at the visit before the
-- current sitting (a sitting ends after 30 minutes without a view), so that the marks stay put
-- while the user moves between the family's pages. Owned by the casefile module (LastVisits).
create table last_visit (
  username           text        not null,
  family_id          text        not null,
  visited_at         timestamptz not null,
  previous_visit_at  timestamptz,
  primary key (username, family_id)
);
