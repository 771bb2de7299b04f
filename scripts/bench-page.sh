# shellcheck shell=bash
# `./familyview bench page [--runs N] [--people N] [--event-scale X] [--history-years Y]` (issue 18):
# the chronology page of a family with at least 200 entries, timed in headless Chromium from the
# start of the navigation to the load event (the Navigation Timing API), at 1280 and 390 px wide,
# with the first screen checked to show the summary and the newest entry each time. The work is
# modules/e2e's PageReadyBench (src/test/java; not a *IntegrationTests, so never in the suite): it
# generates a world with long histories, loads it into a schema of its own through the packaged
# application and its nightly pipeline, and picks the family with the most entries. Starts the
# services it needs (and stops those it started). Prints the machine, the figures and one JSON line
# (also in modules/e2e/target/bench/page-ready.json). Sourced by ./familyview.

cmd_bench_page() {
  local props=()
  while (($#)); do
    [[ $# -ge 2 ]] || die "bench page: $1 needs a value"
    [[ "$2" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "bench page: $1 must be a number, not '$2'"
    case "$1" in
      --runs) props+=("-Dbench.runs=$2") ;;
      --people) props+=("-Dbench.people=$2") ;;
      --event-scale) props+=("-Dbench.event-scale=$2") ;;
      --history-years) props+=("-Dbench.history-years=$2") ;;
      *) die "bench page: unknown option $1 (usage: bench page [--runs N] [--people N] [--event-scale X] [--history-years Y])" ;;
    esac
    shift 2
  done
  use_jdk
  export_contract
  build || die "the build failed (var/logs/build.log)"
  # shellcheck disable=SC2034 # read by started() in scripts/lib.sh
  OWNER="bench:$$"
  trap 'stop_started_services' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  lock_services
  start_services
  unlock_services
  # The realm lets the sign-in return to FV_E2E_PORT (as Keycloak was started), 8081 by default.
  export FV_E2E_PORT="${FV_E2E_PORT:-8081}"
  say "== machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  step "Timing the chronology page (modules/e2e PageReadyBench, portal on port $FV_E2E_PORT)"
  local figures="$ROOT/modules/e2e/target/bench/page-ready.json" maven
  rm -f "$figures"
  set +e
  (cd "$ROOT" && ./mvnw -B -o -q -pl modules/e2e verify -Dit.test=PageReadyBench -Dtest=NONE \
    -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
    "${props[@]}" 9>&-) | grep -E '^(page-ready |\{"family")'
  maven="${PIPESTATUS[0]}"
  set -e
  [[ -s "$figures" ]] || die "the benchmark failed; see modules/e2e/target/failsafe-reports/ and modules/e2e/target/e2e-portal-$FV_E2E_PORT.log"
  ok "figures in ${figures#"$ROOT"/}"
  # Maven fails when a desk's first screen did not show the summary and the newest entry, or the
  # family has fewer than 200 entries (the figures are printed either way).
  ((maven == 0)) || die "a first screen fell short (above; modules/e2e/target/failsafe-reports/)"
}
