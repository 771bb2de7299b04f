# shellcheck shell=bash
# Keycloak: downloaded once into var/, started in dev mode with the realm imported from
# config/keycloak/ (re-imported when the realm or a variable it substitutes changed), or one that
# already serves the realm on the port. Sourced by ./familyview.

KC_VERSION="${FV_KEYCLOAK_VERSION:-26.4.7}"
KC_HOME="$VAR/keycloak-$KC_VERSION"
KC_PIDFILE="$RUN/keycloak.pid"
KC_LOG="$LOGS/keycloak.log"
KC_TIMEOUT="${FV_KEYCLOAK_TIMEOUT:-240}" # typical start: 25 s the first time (it builds itself), 10 s after

kc_pid() {
  local pid
  pid="$(read_pid "$KC_PIDFILE")"
  if pid_matches "$pid" "$KC_HOME"; then printf '%s' "$pid"; fi
}

kc_healthy() {
  local body
  body="$(curl -s --max-time 5 "http://localhost:$FV_KEYCLOAK_PORT/realms/$FV_REALM/.well-known/openid-configuration" 2>/dev/null || true)"
  [[ "$body" == *"\"issuer\":\"http://localhost:$FV_KEYCLOAK_PORT/realms/$FV_REALM\""* ]]
}

kc_install() {
  if [[ ! -x "$KC_HOME/bin/kc.sh" ]]; then
    local zip
    zip="$(fetch_from_central org/keycloak keycloak-quarkus-dist "$KC_VERSION" zip)"
    say "    unpacking into ${KC_HOME#"$ROOT"/}"
    rm -rf "$KC_HOME.tmp" && mkdir -p "$KC_HOME.tmp"
    unzip -q "$zip" -d "$KC_HOME.tmp"
    mv "$KC_HOME.tmp/keycloak-$KC_VERSION" "$KC_HOME" && rmdir "$KC_HOME.tmp"
  fi
}

# Copies the realm into data/import/. Keycloak imports a realm only when it does not exist yet,
# so when the realm file or a variable it substitutes (${FV_...}: the client secret, the portal
# port...) changed, the dev database is dropped and the realm imported afresh (it holds nothing
# but the demo realm).
kc_prepare_import() {
  local import="$KC_HOME/data/import" sum old="" name
  mkdir -p "$import"
  rm -f "$import"/*.json
  cp "$ROOT"/config/keycloak/*-realm.json "$import/"
  # The service's sign-in theme (config/keycloak/themes/familyview), which the realm names.
  if [[ -d "$ROOT/config/keycloak/themes" ]]; then
    cp -R "$ROOT"/config/keycloak/themes/. "$KC_HOME/themes/"
  fi
  sum="$({
    cat "$ROOT"/config/keycloak/*-realm.json
    # shellcheck disable=SC2016 # a literal ${ in the pattern
    grep -oh '\${FV_[A-Z0-9_]*' "$ROOT"/config/keycloak/*-realm.json | cut -c3- | sort -u |
      while read -r name; do printf '%s=%s\n' "$name" "${!name:-}"; done
  } | sha256sum | cut -d' ' -f1)"
  [[ -r "$VAR/keycloak.import.sha256" ]] && old="$(cat "$VAR/keycloak.import.sha256")"
  if [[ "$sum" != "$old" ]]; then
    if [[ -d "$KC_HOME/data/h2" ]]; then
      say "    realm configuration changed: re-importing the realm (dropping Keycloak's dev database)"
      rm -rf "$KC_HOME/data/h2"
    fi
    printf '%s\n' "$sum" >"$VAR/keycloak.import.sha256"
  fi
}

KC_LAUNCHER_PID=""
launch_keycloak() {
  local pid
  pid="$(kc_pid)"
  if [[ -n "$pid" ]]; then
    ok "Keycloak already running (pid $pid, port $FV_KEYCLOAK_PORT)"
    return 0
  fi
  if port_open "$FV_KEYCLOAK_PORT"; then
    if kc_healthy; then
      ok "Keycloak on port $FV_KEYCLOAK_PORT serves realm $FV_REALM: using it (not ours to stop)"
      return 0
    fi
    die "port $FV_KEYCLOAK_PORT is taken by something else (set FV_KEYCLOAK_PORT)"
  fi
  step "Starting Keycloak $KC_VERSION on port $FV_KEYCLOAK_PORT (realm $FV_REALM imported from config/keycloak/)"
  kc_install
  kc_prepare_import
  : >"$KC_LOG"
  # kc.sh ends by exec'ing the server, so $! is the server's pid and its own process group.
  setsid env JAVA_HOME="$JAVA_HOME" \
    JAVA_OPTS_KC_HEAP="${FV_KEYCLOAK_HEAP:--Xms64m -Xmx768m}" \
    KC_BOOTSTRAP_ADMIN_USERNAME="kcadmin" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$(secret keycloak-admin-password)" \
    FV_PORTAL_CLIENT_SECRET="$FV_PORTAL_CLIENT_SECRET" FV_PORTAL_PORT="$FV_PORTAL_PORT" \
    "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$FV_KEYCLOAK_PORT" \
    --hostname="http://localhost:$FV_KEYCLOAK_PORT" --import-realm \
    >>"$KC_LOG" 2>&1 </dev/null 9>&- &
  KC_LAUNCHER_PID=$!
  printf '%s\n' "$KC_LAUNCHER_PID" >"$KC_PIDFILE"
  started keycloak
}

wait_keycloak() {
  [[ -n "$KC_LAUNCHER_PID" ]] || return 0
  wait_until Keycloak "$KC_TIMEOUT" "$KC_LAUNCHER_PID" "$KC_LOG" kc_healthy
  KC_LAUNCHER_PID=""
}

stop_keycloak() {
  local pid
  pid="$(kc_pid)"
  if [[ -n "$pid" ]]; then
    say "Stopping Keycloak (pid $pid)"
    terminate Keycloak "$pid"
  fi
  rm -f "$KC_PIDFILE"
}

keycloak_status() {
  local pid health
  pid="$(kc_pid)"
  if kc_healthy; then health=healthy; else health=down; fi
  status_line Keycloak "$(state_of "$pid" "$health")" \
    "$FV_KEYCLOAK_URL/realms/$FV_REALM" "${pid:--}" "$health"
}
