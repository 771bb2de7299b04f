# shellcheck shell=bash
# The launcher's common library: output, the JDK, the service user, var/ and its secrets, the
# environment contract with the application and the tests, processes, downloads, the build, and
# who owns which running service. Sourced by ./familyview (which sets ROOT, VAR, RUN, LOGS,
# SECRETS, the ports and the jar paths); defines functions only.

STOP_TIMEOUT="${FV_STOP_TIMEOUT:-30}"
MAVEN_CENTRAL="${FV_MAVEN_CENTRAL:-https://repo.maven.apache.org/maven2}"
BUILD_STAMP="$VAR/build.stamp"

# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
if [[ -t 1 ]]; then
  BOLD=$'\e[1m' RED=$'\e[31m' GREEN=$'\e[32m' YELLOW=$'\e[33m' RESET=$'\e[0m'
else
  BOLD="" RED="" GREEN="" YELLOW="" RESET=""
fi
say() { printf '%s\n' "$*"; }
step() { printf '%s==>%s %s\n' "$BOLD" "$RESET" "$*"; }
ok() { printf '    %s%s%s\n' "$GREEN" "$*" "$RESET"; }
warn() { printf '%sWARNING:%s %s\n' "$YELLOW" "$RESET" "$*" >&2; }
die() {
  printf '%sERROR:%s %s\n' "$RED" "$RESET" "$*" >&2
  exit 1
}
show_log_tail() { # file [lines]
  local file="$1" lines="${2:-40}"
  if [[ -s "$file" ]]; then
    say "---- last $lines lines of ${file#"$ROOT"/} ----" >&2
    tail -n "$lines" "$file" >&2 || true
    say "----" >&2
  fi
}

# Writes a configuration template from config/ with each {{NAME}} replaced by the value of the
# shell variable NAME (a name that is not set is an error, not an empty string).
render_template() { # template destination
  local template="$1" dest="$2" text name
  text="$(<"$template")"
  while [[ "$text" =~ \{\{([A-Za-z_][A-Za-z0-9_]*)\}\} ]]; do
    name="${BASH_REMATCH[1]}"
    [[ -n "${!name+set}" ]] || die "${template#"$ROOT"/} names {{$name}}, which is not set"
    text="${text//"{{$name}}"/"${!name}"}"
  done
  printf '%s\n' "$text" >"$dest"
}

# ---------------------------------------------------------------------------------------------
# JDK, users, directories, secrets
# ---------------------------------------------------------------------------------------------
java_major() { # java_home -> major version, or nothing
  local home="$1" v=""
  [[ -x "$home/bin/java" ]] || return 0
  if [[ -r "$home/release" ]]; then
    v="$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$home/release")"
  fi
  if [[ -z "$v" ]]; then
    v="$("$home/bin/java" -XshowSettings:properties -version 2>&1 |
      sed -n 's/^ *java.specification.version = //p')"
  fi
  v="${v#1.}"
  printf '%s' "${v%%[.+-]*}"
}

