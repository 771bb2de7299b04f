-- The audit trail: who read or changed what, when, why and from where.
-- Append-only twice over: triggers refuse UPDATE, DELETE and TRUNCATE, and every entry carries
-- the SHA-256 of its content and of the entry before it, so an edit made by someone who can
-- switch the triggers off (the table owner, a DBA) still breaks the chain that
-- `./familyview audit verify` walks.
create table audit_entry (
  seq            bigint generated always as identity primary key,
  recorded_at    timestamptz not null,
  actor          text        not null,
  actor_roles    text        not null,
  action         text        not null,
  outcome        text        not null,
  target_type    text,
  target_id      text,
  purpose        text,
  detail         text,
  source         text,
  previous_hash  char(64)    not null,
  hash           char(64)    not null unique
);

create index audit_entry_target on audit_entry (target_type, target_id);
create index audit_entry_actor on audit_entry (actor, recorded_at);
create index audit_entry_time on audit_entry (recorded_at);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit entries are append-only (% refused)', tg_op;
end;
$$;

create trigger audit_entry_no_update_or_delete
  before update or delete on audit_entry
  for each row execute function audit_entry_is_append_only();

create trigger audit_entry_no_truncate
  before truncate on audit_entry
  for each statement execute function audit_entry_is_append_only();
