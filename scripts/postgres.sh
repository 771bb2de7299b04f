# shellcheck shell=bash
# PostgreSQL: a private cluster under var/pg (initdb once, configuration from
# config/postgres/familyview.conf at every start), or one that already answers on the port;
# role and database familyview from config/postgres/database.sql. Sourced by ./familyview.

PG_DATA="$VAR/pg/data"
PG_SOCKET_DIR="$VAR/pg/run"
PG_TIMEOUT="${FV_PG_TIMEOUT:-60}" # typical start: 1 s

PG_BIN=""
find_pg_bin() {
  local d best=""
  [[ -n "$PG_BIN" ]] && return 0
  if [[ -n "${FV_PG_BIN:-}" ]]; then
    PG_BIN="$FV_PG_BIN"
    return 0
  fi
  # The highest version under Debian's directory, else other usual places, else PATH.
  local v max=0
  for d in /usr/lib/postgresql/*/bin; do
    v="$(basename "$(dirname "$d")")"
    if [[ "$v" =~ ^[0-9]+$ && -x "$d/postgres" && "$v" -gt "$max" ]]; then max="$v" best="$d"; fi
  done
  if [[ -z "$best" ]]; then
    for d in /usr/pgsql-*/bin /usr/local/pgsql/bin; do
      [[ -x "$d/postgres" && -x "$d/initdb" ]] && best="$d"
    done
  fi
  if [[ -z "$best" ]] && command -v pg_ctl >/dev/null; then best="$(dirname "$(command -v pg_ctl)")"; fi
  PG_BIN="$best"
}

pg_pid() {
  local pid
  pid="$(read_pid "$PG_DATA/postmaster.pid" 2>/dev/null)"
  if pid_matches "$pid" "$PG_DATA"; then printf '%s' "$pid"; fi
}

pg_answers() {
  find_pg_bin
  if [[ -n "$PG_BIN" ]]; then
    "$PG_BIN/pg_isready" -q -h localhost -p "$FV_PG_PORT" -t 2 >/dev/null 2>&1
  else
    port_open "$FV_PG_PORT"
  fi
}

# psql as the superuser of our private cluster (over its socket).
pg_private_psql() {
  PGPASSWORD="$(secret pg-superuser-password)" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h "$PG_SOCKET_DIR" -p "$FV_PG_PORT" -U postgres -d postgres "$@"
}

# Makes the roles familyview and familyview_audit (with their generated passwords), database
# familyview and the audit tables' hand-over function exist (config/postgres/database.sql).
pg_ensure_database() { # psql-function
  local psql_fn="$1"
  FV_DB_PASSWORD="$FV_DB_PASSWORD" FV_DB_AUDIT_OWNER_PASSWORD="$(secret db-audit-owner-password)" \
    "$psql_fn" <"$ROOT/config/postgres/database.sql"
}

pg_app_login_works() {
  [[ -n "$PG_BIN" ]] || return 1
  PGPASSWORD="$FV_DB_PASSWORD" PGCONNECT_TIMEOUT=3 "$PG_BIN/psql" -X -q -h localhost -p "$FV_PG_PORT" \
    -U familyview -d familyview -c 'select 1' >/dev/null 2>&1
}

pg_system_psql() {
  runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$FV_PG_PORT" -d postgres "$@"
}

# A PostgreSQL that answers but is not ours: use it if role familyview can log in, or can be
# made there (as root, with Debian's postgres superuser). When it cannot be made there, the audit
# owner and its hand-over function must have been made by its administrator (migration V19 says
# so otherwise; docs/operations.md).
pg_use_external() {
  step "PostgreSQL answers on localhost:$FV_PG_PORT: using it"
  if is_root && id -u postgres >/dev/null 2>&1 && [[ -n "$PG_BIN" ]] && pg_system_psql -c 'select 1' >/dev/null 2>&1; then
    pg_ensure_database pg_system_psql
    ok "roles and database familyview ensured (as the postgres superuser)"
  elif pg_app_login_works; then
    ok "database familyview reachable as role familyview"
  else
    die "PostgreSQL on port $FV_PG_PORT is not ours and role familyview cannot log in with the password in var/secrets/db-password; create it there, or set FV_PG_PORT to a free port"
  fi
  printf 'external\n' >"$RUN/postgresql.external"
}

