#!/usr/bin/env bash
# Short runs of every Go fuzz target in the repository (func FuzzXxx in a
# *_test.go file under generator/): front matter splitting and decoding,
# the whole record parser, the TOML position scanner, config.toml, the
# Markdown link resolver, the search index's words of a body, the search
# files written by hand against encoding/json. Each runs FUZZ_EXECS inputs (default 20000) after
# its seed corpus (testdata/fuzz/<Target>/, which plain `go test` also runs).
# A count, not a duration: Go 1.26's fuzzer can end a time-bounded run with a
# spurious "context deadline exceeded" (golang/go#75804, fixed in Go 1.27).
#
# A target fails on a panic, a hang (the targets time themselves out), or
# an error that is not positioned. go test then saves the input that failed
# under the package's testdata/fuzz/<Target>/: commit it with the fix, so it
# stays a regression test.
#
#   .ci/fuzz.sh                   every target, 20000 inputs each
#   FUZZ_EXECS=500000 .ci/fuzz.sh longer runs
#   .ci/fuzz.sh FuzzRecord        only the targets named
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
execs=${FUZZ_EXECS:-20000}

failed=()
ran=0
while IFS= read -r file; do
	dir=$(dirname "$file")
	for target in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
		if [ $# -gt 0 ] && [[ " $* " != *" $target "* ]]; then
			continue
		fi
		printf '=== %s in ./%s (%s inputs)\n' "$target" "$dir" "$execs"
		ran=$((ran + 1))
		# The limit covers compiling, the seed corpus and minimizing a
		# failure, and stops a target that hangs outside its own timers.
		if ! timeout --kill-after=10 300 \
			go test -run '^$' -fuzz "^${target}\$" -fuzztime "${execs}x" \
			-fuzzminimizetime 10s "./$dir"; then
			failed+=("$target")
		fi
	done
done < <(grep -rl --include='*_test.go' '^func Fuzz' generator | sort)

if [ "$ran" -eq 0 ]; then
	echo "no fuzz targets found" >&2
	exit 1
fi
if [ ${#failed[@]} -gt 0 ]; then
	printf 'fuzz: FAILED: %s\n' "${failed[*]}" >&2
	exit 1
fi
printf 'fuzz: %d targets, %s inputs each: no failures\n' "$ran" "$execs"
