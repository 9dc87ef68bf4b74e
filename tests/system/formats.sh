#!/usr/bin/env bash
# formats.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Runs parley on every example (examples/*.txt, examples/*.jsonl) in each output format and
# re-parses each output with four independent parsers (rapper, jena riot --validate,
# oxigraph, rdflib).  Checks:
#   - parley exits 0 and every parser accepts every output;
#   - the statement counts agree across parsers for each file, Turtle = N-Triples and
#     N-Quads = TriG;
#   - the N-Triples graph equals the Turtle graph, the union of the N-Quads (and TriG) named
#     graphs equals the Turtle graph, N-Quads and TriG quads are the same;
#   - N-Quads/TriG: one named graph per article, named by the article IRI, and no triple in
#     the default graph;
#   - format names are case-insensitive with aliases (TTL, nt, N-Triples, nq, TriG), the
#     format is guessed from -o's extension, and -o - writes the same bytes to stdout.
source "$(dirname "$0")/lib.sh" "$@"

example_inputs
snapshot_mappings
NART=$(count_articles "${EXAMPLES[@]}")
echo "examples: ${#EXAMPLES[@]} files, $NART articles"

declare -A EXT=([turtle]=ttl [ntriples]=nt [nquads]=nq [trig]=trig)
declare -A RAPPER=([turtle]=turtle [ntriples]=ntriples [nquads]=nquads [trig]=trig)
FORMATS=(turtle ntriples nquads trig)

for fmt in "${FORMATS[@]}"; do
  out=$WORK/out.${EXT[$fmt]}
  run "extract-$fmt" extract "${MAPPINGS_ARGS[@]}" --format "$fmt" -o "$out" "${EXAMPLES[@]}"
  if [ "$RC" -ne 0 ]; then
    fail "parley extract --format $fmt on the examples exited $RC (expected 0); stderr:"
    show "$WORK/extract-$fmt.stderr"
  fi
  if [ ! -s "$out" ]; then
    fail "parley extract --format $fmt wrote no output to $out"
  fi
  if [ -s "$WORK/extract-$fmt.stdout" ]; then
    fail "parley extract --format $fmt -o FILE wrote to stdout (data goes only to the file)"
  fi
done
FILES=("$WORK/out.ttl" "$WORK/out.nt" "$WORK/out.nq" "$WORK/out.trig")
for f in "${FILES[@]}"; do
  [ -s "$f" ] || { echo "cannot go on without $f" >&2; finish; }
done

# --- parser 1: rapper ------------------------------------------------------------------
declare -A N_RAPPER N_RIOT N_OXI N_RDFLIB
for fmt in "${FORMATS[@]}"; do
  N_RAPPER[$fmt]=$(rapper_count "${RAPPER[$fmt]}" "$WORK/out.${EXT[$fmt]}")
done

# --- parser 2: jena riot (one JVM for the four files) -----------------------------------
riot_out=$WORK/riot.txt
rc=0
"$JENA" riot --validate --count "${FILES[@]}" >"$riot_out" 2>&1 || rc=$?
if ! riot_ok "$(cat "$riot_out")" "$rc"; then
  fail "jena riot --validate on the four outputs failed:"
  show "$riot_out"
  riot_each "${FILES[@]}"   # says which file
fi
for fmt in "${FORMATS[@]}"; do
  N_RIOT[$fmt]=$(tr -d , <"$riot_out" \
    | sed -n "s#^.*/out\.${EXT[$fmt]} *: *\(Triples\|Quads\) *= *\([0-9]*\).*#\2#p" | head -1)
  [ -n "${N_RIOT[$fmt]}" ] || N_RIOT[$fmt]=-1
done

# --- parser 3: oxigraph -----------------------------------------------------------------
for fmt in "${FORMATS[@]}"; do
  f=$WORK/out.${EXT[$fmt]}
  if "$OXI" "$f" >"$WORK/oxi-$fmt.txt" 2>&1; then
    N_OXI[$fmt]=$(sed -n 's/.*: +\([0-9]*\) quads.*/\1/p' "$WORK/oxi-$fmt.txt" | head -1)
  else
    fail "oxigraph-load $f failed:"
    show "$WORK/oxi-$fmt.txt"
    N_OXI[$fmt]=-1
  fi
done

