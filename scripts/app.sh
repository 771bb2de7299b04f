# shellcheck shell=bash
# The application and its demo data: the demo data generated once into var/demo, the jar started
# in its own session with the environment contract, healthy when /actuator/health says UP.
# Sourced by ./familyview.

APP_PIDFILE="$RUN/app.pid"
APP_LOG="$LOGS/app.log"
APP_TIMEOUT="${FV_APP_TIMEOUT:-240}" # typical start: 20 s

app_pid() {
  local pid
  pid="$(read_pid "$APP_PIDFILE")"
  if pid_matches "$pid" "familyview-app.jar"; then printf '%s' "$pid"; fi
}

app_healthy() {
  local body
  body="$(curl -s --max-time 5 "http://localhost:$FV_PORTAL_PORT/actuator/health" 2>/dev/null || true)"
  [[ "$body" == *'"status":"UP"'* ]]
}

ensure_demo_data() {
  if [[ -d "$VAR/demo" ]]; then
    export FAMILYVIEW_DEMO_DIR="$VAR/demo"
    return 0
  fi
  if [[ ! -f "$GENERATOR_JAR" ]]; then
    warn "no demo data: ${GENERATOR_JAR#"$ROOT"/} is not built yet"
    return 0
  fi
  step "Generating demo data (2000 people, seed 42) into var/demo"
  if "$JAVA" -jar "$GENERATOR_JAR" --people 2000 --out "$VAR/demo.tmp" --seed 42 --partners by-authority >"$LOGS/generator.log" 2>&1; then
    mv "$VAR/demo.tmp" "$VAR/demo"
    export FAMILYVIEW_DEMO_DIR="$VAR/demo"
    ok "demo data in var/demo"
  else
    rm -rf "$VAR/demo.tmp"
    show_log_tail "$LOGS/generator.log"
    warn "demo data generation failed; starting without demo data"
  fi
}

start_app() {
  local pid
  pid="$(app_pid)"
  if [[ -n "$pid" && -f "$APP_JAR" && "$APP_JAR" -nt "$APP_PIDFILE" ]]; then
    say "The application jar was rebuilt since FamilyView started: restarting it"
    stop_app
    pid=""
  fi
  if [[ -n "$pid" ]]; then
    ok "FamilyView already running (pid $pid, port $FV_PORTAL_PORT)"
    app_healthy || wait_until FamilyView "$APP_TIMEOUT" "$pid" "$APP_LOG" app_healthy
    return 0
  fi
  if [[ ! -f "$APP_JAR" ]]; then
    warn "the application is not built yet (${APP_JAR#"$ROOT"/} missing): services are running, the portal is not"
    return 1
  fi
  if port_open "$FV_PORTAL_PORT"; then
    die "port $FV_PORTAL_PORT is taken by something else (set FV_PORTAL_PORT)"
  fi
  ensure_demo_data
  write_env_file
  step "Starting FamilyView on port $FV_PORTAL_PORT (log: var/logs/app.log)"
  local opts
  read -r -a opts <<<"${FV_APP_JAVA_OPTS:--Xmx1g}"
  setsid "$JAVA" "${opts[@]}" -jar "$APP_JAR" >>"$APP_LOG" 2>&1 </dev/null 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$APP_PIDFILE"
  wait_until FamilyView "$APP_TIMEOUT" "$pid" "$APP_LOG" app_healthy
}

stop_app() {
  local pid
  pid="$(app_pid)"
  if [[ -n "$pid" ]]; then
    say "Stopping FamilyView (pid $pid)"
    terminate FamilyView "$pid"
  fi
  rm -f "$APP_PIDFILE"
}

app_status() {
  local pid health
  pid="$(app_pid)"
  if app_healthy; then health=healthy; else health=down; fi
  if [[ ! -f "$APP_JAR" && -z "$pid" ]]; then health="not built"; fi
  status_line FamilyView "$([[ -n "$pid" ]] && echo running || echo stopped)" \
    "http://localhost:$FV_PORTAL_PORT" "${pid:--}" "$health"
}
