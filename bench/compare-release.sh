#!/usr/bin/env bash
# compare-release.sh BASE [CORPUS] : end-to-end extraction time of this tree against commit BASE.
#
#   bench/compare-release.sh bbfe76b                   # Reuters, three alternating runs each
#   REPEAT=5 bench/compare-release.sh HEAD~3 ../shared/corpus/bbc.jsonl
#
# Builds BASE in a git worktree beside the build directory ($PARLEY_BUILD_DIR, default build/,
# at build/bench-base-<commit>, Release, reused when present) and this tree in build/, then runs
# `parley extract --format nquads` of each on CORPUS (default $PARLEY_SHARED/corpus/
# reuters21578.jsonl), alternating base and current REPEAT times (default 3), and prints each
# run's CPU time (user + system of the process: time spent waiting for a shared core does not
# count) and the ratio of the fastest runs, current / base. Both write to a temporary
# directory that is removed at the end. Exit status 0 when the runs finished, 1 otherwise.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${PARLEY_SHARED:-$repo/../shared}
build=${PARLEY_BUILD_DIR:-$repo/build}
base=${1:?usage: compare-release.sh BASE [CORPUS]}
corpus=${2:-$shared/corpus/reuters21578.jsonl}
repeat=${REPEAT:-3}
jobs=${JOBS:-$(nproc)}

[[ -f $corpus ]] || { echo "compare-release: error: $corpus not found" >&2; exit 1; }
commit=$(git -C "$repo" rev-parse --verify "$base^{commit}") || { echo "compare-release: error: no commit $base" >&2; exit 1; }
short=${commit:0:12}
base_src=$build/bench-base-$short

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a build step quietly; on failure shows the end of its output.
quietly() {
  "$@" >"$work/build.log" 2>&1 || { echo "compare-release: error: $* failed:" >&2; tail -30 "$work/build.log" >&2; exit 1; }
}

if [[ ! -x $base_src/build/parley ]]; then
  rm -rf "$base_src"
  git -C "$repo" worktree prune
  quietly git -C "$repo" worktree add --force --detach "$base_src" "$commit"
  quietly cmake -S "$base_src" -B "$base_src/build" -DCMAKE_BUILD_TYPE=Release
  quietly cmake --build "$base_src/build" -j"$jobs" --target parley
fi
[[ -f $build/CMakeCache.txt ]] || quietly cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release
quietly cmake --build "$build" -j"$jobs" --target parley

# CPU seconds (user + system) of one run, on stdout.
cpu_of() {
  local bin=$1 mappings=$2
  /usr/bin/time -f "%U %S" -o "$work/time" "$bin" extract --mappings "$mappings" --format nquads \
    -o "$work/out.nq" "$corpus" 2>"$work/stderr" >/dev/null || true
  [[ -s $work/out.nq ]] || { echo "compare-release: error: $bin wrote nothing:" >&2; tail -3 "$work/stderr" >&2; return 1; }
  awk '{ printf "%.2f\n", $1 + $2 }' "$work/time"
}

echo "corpus: $corpus ($(wc -c <"$corpus") bytes)"
echo "base:    $short ($(git -C "$repo" log -1 --format=%s "$commit" | cut -c1-60))"
echo "current: $(git -C "$repo" rev-parse --short=12 HEAD)$(git -C "$repo" diff --quiet HEAD -- src mappings models || echo ' + uncommitted changes')"
best_base="" best_cur=""
for ((i = 1; i <= repeat; ++i)); do
  b=$(cpu_of "$base_src/build/parley" "$base_src/mappings")
  c=$(cpu_of "$build/parley" "$repo/mappings")
  echo "run $i: base ${b} s, current ${c} s"
  best_base=$(awk -v a="$b" -v m="$best_base" 'BEGIN { print (m == "" || a < m) ? a : m }')
  best_cur=$(awk -v a="$c" -v m="$best_cur" 'BEGIN { print (m == "" || a < m) ? a : m }')
done
awk -v b="$best_base" -v c="$best_cur" \
  'BEGIN { printf "fastest: base %.2f s, current %.2f s; current / base = %.2f\n", b, c, c / b }'
