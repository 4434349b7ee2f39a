#!/usr/bin/env bash
# Runs CaseWork's whole test suite, SQLite and PostgreSQL and browser tests alike, the way CI does.
#
#   ./scripts/test.sh
#
# What it does:
#   1. Run as root, it installs what is missing with apt-get: PostgreSQL (server binaries), Chromium, and the Python
#      modules aiosmtpd (a real SMTP server for the mail tests) and icalendar (an independent feed parser).
#      Without root it says what is missing and stops.
#   2. It starts a throwaway PostgreSQL cluster: initdb into a temporary folder, a free port on 127.0.0.1 only,
#      its socket inside that folder, password authentication (scram-sha-256) with a password generated for this
#      run, fsync off. The cluster and its folder are removed when the script ends, however it ends.
#      Tests get its admin connection string in CASEWORK_TEST_POSTGRES and create and drop their own databases.
#   3. It builds CaseWork.sln once and runs every test project (dotnet test, TRX results in
#      artifacts/test-results/), then prints the results per project. The last line of output is always
#      "N passed, N failed, N skipped" over all test projects.
#   It exits non-zero when the build or any test fails, when any test was skipped (the full run runs every test),
#   or when no test ran at all.
#
# Environment:
#   CASEWORK_TEST_POSTGRES  Use your own PostgreSQL server instead of a throwaway cluster (then PostgreSQL need not
#                           be installed here): an admin connection string such as
#                           "Host=127.0.0.1;Port=5432;Username=postgres;Password=secret". The user must be allowed
#                           to create and drop databases; tests name theirs cw_<purpose>_<guid> and drop them.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

readonly solution="CaseWork.sln"
readonly results_dir="$repo_root/artifacts/test-results"
readonly chromium="/usr/bin/chromium"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

started_at=$SECONDS
pg_tmp=""
pg_data=""
pg_started=0
build_failed=0
tests_ran=0
tests_exit=0

say() { printf '==> %s\n' "$*"; }
fail() {
  printf 'test.sh: %s\n' "$*" >&2
  exit 1
}
is_root() { [ "$(id -u)" -eq 0 ]; }

# PostgreSQL refuses to run as root: as root its tools run as the postgres user.
as_postgres() {
  if is_root; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The newest installed PostgreSQL server binaries (Debian layout first, then whatever initdb is on PATH).
find_pg_bindir() {
  local candidate best=""
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && best="$candidate"
  done
  if [ -z "$best" ] && command -v initdb >/dev/null 2>&1; then
    best="$(dirname "$(command -v initdb)")"
  fi
  [ -n "$best" ] && printf '%s\n' "$best"
}

port_in_use() {
  local port=$1
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ] && return 0
  fi
  # Something answering a connect is in use too (and this works where ss is missing).
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
}

stop_throwaway_postgres() {
  if [ "$pg_started" -eq 1 ]; then
    as_postgres "$pg_bindir/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1 || true
    pg_started=0
  fi
  if [ -n "$pg_tmp" ]; then
    rm -rf "$pg_tmp"
    pg_tmp=""
  fi
}

