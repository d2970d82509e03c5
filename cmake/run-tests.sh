#!/usr/bin/env bash
# One command from a fresh Debian machine to a tested build: installs what is missing,
# builds with the dev preset and runs every unit and GUI test, then builds the libFuzzer
# targets with clang (ASan + UBSan) and runs each briefly on the import fixtures.
# Benchmarks are left out: `ctest --test-dir build/dev -L benchmark --verbose`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash cmake/build.sh dev
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"

# The fuzzers need only the engine: no GUI, no benchmarks in the sanitizer build.
cmake --preset asan -DCASEBOARD_BUILD_GUI=OFF -DCASEBOARD_BUILD_BENCHMARKS=OFF \
  -DCASEBOARD_FUZZ_SECONDS="${CASEBOARD_FUZZ_SECONDS:-20}" >/dev/null
cmake --build build/asan -j "${CASEBOARD_JOBS:-2}" --target csv_reader_fuzz importer_fuzz
ctest --test-dir build/asan -L fuzz --output-on-failure

ctest --preset dev -j 2
