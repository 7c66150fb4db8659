#!/usr/bin/env bash
# Tries the release as a new user would, on Linux (scripts/test-all.sh runs
# it):
#
#   1. scripts/release.sh 0.1.0 twice gives byte-identical archives and
#      the same SHA256SUMS;
#   2. the archive for this machine (linux/amd64 in CI), unpacked in a
#      folder that holds only a copy of config.toml and content/, builds
#      the same site as `go run ./generator` in the repository;
#   3. its `portal version` prints 0.1.0, and its `check` passes;
#   4. it builds the same site with the system's zone database hidden, as
#      on Windows (where unshare -m is permitted: root);
#   5. every file the unpacked guide (EDITING.md) links to is in the
#      archive beside it.
#
# TARGETS="linux/amd64" limits the archives built (see release.sh).
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
repo=$PWD
now=2026-11-27

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

DIST="$tmp/a" scripts/release.sh 0.1.0 >/dev/null
DIST="$tmp/b" scripts/release.sh 0.1.0 >/dev/null
if ! diff -r "$tmp/a" "$tmp/b"; then
	echo "release-check: two runs of release.sh 0.1.0 gave different archives" >&2
	exit 1
fi
echo "release-check: two runs gave the same SHA256SUMS:"
cat "$tmp/a/SHA256SUMS"

host="$(go env GOOS)-$(go env GOARCH)"
archive="$tmp/a/portal-0.1.0-$host.tar.gz"
site="$tmp/site"
mkdir -p "$site"
cp -R config.toml content "$site/"
tar -xzf "$archive" -C "$tmp"
program="$tmp/portal-0.1.0-$host/portal"

got=$("$program" version)
case $got in
"portal 0.1.0, commit "*) echo "release-check: $got" ;;
*)
	echo "release-check: version printed \"$got\", want portal 0.1.0, commit ..." >&2
	exit 1
	;;
esac

# The editor's way: in the site's folder, no flags but the date.
(cd "$site" && "$program" check -now "$now" >/dev/null 2>&1 && "$program" build -now "$now" >/dev/null)
go run ./generator build -root "$repo" -now "$now" -out "$tmp/repo-public" >/dev/null
if ! diff -r "$tmp/repo-public" "$site/public"; then
	echo "release-check: the released program built another site than go run ./generator" >&2
	exit 1
fi
echo "release-check: $archive builds the same site as go run ./generator"

# 4. On a computer with no zone database of its own (Windows has none: Go
# reads it from its installation, which an editor does not have), the
# program builds the same site: it carries the database. The system's is
# hidden here in a mount namespace of this process (root, as CI runs).
if unshare -m true 2>/dev/null; then
	(cd "$site" && unshare -m sh -c '
		for d in /usr/share/zoneinfo /usr/share/lib/zoneinfo /usr/lib/locale/TZ /etc/zoneinfo; do
			[ -d "$d" ] && mount -t tmpfs none "$d"
		done
		exec "$0" build -now "$1" -out "$2"' "$program" "$now" "$tmp/no-zones" >/dev/null)
	if ! diff -r "$site/public" "$tmp/no-zones"; then
		echo "release-check: without the system's zone database the released program built another site" >&2
		exit 1
	fi
	echo "release-check: it builds the same site without the system's zone database"
else
	echo "release-check: not tried without the system's zone database (unshare -m is not permitted here)"
fi

# 5. The guide's links to files (not to addresses or to its own headings),
# outside code, lead to files of the archive: an editor reads it there.
dir="$tmp/portal-0.1.0-$host"
missing=$(perl -0777 -ne 's/```.*?```//gs; s/`[^`]*`//gs;
	while (/\]\(([^)\s]+)\)/g) { my $l = $1; next if $l =~ /^(https?:|mailto:|#)/; $l =~ s/#.*//; print "$l\n" }' "$dir/EDITING.md" |
	sort -u | while read -r f; do [ -e "$dir/$f" ] || echo "$f"; done)
if [ -n "$missing" ]; then
	echo "release-check: EDITING.md in the archive links to files that are not in it: $missing" >&2
	exit 1
fi
echo "release-check: every file EDITING.md links to is in the archive"
