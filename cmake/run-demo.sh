#!/usr/bin/env bash
# One command from a fresh Debian machine to Caseboard on the demo practice:
# installs what is missing, builds, and opens the app. Without a display it says so
# and prints a summary of the demo database instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash cmake/build.sh release caseboard caseboard-cli
bin=build/release/src

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin/app/caseboard" --demo "$@"
fi

data="${XDG_DATA_HOME:-$HOME/.local/share}/caseboard"
db="$data/demo-practice.db"
echo
echo "No display found (DISPLAY and WAYLAND_DISPLAY are unset), so Caseboard's window"
echo "cannot open here. The demo practice it would show:"
echo
if [ ! -f "$db" ]; then
  "$bin/cli/caseboard-cli" demo --db "$db"
  echo
fi
"$bin/cli/caseboard-cli" check --db "$db"
echo
echo "On a desktop, run: $bin/app/caseboard --demo"
echo "Screenshots without a display: QT_QPA_PLATFORM=offscreen $bin/app/caseboard --demo --screenshots DIR"
