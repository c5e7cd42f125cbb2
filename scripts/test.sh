#!/usr/bin/env bash
# The test command: set up a fresh Debian 12 machine, build everything, run every test — the dev
# build (gcc, warnings on) with every suite, then the fuzz targets' short runs (fuzz preset, clang +
# libFuzzer). The asan stage (every suite again under address, leak and undefined-behaviour
# sanitizers) runs with LEDGER_STAGES="dev asan fuzz"; it joins the default once a whole run of it has
# been seen green on these machines (docs/reliability.md). Exits non-zero when any step or any test
# fails; each stage prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
read -r -a stages <<< "${LEDGER_STAGES:-dev fuzz}"
export TZ=Asia/Shanghai LC_ALL=C.UTF-8 QT_QPA_PLATFORM=offscreen
jobs="$(nproc)"
for preset in "${stages[@]}"; do
  case "$preset" in
    dev | asan | fuzz) ;;
    *) echo "test: unknown stage '$preset' (dev, asan or fuzz)" >&2; exit 2 ;;
  esac
  started=$SECONDS
  echo "test: stage $preset"
  cmake --preset "$preset" -G Ninja
  cmake --build --preset "$preset" -j "$jobs"
  ctest --preset "$preset" -j "$jobs" --timeout 900
  echo "test: stage $preset passed in $((SECONDS - started)) s"
done
