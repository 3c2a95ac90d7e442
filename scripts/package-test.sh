#!/usr/bin/env bash
# The package as a new library gets it: builds the .deb (cpack -G DEB), installs it with apt into
# a fresh minimal Debian 12 chroot (debootstrap --variant=minbase, from the Debian mirror this
# machine's apt is configured with), and there runs the installed app's self-check: once on the
# demo, once against a configured Alma (the installed sandbox) with the key stored in a real
# keychain. Then it takes a screenshot of the installed app under Xvfb after a Damaged scan on the
# demo. Needs root (debootstrap, chroot, mounts); uses sudo otherwise.
#
#   scripts/package-test.sh                 # build, package, install, check
#   MIGDESK_PACKAGE_TEST_OUT=DIR            # where the logs and the screenshot go
#                                           #   (default: build/package-test)
#   MIGDESK_CHROOT_CACHE=DIR                # the cached base system and downloaded packages
#                                           #   (default: /var/cache/migdesk-package-test)
#   MIGDESK_SKIP_BUILD=1                    # package the build that is there
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $(id -u) -ne 0 ]]; then
  exec sudo --preserve-env=MIGDESK_BUILD_DIR,MIGDESK_JOBS,MIGDESK_PACKAGE_TEST_OUT,MIGDESK_CHROOT_CACHE,MIGDESK_SKIP_BUILD,CI \
    "$0" "$@"
fi
build_dir="${MIGDESK_BUILD_DIR:-$root/build}"
out="${MIGDESK_PACKAGE_TEST_OUT:-$build_dir/package-test}"
cache="${MIGDESK_CHROOT_CACHE:-/var/cache/migdesk-package-test}"
suite=bookworm
started=$SECONDS
phase_start=$SECONDS
phase() {
  echo "package-test: $1 ($((SECONDS - phase_start)) s)" >&2
  phase_start=$SECONDS
}

"$root/scripts/install-deps.sh"
if [[ "${MIGDESK_SKIP_BUILD:-}" != "1" ]]; then
  "$root/scripts/build.sh"
fi
rm -rf "$out"
mkdir -p "$out" "$cache/archives/partial"
(cd "$build_dir" && cpack -G DEB -B "$out/deb" >"$out/cpack.log")
deb="$(ls "$out"/deb/migdesk_*.deb)"
dpkg-deb --field "$deb" Depends Recommends | tee "$out/control.txt"
phase "built $(basename "$deb")"

# The Debian mirror this machine's apt uses (one-line and deb822 sources), never a fixed host.
mirror_entries() {
  local file
  for file in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [[ -f "$file" ]] || continue
    sed -n 's/^[[:space:]]*deb[[:space:]]\+\(\[[^]]*\][[:space:]]\+\)\?\([^[:space:]]\+\)[[:space:]]\+\([^[:space:]]\+\)[[:space:]]\+\(.*\)$/\2 \3 \4/p' "$file"
  done
  for file in /etc/apt/sources.list.d/*.sources; do
    [[ -f "$file" ]] || continue
    awk 'function flush() { if (types ~ /(^| )deb( |$)/ && uris != "")
                              { n = split(uris, u, " "); m = split(suites, s, " ");
                                for (i = 1; i <= n; i++) for (j = 1; j <= m; j++)
                                  print u[i], s[j], comps }
                            types = uris = suites = comps = "" }
         /^[[:space:]]*$/ { flush(); next }
         /^Types:/ { sub(/^Types:[[:space:]]*/, ""); types = $0 }
         /^URIs:/ { sub(/^URIs:[[:space:]]*/, ""); uris = $0 }
         /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
         /^Components:/ { sub(/^Components:[[:space:]]*/, ""); comps = $0 }
         END { flush() }' "$file"
  done
}
# Only Debian's own archives for this release (no third-party repositories).
mapfile -t entries < <(mirror_entries | awk -v s="$suite" '$2 ~ "^" s "(-updates|-security|/updates)?$" && $1 ~ /\/debian(-security)?\/?$/')
mirror="$(printf '%s\n' "${entries[@]}" | awk -v s="$suite" '$2 == s {print $1; exit}')"
if [[ -z "$mirror" ]]; then
  echo "package-test: no Debian $suite mirror in /etc/apt/sources.list*; configure apt first" >&2
  exit 1
fi

