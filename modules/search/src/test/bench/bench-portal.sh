#!/bin/bash
# The portal benchmark (issue 6): generated extracts loaded into a running app, the nightly
# pipeline run, the indexing step's time reported, then 20 concurrent users (a lead and
# keyworkers, real Keycloak tokens) searching and reading chronologies. Prints figures; asserts
# nothing. Usage, from a clone's root with its services up (`./familyview up`):
#   modules/search/src/test/bench/bench-portal.sh PEOPLE EVENT_SCALE [SECONDS]
# e.g. 705000 3.2 for the 1 M people / 5 M events target (docs/benchmarks.md).
# The bench app runs beside the launcher's in its own schema (portal_bench) and indices
# (familyview-bench-*), on FV_BENCH_PORT, so the demo world is left alone.
# FV_BENCH_KEEP=1 keeps the schema and the indices at the end; a later run with FV_BENCH_REUSE=1
# skips generating, loading and the pipeline and goes straight to the users (at 1 M the load and
# the pipeline take the better part of an hour, the users two minutes).
# Also: FV_BENCH_WARMUP (s, default 60: the app's JIT compiler is still busy for the first minute),
# FV_BENCH_THINK_MS (default 0: no pause between a user's requests), FV_BENCH_APP_HEAP (4g),
# FV_BENCH_JAR (the app jar to run), FV_BENCH_SCHEMA / FV_BENCH_INDEX_PREFIX (a second data set),
# FV_BENCH_SEARCH_SHARE (0.5; 1 loads search alone).
set -euo pipefail
# A second data set (say 1 M beside 20,000) lives beside the first under other names.
SCHEMA=${FV_BENCH_SCHEMA:-portal_bench}
PREFIX=${FV_BENCH_INDEX_PREFIX:-familyview-bench}
PEOPLE=${1:-20000}
SCALE=${2:-3.2}
SECONDS_RUN=${3:-60}
ROOT=$(pwd -P)
source var/run/env.sh
unset FAMILYVIEW_DEMO_DIR
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
BENCH=${FV_BENCH_DIR:-/tmp/fv-portal-bench}
PORT=${FV_BENCH_PORT:-18098}
KEYCLOAK=http://localhost:${FV_KEYCLOAK_PORT:-8180}
PSQL="psql -h localhost -p ${FV_PG_PORT:-5432} -U familyview familyview -tA"
export PGPASSWORD=$FV_DB_PASSWORD

echo "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD)"
REUSE=${FV_BENCH_REUSE:-0}
if [ "$REUSE" != 1 ]; then
rm -rf "$BENCH"; mkdir -p "$BENCH/var/inbox" "$BENCH/gen"
START=$(date +%s)
$JAVA_HOME/bin/java -jar modules/generator/target/familyview-generator.jar \
  --people "$PEOPLE" --event-scale "$SCALE" --out "$BENCH/gen" | tail -6
echo "generated in $(($(date +%s) - START)) s"

$PSQL -c "set client_min_messages = warning; drop schema if exists $SCHEMA cascade" >/dev/null
fi
cp "${FV_BENCH_JAR:-modules/app/target/familyview-app.jar}" "$BENCH/familyview-app.jar"
FV_PORTAL_PORT=$PORT FV_VAR_DIR=$BENCH/var FV_LOG_FILE= $JAVA_HOME/bin/java "-Xmx${FV_BENCH_APP_HEAP:-4g}" \
  -jar "$BENCH/familyview-app.jar" \
  --spring.datasource.hikari.schema=$SCHEMA --spring.flyway.schemas=$SCHEMA \
  --spring.flyway.default-schema=$SCHEMA --familyview.search.index-prefix=$PREFIX \
  --familyview.ingest.inbox.poll-interval=1s --familyview.ingest.inbox.settle-time=0s \
  --familyview.pipeline.schedule.enabled=false \
  >>"$BENCH/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null' EXIT
until curl -s -o /dev/null "http://localhost:$PORT/actuator/health"; do
  kill -0 $APP || { echo "the bench app died; see $BENCH/app.log"; exit 1; }
  sleep 2
done

