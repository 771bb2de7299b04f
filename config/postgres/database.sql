-- Run by ./familyview as a superuser of the cluster at every start: makes role familyview (with
-- the generated password in FV_DB_PASSWORD) and database familyview exist.
\getenv fv_password FV_DB_PASSWORD
SELECT format('CREATE ROLE familyview LOGIN PASSWORD %L', :'fv_password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'familyview') \gexec
SELECT format('ALTER ROLE familyview WITH LOGIN PASSWORD %L', :'fv_password') \gexec
SELECT 'CREATE DATABASE familyview OWNER familyview ENCODING ''UTF8'' TEMPLATE template0'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'familyview') \gexec