find_jdk() {
  local candidate major best="" best_major=0
  if [[ -n "${JAVA_HOME:-}" ]]; then
    major="$(java_major "$JAVA_HOME")"
    if [[ -n "$major" && "$major" -ge 21 ]]; then
      export JAVA_HOME
      return
    fi
    warn "JAVA_HOME=$JAVA_HOME is not a JDK 21 or newer; looking for one in /usr/lib/jvm"
  fi
  for candidate in /usr/lib/jvm/*; do
    [[ -d "$candidate" && ! -L "$candidate" ]] || continue
    [[ -x "$candidate/bin/javac" ]] || continue
    major="$(java_major "$candidate")"
    if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
      best="$candidate" best_major="$major"
    fi
  done
  [[ -n "$best" ]] || die "no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)"
  export JAVA_HOME="$best"
}

JAVA=""
# shellcheck disable=SC2034 # JAVA is used by the launcher and scripts/app.sh
use_jdk() {
  find_jdk
  JAVA="$JAVA_HOME/bin/java"
  export PATH="$JAVA_HOME/bin:$PATH"
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# The unprivileged user that runs PostgreSQL and Elasticsearch when we are root.
ensure_service_user() {
  is_root || return 0
  if ! id -u "$FV_SERVICE_USER" >/dev/null 2>&1; then
    step "Creating unprivileged system user '$FV_SERVICE_USER' (PostgreSQL and Elasticsearch refuse root)"
    useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
      "$FV_SERVICE_USER" || die "could not create user $FV_SERVICE_USER"
  fi
  ensure_traversable "$VAR"
}

# Root may have cloned the repo under a directory the service user cannot enter (/root is 700).
# Grant search (x) permission - not read - on each such ancestor, and say so.
ensure_traversable() {
  local dir="$1"
  is_root || return 0
  local path="$dir" fixed=()
  while [[ "$path" != "/" ]]; do
    path="$(dirname "$path")"
    if ! runuser -u "$FV_SERVICE_USER" -- test -x "$path" 2>/dev/null; then
      chmod o+x "$path"
      fixed+=("$path")
    fi
  done
  if ((${#fixed[@]})); then
    say "NOTE: granted o+x (traverse only, no read) on ${fixed[*]} so that user" \
      "'$FV_SERVICE_USER' can reach ${dir#"$ROOT"/}; undo with chmod o-x after 'rm -rf var'."
  fi
}

as_service_user() { # command... (as the service user when root, else as ourselves; from var/)
  if is_root; then
    (cd "$VAR" && runuser -u "$FV_SERVICE_USER" -- "$@" 9>&-)
  else
    (cd "$VAR" && "$@" 9>&-)
  fi
}

service_owned_dir() { # dir...
  mkdir -p "$@"
  if is_root; then chown -R "$FV_SERVICE_USER": "$@"; fi
}

ensure_var() {
  mkdir -p "$VAR" "$RUN" "$LOGS"
  mkdir -p "$SECRETS"
  chmod 700 "$SECRETS"
}

# A generated secret, created once and kept in var/secrets/.
secret() { # name
  local file="$SECRETS/$1"
  if [[ ! -s "$file" ]]; then
    (
      umask 077
      head -c 96 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9' | cut -c1-32 >"$file"
    )
  fi
  cat "$file"
}

# ---------------------------------------------------------------------------------------------
# The environment contract with the application and the tests
# ---------------------------------------------------------------------------------------------
# Every variable written to var/run/env.sh, in this order.
CONTRACT_VARIABLES=(FV_PORTAL_PORT FV_KEYCLOAK_PORT FV_ES_PORT FV_PG_PORT FV_DB_URL FV_DB_USER
  FV_DB_PASSWORD FV_ES_URL FV_ES_USER FV_ES_PASSWORD FV_KEYCLOAK_URL FV_REALM
  FV_PORTAL_CLIENT_ID FV_PORTAL_CLIENT_SECRET FAMILYVIEW_DEMO_DIR FV_VAR_DIR FV_CONFIG_DIR
  FV_AUDIT_KEY)

export_contract() {
  ensure_var
  export FV_PORTAL_PORT FV_KEYCLOAK_PORT FV_ES_PORT FV_PG_PORT
  export FV_DB_URL="${FV_DB_URL:-jdbc:postgresql://localhost:$FV_PG_PORT/familyview}"
  export FV_DB_USER="${FV_DB_USER:-familyview}"
  FV_DB_PASSWORD="$(secret db-password)"
  export FV_DB_PASSWORD
  export FV_ES_URL="http://localhost:$FV_ES_PORT"
  export FV_ES_USER="familyview"
  FV_ES_PASSWORD="$(secret es-password)"
  export FV_ES_PASSWORD
  export FV_KEYCLOAK_URL="http://localhost:$FV_KEYCLOAK_PORT"
  export FV_REALM="familyview"
  export FV_PORTAL_CLIENT_ID="familyview-portal"
  FV_PORTAL_CLIENT_SECRET="$(secret portal-client-secret)"
  export FV_PORTAL_CLIENT_SECRET
  export FV_VAR_DIR="$VAR"
  export FV_CONFIG_DIR="$ROOT/config"
  # The key of the audit chain's MACs: never in the database (docs/access-model.md).
  FV_AUDIT_KEY="$(secret audit-key)"
  export FV_AUDIT_KEY
  if [[ -d "$VAR/demo" ]]; then export FAMILYVIEW_DEMO_DIR="$VAR/demo"; fi
  write_env_file
}

write_env_file() {
  local name
  (
    umask 077
    {
      say "# Written by ./familyview: the environment the application and the tests read."
      say "# Contains generated secrets: do not share. Use: source var/run/env.sh"
      for name in "${CONTRACT_VARIABLES[@]}"; do
        if [[ -n "${!name:-}" ]]; then printf 'export %s=%q\n' "$name" "${!name}"; fi
      done
    } >"$RUN/env.sh.tmp"
    mv "$RUN/env.sh.tmp" "$RUN/env.sh"
  )
}

# ---------------------------------------------------------------------------------------------
# Processes
# ---------------------------------------------------------------------------------------------
# A pid counts as ours only while it is alive and its command line still mentions what we
# started (pids are recycled).
pid_matches() { # pid needle
  local pid="$1" needle="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$needle"
}

read_pid() { # pidfile
  if [[ -r "$1" ]]; then head -n1 "$1" | tr -dc '0-9'; fi
}

wait_gone() { # pid seconds
  local pid="$1" i
  for ((i = 0; i < $2 * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  return 1
}

# SIGTERM to the service's process group (each service is started in its own session, so the
# group holds that service's processes and nothing else), then SIGKILL after a timeout.
terminate() { # name pid
  local name="$1" pid="$2" pgid own_pgid group=0
  pgid="$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)"
  own_pgid="$(ps -o pgid= -p $$ 2>/dev/null | tr -d ' ' || true)"
  if [[ "$pgid" =~ ^[0-9]+$ && "$pgid" -gt 1 && "$pgid" != "$own_pgid" ]]; then group=1; fi
  if ((group)); then kill -TERM -- "-$pgid" 2>/dev/null || true; fi
  kill -TERM "$pid" 2>/dev/null || true
  if ! wait_gone "$pid" "$STOP_TIMEOUT"; then
    warn "$name (pid $pid) still running after ${STOP_TIMEOUT}s; sending SIGKILL"
    if ((group)); then kill -KILL -- "-$pgid" 2>/dev/null || true; fi
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 10 || warn "$name (pid $pid) did not die"
  fi
  if ((group)); then # helpers of the service (a wrapper, runuser) get 5 s to follow it
    local i
    for ((i = 0; i < 25; i++)); do
      pgrep -g "$pgid" >/dev/null 2>&1 || break
      sleep 0.2
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  fi
}

http_code() { # url [curl args...]
  local url="$1"
  shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url" 2>/dev/null || true
}

port_open() { # port
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Polls `check` until it succeeds; fails early when the process we started has died.
wait_until() { # name seconds pid-or-empty logfile check...
  local name="$1" seconds="$2" pid="$3" log="$4"
  shift 4
  local start=$SECONDS
  while ! "$@"; do
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$log"
      die "$name exited during start-up (log: ${log#"$ROOT"/})"
    fi
    if ((SECONDS - start >= seconds)); then
      show_log_tail "$log"
      die "$name not healthy after ${seconds}s (log: ${log#"$ROOT"/})${pid:+; still running as pid $pid, './familyview down' stops it}"
    fi
    sleep 1
  done
  ok "$name healthy after $((SECONDS - start))s"
}

fetch_from_central() { # groupPath artifact version ext -> path of the file in the local cache
  local group="$1" artifact="$2" version="$3" ext="$4"
  local rel="$group/$artifact/$version/$artifact-$version.$ext"
  local m2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/$rel"
  if [[ ! -s "$m2" ]]; then
    step "Downloading $artifact $version from Maven Central" >&2
    mkdir -p "$(dirname "$m2")"
    local progress=(-sS)
    [[ -t 2 ]] && progress=(--progress-bar)
    curl -fL --retry 3 "${progress[@]}" -o "$m2.part" "$MAVEN_CENTRAL/$rel" >&2 ||
      die "could not download $MAVEN_CENTRAL/$rel"
    say "    $(du -m "$m2.part" | cut -f1) MB into ${m2%/*}" >&2
    mv "$m2.part" "$m2"
  fi
  printf '%s' "$m2"
}

# ---------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------
build_needed() {
  [[ -f "$BUILD_STAMP" ]] || return 0
  local newer
  newer="$(find "$ROOT" -path "$VAR" -prune -o -path "$ROOT/.git" -prune -o -name target -prune \
    -o \( -name pom.xml -o -path '*/src/*' -o -path "$ROOT/.mvn/*" \) -type f -newer "$BUILD_STAMP" -print -quit)"
  [[ -n "$newer" ]]
}

# `./mvnw -B -DskipTests install`, with progress: one line per module, a download counter on a
# cold cache, the full log in var/logs/build.log.
build() {
  ensure_var
  if ! build_needed; then return 0; fi
  step "Building (./mvnw -B -DskipTests install; full log in var/logs/build.log)"
  local started="$VAR/build.stamp.new" rc=0
  touch "$started"
  set +e
  (cd "$ROOT" && ./mvnw -B -DskipTests install 2>&1) | tee "$LOGS/build.log" |
    awk '
      /^\[INFO\] Building .*\[[0-9]+\/[0-9]+\]/ { sub(/^\[INFO\] /, ""); gsub(/ +/, " "); print "    " $0; fflush(); next }
      /Downloaded from/ { n++; if (n % 100 == 0) { print "    ... " n " artifacts downloaded into the Maven cache"; fflush() } next }
      /BUILD SUCCESS|BUILD FAILURE|Total time/ { sub(/^\[[A-Z]+\] /, ""); print "    " $0; fflush() }
    '
  rc="${PIPESTATUS[0]}"
  set -e
  if [[ "$rc" -ne 0 ]] || ! grep -q 'BUILD SUCCESS' "$LOGS/build.log"; then
    rm -f "$started"
    grep -E '^\[ERROR\] (Failed to execute|COMPILATION ERROR|/.*\.java)' "$LOGS/build.log" | head -n 15 >&2 ||
      grep -E '^\[ERROR\]' "$LOGS/build.log" | head -n 15 >&2 || true
    return 1
  fi
  mv "$started" "$BUILD_STAMP"
}

# ---------------------------------------------------------------------------------------------
# Who owns each running service: `up` (until `down`), or one `test` run, which stops at its end
# only what it started and nobody adopted since (an `up` meanwhile adopts running services).
# ---------------------------------------------------------------------------------------------
STARTED=()
OWNER="up"
started() { # service
  STARTED+=("$1")
  printf '%s\n' "$OWNER" >"$RUN/$1.owner"
}
adopt_running() {
  local s
  for s in postgresql elasticsearch keycloak; do
    if [[ -f "$RUN/$s.owner" ]]; then printf 'up\n' >"$RUN/$s.owner"; fi
  done
}

remember_ports() {
  printf 'FV_PORTAL_PORT=%s\nFV_KEYCLOAK_PORT=%s\nFV_ES_PORT=%s\nFV_PG_PORT=%s\n' \
    "$FV_PORTAL_PORT" "$FV_KEYCLOAK_PORT" "$FV_ES_PORT" "$FV_PG_PORT" >"$RUN/ports"
}

# One launcher at a time starts or stops services in this var/ (others wait for the lock).
# Every process started while holding it closes fd 9, so that the lock dies with the launcher.
lock_services() {
  exec 9>"$RUN/launcher.lock"
  if ! flock -n 9; then
    say "Waiting for another ./familyview in this folder to finish starting or stopping services..."
    flock -w 900 9 || die "another ./familyview holds var/run/launcher.lock for more than 15 minutes"
  fi
}
unlock_services() { flock -u 9 2>/dev/null || true; }

start_services() {
  ensure_service_user
  remember_ports
  start_postgres
  launch_elasticsearch
  launch_keycloak
  wait_elasticsearch
  wait_keycloak
}

# shellcheck disable=SC2317 # invoked from the EXIT trap
stop_started_services() {
  local s
  ((${#STARTED[@]})) || return 0
  lock_services
  step "Stopping the services this run started: ${STARTED[*]}"
  local order=()
  for s in keycloak elasticsearch postgresql; do
    [[ " ${STARTED[*]} " == *" $s "* ]] && order+=("$s")
  done
  for s in "${order[@]}"; do
    if [[ "$(cat "$RUN/$s.owner" 2>/dev/null)" != "$OWNER" ]]; then
      say "Leaving $s running: './familyview up' adopted it meanwhile"
      continue
    fi
    rm -f "$RUN/$s.owner"
    case "$s" in
      keycloak) stop_keycloak ;;
      elasticsearch) stop_elasticsearch ;;
      postgresql) stop_postgres ;;
    esac
  done
  STARTED=()
  if [[ -z "$(pg_pid)$(es_pid)$(kc_pid)$(app_pid)" ]]; then rm -f "$RUN/ports"; fi
}

# One line of `./familyview status`.
status_line() { # name state where pid health
  printf '  %-14s %-9s %-44s %-8s %s\n' "$@"
}

state_of() { # pid health -> running (ours), external (answers, not ours) or stopped
  if [[ -n "$1" ]]; then
    echo running
  elif [[ "$2" == healthy ]]; then
    echo external
  else
    echo stopped
  fi
}