start_throwaway_postgres() {
  # As root the folder must be the postgres user's; /tmp is reachable for it whatever TMPDIR says.
  local base="${TMPDIR:-/tmp}"
  is_root && base=/tmp
  pg_tmp="$(mktemp -d "$base/casework-pg.XXXXXXXX")"
  pg_data="$pg_tmp/data"
  mkdir "$pg_tmp/socket"
  local password
  password="$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
  (umask 077 && printf '%s\n' "$password" >"$pg_tmp/password")
  if is_root; then
    id postgres >/dev/null 2>&1 || fail "running as root, but there is no 'postgres' user to run PostgreSQL as (install the postgresql package)"
    chown -R postgres:postgres "$pg_tmp"
  fi

  # C.UTF-8 keeps lower()/ILIKE right for umlauts; a plain C locale is the fallback where it does not exist.
  local locale_option=(--no-locale)
  if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then
    locale_option=(--locale=C.UTF-8)
  fi
  if ! as_postgres "$pg_bindir/initdb" -D "$pg_data" -U postgres --pwfile="$pg_tmp/password" --auth=scram-sha-256 \
    --encoding=UTF8 "${locale_option[@]}" >"$pg_tmp/initdb.log" 2>&1; then
    cat "$pg_tmp/initdb.log" >&2
    fail "initdb failed"
  fi
  rm -f "$pg_tmp/password"

  # Appending keeps the file's owner (postgres). Loopback only; enough connections for test projects running in parallel.
  cat >>"$pg_data/postgresql.conf" <<EOF

# throwaway test cluster (scripts/test.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pg_tmp/socket'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

  local attempt port=""
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$((20000 + RANDOM % 30000))
    if port_in_use "$port"; then
      continue
    fi
    # Another process may take the port between the check and the start: then try another one.
    if as_postgres "$pg_bindir/pg_ctl" -D "$pg_data" -l "$pg_tmp/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
      pg_started=1
      break
    fi
    say "PostgreSQL did not start on port $port (attempt $attempt); trying another port"
  done
  if [ "$pg_started" -ne 1 ]; then
    tail -n 30 "$pg_tmp/server.log" >&2 || true
    fail "could not start the throwaway PostgreSQL cluster"
  fi

  export CASEWORK_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
  say "throwaway PostgreSQL $("$pg_bindir/postgres" --version | sed -n 's/^postgres (PostgreSQL) \([^ ]*\).*/\1/p') on 127.0.0.1:$port (data in $pg_data)"
}

# One attribute of a TRX file's <Counters> element (0 when absent).
trx_counter() {
  local value
  value="$(grep -o '<Counters [^>]*' "$1" | head -n 1 | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9][0-9]*' || true)"
  printf '%s\n' "${value:-0}"
}

