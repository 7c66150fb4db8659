#!/usr/bin/env bash
# Release archives of the generator, one per system editors use:
#
#   scripts/release.sh 0.1.0
#
# writes into dist/ (or $DIST):
#
#   portal-0.1.0-windows-amd64.zip    portal-0.1.0-darwin-amd64.tar.gz
#   portal-0.1.0-windows-arm64.zip    portal-0.1.0-darwin-arm64.tar.gz
#   portal-0.1.0-linux-amd64.tar.gz   portal-0.1.0-linux-arm64.tar.gz
#   SHA256SUMS
#
# Each archive holds one folder portal-VERSION-OS-ARCH/ with the program
# (portal, portal.exe on Windows; the default templates are inside it),
# README.md, EDITING.md (the editors' guide), ci-content-repo.yml (the CI
# workflow for a content repository, which the guide links to, beside it)
# and LICENSES.txt (the licences of Go and of every module compiled in). The program is built with
# -trimpath, CGO_ENABLED=0 and the version and commit stamped in.
#
# Two runs on the same commit give byte-identical archives: every time in
# them is SOURCE_DATE_EPOCH, else the commit's time; entries are sorted and
# owned by 0 (scripts/archive). TARGETS="linux/amd64 ..." builds only those.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

version=${1:?usage: scripts/release.sh VERSION (e.g. 0.1.0)}
if [[ ! $version =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]]; then
	echo "release: version $version is not like 0.1.0" >&2
	exit 2
fi
dist=${DIST:-dist}
targets=${TARGETS:-windows/amd64 windows/arm64 darwin/amd64 darwin/arm64 linux/amd64 linux/arm64}

commit=$(git rev-parse HEAD 2>/dev/null || true)
modified=
if [ -n "$commit" ]; then
	modified=false
	# dist/ and the files git ignores do not count.
	if [ -n "$(git status --porcelain 2>/dev/null)" ]; then
		modified=true
	fi
fi
epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$dist"
mkdir -p "$dist"

# licences OS ARCH: the Go licence and that of every module the program
# for OS/ARCH is made of.
licences() {
	printf 'The portal program is built with Go and these modules. Their licences follow.\n'
	printf '\n==== Go %s (https://go.dev/LICENSE)\n\n' "$(go env GOVERSION)"
	cat "$(go env GOROOT)/LICENSE"
	local mod dir lic
	GOOS=$1 GOARCH=$2 go list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}}@{{.Version}} {{.Dir}}{{end}}{{end}}' ./generator |
		sort -u | while read -r mod dir; do
		lic=$(find "$dir" -maxdepth 1 -type f \( -iname 'LICEN[CS]E*' -o -iname 'COPYING*' \) | sort | head -n 1)
		if [ -z "$lic" ]; then
			echo "release: no licence file in $dir ($mod)" >&2
			return 1
		fi
		printf '\n==== %s\n\n' "$mod"
		cat "$lic"
	done
}

# one OS/ARCH: build the program and pack its archive.
one() {
	local os=${1%/*} arch=${1#*/}
	local name="portal-$version-$os-$arch" exe=portal ext=tar.gz
	if [ "$os" = windows ]; then
		exe=portal.exe ext=zip
	fi
	local dir="$work/$os-$arch"
	mkdir -p "$dir"
	CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -buildvcs=false \
		-ldflags "-s -w -X main.version=$version -X main.commit=$commit -X main.modified=$modified" \
		-o "$dir/$exe" ./generator
	licences "$os" "$arch" >"$dir/LICENSES.txt"
	go run ./scripts/archive pack -o "$dist/$name.$ext" -mtime "$epoch" -dir "$name" -exec "$exe" \
		"$exe=$dir/$exe" README.md=README.md EDITING.md=docs/EDITING.md ci-content-repo.yml=docs/ci-content-repo.yml LICENSES.txt="$dir/LICENSES.txt"
	echo "release: $dist/$name.$ext"
}

# Two at a time: the compiler and the linker each use a processor for a
# good part of a build.
pids=()
failed=0
for t in $targets; do
	one "$t" &
	pids+=($!)
	if [ ${#pids[@]} -ge 2 ]; then
		wait "${pids[0]}" || failed=1
		pids=("${pids[@]:1}")
	fi
done
for p in "${pids[@]}"; do
	wait "$p" || failed=1
done
if [ "$failed" -ne 0 ]; then
	echo "release: a target failed; $dist/ is incomplete" >&2
	exit 1
fi
go run ./scripts/archive sums "$dist"
echo "release: $dist/SHA256SUMS"
