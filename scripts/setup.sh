#!/usr/bin/env bash
# Installs every Debian 12 package that the build, the run and the tests need.
# Idempotent: when everything is already installed it changes nothing and asks no network.
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-positioning-dev
  qt6-tools-dev qt6-l10n-tools
  libcpp-httplib-dev libsqlite3-dev libsodium-dev libxlsxwriter-dev libgl-dev
  # QML runtime modules for the app and its Qt Quick tests
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtquick-dialogs
  qml6-module-qtqml-workerscript qml6-module-qtqml-models qml6-module-qtpositioning
  qml6-module-qttest qml6-module-qtcore qml6-module-qt-labs-settings
  # loaded at run time by QtQuick.Dialogs' file dialog and by the Basic style that Material builds
  # on (tests/install/tst_qmlmodules follows every module's imports to the end)
  qml6-module-qt-labs-folderlistmodel qml6-module-qtquick-shapes
  # the camera of the proof field (PhotoCapture.qml: QtMultimedia's CaptureSession, Camera, ImageCapture)
  qt6-multimedia-dev qml6-module-qtmultimedia
  # Qt's own texts in Chinese (the file dialog's buttons and labels)
  qt6-translations-l10n
  # screens, screenshots and tools the tests drive
  fonts-noto-cjk xvfb xauth sqlite3 curl openssl unzip
  # the reminders as system notifications: tst_systemnotifier starts a private session bus
  dbus-daemon
  # the front door: gzip of responses, and nginx in front of the server (deploy/, tst_nginx)
  zlib1g-dev nginx
  # the quarter's notice as a PDF (Pango and Cairo), and pdftotext, which its test reads it back with
  libpango1.0-dev libcairo2-dev poppler-utils
  # importing the office's .xlsx ledgers (xlsxreader.cpp reads the zip)
  libzip-dev
  # the office pages' test drives a real browser, headless (tests/server/tst_officepages.cpp)
  chromium
  # the fuzz preset: clang and its runtimes, libFuzzer and the sanitizers among them (tests/fuzz)
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q "${missing[@]}"
