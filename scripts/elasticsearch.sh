# shellcheck shell=bash
# Elasticsearch: downloaded once into var/, configured from config/elasticsearch/ at every start
# (security on, the application's file-realm user with least privilege), started as a daemon,
# or one that already answers on the port with our credentials. Sourced by ./familyview.

ES_VERSION="${FV_ES_VERSION:-9.2.8}"
ES_HOME="$VAR/elasticsearch-$ES_VERSION"
ES_PIDFILE="$RUN/elasticsearch/elasticsearch.pid"
FV_ES_TRANSPORT_PORT="${FV_ES_TRANSPORT_PORT:-$((FV_ES_PORT + 100))}"
ES_TIMEOUT="${FV_ES_TIMEOUT:-120}" # typical start: 10 s

es_pid() {
  local pid
  pid="$(read_pid "$ES_PIDFILE")"
  if pid_matches "$pid" "$ES_HOME"; then
    printf '%s' "$pid"
    return 0
  fi
  # The server removes its pid file when it stops; should the file be gone while our server still
  # runs, find that server by its home folder (unique to this clone).
  pid="$(pgrep -f -- "-Des.path.home=$ES_HOME( |$)" | head -n1 || true)"
  if pid_matches "$pid" "$ES_HOME"; then printf '%s' "$pid"; fi
}

es_healthy() {
  [[ "$(http_code "http://localhost:$FV_ES_PORT/_cluster/health" -u "$FV_ES_USER:$FV_ES_PASSWORD")" == 200 ]]
}

es_install() {
  if [[ ! -x "$ES_HOME/bin/elasticsearch" ]]; then
    local zip
    zip="$(fetch_from_central org/elasticsearch/distribution/integ-test-zip elasticsearch "$ES_VERSION" zip)"
    say "    unpacking into ${ES_HOME#"$ROOT"/}"
    rm -rf "$ES_HOME.tmp" && mkdir -p "$ES_HOME.tmp"
    unzip -q "$zip" -d "$ES_HOME.tmp"
    mv "$ES_HOME.tmp/elasticsearch-$ES_VERSION" "$ES_HOME" && rmdir "$ES_HOME.tmp"
  fi
  service_owned_dir "$ES_HOME" "$VAR/elasticsearch/data" "$VAR/elasticsearch/tmp" \
    "$LOGS/elasticsearch" "$RUN/elasticsearch"
}

es_tool() { # tool args... (stdin passes through)
  as_service_user env -u JAVA_HOME ES_JAVA_HOME="$JAVA_HOME" "$ES_HOME/bin/$1" "${@:2}" \
    2>>"$LOGS/elasticsearch-setup.log"
}

es_configure() {
  local conf="$ES_HOME/config"
  render_template "$ROOT/config/elasticsearch/elasticsearch.yml" "$conf/elasticsearch.yml"
  render_template "$ROOT/config/elasticsearch/roles.yml" "$conf/roles.yml"
  if is_root; then chown "$FV_SERVICE_USER": "$conf/elasticsearch.yml" "$conf/roles.yml"; fi
  if grep -q "^$FV_ES_USER:" "$conf/users" 2>/dev/null; then
    printf '%s\n%s\n' "$FV_ES_PASSWORD" "$FV_ES_PASSWORD" | es_tool elasticsearch-users passwd "$FV_ES_USER" >/dev/null
  else
    printf '%s\n%s\n' "$FV_ES_PASSWORD" "$FV_ES_PASSWORD" |
      es_tool elasticsearch-users useradd "$FV_ES_USER" -r familyview_app >/dev/null
  fi
  if [[ ! -f "$conf/elasticsearch.keystore" ]]; then
    es_tool elasticsearch-keystore create >/dev/null </dev/null
  fi
  secret es-elastic-password | es_tool elasticsearch-keystore add -x -f bootstrap.password >/dev/null
}

ES_LAUNCHER_PID=""
launch_elasticsearch() {
  local pid
  pid="$(es_pid)"
  if [[ -n "$pid" ]]; then
    ok "Elasticsearch already running (pid $pid, port $FV_ES_PORT)"
    return 0
  fi
  if port_open "$FV_ES_PORT"; then
    if es_healthy; then
      ok "Elasticsearch on port $FV_ES_PORT answers with our credentials: using it (not ours to stop)"
      return 0
    fi
    die "port $FV_ES_PORT is taken by something else (set FV_ES_PORT)"
  fi
  step "Starting Elasticsearch $ES_VERSION on port $FV_ES_PORT (security on, user $FV_ES_USER)"
  es_install
  es_configure
  rm -f "$ES_PIDFILE"
  # -d: the CLI forks the server, writes the pid file and exits once the node has started.
  local as_user=()
  if is_root; then as_user=(runuser -u "$FV_SERVICE_USER" --); fi
  (
    cd "$ES_HOME" || exit 1
    exec setsid "${as_user[@]}" env ES_JAVA_HOME="$JAVA_HOME" ES_TMPDIR="$VAR/elasticsearch/tmp" \
      ES_JAVA_OPTS="-Xms512m -Xmx512m ${FV_ES_JAVA_OPTS:-}" \
      "$ES_HOME/bin/elasticsearch" -d -p "$ES_PIDFILE" \
      >"$LOGS/elasticsearch-start.log" 2>&1 </dev/null 9>&-
  ) &
  ES_LAUNCHER_PID=$!
  started elasticsearch
}

wait_elasticsearch() {
  [[ -n "$ES_LAUNCHER_PID" ]] || return 0
  local start=$SECONDS
  while ! es_healthy; do
    if ! kill -0 "$ES_LAUNCHER_PID" 2>/dev/null && [[ -z "$(es_pid)" ]]; then
      show_log_tail "$LOGS/elasticsearch-start.log"
      show_log_tail "$LOGS/elasticsearch/familyview.log"
      die "Elasticsearch exited during start-up (logs: var/logs/elasticsearch/)"
    fi
    if ((SECONDS - start >= ES_TIMEOUT)); then
      show_log_tail "$LOGS/elasticsearch/familyview.log"
      die "Elasticsearch not healthy after ${ES_TIMEOUT}s (logs: var/logs/elasticsearch/)"
    fi
    sleep 1
  done
  wait "$ES_LAUNCHER_PID" 2>/dev/null || true
  ES_LAUNCHER_PID=""
  ok "Elasticsearch healthy after $((SECONDS - start))s (pid $(es_pid))"
}

stop_elasticsearch() {
  local pid
  pid="$(es_pid)"
  if [[ -n "$pid" ]]; then
    say "Stopping Elasticsearch (pid $pid)"
    terminate Elasticsearch "$pid"
  fi
  if [[ -n "$ES_LAUNCHER_PID" ]]; then
    wait "$ES_LAUNCHER_PID" 2>/dev/null || true
    ES_LAUNCHER_PID=""
  fi
  rm -f "$ES_PIDFILE"
}

elasticsearch_status() {
  local pid health
  pid="$(es_pid)"
  if es_healthy; then health=healthy; else health=down; fi
  status_line Elasticsearch "$(state_of "$pid" "$health")" \
    "$FV_ES_URL" "${pid:--}" "$health"
}
