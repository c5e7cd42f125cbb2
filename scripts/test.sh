#!/usr/bin/env bash
# The test command: set up a fresh Debian 12 machine, build everything, run every test.
# Exits non-zero when any step or any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
preset="${LEDGER_PRESET:-dev}"
cmake --preset "$preset" -G Ninja
cmake --build --preset "$preset" -j "$(nproc)"
export TZ=Asia/Shanghai LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
ctest --preset "$preset" -j "$(nproc)" --timeout 600