token() {
  curl -sf -d grant_type=password -d client_id=familyview-cli -d "username=$1" -d password=demo \
    "$KEYCLOAK/realms/familyview/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
if [ "$REUSE" != 1 ]; then
# Load: each agency's files appear in its drop folder at once (as the ingest benchmark does).
for a in police health council education; do
  mkdir -p "$BENCH/var/inbox/$a"
  cp "$BENCH/gen/$a/events.csv" "$BENCH/var/inbox/$a/.events.tmp"
  cp "$BENCH/gen/$a/persons.csv" "$BENCH/var/inbox/$a/.persons.tmp"
done
START=$(date +%s)
for a in police health council education; do
  mv "$BENCH/var/inbox/$a/.events.tmp" "$BENCH/var/inbox/$a/events.csv"
  mv "$BENCH/var/inbox/$a/.persons.tmp" "$BENCH/var/inbox/$a/persons.csv"
done
until [ "$($PSQL -c "select count(*) from $SCHEMA.extract where status in ('COMPLETED','FAILED')" 2>/dev/null || echo 0)" = 4 ]; do
  sleep 3
done
echo "loaded in $(($(date +%s) - START)) s:" \
  $($PSQL -c "select (select count(*) from $SCHEMA.source_person) || ' person records, ' || (select count(*) from $SCHEMA.source_event) || ' events'")

RUN=$(curl -sf -X POST -H "Authorization: Bearer $(token steward)" -H 'Content-Type: application/json' \
  -d '{}' "http://localhost:$PORT/api/pipeline/runs" | sed -E 's/.*"runId":"([^"]+)".*/\1/')
echo "pipeline run $RUN"
START=$(date +%s)
while true; do
  STATE=$(curl -sf -H "Authorization: Bearer $(token steward)" "http://localhost:$PORT/api/pipeline/runs/$RUN")
  # The run's own status comes right after its id; the steps' statuses come later.
  if echo "$STATE" | grep -qE '^\{"runId":"[^"]+","status":"(COMPLETED|FAILED|STOPPED)"'; then break; fi
  sleep 5
done
echo "pipeline finished in $(($(date +%s) - START)) s; steps:"
echo "$STATE" | grep -oE '\{"name":"[a-z]+","status":"[A-Z]+","read":[0-9]+,"written":[0-9]+,"durationMs":[0-9]+\}' |
  sed -E 's/\{"name":"([a-z]+)","status":"([A-Z]+)","read":([0-9]+),"written":([0-9]+),"durationMs":([0-9]+)\}/  \1 \2 read \3 written \4 in \5 ms/'
grep -o 'Indexed .* events in [0-9]* ms' "$BENCH/app.log" | tail -1 || true
fi
echo "indices: $(curl -s -u "$FV_ES_USER:$FV_ES_PASSWORD" "http://localhost:${FV_ES_PORT:-9200}/_cat/indices/$PREFIX-*?h=index,docs.count,store.size" | tr '\n' ';')"

if [ "$REUSE" != 1 ] || [ ! -s "$BENCH/queries.txt" ]; then
# Inputs for the users: real names, dates of birth and postcodes of loaded records (the driver
# misspells the names), and random live persons and families.
$PSQL -F ' ' -c "select given_name || ' ' || family_name || case (random() * 3)::int
    when 0 then ' ' || to_char(date_of_birth, 'DD/MM/YYYY') when 1 then coalesce(' ' || postcode, '') else '' end
  from $SCHEMA.source_person where given_name is not null and family_name is not null
  order by random() limit 5000" >"$BENCH/queries.txt"
$PSQL -c "select id from $SCHEMA.person where retired_at is null order by random() limit 5000" >"$BENCH/persons.txt"
$PSQL -c "select id from $SCHEMA.family where retired_at is null order by random() limit 5000" >"$BENCH/families.txt"
# Each keyworker holds a caseload of 25 families (assigned as a lead would) and searches for
# their members.
for kw in keyworker1 keyworker2; do
  $PSQL -c "insert into $SCHEMA.caseload_assignment
      select gen_random_uuid(), '$kw', id, current_date - 30, null, 'lead', now()
      from $SCHEMA.family where retired_at is null order by random() limit 25" >/dev/null
done
$PSQL -F ' ' -c "select s.given_name || ' ' || s.family_name || case (random() * 3)::int
    when 0 then ' ' || to_char(s.date_of_birth, 'DD/MM/YYYY') when 1 then coalesce(' ' || s.postcode, '') else '' end
  from $SCHEMA.caseload_assignment c join $SCHEMA.family_member m on m.family_id = c.family_id
  join $SCHEMA.person_record r on r.person_id = m.person_id
  join $SCHEMA.source_person s on s.agency = r.agency and s.record_id = r.record_id
  where s.given_name is not null and s.family_name is not null" >"$BENCH/caseload-queries.txt"
fi
# CPU seconds used by each service of this clone while the users run: where a request's cost goes.
# Processes are found from the launcher's pid files, so other clones' services are not counted.
cpu() {
  local es_pid
  es_pid=$(cat var/run/elasticsearch/*.pid 2>/dev/null | head -1)
  for svc in "postgres:$(cat var/run/postgresql.pid)" "elasticsearch:$es_pid" \
    "keycloak:$(cat var/run/keycloak.pid)" "app:$APP"; do
    name=${svc%%:*}; root=${svc#*:}
    ticks=0
    # The service's process and its children (PostgreSQL's backends).
    for pid in $root $(pgrep -P "$root" 2>/dev/null || true); do
      t=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0); ticks=$((ticks + t))
    done
    echo "$name $ticks"
  done
}
echo "load average before the users: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu >"$BENCH/cpu-before"
/usr/bin/time -f "driver (this machine, same cores): %U s user, %S s system CPU" \
  $JAVA_HOME/bin/java modules/search/src/test/bench/PortalBench.java \
  --app "http://localhost:$PORT" --keycloak "$KEYCLOAK" --users 20 --seconds "$SECONDS_RUN" \
  --warmup "${FV_BENCH_WARMUP:-60}" --think-ms "${FV_BENCH_THINK_MS:-0}" --search-share "${FV_BENCH_SEARCH_SHARE:-0.5}" --logins lead,keyworker1,keyworker2 \
  --queries "$BENCH/queries.txt" --keyworker-queries "$BENCH/caseload-queries.txt" --persons "$BENCH/persons.txt" --families "$BENCH/families.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
cpu >"$BENCH/cpu-after"
# The driver's own CPU is gone with its process; the services' is counted over warm-up and run.
echo "CPU seconds while the users ran (warm-up included): $(paste "$BENCH/cpu-before" "$BENCH/cpu-after" |
  awk -v hz="$(getconf CLK_TCK)" '$1 != "driver" {printf "%s %.1f  ", $1, ($4 - $2) / hz}')"
[ "${FV_BENCH_KEEP:-0}" = 1 ] && exit 0
# The bench indices are dropped by name (wildcard deletes are refused).
for i in $(curl -s -u "$FV_ES_USER:$FV_ES_PASSWORD" "http://localhost:${FV_ES_PORT:-9200}/_cat/indices/$PREFIX-*?h=index"); do
  curl -s -o /dev/null -u "$FV_ES_USER:$FV_ES_PASSWORD" -X DELETE "http://localhost:${FV_ES_PORT:-9200}/$i"
done