pg_initdb() {
  local pwfile="$VAR/pg/.pwfile"
  (
    umask 077
    secret pg-superuser-password >"$pwfile"
  )
  if is_root; then chown "$FV_SERVICE_USER": "$pwfile"; fi
  as_service_user "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" -E UTF8 --no-locale \
    --auth-local=scram-sha-256 --auth-host=scram-sha-256 >"$LOGS/postgresql/initdb.log" 2>&1 ||
    {
      rm -f "$pwfile"
      show_log_tail "$LOGS/postgresql/initdb.log"
      die "initdb failed"
    }
  rm -f "$pwfile"
  printf "include_if_exists = 'familyview.conf'\n" >>"$PG_DATA/postgresql.conf"
}

start_postgres() {
  find_pg_bin
  local pid
  pid="$(pg_pid)"
  if [[ -n "$pid" ]]; then
    ok "PostgreSQL already running (pid $pid, port $FV_PG_PORT)"
    pg_private_psql -c 'select 1' >/dev/null
    pg_ensure_database pg_private_psql
    return 0
  fi
  if pg_answers; then
    pg_use_external
    return 0
  fi
  [[ -n "$PG_BIN" ]] || die "no PostgreSQL server binaries found (install Debian's 'postgresql' package, or set FV_PG_BIN)"
  rm -f "$RUN/postgresql.external"
  step "Starting PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $FV_PG_PORT, data in var/pg"
  service_owned_dir "$VAR/pg" "$LOGS/postgresql"
  [[ -s "$PG_DATA/PG_VERSION" ]] || pg_initdb
  service_owned_dir "$PG_SOCKET_DIR"
  render_template "$ROOT/config/postgres/familyview.conf" "$PG_DATA/familyview.conf"
  if is_root; then chown "$FV_SERVICE_USER": "$PG_DATA/familyview.conf"; fi
  as_service_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOGS/postgresql/postgresql.log" -w -t "$PG_TIMEOUT" \
    -s start >/dev/null 2>&1 || {
    show_log_tail "$LOGS/postgresql/postgresql.log"
    die "PostgreSQL did not start"
  }
  pid="$(pg_pid)"
  [[ -n "$pid" ]] || die "PostgreSQL started but its pid is unknown"
  printf '%s\n' "$pid" >"$RUN/postgresql.pid"
  started postgresql
  pg_ensure_database pg_private_psql
  ok "PostgreSQL ready (pid $pid); database familyview, role familyview"
}

stop_postgres() {
  local pid
  pid="$(pg_pid)"
  rm -f "$RUN/postgresql.external"
  if [[ -z "$pid" ]]; then
    rm -f "$RUN/postgresql.pid"
    return 0
  fi
  say "Stopping PostgreSQL (pid $pid)"
  find_pg_bin
  as_service_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$STOP_TIMEOUT" -s stop >/dev/null 2>&1 ||
    terminate PostgreSQL "$pid"
  wait_gone "$pid" 5 || terminate PostgreSQL "$pid"
  rm -f "$RUN/postgresql.pid"
}

postgres_status() {
  find_pg_bin
  local pid health
  pid="$(pg_pid)"
  if pg_answers; then health=healthy; else health=down; fi
  if [[ -n "$pid" ]]; then
    status_line PostgreSQL running "localhost:$FV_PG_PORT (var/pg)" "$pid" "$health"
  elif [[ -f "$RUN/postgresql.external" && "$health" == healthy ]]; then
    status_line PostgreSQL external "localhost:$FV_PG_PORT" - "$health"
  else
    status_line PostgreSQL stopped "localhost:$FV_PG_PORT" - "$health"
  fi
}
