#!/usr/bin/env bash
# Starts the demo server and the app under Xvfb, signs in as a reviewer of the bureau, syncs, and
# saves the main screens (Chinese) to docs/screenshots/. Run after scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset dev -G Ninja >/dev/null
cmake --build --preset dev -j "$(nproc)" --target syncserver ledgerapp
work=$(mktemp -d)
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
server=build/dev/syncserver/syncserver
"$server" demo --data "$work/server" >/dev/null
port=18080
"$server" serve --data "$work/server" --port "$port" --fast-hash > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null && break; sleep 0.2; done
mkdir -p docs/screenshots
TZ=Asia/Shanghai xvfb-run -a -s "-screen 0 1280x800x24" \
  build/dev/mobile/app/ledgerapp --data "$work/app" --server "http://127.0.0.1:$port" \
    --login "${LEDGER_LOGIN:-isb1}" --password demo-2023 --today 2023-12-15 --demo-positioning \
    --screenshots docs/screenshots
ls docs/screenshots
