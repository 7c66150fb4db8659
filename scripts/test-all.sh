#!/usr/bin/env bash
# Every check of the project, in the order CI runs them:
#
#   gofmt -l      no unformatted Go file
#   go vet ./...
#   staticcheck   (a pinned release, fetched through the Go module proxy)
#   go test -race ./...
#   cross         go vet for windows/amd64, windows/arm64, darwin/amd64,
#                 darwin/arm64 and linux/arm64 (the systems CI cannot
#                 run), and go test -c (every package's test binary) for
#                 windows/amd64
#   portable      go test -tags portable on the packages the tag changes
#                 (internal/output and all that import it): their tests
#                 again on Linux through the code the other systems use
#                 (os.Root, ReadDir, the two-rename swap, the polling
#                 watcher)
#   .ci/fuzz.sh   (when present) short fuzzing runs
#   release       scripts/release-check.sh: release.sh 0.1.0 twice gives the
#                 same archives; the linux archive builds the same site
#   e2e           the built site in Debian's chromium, served by nginx with
#                 deploy/nginx.conf: flows, every page type, axe-core,
#                 Lighthouse (mobile, every category at least 95), the
#                 Nu HTML Checker (see e2e/run.js)
#
# Run it from anywhere: scripts/test-all.sh. It needs go and node; the
# browser tests also need chromium, nginx and java (.ci/run installs them).
# Without them the browser tests skip with a message, unless CI=true, when
# anything missing is a failure. Every step has a time limit (together, with
# .ci/run's installs, under CI's 90 minutes; a normal run takes ~16 minutes,
# Lighthouse ~6 of them); all steps run even after one fails, and the exit
# status is non-zero if any did.
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

failed=()

# step NAME SECONDS COMMAND...: run COMMAND with a time limit, note a failure.
step() {
	local name=$1 limit=$2
	shift 2
	printf '\n=== %s (limit %ss)\n' "$name" "$limit"
	local start=$SECONDS
	# Every step ends with a line that says how it ended and how long it
	# took, so a slow step shows in CI's log.
	local rc=0
	timeout --kill-after=30 "$limit" "$@" </dev/null || rc=$?
	if [ "$rc" -eq 0 ]; then
		printf '=== %s: ok in %ss\n' "$name" $((SECONDS - start))
	else
		if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
			printf '=== %s: TIMED OUT after %ss\n' "$name" "$limit"
		else
			printf '=== %s: FAILED (exit %s) in %ss\n' "$name" "$rc" $((SECONDS - start))
		fi
		failed+=("$name")
	fi
}

gofmt_check() {
	local out
	out=$(find . -name '*.go' -not -path './.git/*' -not -path '*/node_modules/*' -print0 | xargs -0 -r gofmt -l)
	if [ -n "$out" ]; then
		echo "gofmt: these files need gofmt -w:"
		echo "$out"
		return 1
	fi
}

e2e() {
	cd e2e || return 1
	if [ ! -d node_modules ]; then
		npm ci --ignore-scripts --no-audit --no-fund || return 1
	fi
	# The 10,000-record corpus of tests/search-corpus.test.js is generated
	# once and kept here (a CI cache may keep the folder between runs).
	E2E_CORPUS_CACHE="${E2E_CORPUS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/portal-e2e-corpus}" npm test --silent
}

# cross: for every system CI cannot run, go vet (which type-checks every
# package and its tests for that system); for the one that differs most
# from Linux (windows/amd64) also the test binaries of every package,
# compiled and linked, into a temporary folder (each system's are about
# a minute and a half more). The program itself is compiled and linked
# for all five by the release step.
cross() {
	local bin target rc=0
	bin=$(mktemp -d)
	for target in windows/amd64 windows/arm64 darwin/amd64 darwin/arm64 linux/arm64; do
		echo "--- $target"
		GOOS=${target%/*} GOARCH=${target#*/} go vet ./... || rc=1
		case $target in
		windows/amd64)
			GOOS=${target%/*} GOARCH=${target#*/} go test -c -o "$bin/" ./... || rc=1
			rm -f "$bin"/*
			;;
		esac
	done
	rm -rf "$bin"
	return $rc
}

# portable_packages: the packages whose code or tests the portable tag
# changes (internal/output and what imports it, tests included); the
# others compile the same with it and ran in go test -race already.
portable_packages() {
	go list -test -f '{{.ImportPath}} {{join .Deps " "}}' ./... |
		awk '$1 == "portal/generator/internal/output" || / portal\/generator\/internal\/output( |$)/ { sub(/\.test$/, "", $1); print $1 }' |
		sort -u
}

# timeout runs programs, not shell functions: hand these to a child bash.
export -f gofmt_check e2e cross portable_packages

step 'gofmt' 120 bash -c gofmt_check
step 'go vet' 300 go vet ./...
step 'staticcheck' 600 go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
step 'go test -race' 1200 go test -race -timeout 18m ./...
step 'cross-compile (windows, darwin, linux/arm64)' 900 bash -c cross
step 'go test -tags portable' 900 bash -c 'go test -tags portable -timeout 14m $(portable_packages)'
if [ -f .ci/fuzz.sh ]; then
	step 'fuzz (.ci/fuzz.sh)' 900 bash .ci/fuzz.sh
fi
step 'release (scripts/release-check.sh)' 900 bash scripts/release-check.sh
step 'e2e (browser, nginx, HTML, accessibility, Lighthouse)' 1800 bash -c e2e

if [ ${#failed[@]} -gt 0 ]; then
	printf '\nFAILED: %s\n' "$(IFS=,; echo "${failed[*]}")" >&2
	exit 1
fi
