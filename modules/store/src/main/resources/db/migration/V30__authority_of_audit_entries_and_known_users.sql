-- Issue 16: audit reports per authority, and the old authority told when a family moves.
--
-- 1. The authority of the member of staff behind each audit entry, beside the entry rather than
--    in it: audit_entry, its chained columns and their MAC stay as V10/V19 made them, so every
--    entry written before stays verifiable. An entry with no row here (written before V30, or by
--    no member of staff of an authority: a job, an uploader) counts as the unplaced authority's
--    (docs/access-model.md, "Audit"). Owned by the audit module (AuditTrail writes it with the
--    entry, in the same transaction; the reports read it).
create table audit_entry_authority (
  seq        bigint primary key,
  authority  text   not null
);

create index audit_entry_authority_by_authority on audit_entry_authority (authority, seq);

-- 2. The authority and roles of each user FamilyView has seen, from their token, so that the
--    notice "a family you held has moved away" can reach the old authority's leads when no
--    keyworker holds the family (alerts module, MovedAwayNotices).
alter table notification_user add column authority text;
alter table notification_user add column roles text;