# The base system, made once and cached as a tarball (a fresh copy is unpacked every run).
base="$cache/$suite-minbase.tar.gz"
if [[ ! -s "$base" ]]; then
  staging="$(mktemp -d /var/tmp/migdesk-debootstrap.XXXXXX)"
  debootstrap --variant=minbase "$suite" "$staging" "$mirror" >"$out/debootstrap.log" 2>&1 ||
    { tail -20 "$out/debootstrap.log" >&2; rm -rf "$staging"; exit 1; }
  rm -rf "$staging"/var/cache/apt/archives/*.deb
  tar -C "$staging" -czf "$base.tmp" . && mv "$base.tmp" "$base"
  rm -rf "$staging"
  phase "debootstrap $suite from $mirror, cached"
fi
chroot_dir="$(mktemp -d /var/tmp/migdesk-chroot.XXXXXX)"
pids_file="$chroot_dir.pids"
: >"$pids_file"
cleanup() {
  # Our own background processes in the chroot, by pid, then the mounts and the tree.
  local pid
  while read -r pid; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  done <"$pids_file"
  sleep 0.5
  for mount in var/cache/apt/archives dev/pts dev/shm dev sys proc; do
    umount -l "$chroot_dir/$mount" 2>/dev/null || true
  done
  rm -rf "$chroot_dir" "$pids_file"
}
trap cleanup EXIT
tar -C "$chroot_dir" -xzf "$base"
printf '%s\n' "${entries[@]}" | awk '{u = $1; s = $2; $1 = $2 = ""; sub(/^ +/, ""); print "deb", u, s, $0}' \
  >"$chroot_dir/etc/apt/sources.list"
rm -f "$chroot_dir"/etc/apt/sources.list.d/*
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf" 2>/dev/null || true
# A throw-away system: no fsync per file, no translations.
echo force-unsafe-io >"$chroot_dir/etc/dpkg/dpkg.cfg.d/migdesk-package-test"
echo 'Acquire::Languages "none";' >"$chroot_dir/etc/apt/apt.conf.d/99migdesk-package-test"
mount -t proc proc "$chroot_dir/proc"
mount -t sysfs sys "$chroot_dir/sys"
mount --bind /dev "$chroot_dir/dev"
mount --bind /dev/pts "$chroot_dir/dev/pts"
mount -t tmpfs shm "$chroot_dir/dev/shm"
# Downloaded packages are kept between runs (the system itself is fresh each time).
mount --bind "$cache/archives" "$chroot_dir/var/cache/apt/archives"
phase "fresh chroot unpacked ($(wc -l <"$chroot_dir/etc/apt/sources.list") apt sources)"

in_chroot() {
  chroot "$chroot_dir" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}
cp "$deb" "$chroot_dir/tmp/migdesk.deb"
in_chroot apt-get update -qq >"$out/apt-update.log" 2>&1 || { cat "$out/apt-update.log" >&2; exit 1; }
# The package alone, as a library installs it (with its Recommends: the keychain service).
in_chroot apt-get install -y -q /tmp/migdesk.deb >"$out/apt-install.log" 2>&1 ||
  { tail -30 "$out/apt-install.log" >&2; exit 1; }
grep -E '^(Setting up|Unpacking) ' "$out/apt-install.log" | wc -l | xargs echo "package-test: packages installed:" >&2
phase "apt-get install ./migdesk.deb"

# The checks inside, with nothing installed but the package: the help and version without a
# display, the self-test on the demo and against a configured Alma with a real keychain.
cp "$root/tests/scripts/with-secret-service.sh" "$root/packaging/chroot-checks.sh" "$chroot_dir/tmp/"
set +e
in_chroot /tmp/with-secret-service.sh /bin/bash /tmp/chroot-checks.sh self-test 2>"$out/self-test.err" |
  tee "$out/self-test.txt"
status=${PIPESTATUS[0]}
set -e
if ((status != 0)); then
  echo "package-test: FAILED: the installed app's self-check (see $out/self-test.err)" >&2
  tail -20 "$out/self-test.err" >&2
  exit 1
fi
phase "installed app's self-check passed"

# The screenshot needs an X server and tools the desk does not: installed only now.
in_chroot apt-get install -y -q --no-install-recommends xvfb xauth xdotool x11-apps netpbm \
  >"$out/apt-install-tools.log" 2>&1 || { tail -30 "$out/apt-install-tools.log" >&2; exit 1; }
in_chroot /tmp/with-secret-service.sh /bin/bash /tmp/chroot-checks.sh screenshot \
  2>"$out/screenshot.err" || { tail -20 "$out/screenshot.err" >&2; exit 1; }
cp "$chroot_dir/tmp/installed-damaged.png" "$out/installed-damaged.png"
phase "screenshot of the installed app: $out/installed-damaged.png"
echo "package-test: passed in $((SECONDS - started)) s" >&2
