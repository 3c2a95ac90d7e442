#!/usr/bin/env bash
# Fails if any given binary depends on Qt Gui or Qt Widgets (the core layer must not).
set -euo pipefail
status=0
for binary in "$@"; do
  if readelf -d "$binary" | grep -E 'NEEDED.*libQt6(Gui|Widgets)'; then
    echo "FAIL: $binary links Qt Gui/Widgets" >&2
    status=1
  else
    echo "ok: $binary has no Qt Gui/Widgets dependency"
  fi
done
exit $status
