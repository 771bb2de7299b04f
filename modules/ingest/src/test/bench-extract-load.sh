#!/bin/bash
# Extract load benchmark: the real app jar, the real PostgreSQL, the four generated agencies
# dropped into the inbox at once. Schema ingest_bench keeps it away from the demo world.
set -u
cd /work/main
source var/run/env.sh
unset FAMILYVIEW_DEMO_DIR
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
BENCH=/tmp/fvbench
GEN=/tmp/fvgen/bench
rm -rf $BENCH/var; mkdir -p $BENCH/var/inbox
PSQL="psql -h localhost -U familyview familyview -tA"
export PGPASSWORD=$FV_DB_PASSWORD
$PSQL -c "drop schema if exists ingest_bench cascade" >/dev/null
PORT=18099
cp modules/app/target/familyview-app.jar $BENCH/familyview-app.jar
FV_PORTAL_PORT=$PORT FV_VAR_DIR=$BENCH/var FV_LOG_FILE= $JAVA_HOME/bin/java -Xmx2g -jar $BENCH/familyview-app.jar \
  --spring.datasource.hikari.schema=ingest_bench --spring.flyway.schemas=ingest_bench \
  --spring.flyway.default-schema=ingest_bench --familyview.ingest.inbox.poll-interval=1s \
  --familyview.ingest.inbox.settle-time=0s > $BENCH/app.log 2>&1 &
APP=$!
echo "app pid $APP"
until curl -s -o /dev/null http://localhost:$PORT/actuator/health; do sleep 1; done
for a in police health council education; do
  mkdir -p $BENCH/var/inbox/$a
  cp $GEN/$a/events.csv $BENCH/var/inbox/$a/.events.tmp
  cp $GEN/$a/persons.csv $BENCH/var/inbox/$a/.persons.tmp
done
START=$(date +%s.%N)
echo "start $(date -u +%T)"
for a in police health council education; do
  mv $BENCH/var/inbox/$a/.events.tmp $BENCH/var/inbox/$a/events.csv
  mv $BENCH/var/inbox/$a/.persons.tmp $BENCH/var/inbox/$a/persons.csv
done
PEAK=0
while true; do
  HWM=$(awk '/VmHWM/ {print $2}' /proc/$APP/status 2>/dev/null || echo 0)
  DONE=$($PSQL -c "select count(*) from ingest_bench.extract where status in ('COMPLETED','FAILED')" 2>/dev/null || echo 0)
  if [ "${DONE:-0}" = "4" ]; then break; fi
  sleep 2
done
END=$(date +%s.%N)
HWM=$(awk '/VmHWM/ {print $2}' /proc/$APP/status)
echo "end $(date -u +%T)"
$PSQL -F ' ' -c "select agency, status, persons_read, persons_accepted, persons_rejected, events_read, events_accepted, events_rejected, extract(epoch from finished_at - received_at)::int from ingest_bench.extract order by agency"
$PSQL -c "select 'source_person', count(*) from ingest_bench.source_person union all select 'source_event', count(*) from ingest_bench.source_event"
echo "elapsed $(echo "$END - $START" | bc) s; peak RSS ${HWM} kB"
kill $APP; wait $APP