# --- parser 4: rdflib -------------------------------------------------------------------
for fmt in "${FORMATS[@]}"; do
  f=$WORK/out.${EXT[$fmt]}
  if ! N_RDFLIB[$fmt]=$("$PY" "$HERE/rdftool.py" count "$fmt" "$f" 2>"$WORK/rdflib-$fmt.err"); then
    fail "rdflib could not parse $f as $fmt:"
    show "$WORK/rdflib-$fmt.err"
    N_RDFLIB[$fmt]=-1
  fi
done

for fmt in "${FORMATS[@]}"; do
  line="$fmt: rapper ${N_RAPPER[$fmt]}, riot ${N_RIOT[$fmt]}, oxigraph ${N_OXI[$fmt]}, rdflib ${N_RDFLIB[$fmt]}"
  if [ "${N_RAPPER[$fmt]}" = "${N_RIOT[$fmt]}" ] && [ "${N_RIOT[$fmt]}" = "${N_OXI[$fmt]}" ] \
      && [ "${N_OXI[$fmt]}" = "${N_RDFLIB[$fmt]}" ] && [ "${N_RDFLIB[$fmt]}" -gt 0 ]; then
    ok "statement counts agree ($line)"
  else
    fail "statement counts disagree or are zero ($line); rapper and riot count every" \
      "statement written, oxigraph and rdflib count distinct ones: a difference means" \
      "duplicate statements or a parser disagreement"
  fi
done
[ "${N_RDFLIB[turtle]}" = "${N_RDFLIB[ntriples]}" ] \
  || fail "Turtle has ${N_RDFLIB[turtle]} triples but N-Triples has ${N_RDFLIB[ntriples]}"
[ "${N_RDFLIB[nquads]}" = "${N_RDFLIB[trig]}" ] \
  || fail "N-Quads has ${N_RDFLIB[nquads]} quads but TriG has ${N_RDFLIB[trig]}"

# --- graph equality, named graphs -------------------------------------------------------
if "$PY" "$HERE/rdftool.py" formats "${FILES[@]}" "$NART" >"$WORK/graphs.txt" 2>&1; then
  ok "N-Triples = Turtle = union of N-Quads graphs = union of TriG graphs;" \
    "one named graph per article, default graph empty"
  cat "$WORK/graphs.txt"
else
  fail "graph comparison across formats:"
  sed 's/^/    | /' "$WORK/graphs.txt" >&2
fi

# --- format names, aliases, guessing from -o --------------------------------------------
check_same() {   # check_same WHAT EXPECTED ACTUAL
  if [ -f "$3" ] && cmp -s "$2" "$3"; then
    ok "$1"
  else
    fail "$1: output $3 differs from $2"
  fi
}
alias_case() {   # alias_case NAME ARGS...
  local name=$1
  shift
  run "$name" extract "${MAPPINGS_ARGS[@]}" "$@" "${EXAMPLES[@]}"
  if [ "$RC" -ne 0 ]; then
    fail "parley extract $* exited $RC; stderr:"
    show "$WORK/$name.stderr"
  fi
}
alias_case alias-TTL --format TTL -o "$WORK/alias-TTL.out"
check_same "--format TTL = --format turtle" "$WORK/out.ttl" "$WORK/alias-TTL.out"
alias_case alias-nt --format nt -o "$WORK/alias-nt.out"
check_same "--format nt = --format ntriples" "$WORK/out.nt" "$WORK/alias-nt.out"
alias_case alias-N-Triples --format N-Triples -o "$WORK/alias-N-Triples.out"
check_same "--format N-Triples = --format ntriples" "$WORK/out.nt" "$WORK/alias-N-Triples.out"
alias_case alias-nq --format nq -o "$WORK/alias-nq.out"
check_same "--format nq = --format nquads" "$WORK/out.nq" "$WORK/alias-nq.out"
alias_case alias-TriG --format TriG -o "$WORK/alias-TriG.out"
check_same "--format TriG = --format trig" "$WORK/out.trig" "$WORK/alias-TriG.out"
for fmt in "${FORMATS[@]}"; do
  e=${EXT[$fmt]}
  alias_case "guess-$e" -o "$WORK/guess.$e"
  check_same "-o x.$e without --format gives $fmt" "$WORK/out.$e" "$WORK/guess.$e"
done
run stdout-ttl extract "${MAPPINGS_ARGS[@]}" --format turtle -o - "${EXAMPLES[@]}"
if [ "$RC" -ne 0 ]; then
  fail "parley extract --format turtle -o - exited $RC"
  show "$WORK/stdout-ttl.stderr"
fi
check_same "-o - writes the same Turtle to stdout" "$WORK/out.ttl" "$WORK/stdout-ttl.stdout"

finish
