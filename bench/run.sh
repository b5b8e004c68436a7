#!/usr/bin/env bash
# Pathway benchmark: builds Release, makes a fresh database filled by the dataset generator, starts
# the app from its build output, loads a few pages and APIs, then the bare Kestrel ceiling.
#
#   bench/run.sh [sqlite|postgres|all] [--clients 32] [--seconds 20] [--users 2000]
#                [--warmup 3] [--prewarm 30] [--assessments-per-country 2] [--round-participants 200]
#                [--published-rounds 5] [--resources 20000] [--case-studies 2000] [--partnerships 5000]
#                [--events 5000] [--registrations 200000]
#                [--only connector|events] [--queries] [--no-build]
#
#   --round-participants  respondents in each of the two bench rounds (rating open; validated with
#                consensus) that the assessment scenarios load; 0 leaves those scenarios out
#   --prewarm    seconds of load over all paths before the first measurement: the app's JIT
#                takes tens of seconds under load to settle (tiered compilation, dynamic PGO)
#   --published-rounds  published rounds per Member State (one a year) for the dashboards and
#                open data; 0 leaves those scenarios out
#   --resources, --case-studies, --partnerships  published Country Connector content (with search
#                entries) for the search and mechanism-page scenarios; all three 0 leaves those out
#   --events, --registrations  announced events (a quarter in numbered series) and registrations spread
#                over them, for the events listing and event-page scenarios; 0 events leaves those out
#   --only connector  only the Country Connector scenarios (and the peers pages): a short run
#   --only events  only the events scenarios and the 200 concurrent registrations for the last 50 places
#   --queries    also count the SQL commands each scenario runs (a second app start with EF
#                command logging on, one request per path after a warm-up request)
#   --no-build   use the existing Release build
#
# Results: a table on stdout, JSON lines in bench/results/ (git-ignored). See bench/README.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# pg_start, pg_stop and pg_free_port (also used for the app's port).
# shellcheck source=../scripts/postgres.sh
source "$root/scripts/postgres.sh"

usage() {
  sed -n '4,24p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  [ $# -gt 0 ] && echo "bench/run.sh: $*" >&2
  exit 2
}

database=sqlite
clients=32
seconds=20
users=2000
warmup=3
prewarm=30
per_country=2
round_participants=200
published_rounds=5
resources=20000
case_studies=2000
partnerships=5000
events=5000
registrations=200000
only=""
build=1
queries=0
case "${1:-}" in
  sqlite | postgres | all) database=$1; shift ;;
esac
while [ $# -gt 0 ]; do
  case "$1" in
    --clients | --seconds | --users | --warmup | --prewarm | --assessments-per-country | --round-participants | --published-rounds \
      | --resources | --case-studies | --partnerships | --events | --registrations)
      [ $# -ge 2 ] && [[ "$2" =~ ^[0-9]+$ ]] || usage "$1 needs a whole number"
      case "$1" in
        --clients) clients=$2 ;;
        --seconds) seconds=$2 ;;
        --users) users=$2 ;;
        --warmup) warmup=$2 ;;
        --prewarm) prewarm=$2 ;;
        --assessments-per-country) per_country=$2 ;;
        --round-participants) round_participants=$2 ;;
        --published-rounds) published_rounds=$2 ;;
        --resources) resources=$2 ;;
        --case-studies) case_studies=$2 ;;
        --partnerships) partnerships=$2 ;;
        --events) events=$2 ;;
        --registrations) registrations=$2 ;;
      esac
      shift 2 ;;
    --only)
      [ "${2:-}" = connector ] || [ "${2:-}" = events ] || usage "--only takes: connector, events"
      only=$2; shift 2 ;;
    --queries) queries=1; shift ;;
    --no-build) build=0; shift ;;
    -h | --help) usage ;;
    *) usage "unknown argument: $1" ;;
  esac
done

scenarios=(/framework /framework/1/bu /api/frameworks/1 '/api/frameworks/1?lang=ar')
# Issue 10: dashboards and open data over the published rounds (--published-rounds).
published_scenarios=(/dashboards '/dashboards?region=EMR&behaviour=DS' '/api/dashboards/global?mechanism=DS.1'
  /dashboards/countries/KEN '/api/open-data/results?pageSize=500' /open-data
  '/peers/DS.1?from=2' '/api/peers/DS.1?from=2')
published_downloads=(/api/open-data/results.xlsx /api/open-data/results.csv)
# Issue 11: search in the three languages (a common word past the 1,000-match cap, Arabic typed without the
# diacritics and with the article the index has), a filtered search, the API, a mechanism's page with its panels.
connector_scenarios=('/search?q=contracting' '/search?q=laboratoires&culture=fr' '/search?q=%D8%A7%D9%84%D8%AA%D9%86%D8%B8%D9%8A%D9%85&culture=ar'
  '/search?q=tuberculosis&kind=CaseStudy&region=AFR' '/api/search?q=regulation' '/framework/1/ds/DS.1' '/resources?mechanism=DS.1'
  # {n}: a new address each request, so it misses the public page cache (what a signed-in reader's request costs).
  '/search?q=contracting&miss={n}' '/search?q=tuberculosis&kind=CaseStudy&region=AFR&miss={n}' '/framework/1/ds/DS.1?miss={n}')
