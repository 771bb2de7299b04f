-- Run by ./familyview as a superuser of the cluster at every start (scripts/postgres.sh), with the
-- generated passwords in FV_DB_PASSWORD and FV_DB_AUDIT_OWNER_PASSWORD. Makes:
--   familyview        the application's login; owns the application's tables (Flyway runs as it)
--   familyview_audit  owns the database, its schema public and the audit tables; the application
--                     may only insert into and select from those (docs/access-model.md)
-- and the database familyview, and the one function through which migration V19 hands the audit
-- tables to familyview_audit.
\getenv fv_password FV_DB_PASSWORD
\getenv fv_audit_password FV_DB_AUDIT_OWNER_PASSWORD
SELECT format('CREATE ROLE familyview LOGIN PASSWORD %L', :'fv_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'familyview') \gexec
SELECT format('ALTER ROLE familyview WITH LOGIN PASSWORD %L', :'fv_password') \gexec
SELECT format('CREATE ROLE familyview_audit LOGIN PASSWORD %L', :'fv_audit_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'familyview_audit') \gexec
SELECT format('ALTER ROLE familyview_audit WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD %L',
  :'fv_audit_password') \gexec
-- The audit owner acts for the application's role (to take its audit tables over); never the
-- other way round: familyview must not be a member of familyview_audit.
SELECT 'GRANT familyview TO familyview_audit'
  WHERE NOT pg_has_role('familyview_audit', 'familyview', 'MEMBER') \gexec
SELECT 'CREATE DATABASE familyview OWNER familyview_audit ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'familyview') \gexec
-- The owner of a database owns its schema public, and the owner of a schema may drop any table in
-- it: so the application's role owns neither. It may connect, make temporary tables, make
-- schemas (the test suite's own schemas) and tables in public (its migrations).
ALTER DATABASE familyview OWNER TO familyview_audit;
GRANT CONNECT, TEMPORARY, CREATE ON DATABASE familyview TO familyview;

\connect familyview
ALTER SCHEMA public OWNER TO familyview_audit;
GRANT USAGE, CREATE ON SCHEMA public TO familyview;
-- A schema of the audit owner's own for the hand-over function: not public, which Flyway must
-- find empty on a new database.
CREATE SCHEMA IF NOT EXISTS familyview_audit AUTHORIZATION familyview_audit;
REVOKE ALL ON SCHEMA familyview_audit FROM PUBLIC;
GRANT USAGE ON SCHEMA familyview_audit TO familyview;

-- Called by migration V19 (as the application's role, in the schema Flyway migrates): gives the
-- audit tables and the trigger function of that schema to familyview_audit and leaves their
-- previous owner SELECT (and INSERT on audit_entry) only. Idempotent; it hands over nothing else.
SET ROLE familyview_audit;
CREATE OR REPLACE FUNCTION familyview_audit.hand_over(target_schema text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname, pg_get_userbyid(c.relowner) AS owner
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = target_schema AND c.relkind IN ('r', 'p')
      AND c.relname IN ('audit_entry', 'audit_chain')
  LOOP
    CONTINUE WHEN t.owner = 'familyview_audit';
    EXECUTE format('ALTER TABLE %I.%I OWNER TO familyview_audit', target_schema, t.relname);
    EXECUTE format('REVOKE ALL ON TABLE %I.%I FROM PUBLIC, %I', target_schema, t.relname, t.owner);
    EXECUTE format('GRANT SELECT ON TABLE %I.%I TO %I', target_schema, t.relname, t.owner);
    IF t.relname = 'audit_entry' THEN
      EXECUTE format('GRANT INSERT ON TABLE %I.%I TO %I', target_schema, t.relname, t.owner);
    END IF;
  END LOOP;
  IF to_regprocedure(format('%I.audit_entry_is_append_only()', target_schema)) IS NOT NULL THEN
    EXECUTE format('ALTER FUNCTION %I.audit_entry_is_append_only() OWNER TO familyview_audit',
      target_schema);
  END IF;
END;
$$;
REVOKE ALL ON FUNCTION familyview_audit.hand_over(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION familyview_audit.hand_over(text) TO familyview;
RESET ROLE;
