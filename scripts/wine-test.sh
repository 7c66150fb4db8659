#!/usr/bin/env bash
# Runs the generator's tests as Windows programs under Wine: for each package
# under generator/, builds its test binary with GOOS=windows and runs it with
# wine from the package's own folder (the tests read testdata relative to it),
# then prints one PASS/FAIL line per package. Installs Debian's wine64 (and the
# MinGW C compiler, see below) when missing (as root); skips with a message
# when that cannot be done. Not part of .ci/run.
#
# Go 1.24 and later need ProcessPrng from bcryptprimitives.dll, which Wine 8
# (Debian bookworm's) lacks: every binary then dies at start with
# "bcryptprimitives.dll not found". The script builds a stand-in DLL whose
# ProcessPrng calls advapi32's RtlGenRandom and puts it in the Wine prefix.
# Wine 8 also answers STATUS_NOT_IMPLEMENTED ("Invalid function") to
# NtSetInformationFile's FileDispositionInformationEx, which os.RemoveAll and
# os.Root's Remove use; Windows before 10 1607 answers STATUS_INVALID_INFO_CLASS
# and Go then falls back to the older call. The test binaries are built with
# an -overlay of Go's internal/syscall/windows/at_windows.go that falls back on
# Wine's answer too; without it nearly every test that cleans a folder fails.
#
# Usage: scripts/wine-test.sh [package pattern...] (default ./generator/...).
# Extra flags for the test binaries go in WINE_TEST_FLAGS (e.g.
# WINE_TEST_FLAGS='-test.run TestX'); logs are kept in $WINE_TEST_OUT
# (default /tmp/wine-test); the prefix is $WINEPREFIX (default
# /tmp/wine-test-prefix).
set -uo pipefail

cd "$(dirname "$0")/.."
out=${WINE_TEST_OUT:-/tmp/wine-test}
export WINEPREFIX=${WINEPREFIX:-/tmp/wine-test-prefix}
export WINEDEBUG=${WINEDEBUG:--all}
export DEBIAN_FRONTEND=noninteractive

find_wine() {
	for w in wine64 wine /usr/lib/wine/wine64; do
		if command -v "$w" >/dev/null 2>&1; then
			echo "$w"
			return 0
		fi
	done
	return 1
}

apt_install() {
	[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || return 1
	echo "=== apt-get install $*"
	timeout --kill-after=30 300 apt-get update -qq >/dev/null 2>&1
	timeout --kill-after=30 900 apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1
}

# stub_dll builds the stand-in bcryptprimitives.dll into the prefix.
stub_dll() {
	local dll=$1 src
	command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || apt_install gcc-mingw-w64-x86-64-win32
	command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || return 1
	src=$(mktemp -d)
	cat >"$src/bcryptprimitives.c" <<'CSRC'
#include <windows.h>
#include <ntsecapi.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
	while (len > 0) {
		ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
		if (!RtlGenRandom(data, n)) return FALSE;
		data += n;
		len -= n;
	}
	return TRUE;
}
CSRC
	x86_64-w64-mingw32-gcc -O2 -shared -s -o "$dll" "$src/bcryptprimitives.c" -ladvapi32
	local rc=$?
	rm -r "$src"
	return $rc
}

wine=$(find_wine) || { apt_install wine64 wine; wine=$(find_wine); } ||
	{ echo "wine-test: SKIP: wine is not installed and could not be installed (needs root and apt-get)"; exit 0; }
echo "=== $($wine --version 2>/dev/null) (prefix $WINEPREFIX)"
[ -d "$WINEPREFIX" ] || wineboot -i >/dev/null 2>&1 || true
dll=$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll
if [ ! -f "$dll" ] && [ ! -f /usr/lib/x86_64-linux-gnu/wine/x86_64-windows/bcryptprimitives.dll ]; then
	stub_dll "$dll" ||
		{ echo "wine-test: SKIP: this Wine has no bcryptprimitives.dll and no MinGW compiler to build a stand-in"; exit 0; }
fi

mkdir -p "$out"
overlay=()
at=$(go env GOROOT)/src/internal/syscall/windows/at_windows.go
if grep -q 'STATUS_NOT_SUPPORTED: ' "$at" 2>/dev/null; then
	sed 's/STATUS_NOT_SUPPORTED: /STATUS_NOT_SUPPORTED, NTStatus(0xC0000002): /' "$at" >"$out/at_windows.go"
	printf '{"Replace":{"%s":"%s"}}\n' "$at" "$out/at_windows.go" >"$out/overlay.json"
	overlay=(-overlay "$out/overlay.json")
fi
patterns=("$@")
[ ${#patterns[@]} -gt 0 ] || patterns=(./generator/...)
mapfile -t pkgs < <(go list -f '{{if or .TestGoFiles .XTestGoFiles}}{{.ImportPath}} {{.Dir}}{{end}}' "${patterns[@]}")

failed=0
for line in "${pkgs[@]}"; do
	pkg=${line%% *}
	dir=${line#* }
	name=$(echo "${pkg#*/}" | tr '/' '_')
	exe=$out/$name.test.exe
	log=$out/$name.log
	if ! GOOS=windows GOARCH=amd64 go test -c "${overlay[@]}" -o "$exe" "$pkg" >"$log" 2>&1; then
		echo "FAIL $pkg (build; see $log)"
		failed=1
		continue
	fi
	# shellcheck disable=SC2086 # WINE_TEST_FLAGS is a list of flags
	(cd "$dir" && timeout --kill-after=30 1200 "$wine" "$exe" -test.v -test.timeout 15m ${WINE_TEST_FLAGS:-}) >>"$log" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "PASS $pkg"
	else
		echo "FAIL $pkg (exit $rc; see $log)"
		grep -E '^\s*--- FAIL' "$log" | head -20 | sed 's/^/    /'
		failed=1
	fi
done
exit $failed
