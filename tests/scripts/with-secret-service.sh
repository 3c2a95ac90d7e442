#!/usr/bin/env bash
# Runs a command (a test executable) against a real Secret Service: its own D-Bus session
# (dbus-run-session) with its own gnome-keyring-daemon, whose keyring lives in a temporary folder
# that is removed afterwards, so a test never touches the user's keychain. The keyring is created
# unlocked with a throw-away password. Needs dbus and gnome-keyring (scripts/install-deps.sh).
set -euo pipefail

if [[ "${MIGDESK_SECRET_SERVICE_SESSION:-}" != "1" ]]; then
  for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    if ! command -v "$tool" >/dev/null; then
      echo "with-secret-service: $tool is missing: install dbus and gnome-keyring" \
           "(scripts/install-deps.sh)" >&2
      exit 1
    fi
  done
  scratch="$(mktemp -d)"
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$scratch/home" "$scratch/data" "$scratch/config" "$scratch/cache" "$scratch/run"
  chmod 700 "$scratch/run"
  status=0
  HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
    XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run" \
    MIGDESK_SECRET_SERVICE_SESSION=1 dbus-run-session -- "$0" "$@" || status=$?
  exit "$status"
fi

# Inside the session: the daemon in the foreground (so its pid is ours to end), the login
# keyring created and unlocked from standard input.
printf 'migdesk-test' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
daemon=$!
trap 'kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
       org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
       grep -q 'boolean true'; then
    break
  fi
  sleep 0.1
done
status=0
"$@" || status=$?
exit "$status"
