#!/usr/bin/env bash
# Runs every test suite: unit, integration on SQLite, integration on PostgreSQL, browser.
#   ./test.sh            (CI: .ci/run, which is `exec ./test.sh`, with CI=true)
# Installs what the tests need when it is missing (as root via apt-get; otherwise it prints the
# command to run), starts a throwaway PostgreSQL, builds once, runs each suite, and ends with one
# line "N passed, N failed". Exits non-zero when anything failed or did not run.
# Logs of each suite: test-artifacts/<suite>.log.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$(pwd)
ARTIFACTS="$ROOT/test-artifacts"
BROWSER_TESTS="tests/Pathway.BrowserTests"
SUITE_TIMEOUT=${PATHWAY_SUITE_TIMEOUT:-900}
CI=${CI:-false}

export DOTNET_NOLOGO=1
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export TESTINGPLATFORM_TELEMETRY_OPTOUT=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NUGET_XMLDOC_MODE=skip

started=$(date +%s)
say() { printf '==> %s\n' "$*"; }

# --- 1. Prerequisites -------------------------------------------------------------------------

package_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"
}

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
package_installed fonts-noto-core || missing+=(fonts-noto-core)
package_installed fonts-dejavu-core || missing+=(fonts-dejavu-core)
if [ -f "$BROWSER_TESTS/package.json" ] && ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  install_command="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" = "0" ]; then
    say "Installing: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
  else
    echo "The tests need packages that are not installed: ${missing[*]}" >&2
    echo "Install them as root, then run ./test.sh again:" >&2
    echo "  sudo sh -c '$install_command'" >&2
    exit 1
  fi
fi

if [ -f "$BROWSER_TESTS/package.json" ] && [ ! -d "$BROWSER_TESTS/node_modules" ]; then
  say "Installing browser test tools (npm)"
  if [ -f "$BROWSER_TESTS/package-lock.json" ]; then
    (cd "$BROWSER_TESTS" && npm ci --no-audit --no-fund)
  else
    (cd "$BROWSER_TESTS" && npm install --no-audit --no-fund)
  fi
fi

say "Restoring .NET tools"
dotnet tool restore

# --- 2. Throwaway PostgreSQL ------------------------------------------------------------------

# shellcheck source=scripts/postgres.sh
source scripts/postgres.sh
trap pg_stop EXIT
postgres_ready=false
say "Starting a throwaway PostgreSQL"
if pg_start; then
  postgres_ready=true
  say "PostgreSQL is listening on 127.0.0.1:$PG_PORT"
elif [ "$CI" = "true" ]; then
  echo "PostgreSQL did not start; under CI=true that fails the run." >&2
  exit 1
else
  echo "WARNING: PostgreSQL did not start; the PostgreSQL suite will be counted as failed." >&2
fi

# --- 3. Build once ----------------------------------------------------------------------------

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS"
say "Building Pathway.slnx (Release)"
build_ok=false
for attempt in 1 2 3; do
  if dotnet build Pathway.slnx -c Release -nologo 2>&1 | tee "$ARTIFACTS/build.log"; then
    build_ok=true
    break
  fi
  # Another build holding a file (a developer's IDE, a parallel build) is worth a retry; errors are not.
  if [ "$attempt" -lt 3 ] && grep -qE "being used by another process|because it is being used|MSB3027|MSB3021" "$ARTIFACTS/build.log"; then
    say "Build output was locked; retrying in 20 s"
    sleep 20
    continue
  fi
  break
done
if [ "$build_ok" != true ]; then
  echo "Build failed (see $ARTIFACTS/build.log); no tests were run." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- 4. Suites --------------------------------------------------------------------------------

total_passed=0
total_failed=0
summaries=()

# Reads Microsoft.Testing.Platform's closing summary ("total: N", "failed: N", ...) from a log.
summary_value() {
  sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' "$1" | grep -E "^[[:space:]]*$2: [0-9]+" | tail -n 1 | grep -oE "[0-9]+" | head -n 1
}

# run_suite NAME PROJECT [VAR=VALUE ...]
run_suite() {
  local name=$1 project=$2
  shift 2
  local log="$ARTIFACTS/$name.log" rc=0 suite_started total failed passed skipped note=""
  suite_started=$(date +%s)
  say "Suite $name: $project $*"
  env "$@" timeout --kill-after=30 "$SUITE_TIMEOUT" \
    dotnet test --project "$project" -c Release --no-build --results-directory "$ARTIFACTS/$name" 2>&1 </dev/null \
    | tee "$log" || rc=${PIPESTATUS[0]}

  total=$(summary_value "$log" total || true)
  failed=$(summary_value "$log" failed || true)
  passed=$(summary_value "$log" succeeded || true)
  skipped=$(summary_value "$log" skipped || true)
  if [ -z "$total" ]; then
    # No summary: the run crashed, hung or never started.
    total=0 passed=0 skipped=0 failed=1
    note=" (no test summary; exit code $rc)"
  else
    failed=${failed:-0} passed=${passed:-0} skipped=${skipped:-0}
    if [ "$rc" = "8" ] || [ "$total" = "0" ]; then
      failed=$((failed > 0 ? failed : 1))
      note=" (zero tests ran)"
    elif [ "$rc" != "0" ] && [ "$failed" = "0" ]; then
      failed=1
      note=" (exit code $rc)"
    fi
  fi
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  summaries+=("$(printf '%-20s %4d passed, %3d failed, %3d skipped  %4ds%s' "$name" "$passed" "$failed" "$skipped" "$(($(date +%s) - suite_started))" "$note")")
}

not_run() {
  total_failed=$((total_failed + 1))
  summaries+=("$(printf '%-20s NOT RUN: %s' "$1" "$2")")
}

run_suite unit tests/Pathway.UnitTests
run_suite integration-sqlite tests/Pathway.IntegrationTests PATHWAY_TEST_PROVIDER=Sqlite
if [ "$postgres_ready" = true ]; then
  run_suite integration-postgres tests/Pathway.IntegrationTests PATHWAY_TEST_PROVIDER=Postgres "PATHWAY_TEST_PG=$PATHWAY_TEST_PG"
else
  not_run integration-postgres "PostgreSQL did not start"
fi
if find "$BROWSER_TESTS" -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*' -not -path '*/node_modules/*' | grep -q .; then
  run_suite browser "$BROWSER_TESTS"
else
  say "Browser tests: no test files yet"
fi

# --- 5. Summary -------------------------------------------------------------------------------

echo
echo "Test suites (logs in test-artifacts/):"
for line in "${summaries[@]}"; do
  echo "  $line"
done
echo "  total time: $(($(date +%s) - started))s"
echo "$total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
