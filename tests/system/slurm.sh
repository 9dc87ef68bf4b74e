#!/usr/bin/env bash
# slurm.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Past one machine: a corpus (examples/* and a sample of the shared corpora, with one bad
# record) split by `parley shard -n 4`, extracted by scripts/slurm/extract-array.sbatch as a
# 4-task job array on ../shared/tools/slurm-local (a one-node cluster on loopback, started
# here in WORK and stopped at the end), one task failing (its shard is missing when the array
# runs), that task rerun alone, then `parley merge` over the parts: the same bytes as one
# `parley extract` run over the same inputs, in N-Quads and in TriG. Also checks that shard
# files are consecutive articles in extract's order and that bad records are reported by
# shard (FILE:LINE:COL) and left out.
source "$(dirname "$0")/lib.sh" "$@"

SLURM_LOCAL=$SHARED/tools/slurm-local
SBATCH_SCRIPT=$SRC/scripts/slurm/extract-array.sbatch
[ -x "$SLURM_LOCAL" ] || { fail "no $SLURM_LOCAL"; finish; }

example_inputs
snapshot_mappings
SAMPLE=$WORK/sample.jsonl
{
  head -n 60 "$SHARED/corpus/reuters21578.jsonl"
  echo '{"id": "broken", "text": 7}'
  head -n 20 "$SHARED/corpus/bbc.jsonl"
} >"$SAMPLE"
INPUTS=("${EXAMPLES[@]}" "$SAMPLE")
N_ARTICLES=$(( $(count_articles "${EXAMPLES[@]}") + 80 ))

# --- the single run: the reference -----------------------------------------------------
for fmt in nquads trig; do
  run "single-$fmt" extract "${MAPPINGS_ARGS[@]}" --format "$fmt" -o "$WORK/single.$fmt" "${INPUTS[@]}"
  [ "$RC" -eq 1 ] || { fail "single run ($fmt): exit $RC, expected 1 (the broken record)"; show "$WORK/single-$fmt.stderr"; }
done

# --- parley shard ----------------------------------------------------------------------
mkdir -p "$WORK/shards"
run shard shard -n 4 --prefix "$WORK/shards/corpus" -v "${INPUTS[@]}"
[ "$RC" -eq 1 ] || fail "shard: exit $RC, expected 1 (the broken record)"
if grep -q "^parley: error: $SAMPLE:61:[0-9]*: JSON Lines record has no string member \"text\"" "$WORK/shard.stderr"; then
  ok "shard reports the bad record at its line"
else
  fail "shard: no error naming $SAMPLE:61"; show "$WORK/shard.stderr"
fi
n=0
for k in 1 2 3 4; do
  f=$(printf '%s/shards/corpus-%04d.jsonl' "$WORK" "$k")
  [ -s "$f" ] || { fail "shard $k: $f missing or empty"; continue; }
  n=$((n + $(wc -l <"$f")))
done
if [ "$n" -eq "$N_ARTICLES" ]; then ok "4 shards hold the $N_ARTICLES good articles"; else fail "shards hold $n articles, expected $N_ARTICLES"; fi
# deterministic: a second split gives the same bytes
mkdir -p "$WORK/shards2"
run shard2 shard -n 4 --prefix "$WORK/shards2/corpus" "${INPUTS[@]}"
if diff -r "$WORK/shards" "$WORK/shards2" >/dev/null; then ok "shard: the same split twice"; else fail "shard: two splits differ"; fi
for bad in 0 x 10000; do
  run "shard-bad-$bad" shard -n "$bad" --prefix "$WORK/never" "${INPUTS[@]}"
  [ "$RC" -eq 2 ] || fail "shard -n $bad: exit $RC, expected 2"
done

# --- the cluster ------------------------------------------------------------------------
export SLURM_LOCAL_DIR=$WORK/slurm-local SLURM_LOCAL_PORT=${PARLEY_SLURM_PORT:-6917}
stop_cluster() { "$SLURM_LOCAL" stop >/dev/null 2>&1 || true; }
trap stop_cluster EXIT
if ! "$SLURM_LOCAL" start >"$WORK/slurm-start.log" 2>&1; then
  fail "slurm-local start failed (slurm-wlm and munge installed? root?):"
  show "$WORK/slurm-start.log"
  finish
fi
eval "$("$SLURM_LOCAL" env)"
ok "slurm-local is up"

PARTS=$WORK/parts
mkdir -p "$PARTS"
export PARLEY_BIN=$PARLEY
SBATCH=(sbatch --wait --chdir="$WORK" --output="$WORK/task-%A_%a.log")
# Task 3 fails: its shard is missing when the array runs.
mv "$WORK/shards/corpus-0003.jsonl" "$WORK/corpus-0003.jsonl.away"
rc=0
timeout 300 "${SBATCH[@]}" --array=1-4 "$SBATCH_SCRIPT" "$WORK/shards/corpus" "$PARTS" "${MAPPINGS_ARGS[@]}" \
  >"$WORK/array.stdout" 2>"$WORK/array.stderr" || rc=$?
[ "$rc" -ne 0 ] && ok "the array reports a failed task (sbatch --wait exit $rc)" || fail "the array with a missing shard exited 0"
for k in 1 2 4; do
  [ -s "$(printf '%s/part-%04d.nq' "$PARTS" "$k")" ] || { fail "task $k wrote no part"; cat "$WORK"/task-*_"$k".log >&2 || true; }
done
if [ -e "$PARTS/part-0003.nq" ]; then fail "the failed task 3 left a part behind"; else ok "the failed task left no part"; fi
if grep -q "task 3: cannot read the shard" "$WORK"/task-*_3.log 2>/dev/null; then ok "task 3 says why it failed"; else fail "task 3's log has no error"; fi

# Rerun task 3 alone.
mv "$WORK/corpus-0003.jsonl.away" "$WORK/shards/corpus-0003.jsonl"
rc=0
timeout 300 "${SBATCH[@]}" --array=3 "$SBATCH_SCRIPT" "$WORK/shards/corpus" "$PARTS" "${MAPPINGS_ARGS[@]}" \
  >"$WORK/rerun.stdout" 2>"$WORK/rerun.stderr" || rc=$?
[ "$rc" -eq 0 ] && ok "task 3 rerun alone" || { fail "rerun of task 3: sbatch exit $rc"; cat "$WORK"/task-*_3.log >&2 || true; }

# --- the documented merge: the bytes of the single run -------------------------------------
for fmt in nquads trig; do
  run "merge-$fmt" merge --format "$fmt" -o "$WORK/merged.$fmt" "$PARTS"/part-*.nq
  [ "$RC" -eq 0 ] || { fail "merge ($fmt): exit $RC"; show "$WORK/merge-$fmt.stderr"; }
  if [ -s "$WORK/single.$fmt" ] && cmp -s "$WORK/single.$fmt" "$WORK/merged.$fmt"; then
    ok "$fmt: 4 shards on Slurm, merged, give the bytes of one run ($(wc -c <"$WORK/single.$fmt") bytes)"
  else
    fail "$fmt: merged shards differ from one run:"
    diff "$WORK/single.$fmt" "$WORK/merged.$fmt" 2>&1 | head -10 | sed 's/^/    | /' >&2 || true
  fi
done

stop_cluster
trap - EXIT
finish
