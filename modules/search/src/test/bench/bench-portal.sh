#!/bin/bash
# The portal benchmark (issue 6): generated extracts loaded into a running app, the nightly
# pipeline run, the indexing step's time reported, then 20 concurrent users (a lead and
# keyworkers, real Keycloak tokens) searching and reading chronologies. Prints figures; asserts
# nothing. Usage, from a clone's root with its services up (`./familyview up`):
#   modules/search/src/test/bench/bench-portal.sh PEOPLE EVENT_SCALE [SECONDS]
# e.g. 705000 3.2 for the 1 M people / 5 M events target (docs/benchmarks.md).
# The bench app runs beside the launcher's in its own schema (portal_bench) and indices
# (familyview-bench-*), on FV_BENCH_PORT, so the demo world is left alone.
set -euo pipefail
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
rm -rf "$BENCH"; mkdir -p "$BENCH/var/inbox" "$BENCH/gen"
START=$(date +%s)
$JAVA_HOME/bin/java -jar modules/generator/target/familyview-generator.jar \
  --people "$PEOPLE" --event-scale "$SCALE" --out "$BENCH/gen" | tail -6
echo "generated in $(($(date +%s) - START)) s"

$PSQL -c "set client_min_messages = warning; drop schema if exists portal_bench cascade" >/dev/null
cp modules/app/target/familyview-app.jar "$BENCH/familyview-app.jar"
FV_PORTAL_PORT=$PORT FV_VAR_DIR=$BENCH/var FV_LOG_FILE= $JAVA_HOME/bin/java -Xmx4g \
  -jar "$BENCH/familyview-app.jar" \
  --spring.datasource.hikari.schema=portal_bench --spring.flyway.schemas=portal_bench \
  --spring.flyway.default-schema=portal_bench --familyview.search.index-prefix=familyview-bench \
  --familyview.ingest.inbox.poll-interval=1s --familyview.ingest.inbox.settle-time=0s \
  >"$BENCH/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null' EXIT
until curl -s -o /dev/null "http://localhost:$PORT/actuator/health"; do
  kill -0 $APP || { echo "the bench app died; see $BENCH/app.log"; exit 1; }
  sleep 2
done

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
until [ "$($PSQL -c "select count(*) from portal_bench.extract where status in ('COMPLETED','FAILED')" 2>/dev/null || echo 0)" = 4 ]; do
  sleep 3
done
echo "loaded in $(($(date +%s) - START)) s:" \
  $($PSQL -c "select (select count(*) from portal_bench.source_person) || ' person records, ' || (select count(*) from portal_bench.source_event) || ' events'")

token() {
  curl -sf -d grant_type=password -d client_id=familyview-cli -d "username=$1" -d password=demo \
    "$KEYCLOAK/realms/familyview/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
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
echo "indices: $(curl -s -u "$FV_ES_USER:$FV_ES_PASSWORD" "http://localhost:${FV_ES_PORT:-9200}/_cat/indices/familyview-bench-*?h=index,docs.count,store.size" | tr '\n' ';')"

# Inputs for the users: real names, dates of birth and postcodes of loaded records (the driver
# misspells the names), and random live persons and families.
$PSQL -F ' ' -c "select given_name || ' ' || family_name || case (random() * 3)::int
    when 0 then ' ' || to_char(date_of_birth, 'DD/MM/YYYY') when 1 then coalesce(' ' || postcode, '') else '' end
  from portal_bench.source_person where given_name is not null and family_name is not null
  order by random() limit 5000" >"$BENCH/queries.txt"
$PSQL -c "select id from portal_bench.person where retired_at is null order by random() limit 5000" >"$BENCH/persons.txt"
$PSQL -c "select id from portal_bench.family where retired_at is null order by random() limit 5000" >"$BENCH/families.txt"
# Each keyworker holds a caseload of 25 families (assigned as a lead would) and searches for
# their members.
for kw in keyworker1 keyworker2; do
  $PSQL -c "insert into portal_bench.caseload_assignment
      select gen_random_uuid(), '$kw', id, current_date - 30, null, 'lead', now()
      from portal_bench.family where retired_at is null order by random() limit 25" >/dev/null
done
$PSQL -F ' ' -c "select s.given_name || ' ' || s.family_name || case (random() * 3)::int
    when 0 then ' ' || to_char(s.date_of_birth, 'DD/MM/YYYY') when 1 then coalesce(' ' || s.postcode, '') else '' end
  from portal_bench.caseload_assignment c join portal_bench.family_member m on m.family_id = c.family_id
  join portal_bench.person_record r on r.person_id = m.person_id
  join portal_bench.source_person s on s.agency = r.agency and s.record_id = r.record_id
  where s.given_name is not null and s.family_name is not null" >"$BENCH/caseload-queries.txt"
echo "load average before the users: $(cut -d' ' -f1-3 /proc/loadavg)"
$JAVA_HOME/bin/java modules/search/src/test/bench/PortalBench.java \
  --app "http://localhost:$PORT" --keycloak "$KEYCLOAK" --users 20 --seconds "$SECONDS_RUN" \
  --warmup 15 --logins lead,keyworker1,keyworker2 \
  --queries "$BENCH/queries.txt" --keyworker-queries "$BENCH/caseload-queries.txt" --persons "$BENCH/persons.txt" --families "$BENCH/families.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The bench indices are dropped by name (wildcard deletes are refused).
for i in $(curl -s -u "$FV_ES_USER:$FV_ES_PASSWORD" "http://localhost:${FV_ES_PORT:-9200}/_cat/indices/familyview-bench-*?h=index"); do
  curl -s -o /dev/null -u "$FV_ES_USER:$FV_ES_PASSWORD" -X DELETE "http://localhost:${FV_ES_PORT:-9200}/$i"
done