# The test project a TRX file belongs to: the test assembly it ran (codeBase keeps the name's case, storage does not),
# or, for a project without tests, the assembly the "No test is available in …" message names.
trx_project() {
  local assembly
  assembly="$(grep -o -e 'codeBase="[^"]*\.dll"' -e 'No test is available in [^ ]*\.dll' "$1" | head -n 1 || true)"
  assembly="${assembly%.dll*}"
  assembly="${assembly##*[/\\\" ]}"
  printf '%s\n' "${assembly:-$(basename "$1" .trx)}"
}

# Prints per-project results and problems, then the totals as the very last line; returns the final status.
report() {
  local status=$1
  local -A passed=() failed=() skipped=()
  local total_passed=0 total_failed=0 total_skipped=0 file project p f s t
  # Only this run's results count: nothing is read when the run stopped before testing.
  if [ "$tests_ran" -eq 1 ] && [ -d "$results_dir" ]; then
    while IFS= read -r -d '' file; do
      project="$(trx_project "$file")"
      t="$(trx_counter "$file" total)"
      p="$(trx_counter "$file" passed)"
      f=$(($(trx_counter "$file" failed) + $(trx_counter "$file" error) + $(trx_counter "$file" timeout) + $(trx_counter "$file" aborted)))
      s=$((t - p - f))
      passed[$project]=$((${passed[$project]:-0} + p))
      failed[$project]=$((${failed[$project]:-0} + f))
      skipped[$project]=$((${skipped[$project]:-0} + s))
      total_passed=$((total_passed + p))
      total_failed=$((total_failed + f))
      total_skipped=$((total_skipped + s))
    done < <(find "$results_dir" -name '*.trx' -print0)
  fi

  if [ "${#passed[@]}" -gt 0 ]; then
    echo
    echo "Results per test project (TRX files in ${results_dir#"$repo_root"/}):"
    for project in $(printf '%s\n' "${!passed[@]}" | sort); do
      printf '  %-45s %4d passed, %d failed, %d skipped\n' "$project" "${passed[$project]}" "${failed[$project]}" "${skipped[$project]}"
    done
  fi

  # A test project that reported nothing lost its tests (or they were not discovered): that fails the run.
  local silent_projects=0
  if [ "$tests_ran" -eq 1 ]; then
    for project in $(grep -o '[^"\\/]*Tests\.csproj"' "$solution" | sed 's/\.csproj"$//' | sort -u); do
      if [ "${passed[$project]:-0}" -eq 0 ] && [ "${failed[$project]:-0}" -eq 0 ] && [ "${skipped[$project]:-0}" -eq 0 ]; then
        echo "  $project ran no test"
        silent_projects=$((silent_projects + 1))
      fi
    done
  fi

  if [ "$build_failed" -ne 0 ]; then
    echo "FAILED: the build failed"
    status=1
  elif [ "$status" -eq 0 ]; then
    if [ "$tests_exit" -ne 0 ] || [ "$total_failed" -gt 0 ]; then
      echo "FAILED: tests failed (dotnet test exit code $tests_exit)"
      status=1
    elif [ "$total_skipped" -gt 0 ]; then
      echo "FAILED: $total_skipped test(s) skipped; the full run must run every test"
      status=1
    elif [ "$total_passed" -eq 0 ]; then
      echo "FAILED: no test ran"
      status=1
    elif [ "$silent_projects" -gt 0 ]; then
      echo "FAILED: $silent_projects test project(s) ran no test"
      status=1
    fi
  fi
  printf 'Finished in %dm%02ds with exit code %d\n' $(((SECONDS - started_at) / 60)) $(((SECONDS - started_at) % 60)) "$status"
  printf '%d passed, %d failed, %d skipped\n' "$total_passed" "$total_failed" "$total_skipped"
  return "$status"
}

on_exit() {
  local status=$?
  trap - EXIT
  stop_throwaway_postgres
  report "$status" || status=$?
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# 1. What must be installed.
command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK (dotnet) is not on PATH; see global.json for the version"
missing=()
pg_bindir="$(find_pg_bindir || true)"
if [ -z "${CASEWORK_TEST_POSTGRES:-}" ] && [ -z "$pg_bindir" ]; then
  missing+=(postgresql)
fi
if [ ! -x "$chromium" ]; then
  missing+=(chromium)
fi
# The reminder and notification tests talk to a real SMTP server on loopback (aiosmtpd, started per test by the TestKit),
# and the calendar-feed tests parse feeds with an independent iCalendar parser.
if ! /usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1; then
  missing+=(python3-aiosmtpd)
fi
if ! /usr/bin/python3 -c 'import icalendar' >/dev/null 2>&1; then
  missing+=(python3-icalendar)
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if is_root && command -v apt-get >/dev/null 2>&1; then
    say "installing ${missing[*]}"
    apt-get update </dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" </dev/null
    pg_bindir="$(find_pg_bindir || true)"
  else
    for package in "${missing[@]}"; do
      case "$package" in
        postgresql) echo "test.sh: PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian: apt-get install postgresql)," \
          "or point the tests at a server you have: CASEWORK_TEST_POSTGRES='Host=127.0.0.1;Port=5432;Username=postgres;Password=...'" >&2 ;;
        chromium) echo "test.sh: Chromium not found at $chromium; the browser tests need it (Debian: apt-get install chromium)." >&2 ;;
        python3-*) echo "test.sh: Python module ${package#python3-} not found (Debian: apt-get install $package)." >&2 ;;
      esac
    done
    fail "missing: ${missing[*]} (run as root to have them installed)"
  fi
fi
if [ -z "${CASEWORK_TEST_POSTGRES:-}" ] && [ -z "$pg_bindir" ]; then
  fail "PostgreSQL server binaries still not found after installing"
fi
[ -x "$chromium" ] || fail "Chromium still not found at $chromium after installing"
/usr/bin/python3 -c 'import aiosmtpd, icalendar' >/dev/null 2>&1 || fail "python3-aiosmtpd or python3-icalendar still missing after installing"

# 2. PostgreSQL.
if [ -n "${CASEWORK_TEST_POSTGRES:-}" ]; then
  say "using the PostgreSQL server from CASEWORK_TEST_POSTGRES"
else
  start_throwaway_postgres
fi

# 3. Build once, then test every project of the solution.
rm -rf "$results_dir"
mkdir -p "$results_dir"
say "building $solution"
if ! dotnet build "$solution" --nologo </dev/null; then
  build_failed=1
  exit 1
fi

say "testing $solution"
tests_ran=1
# Test projects run in parallel (one per core); a test hanging for 10 minutes is aborted and reported, not waited on forever.
dotnet test "$solution" --no-build --nologo \
  --logger trx --results-directory "$results_dir" \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  </dev/null || tests_exit=$?
exit "$tests_exit"
