#!/usr/bin/env bash
# Checks the .deb's Depends against what migdesk really loads: runs `migdesk --self-test --demo`
# (icons, SQLite, keychain, audio, TLS, a call to the embedded sandbox) with the dynamic loader's
# trace on, takes every library that Qt or migdesk itself opened at run time (plugins, libsecret,
# OpenSSL: dpkg-shlibdeps cannot see those), finds the Debian package of each, and fails when a
# package is missing from the Depends list given.
# Usage: check-package-depends.sh MIGDESK "pkg1, pkg2, ..."
set -euo pipefail
migdesk="$1"
depends="$2"

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home"
# Once offscreen, and once on an X display (Xvfb) when there is one, for the X11 plugins. The
# self-test's own result does not matter here (no keychain service runs in this test).
run_traced() {
  local platform="$1"
  shift
  HOME="$scratch/home" XDG_CONFIG_HOME="$scratch/home/.config" \
    XDG_DATA_HOME="$scratch/home/.local" QT_QPA_PLATFORM="$platform" LD_DEBUG=files \
    LD_DEBUG_OUTPUT="$scratch/ld-$platform" timeout 120 "$@" "$migdesk" --self-test --demo \
    >"$scratch/self-test-$platform.txt" 2>&1 || true
  if ! grep -q '^self-test:' "$scratch/self-test-$platform.txt"; then
    echo "FAIL: migdesk --self-test on $platform did not finish:" >&2
    cat "$scratch/self-test-$platform.txt" >&2
    exit 1
  fi
}
run_traced offscreen
if command -v xvfb-run >/dev/null; then
  run_traced xcb xvfb-run -a
fi

# Names opened with dlopen() by Qt (QLibrary, QPluginLoader) or by migdesk itself.
mapfile -t names < <(cat "$scratch"/ld-* |
  sed -n 's/^ *[0-9]*:[[:space:]]*file=\([^ ]*\) \[0\];  dynamically loaded by \(.*\) \[0\]$/\1 \2/p' |
  awk '$2 ~ /\/libQt6[^\/]*$/ || $2 ~ /\/libqt6keychain[^\/]*$/ || $2 ~ /\/migdesk$/ {print $1}' |
  sort -u)
# The files that really opened (failed tries such as the .avx2 variants have no such line).
mapfile -t opened < <(cat "$scratch"/ld-* |
  sed -n 's/^ *[0-9]*:[[:space:]]*opening file=\([^ ]*\) \[0\];.*/\1/p' | sort -u)

declare -A wanted=()
for entry in ${depends//,/ }; do
  wanted["$entry"]=1
done

missing=0
checked=0
for name in "${names[@]}"; do
  for path in "${opened[@]}"; do
    [[ "$path" == "$name" || "$(basename "$path")" == "$(basename "$name")" ]] || continue
    real="$(readlink -f "$path")"
    package="$(dpkg -S "$real" 2>/dev/null | head -1 | cut -d: -f1 || true)"
    if [[ -z "$package" && "$real" == /usr/* ]]; then
      package="$(dpkg -S "${real#/usr}" 2>/dev/null | head -1 | cut -d: -f1 || true)"
    fi
    checked=$((checked + 1))
    if [[ -z "$package" ]]; then
      echo "FAIL: $real is loaded at run time but belongs to no Debian package" >&2
      missing=1
    elif [[ -z "${wanted[$package]:-}" ]]; then
      echo "FAIL: $real is loaded at run time; its package $package is not in Depends" >&2
      missing=1
    else
      echo "ok: $real ($package)"
    fi
  done
done
if ((checked == 0)); then
  echo "FAIL: the loader trace shows no run-time loads at all; the check itself is broken" >&2
  exit 1
fi
exit "$missing"
