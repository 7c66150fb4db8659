#!/usr/bin/env bash
# Short runs of every Go fuzz target in the repository (func FuzzXxx in a
# *_test.go file under generator/): front matter splitting and decoding,
# the whole record parser, the TOML position scanner, config.toml, the
# Markdown link resolver. Each runs for FUZZ_SECONDS (default 10) after its
# seed corpus (testdata/fuzz/<Target>/, which plain `go test` also runs).
#
# A target fails on a panic, a hang (the targets time themselves out), or
# an error that is not positioned. go test then saves the input that failed
# under the package's testdata/fuzz/<Target>/: commit it with the fix, so it
# stays a regression test.
#
#   .ci/fuzz.sh                   every target, 10 s each
#   FUZZ_SECONDS=60 .ci/fuzz.sh   longer runs
#   .ci/fuzz.sh FuzzRecord        only the targets named
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
seconds=${FUZZ_SECONDS:-10}

failed=()
ran=0
while IFS= read -r file; do
	dir=$(dirname "$file")
	for target in $(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' "$file"); do
		if [ $# -gt 0 ] && [[ " $* " != *" $target "* ]]; then
			continue
		fi
		printf '=== %s in ./%s (%ss)\n' "$target" "$dir" "$seconds"
		ran=$((ran + 1))
		# The limit covers compiling, the seed corpus and minimizing a
		# failure, and stops a target that hangs outside its own timers.
		if ! timeout --kill-after=10 $((seconds + 240)) \
			go test -run '^$' -fuzz "^${target}\$" -fuzztime "${seconds}s" \
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
printf 'fuzz: %d targets, %ss each: no failures\n' "$ran" "$seconds"
