#!/usr/bin/env bash
# Runs every test: installs what is missing (PostgreSQL 15, Python grpcio, Node, nginx, Chromium and a CJK font), starts
# a private PostgreSQL on a free loopback port in a temporary folder, runs the .NET suites, the interop tests with real
# gRPC, JSON and Open311 clients, and the admin console's tests in headless Chromium, and stops PostgreSQL whatever happens.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

need_apt=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need_apt+=(postgresql-15)
/usr/bin/python3 -c 'import grpc, grpc_tools' 2>/dev/null || need_apt+=(python3-grpcio python3-grpc-tools)
command -v node >/dev/null && command -v npm >/dev/null || need_apt+=(nodejs npm)
[ -x /usr/sbin/nginx ] || need_apt+=(nginx)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# The console's screenshots show Chinese: without a CJK font they would show boxes.
fc-list 2>/dev/null | grep -qi 'wenquanyi\|noto sans cjk' || need_apt+=(fonts-wqy-zenhei)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing from Debian: ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/hierarchy-test.XXXXXX)
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  if [ -f "$work/pg/postmaster.pid" ]; then
    runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

echo "== starting a private PostgreSQL"
pg_port=$(free_port)
mkdir -p "$work/pg"
chown postgres "$work" "$work/pg"
runuser -u postgres -- /usr/lib/postgresql/15/bin/initdb -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Settings live in the data folder, so a test that stops and starts this server gets the same one back.
cat >> "$work/pg/postgresql.conf" <<CONF
port = $pg_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/pg'
max_connections = 300
fsync = off
synchronous_commit = off
CONF
runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$work/pg" -l "$work/pg/log" -w start >/dev/null
export HIERARCHY_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export HIERARCHY_TEST_PG_DATA="$work/pg"
echo "   PostgreSQL 15 on 127.0.0.1:$pg_port"

echo "== building"
dotnet build Hierarchy.sln -c Release --nologo -v quiet
echo "== checking the code style (dotnet format)"
dotnet format Hierarchy.sln --verify-no-changes --no-restore

passed=0
failed=0
sum() { { grep -Eo "$1" "$2" || true; } | { grep -Eo '[0-9]+$' || true; } | awk '{ s += $1 } END { print s + 0 }'; }
count_dotnet() { passed=$((passed + $(sum 'Passed: +[0-9]+' "$1"))); failed=$((failed + $(sum 'Failed: +[0-9]+' "$1"))); }

echo "== .NET tests"
status=0
# One test assembly at a time: a test stops and restarts this PostgreSQL server.
dotnet test Hierarchy.sln -c Release --no-build --nologo -m:1 2>&1 | tee "$work/dotnet.log" || status=1
count_dotnet "$work/dotnet.log"

echo "== interop tests: real gRPC clients against the real server"
port=$(free_port)
http_port=$(free_port)
dotnet src/Hierarchy.Server/bin/Release/net10.0/Hierarchy.Server.dll \
  --listen "127.0.0.1:$port" --http "127.0.0.1:$http_port" --database "$work/interop.db" > "$work/server.log" 2>&1 &
server_pid=$!
export HIERARCHY_ADDRESS="127.0.0.1:$port" HIERARCHY_HTTP_ADDRESS="127.0.0.1:$http_port"
if ! /usr/bin/python3 tests/interop/python/wait_for_server.py "$HIERARCHY_ADDRESS" 120; then
  cat "$work/server.log"; exit 1
fi

/usr/bin/python3 -m unittest discover -s tests/interop/python -p 'test_*.py' -v 2>&1 | tee "$work/python.log" || status=1
p=$(sum '^Ran [0-9]+' "$work/python.log"); f=$(sum '(failures|errors)=[0-9]+' "$work/python.log")
passed=$((passed + p - f)); failed=$((failed + f))

(cd tests/interop/node && npm ci --silent --no-audit --no-fund >/dev/null)
node --test --test-reporter=spec tests/interop/node/ 2>&1 | tee "$work/node.log" || status=1
passed=$((passed + $(sum '^ℹ pass [0-9]+' "$work/node.log"))); failed=$((failed + $(sum '^ℹ fail [0-9]+' "$work/node.log")))

echo "== the admin console in headless Chromium (screenshots in tests/console/screenshots)"
(cd tests/console && npm ci --silent --no-audit --no-fund >/dev/null)
node --test --test-reporter=spec tests/console/ 2>&1 | tee "$work/console.log" || status=1
passed=$((passed + $(sum '^ℹ pass [0-9]+' "$work/console.log"))); failed=$((failed + $(sum '^ℹ fail [0-9]+' "$work/console.log")))

echo
echo "all: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
