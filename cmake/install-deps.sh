#!/usr/bin/env bash
# Installs, with apt-get, whatever Caseboard needs to build, test and run that is
# missing on a Debian bookworm machine. Idempotent: installs nothing when all is there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  clang libclang-rt-14-dev
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev libqt6opengl6-dev libqt6svg6
  qt6-qpa-plugins libgl-dev libxkbcommon-dev
  libsqlite3-dev sqlite3 libssl-dev
  libspdlog-dev libfmt-dev
  catch2 nlohmann-json3-dev libcli11-dev
  xvfb xauth fonts-dejavu-core
  time bc
  poppler-utils
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
