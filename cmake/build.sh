#!/usr/bin/env bash
# Installs what is missing, then configures and builds Caseboard with a CMake preset
# (default: release), optionally only the given targets. Used by run-demo.sh and
# run-tests.sh; safe to run again.
#   build.sh [PRESET [TARGET...]]
set -euo pipefail
cd "$(dirname "$0")/.."

preset="${1:-release}"
shift || true
targets=()
for target in "$@"; do targets+=(--target "$target"); done
bash cmake/install-deps.sh
cmake --preset "$preset" >/dev/null
# Two jobs: the machines this is built on have two cores and Qt sources are heavy.
cmake --build --preset "$preset" -j "${CASEBOARD_JOBS:-2}" "${targets[@]}"
