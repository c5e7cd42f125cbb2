#!/usr/bin/env bash
# The main job: set up a fresh Debian 12 machine, build, fill a demo ledger (first run only),
# serve it on http://127.0.0.1:8080 and open the tablet app connected to it, signed in as a
# reviewer of the bureau (isb1 / demo-2023) in the demo year. Closing the app stops the server.
# Without a display the server just keeps serving (the app needs a screen).
#   LEDGER_DATA=dir    where the server's ledger lives (default: build/demo-data)
#   LEDGER_PORT=n      port (default: 8080)
#   LEDGER_LOGIN=name  who the app signs in as (default: isb1; try pgo6, a unit contact)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset dev -G Ninja >/dev/null
cmake --build --preset dev -j "$(nproc)" --target syncserver ledgerapp
data="${LEDGER_DATA:-build/demo-data}"
port="${LEDGER_PORT:-8080}"
server=build/dev/syncserver/syncserver
app=build/dev/mobile/app/ledgerapp
if [ ! -f "$data/ledger.sqlite" ]; then
  "$server" demo --data "$data"
fi
"$server" score --data "$data" --quarter 4
echo
echo "The office in a browser: http://127.0.0.1:$port/office (isb1 / demo-2023)    API: http://127.0.0.1:$port/api/v1/health"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: serving only (Ctrl-C stops). On a desktop the app opens too."
  exec "$server" serve --data "$data" --port "$port"
fi
"$server" serve --data "$data" --port "$port" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
"$app" --data build/demo-app --server "http://127.0.0.1:$port" --login "${LEDGER_LOGIN:-isb1}" --password demo-2023 \
  --today 2023-12-15 --demo-positioning
