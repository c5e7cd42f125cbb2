#!/usr/bin/env bash
# The main job: set up a fresh Debian 12 machine, build, fill a demo ledger (first run only) and
# serve it on http://127.0.0.1:8080 until interrupted (Ctrl-C).
#   LEDGER_DATA=dir   where the ledger lives (default: build/demo-data)
#   LEDGER_PORT=n     port to listen on (default: 8080)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset dev -G Ninja >/dev/null
cmake --build --preset dev -j "$(nproc)" --target syncserver
data="${LEDGER_DATA:-build/demo-data}"
port="${LEDGER_PORT:-8080}"
server=build/dev/syncserver/syncserver
if [ ! -f "$data/ledger.sqlite" ]; then
  "$server" demo --data "$data"
fi
"$server" score --data "$data" --quarter 4
echo
echo "Meeting status page: http://127.0.0.1:$port/status    API: http://127.0.0.1:$port/api/v1/health"
exec "$server" serve --data "$data" --port "$port"
