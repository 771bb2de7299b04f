# shellcheck shell=bash
# `./familyview bench nightly --people N [--seed S] [--event-scale X] [--changed F]` (issue 14):
# the nightly run end to end. Starts the services it needs (and stops those it started), generates
# a world, loads it through the real ingest (the agencies' drop folders of a bench application
# in its own schema and indices), runs a first full night, and with --changed a second night after
# changing that fraction of the records (a third new, a third gone, a third changed:
# modules/pipeline/src/test/bench/ChangeSnapshot.java). Prints per step the wall time, CPU time and
# peak heap of the application (its log line per step), the candidate and kept pairs (and those
# handed to clustering), links, people, families, review tasks and the load average; the last line
# is one JSON object. Sourced by ./familyview.
# Knobs: FV_BENCH_DIR (var/bench/nightly), FV_BENCH_PORT (portal port + 5), FV_BENCH_APP_HEAP (8g,
# the target's heap), FV_BENCH_SCHEMA (nightly_bench), FV_BENCH_INDEX_PREFIX
# (familyview-nightlybench), FV_BENCH_KEEP=1 (keep schema and indices).

BENCH_AGENCIES=(police health council education)

cmd_bench_nightly() {
  local people="" seed=11 scale="" changed=""
  while (($#)); do
    [[ $# -ge 2 ]] || die "bench nightly: $1 needs a value"
    case "$1" in
      --people) people="$2" ;;
      --seed) seed="$2" ;;
      --event-scale) scale="$2" ;;
      --changed) changed="$2" ;;
      *) die "bench nightly: unknown option $1 (usage: bench nightly --people N [--seed S] [--event-scale X] [--changed F])" ;;
    esac
    shift 2
  done
  [[ "$people" =~ ^[1-9][0-9]*$ ]] || die "bench nightly: --people must be a positive whole number, not '$people'"
  [[ "$seed" =~ ^-?[0-9]+$ ]] || die "bench nightly: --seed must be a whole number, not '$seed'"
  [[ -z "$scale" || "$scale" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "bench nightly: --event-scale must be a number, not '$scale'"
  # A third of F leaves; the snapshot guard holds a delivery retiring more than 10% (F <= 0.25).
  if [[ -n "$changed" ]] && ! awk -v f="$changed" 'BEGIN { exit !(f ~ /^[0-9.]+$/ && f > 0 && f <= 0.25) }'; then
    die "bench nightly: --changed must be a fraction above 0 and at most 0.25, not '$changed'"
  fi
  use_jdk
  export_contract
  build || die "the build failed (var/logs/build.log)"
  # shellcheck disable=SC2034 # read by started() in scripts/lib.sh
  OWNER="bench:$$"
  trap 'bench_stop_app; stop_started_services' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  lock_services
  start_services
  unlock_services
  find_pg_bin
  BENCH_DIR="${FV_BENCH_DIR:-$VAR/bench/nightly}"
  BENCH_SCHEMA="${FV_BENCH_SCHEMA:-nightly_bench}"
  BENCH_PREFIX="${FV_BENCH_INDEX_PREFIX:-familyview-nightlybench}"
  BENCH_PORT="${FV_BENCH_PORT:-$((FV_PORTAL_PORT + 5))}"
  say "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  bench_generate "$people" "$seed" "$scale" "$changed"
  bench_reset
  bench_start_app
  local second="" night1="$BENCH_DIR/gen"
  [[ -z "$changed" ]] || night1="$BENCH_DIR/night1"
  bench_deliver "$night1"
  local records events
  records="$(bench_sql "select count(*) from source_person where current")"
  events="$(bench_sql "select count(*) from source_event where current")"
  bench_night "first night (full)" "$BENCH_DIR/first.figures"
  if [[ -n "$changed" ]]; then
    bench_deliver "$BENCH_DIR/night2"
    bench_night "second night (--changed $changed)" "$BENCH_DIR/second.figures"
    second="$(cat "$BENCH_DIR/second.figures")"
  fi
  bench_json "$records" "$events" "$(cat "$BENCH_DIR/first.figures")" "$second"
  [[ "${FV_BENCH_KEEP:-0}" == 1 ]] || bench_drop
}

bench_sql() { # sql -> one value (the bench schema first on the search path)
  PGPASSWORD="$FV_DB_PASSWORD" "$PG_BIN/psql" -X -qtA -h localhost -p "$FV_PG_PORT" -U familyview \
    -d familyview -c "set search_path = $BENCH_SCHEMA; $1"
}

bench_es() { # method path
  curl -s -u "$FV_ES_USER:$FV_ES_PASSWORD" -X "$1" "$FV_ES_URL/$2"
}

bench_generate() { # people seed scale changed
  rm -rf "$BENCH_DIR" && mkdir -p "$BENCH_DIR/var/inbox"
  local start=$SECONDS args=(--people "$1" --seed "$2" --out "$BENCH_DIR/gen")
  [[ -z "$3" ]] || args+=(--event-scale "$3")
  step "Generating ${args[*]}"
  "$JAVA" -jar "$GENERATOR_JAR" "${args[@]}" | tail -n 6
  if [[ -n "$4" ]]; then
    "$JAVA" "$ROOT/modules/pipeline/src/test/bench/ChangeSnapshot.java" --in "$BENCH_DIR/gen" \
      --changed "$4" --seed "$2" --night1 "$BENCH_DIR/night1" --night2 "$BENCH_DIR/night2"
  fi
  ok "generated in $((SECONDS - start)) s"
}

bench_reset() {
  bench_sql "set client_min_messages = warning; drop schema if exists $BENCH_SCHEMA cascade" >/dev/null
  bench_drop_indices
}

bench_drop_indices() { # by name: wildcard deletes are refused
  local index
  for index in $(bench_es GET "_cat/indices/$BENCH_PREFIX-*?h=index"); do
    bench_es DELETE "$index" >/dev/null
  done
}

bench_drop() {
  bench_stop_app
  bench_reset
}

BENCH_APP_PID=""
bench_start_app() {
  step "Starting the bench application on port $BENCH_PORT (schema $BENCH_SCHEMA, heap ${FV_BENCH_APP_HEAP:-8g})"
  env -u FAMILYVIEW_DEMO_DIR FV_PORTAL_PORT="$BENCH_PORT" FV_VAR_DIR="$BENCH_DIR/var" FV_LOG_FILE= \
    "$JAVA" "-Xmx${FV_BENCH_APP_HEAP:-8g}" -jar "$APP_JAR" \
    --spring.datasource.hikari.schema="$BENCH_SCHEMA" --spring.flyway.schemas="$BENCH_SCHEMA" \
    --spring.flyway.default-schema="$BENCH_SCHEMA" --familyview.search.index-prefix="$BENCH_PREFIX" \
    --familyview.ingest.inbox.poll-interval=1s --familyview.ingest.inbox.settle-time=0s \
    --familyview.pipeline.schedule.enabled=false \
    --spring.datasource.hikari.data-source-properties.connectTimeout=60 \
    >"$BENCH_DIR/app.log" 2>&1 9>&- &
  BENCH_APP_PID=$!
  local start=$SECONDS
  until [[ "$(http_code "http://localhost:$BENCH_PORT/actuator/health")" == 200 ]]; do
    kill -0 "$BENCH_APP_PID" 2>/dev/null || die "the bench application died; see ${BENCH_DIR#"$ROOT"/}/app.log"
    ((SECONDS - start < 300)) || die "the bench application not healthy after 300 s"
    sleep 2
  done
  ok "started in $((SECONDS - start)) s"
}

bench_stop_app() {
  [[ -n "$BENCH_APP_PID" ]] || return 0
  terminate "bench application" "$BENCH_APP_PID" || true
  BENCH_APP_PID=""
}

bench_deliver() { # dir: each agency's files appear in its drop folder at once
  local dir="$1" a before start=$SECONDS delivered=0
  before="$(bench_sql "select count(*) from extract where status in ('COMPLETED','FAILED','HELD')" 2>/dev/null || echo 0)"
  for a in "${BENCH_AGENCIES[@]}"; do
    [[ -f "$dir/$a/persons.csv" ]] || continue
    mkdir -p "$BENCH_DIR/var/inbox/$a"
    cp "$dir/$a/persons.csv" "$BENCH_DIR/var/inbox/$a/.persons.tmp"
    [[ ! -f "$dir/$a/events.csv" ]] || cp "$dir/$a/events.csv" "$BENCH_DIR/var/inbox/$a/.events.tmp"
    delivered=$((delivered + 1))
  done
  for a in "${BENCH_AGENCIES[@]}"; do
    [[ ! -f "$BENCH_DIR/var/inbox/$a/.events.tmp" ]] || mv "$BENCH_DIR/var/inbox/$a/.events.tmp" "$BENCH_DIR/var/inbox/$a/events.csv"
    [[ ! -f "$BENCH_DIR/var/inbox/$a/.persons.tmp" ]] || mv "$BENCH_DIR/var/inbox/$a/.persons.tmp" "$BENCH_DIR/var/inbox/$a/persons.csv"
  done
  until (($(bench_sql "select count(*) from extract where status in ('COMPLETED','FAILED','HELD')" 2>/dev/null || echo 0) >= before + delivered)); do
    kill -0 "$BENCH_APP_PID" 2>/dev/null || die "the bench application died while loading; see ${BENCH_DIR#"$ROOT"/}/app.log"
    sleep 2
  done
  local failed
  failed="$(bench_sql "select count(*) from extract where status in ('FAILED','HELD')")"
  ((failed == 0)) || die "$failed extracts failed or were held; see ${BENCH_DIR#"$ROOT"/}/app.log"
  ok "loaded ${dir#"$BENCH_DIR"/} through the ingest in $((SECONDS - start)) s: $(bench_sql "select count(*) from source_person where current") current person records, $(bench_sql "select count(*) from source_event where current") events; load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%TZ)"
}

bench_token() { # user
  curl -sf -d grant_type=password -d client_id=familyview-cli -d "username=$1" -d password=demo \
    "$FV_KEYCLOAK_URL/realms/$FV_REALM/protocol/openid-connect/token" |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}

# Runs one night through the API as a steward; prints its figures and writes one line for
# bench_json to the file: run seconds, kept pairs, open review tasks, people, peak heap, then
# step=seconds for each step.
bench_night() { # label file
  local run status
  run="$(curl -sf -X POST -H "Authorization: Bearer $(bench_token steward)" -H 'Content-Type: application/json' \
    -d '{}' "http://localhost:$BENCH_PORT/api/pipeline/runs" | sed -E 's/.*"runId":"([^"]+)".*/\1/')"
  [[ "$run" =~ ^[0-9a-f-]{36}$ ]] || die "the pipeline run was not accepted"
  while true; do
    status="$(bench_sql "select status from pipeline_run where id = '$run'")"
    [[ "$status" == COMPLETED || "$status" == FAILED ]] && break
    kill -0 "$BENCH_APP_PID" 2>/dev/null || die "the bench application died during the night"
    sleep 1
  done
  [[ "$status" == COMPLETED ]] || die "$1: the run $status: $(bench_sql "select failure from pipeline_run where id = '$run'")"
  bench_report "$1" "$run" "$2"
}

bench_report() { # label run file
  local run="$2" wall line step pairs kept handed links people families tasks raised peak=0 steps=""
  wall="$(bench_sql "select round(extract(epoch from finished_at - started_at)::numeric, 1) from pipeline_run where id = '$run'")"
  line="$(grep -o "Pipeline run $run: [0-9]* records, [0-9]* candidate pairs, [0-9]* kept pairs" "$BENCH_DIR/app.log" | tail -n 1)"
  pairs="$(sed -E 's/.* ([0-9]+) candidate pairs.*/\1/' <<<"$line")"
  kept="$(sed -E 's/.* ([0-9]+) kept pairs.*/\1/' <<<"$line")"
  handed="$(grep -oE "Pipeline run $run: .* ([0-9]+) pairs handed to clustering" "$BENCH_DIR/app.log" | tail -n 1 | sed -E 's/.* ([0-9]+) pairs handed to clustering/\1/')"
  raised="$(grep -oE "Pipeline run $run: .* ([0-9]+) review tasks raised" "$BENCH_DIR/app.log" | tail -n 1 | sed -E 's/.* ([0-9]+) review tasks raised/\1/')"
  links="$(bench_sql "select count(*) from person_record where link_type <> 'SOLE'")"
  people="$(bench_sql "select count(*) from person where retired_at is null")"
  families="$(bench_sql "select count(*) from family where retired_at is null")"
  tasks="$(bench_sql "select count(*) from review_task where status = 'OPEN'")"
  say "$1: ${wall} s; ${pairs:-?} candidate pairs, ${kept:-0} kept (${handed:-?} handed to clustering); $links links, $people people, $families families; ${raised:-0} review tasks raised ($tasks open); load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%TZ)"
  # On disk: the hand-off from matching to clustering, and the whole schema (for machine sizes).
  say "  on disk: hand-off $(bench_sql "select pg_size_pretty(pg_total_relation_size('pipeline_match_pair') + pg_total_relation_size('pipeline_match_record'))"); schema $(bench_sql "select pg_size_pretty(sum(pg_total_relation_size(c.oid))) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = '$BENCH_SCHEMA' and c.relkind in ('r', 'm')"); indices $(bench_es GET "_cat/indices/$BENCH_PREFIX-*?h=index,docs.count,store.size" | awk '{printf "%s %s docs %s; ", $1, $2, $3}')"
  printf '  %-11s %9s %9s %10s %12s %12s\n' step wall_s cpu_s peak_mb read written
  local ms cpu heap read written
  for step in matching clustering families concerns criteria indexing; do
    line="$(grep -oE "Pipeline run $run: $step read [0-9]+ wrote [0-9]+ in [0-9]+ ms, cpu -?[0-9]+ ms, peak heap [0-9]+ MB" "$BENCH_DIR/app.log" | tail -n 1)"
    [[ -n "$line" ]] || { printf '  %-11s %9s\n' "$step" skipped; continue; }
    read -r read written ms cpu heap < <(sed -E 's/.* read ([0-9]+) wrote ([0-9]+) in ([0-9]+) ms, cpu (-?[0-9]+) ms, peak heap ([0-9]+) MB/\1 \2 \3 \4 \5/' <<<"$line")
    printf '  %-11s %9.1f %9.1f %10d %12d %12d\n' "$step" "$(bc_div "$ms")" "$(bc_div "$cpu")" "$heap" "$read" "$written"
    ((heap > peak)) && peak=$heap
    steps+=" $step=$(bc_div "$ms")"
  done
  printf '%s %s %s %s %s%s\n' "$wall" "${kept:-0}" "$tasks" "$people" "$peak" "$steps" >"$3"
}

bc_div() { awk -v v="$1" 'BEGIN { printf "%.1f", v / 1000 }'; }

bench_json() { # records events first-night-line second-night-line
  local wall kept tasks people peak rest second_wall=null second_peak=0 steps="" pair
  read -r wall kept tasks people peak rest <<<"$3"
  if [[ -n "$4" ]]; then
    read -r second_wall _ _ _ second_peak _ <<<"$4"
    ((second_peak > peak)) && peak=$second_peak
  fi
  for pair in $rest; do steps+="${steps:+, }\"${pair%%=*}\": ${pair#*=}"; done
  printf '{"records": %s, "events": %s, "people": %s, "first_night_s": %s, "second_night_s": %s, "steps": {%s}, "peak_heap_mb": %s, "kept_pairs": %s, "review_tasks": %s}\n' \
    "$1" "$2" "$people" "$wall" "$second_wall" "$steps" "$peak" "$kept" "$tasks"
}
