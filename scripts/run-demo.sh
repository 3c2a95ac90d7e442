#!/usr/bin/env bash
# The README's run command: installs dependencies, builds, and starts the desk GUI on the
# embedded demo Alma (the sandbox with generated demo data). Arguments go to migdesk.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
MIGDESK_TARGET=migdesk "$root/scripts/build.sh"
build_dir="${MIGDESK_BUILD_DIR:-$root/build}"
exec "$build_dir/app/migdesk" --demo "$@"