# Issue 12: the events listing (upcoming, past, filtered), an event page (agenda, key messages, participation by
# group, region and country over its 400 registrations), the read API and the calendar feed; then, once, 200
# concurrent registrations for the last 50 places of an event (exactly 50 must be confirmed).
page_event=0193b000-0000-7000-8000-00000000e001
last_places_event=0193b000-0000-7000-8000-00000000e002
events_scenarios=(/events '/events?when=past' '/events?type=Webinar&region=AFR' "/events/$page_event" "/events/$page_event?culture=ar"
  "/api/events/$page_event" '/api/events?region=EMR' /events/calendar.ics
  '/events?miss={n}' "/events/$page_event?miss={n}")
if [ "$only" = connector ]; then
  scenarios=()
  published_scenarios=('/peers/DS.1?from=2' '/api/peers/DS.1?from=2')
  published_downloads=()
  [ "$users" = 2000 ] && users=50
  round_participants=0
  events=0
fi
if [ "$only" = events ]; then
  scenarios=()
  published_rounds=0
  resources=0
  case_studies=0
  partnerships=0
  [ "$users" = 2000 ] && users=50
  round_participants=0
fi
web_dir=$root/src/Pathway.Web/bin/Release/net10.0
bench_dll=$root/bench/Pathway.Bench/bin/Release/net10.0/Pathway.Bench.dll
results_dir=$root/bench/results

app_pid=""
app_port=""
app_log=""
work_dir=""
pg_running=0
status=0

stop_app() {
  [ -n "$app_pid" ] || return 0
  kill "$app_pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=""
}

cleanup() {
  stop_app
  if [ "$pg_running" = 1 ]; then pg_stop; pg_running=0; fi
  if [ -n "$work_dir" ]; then rm -rf "$work_dir"; work_dir=""; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Others may be building the same projects: on a file lock, wait and try again.
build_release() {
  local project attempt log
  for project in src/Pathway.Web/Pathway.Web.csproj bench/Pathway.Bench/Pathway.Bench.csproj; do
    for attempt in 1 2 3 4 5 6; do
      log=$(mktemp)
      echo "Building $project (Release)..."
      if dotnet build -c Release -nologo -v quiet "$project" >"$log" 2>&1; then
        rm -f "$log"
        break
      fi
      if [ "$attempt" -lt 6 ] && grep -qE 'MSB3021|MSB3027|being used by another process|file is locked|Access to the path .* is denied' "$log"; then
        echo "  a file is locked (another build?); retrying in 20 s"
        rm -f "$log"
        sleep 20
      else
        cat "$log" >&2
        rm -f "$log"
        return 1
      fi
    done
  done
}

# Starts the app from its build output (content root = that folder, as when published), with
# request logging down so it does not dominate. Every client comes from 127.0.0.1, so the
# per-address rate limits (10 sign-ins, 300 API calls a minute) are lifted: the bench measures the
# work, not the limiter. Extra NAME=VALUE settings are passed on.
start_app() {
  app_port=$(pg_free_port)
  app_log=$work_dir/app-$app_port.log
  (cd "$web_dir" && exec env \
    "Logging__LogLevel__Default=Warning" \
    "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
    "RateLimits__SignIn__PermitLimit=1000000" "RateLimits__Api__PermitLimit=100000000" \
    "$@" dotnet Pathway.Web.dll --urls "http://127.0.0.1:$app_port") >"$app_log" 2>&1 &
  app_pid=$!
  for _ in $(seq 240); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      echo "The app exited during start:" >&2
      cat "$app_log" >&2
      app_pid=""
      return 1
    fi
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$app_port/health")" = 200 ]; then
      return 0
    fi
    sleep 0.5
  done
  echo "The app did not answer /health with 200 within 120 s:" >&2
  cat "$app_log" >&2
  return 1
}

# SQL commands per request: EF logs each executed command at Information.
count_queries() {
  local path before after paths=("${scenarios[@]}")
  [ $((resources + case_studies + partnerships)) -gt 0 ] && paths+=("${connector_scenarios[@]}")
  [ "$events" -gt 0 ] && paths+=("${events_scenarios[@]}")
  echo "SQL commands per request ($1):"
  start_app "Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information"
  for path in "${paths[@]}"; do
    curl -s -o /dev/null "http://127.0.0.1:$app_port$path"
    sleep 0.3
    before=$(grep -c 'Executed DbCommand' "$app_log" || true)
    curl -s -o /dev/null "http://127.0.0.1:$app_port$path"
    sleep 0.3
    after=$(grep -c 'Executed DbCommand' "$app_log" || true)
    printf '  %-52s %s\n' "$path" "$((after - before))"
  done
  stop_app
}

