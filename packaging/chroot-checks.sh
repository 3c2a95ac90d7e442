#!/usr/bin/env bash
# Runs inside the Debian chroot of scripts/package-test.sh, under with-secret-service.sh (a D-Bus
# session with gnome-keyring-daemon), against the installed package only.
#   chroot-checks.sh self-test    --help/--version without a display, then `migdesk --self-test`
#                                 on the demo and against a configured Alma (the installed
#                                 sandbox) whose key `migdesk-cli key store` put in the keychain
#   chroot-checks.sh screenshot   the installed app under Xvfb after a Damaged scan on the demo:
#                                 /tmp/installed-damaged.png
set -euo pipefail
export HOME=/root
children=()
cleanup() {
  local pid
  for pid in "${children[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${children[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT

# Starts the installed sandbox; sets sandbox_url and sandbox_port.
start_sandbox() {
  migdesk-cli sandbox --port 0 >/tmp/sandbox.log 2>&1 &
  children+=("$!")
  for _ in $(seq 1 100); do
    sandbox_url="$(sed -n 's/.*listening on \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' /tmp/sandbox.log | head -1)"
    [[ -n "$sandbox_url" ]] && break
    sleep 0.1
  done
  [[ -n "$sandbox_url" ]] || { echo "the sandbox did not start:" >&2; cat /tmp/sandbox.log >&2; exit 1; }
  sandbox_port="${sandbox_url##*:}"
}

case "${1:-}" in
  self-test)
    echo "== without a display: migdesk --version, --help; migdesk-cli --version"
    env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 migdesk --version
    env -u DISPLAY -u WAYLAND_DISPLAY timeout 60 migdesk --help | head -1
    timeout 60 migdesk-cli --version
    echo "== migdesk --self-test (fresh install, no Alma configured)"
    timeout 120 migdesk --self-test
    echo "== migdesk --self-test against a configured Alma (the installed sandbox)"
    start_sandbox
    printf 'sandbox-demo-key\n' | timeout 60 migdesk-cli key store --profile chroot
    cat >/tmp/configured.ini <<EOF
[alma]
region=custom
customUrl=$sandbox_url
profile=chroot

[desk]
library=MAIN
circDesk=DEFAULT_CIRC_DESK
EOF
    timeout 120 migdesk --self-test --settings /tmp/configured.ini
    ;;
  screenshot)
    start_sandbox
    # The sandbox lists its demo barcodes ("Try BARCODE: scenario"); the embedded demo of
    # `migdesk --demo` is the same data (400 items, seed 1).
    barcode="$(sed -n 's/^Try \([0-9A-Za-z]*\): Voyager Damaged: condition Damaged.*/\1/p' \
      /tmp/sandbox.log | head -1)"
    [[ -n "$barcode" ]] || { echo "no Damaged demo barcode" >&2; exit 1; }
    echo "Damaged demo barcode: $barcode" >&2
    Xvfb :77 -screen 0 1366x768x24 -nolisten tcp >/tmp/xvfb.log 2>&1 &
    children+=("$!")
    export DISPLAY=:77
    for _ in $(seq 1 100); do
      xdotool getdisplaygeometry >/dev/null 2>&1 && break
      sleep 0.1
    done
    migdesk --demo >/tmp/migdesk.log 2>&1 &
    children+=("$!")
    window="$(timeout 30 xdotool search --sync --onlyvisible --name 'MigDesk' | head -1)"
    sleep 2 # the start-up self-check
    xdotool windowfocus --sync "$window" 2>/dev/null || true
    xdotool type --delay 30 "$barcode"
    xdotool key Return
    sleep 5
    timeout 60 xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng >/tmp/installed-damaged.png
    ;;
  *)
    echo "usage: chroot-checks.sh self-test|screenshot" >&2
    exit 2
    ;;
esac
