#!/usr/bin/env bash
# parallel.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# -j N gives the same bytes as -j 1: on examples/* plus tests/data/good/*, and on a sample of
# the shared corpora (Reuters and BBC records, with one bad record among them), in every
# format, with and without --no-merge, parley extract -j 2 and -j 3 write exactly the bytes
# of -j 1 and report the same errors; the bad record is an error of its own (exit 1) and
# every other article is still written.
source "$(dirname "$0")/lib.sh" "$@"

good_inputs
snapshot_mappings

# A corpus sample: 150 Reuters and 40 BBC records, and one malformed record in the middle.
SAMPLE=$WORK/sample.jsonl
if [ -r "$SHARED/corpus/reuters21578.jsonl" ] && [ -r "$SHARED/corpus/bbc.jsonl" ]; then
  {
    head -n 150 "$SHARED/corpus/reuters21578.jsonl"
    echo '{"id": "broken", "text": "no closing quote}'
    head -n 40 "$SHARED/corpus/bbc.jsonl"
  } >"$SAMPLE"
else
  fail "no corpus under $SHARED/corpus (reuters21578.jsonl, bbc.jsonl)"
  finish
fi
echo "inputs: ${#INPUTS[@]} files, and $(wc -l <"$SAMPLE") records of the corpus sample"

declare -A EXT=([turtle]=ttl [ntriples]=nt [nquads]=nq [trig]=trig)
check_same() {   # check_same WHAT REF OTHER
  if [ -s "$2" ] && cmp -s "$2" "$3"; then
    ok "$1: same bytes as -j 1"
  else
    fail "$1: differs from -j 1 ($2 vs $3):"
    diff "$2" "$3" 2>&1 | head -10 | sed 's/^/    | /' >&2 || true
  fi
}

for fmt in turtle ntriples nquads trig; do
  e=${EXT[$fmt]}
  for merge in merge no-merge; do
    margs=()
    [ "$merge" = no-merge ] && margs=(--no-merge)
    for j in 1 2 3; do
      # the examples: every run exits 0
      run "ex-$merge-j$j-$e" extract "${MAPPINGS_ARGS[@]}" "${margs[@]}" -j "$j" --format "$fmt" \
        -o "$WORK/ex-$merge-j$j.$e" "${INPUTS[@]}"
      [ "$RC" -eq 0 ] || { fail "examples, $fmt, $merge, -j $j: exit $RC"; show "$WORK/ex-$merge-j$j-$e.stderr"; }
      # the corpus sample: exit 1 for the broken record, the others written
      run "corpus-$merge-j$j-$e" extract "${MAPPINGS_ARGS[@]}" "${margs[@]}" -j "$j" --format "$fmt" \
        -o "$WORK/corpus-$merge-j$j.$e" "$SAMPLE"
      [ "$RC" -eq 1 ] || { fail "corpus sample, $fmt, $merge, -j $j: exit $RC, expected 1"; show "$WORK/corpus-$merge-j$j-$e.stderr"; }
      if ! grep -q "^parley: error: $SAMPLE:151:[0-9]*: malformed JSON Lines record" "$WORK/corpus-$merge-j$j-$e.stderr"; then
        fail "corpus sample, $fmt, $merge, -j $j: no error naming line 151"
        show "$WORK/corpus-$merge-j$j-$e.stderr"
      fi
    done
    for j in 2 3; do
      check_same "examples, $fmt, $merge, -j $j" "$WORK/ex-$merge-j1.$e" "$WORK/ex-$merge-j$j.$e"
      check_same "corpus sample, $fmt, $merge, -j $j" "$WORK/corpus-$merge-j1.$e" "$WORK/corpus-$merge-j$j.$e"
      if ! cmp -s "$WORK/corpus-$merge-j1-$e.stderr" "$WORK/corpus-$merge-j$j-$e.stderr"; then
        fail "corpus sample, $fmt, $merge, -j $j: other messages than -j 1"
        diff "$WORK/corpus-$merge-j1-$e.stderr" "$WORK/corpus-$merge-j$j-$e.stderr" | head -5 >&2 || true
      fi
    done
  done
  # every article of the sample but the broken one is in the output
  n=$(grep -c -F '<http://purl.org/dc/terms/identifier>' "$WORK/corpus-no-merge-j2.$e" 2>/dev/null || true)
  if [ "$fmt" = ntriples ] || [ "$fmt" = nquads ]; then
    if [ "$n" -eq 190 ]; then ok "$fmt: 190 articles written around the broken record"
    else fail "$fmt: $n articles written, expected 190"; fi
  fi
done

# -j checks its argument before any work
for bad in 0 -1 x 2000; do
  run "bad-j-$bad" extract -j "$bad" -o "$WORK/never.nt" "${INPUTS[0]}"
  if [ "$RC" -eq 2 ] && grep -q -- "-j/--jobs" "$WORK/bad-j-$bad.stderr" && [ ! -e "$WORK/never.nt" ]; then
    ok "-j $bad: usage error, nothing written"
  else
    fail "-j $bad: exit $RC, expected 2 and a message naming -j/--jobs"
    show "$WORK/bad-j-$bad.stderr"
  fi
done

finish