# A download's time and the app's resident memory while it streams (sampled every 50 ms; the issue
# caps the whole-world workbook at 200 MB).
measure_download() {
  local path=$1 before peak rss seconds
  before=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
  peak=$before
  curl -s -o /dev/null -w '%{time_total}' "http://127.0.0.1:$app_port$path" >"$work_dir/curl-time" &
  local curl_pid=$!
  while kill -0 "$curl_pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS/ {print $2}' "/proc/$app_pid/status")
    [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.05
  done
  wait "$curl_pid" || true
  seconds=$(cat "$work_dir/curl-time")
  printf '  %-40s %6.2f s, app resident memory %d MB before, peak %d MB (+%d MB)\n' \
    "$path" "$seconds" "$((before / 1024))" "$((peak / 1024))" "$(((peak - before) / 1024))"
}

run_one() {
  local db=$1 provider connection path_args=() path
  work_dir=$(mktemp -d /tmp/pathway-bench.XXXXXX)
  case "$db" in
    sqlite)
      provider=Sqlite
      connection="" # SQLite in $Pathway__DataDirectory/pathway.db
      ;;
    postgres)
      pg_start
      pg_running=1
      psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q -c "CREATE DATABASE pathway_bench"
      provider=Postgres
      connection="$PATHWAY_TEST_PG;Database=pathway_bench"
      ;;
  esac
  export Database__Provider=$provider
  export ConnectionStrings__Pathway=$connection
  export Database__MigrateOnStart=true
  export Pathway__DataDirectory=$work_dir
  # Every bench client is one loopback address: the per-address registration limit would refuse the burst's 200.
  export RateLimits__Register__PermitLimit=1000000

  local rounds_args=() note="$users users, $per_country assessments/country" connector_total=$((resources + case_studies + partnerships))
  if [ "$round_participants" -gt 0 ]; then
    rounds_args=(--rounds-file "$work_dir/rounds.json")
    note="$note; 2 rounds of $round_participants respondents"
  fi
  [ "$connector_total" -gt 0 ] && note="$note; $resources resources, $case_studies case studies, $partnerships partnerships"
  [ "$events" -gt 0 ] && note="$note; $events events, $registrations registrations"

  echo
  echo "== $db: dataset ($users users, $per_country assessments per country, bench rounds of $round_participants respondents)"
  dotnet "$bench_dll" generate --users "$users" --assessments-per-country "$per_country" \
    --round-participants "$round_participants" --published-rounds "$published_rounds" \
    --resources "$resources" --case-studies "$case_studies" --partnerships "$partnerships" \
    --events "$events" --registrations "$registrations" "${rounds_args[@]}"

  echo
  echo "== $db: load ($clients clients, $seconds s per scenario after $warmup s warm-up; $prewarm s pre-warm first)"
  start_app
  echo "App (pid $app_pid) at http://127.0.0.1:$app_port; load average now $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
  for path in "${scenarios[@]}"; do path_args+=(--path "$path"); done
  if [ "$connector_total" -gt 0 ]; then
    for path in "${connector_scenarios[@]}"; do path_args+=(--path "$path"); done
  fi
  if [ "$events" -gt 0 ]; then
    for path in "${events_scenarios[@]}"; do path_args+=(--path "$path"); done
  fi
  if [ "$published_rounds" -gt 0 ]; then
    for path in "${published_scenarios[@]}"; do path_args+=(--path "$path"); done
    for path in "${published_downloads[@]}"; do path_args+=(--file-path "$path"); done
  fi
  dotnet "$bench_dll" load --url "http://127.0.0.1:$app_port" "${path_args[@]}" "${rounds_args[@]}" \
    --clients "$clients" --seconds "$seconds" --warmup "$warmup" --prewarm "$prewarm" \
    --label "$db" --note "$note" \
    --server-pid "$app_pid" --results "$results_dir" || status=1
  if [ "$published_rounds" -gt 0 ] && [ ${#published_downloads[@]} -gt 0 ]; then
    echo "Downloads, one at a time, with the app's memory:"
    for path in "${published_downloads[@]}"; do measure_download "$path"; done
  fi
  if [ "$events" -gt 0 ]; then
    dotnet "$bench_dll" burst --url "http://127.0.0.1:$app_port" --event "$last_places_event" --count 200 --expect-confirmed 50 \
      --label "$db" --results "$results_dir" || status=1
  fi
  stop_app

  if [ "$queries" = 1 ]; then
    count_queries "$db"
  fi
  cleanup
}

command -v curl >/dev/null || { echo "bench/run.sh needs curl" >&2; exit 1; }
[ "$build" = 1 ] && build_release
case "$database" in
  all) run_one sqlite; run_one postgres ;;
  *) run_one "$database" ;;
esac
exit "$status"
