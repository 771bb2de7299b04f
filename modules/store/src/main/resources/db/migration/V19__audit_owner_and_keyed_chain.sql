-- The audit trail out of reach of the application's own login (issue 15, docs/access-model.md).
--
-- 1. Where the keyed chain starts. Entries before keyed_from_seq carry the unkeyed SHA-256 of
--    V10 and are verified as before; from keyed_from_seq on, every hash is HMAC-SHA256 with the
--    audit key, which is not in the database (FV_AUDIT_KEY). The first keyed entry's MAC covers
--    the last unkeyed hash, so the old part cannot be rewritten without the key either.
create table audit_chain (
  singleton       boolean     primary key default true check (singleton),
  keyed_from_seq  bigint      not null,
  recorded_at     timestamptz not null default now()
);

insert into audit_chain (keyed_from_seq) select coalesce(max(seq), 0) + 1 from audit_entry;

-- 2. The audit tables (and the trigger function that keeps audit_entry append-only) handed to the
--    role familyview_audit, which the launcher makes as the cluster's superuser together with
--    familyview_audit.hand_over (config/postgres/database.sql). The application's role
--    keeps SELECT and INSERT on audit_entry and SELECT on audit_chain: no UPDATE, DELETE,
--    TRUNCATE, TRIGGER, ALTER or DROP.
do $$
begin
  if to_regprocedure('familyview_audit.hand_over(text)') is null then
    raise exception 'migration V19 needs the role familyview_audit and the function familyview_audit.hand_over(text), which ./familyview makes as the cluster''s superuser (config/postgres/database.sql); on another PostgreSQL, run that script there first (docs/operations.md)';
  end if;
end;
$$;

select familyview_audit.hand_over(current_schema());
