#!/usr/bin/env bash
# One command from a fresh Debian machine to a tested build: installs what is missing,
# builds with the dev preset, and runs every test (benchmarks excluded; run those with
# `ctest --test-dir build/dev -L benchmark --verbose`).
set -euo pipefail
cd "$(dirname "$0")/.."

bash cmake/build.sh dev
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
ctest --preset dev -j 2
