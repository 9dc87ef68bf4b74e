#!/usr/bin/env bash
# queries.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Runs the competency queries (ontology/queries/*.rq) over parley's output for every example
# (examples/*.txt, examples/*.jsonl) in two real stores and checks that they agree:
#   - parley extract writes the examples as N-Quads (one named graph per article) and as
#     Turtle (the union of the articles in the default graph);
#   - the N-Quads go into a Jena TDB2 database, queried with tdb:unionDefaultGraph=true;
#     the Turtle file, and the N-Quads with --union, go into Oxigraph (oxigraph-load);
#   - each query's three TSV results, normalised (header, "x"^^xsd:string = "x", integer
#     forms), must be identical, must have at least one row, and must equal
#     tests/system/expected/QUERY.tsv when that file exists;
#   - each query reads the default graph only (no GRAPH) and says so in its header comment;
#   - ontology/parley.ttl, ontology/shapes.ttl and tests/system/shapes_broken.ttl parse
#     (jena riot, rapper). (SHACL validation itself is tests/system/shacl.sh.)
#
# PARLEY_UPDATE_EXPECTED=1 writes the normalised results to tests/system/expected/ instead of
# comparing with them (read them before committing: they are the answers the examples give).
# Needs $PARLEY_SHARED/tools/{jena,oxigraph-load} (PARLEY_SHARED defaults to SOURCE_DIR/../shared)
# and /usr/bin/python3. Exit status: 0 all checks passed, 1 some failed, 2 usage error.
source "$(dirname "$0")/lib.sh" "$@"

QDIR=$SRC/ontology/queries
EXPECTED=$SRC/tests/system/expected
UPDATE=${PARLEY_UPDATE_EXPECTED:-0}

# ---- the ontology files themselves -------------------------------------------------------
for ttl in "$SRC/ontology/parley.ttl" "$SRC/ontology/shapes.ttl" "$HERE/shapes_broken.ttl"; do
  if out=$("$JENA" riot --validate "$ttl" 2>&1) && ! echo "$out" | grep -qE '^(WARN|ERROR)'; then
    ok "jena riot --validate $(basename "$ttl")"
  else
    fail "jena riot --validate $ttl:"
    echo "$out" | head -20 | sed 's/^/    | /' >&2
  fi
  if out=$(rapper -q -i turtle -c "$ttl" 2>&1); then
    ok "rapper -i turtle $(basename "$ttl")"
  else
    fail "rapper -i turtle -c $ttl:"
    echo "$out" | head -20 | sed 's/^/    | /' >&2
  fi
done

# ---- parley's output for the examples ----------------------------------------------------
example_inputs
echo "examples: ${#EXAMPLES[@]} files, $(count_articles "${EXAMPLES[@]}") articles"
for fmt in nquads turtle; do
  case $fmt in nquads) out=$WORK/ex.nq ;; turtle) out=$WORK/ex.ttl ;; esac
  run "extract-$fmt" extract --format "$fmt" -o "$out" "${EXAMPLES[@]}"
  if [ "$RC" -ne 0 ] || [ ! -s "$out" ]; then
    fail "parley extract --format $fmt -o $out on the examples exited $RC (expected 0 and a non-empty file); stderr:"
    show "$WORK/extract-$fmt.stderr"
  fi
done
if [ "$FAILS" -ne 0 ] || [ ! -s "$WORK/ex.nq" ] || [ ! -s "$WORK/ex.ttl" ]; then
  finish
fi

# ---- load the stores ---------------------------------------------------------------------
if ! "$JENA" tdbloader --loc "$WORK/tdb" "$WORK/ex.nq" >"$WORK/tdbloader.log" 2>&1; then
  fail "jena tdbloader --loc $WORK/tdb $WORK/ex.nq failed:"
  show "$WORK/tdbloader.log"
  finish
fi

# normalise IN OUT: SPARQL TSV from Jena or Oxigraph to one canonical form.
normalise() {
  "$PY" - "$1" "$2" <<'PYEOF'
import re, sys
XSD = "http://www.w3.org/2001/XMLSchema#"
typed = re.compile(r'^"(.*)"\^\^(?:<' + re.escape(XSD) + r'(\w+)>|xsd:(\w+))$', re.S)
def term(t):
    m = typed.match(t)
    if not m:
        return t
    lex, dt = m.group(1), m.group(2) or m.group(3)
    if dt == "string":
        return '"%s"' % lex
    if dt in ("integer", "int", "long", "nonNegativeInteger") and re.fullmatch(r"[+-]?[0-9]+", lex):
        return str(int(lex))
    return '"%s"^^<%s%s>' % (lex, XSD, dt)
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    lines = f.read().replace("\r\n", "\n").split("\n")
if lines and lines[-1] == "":
    lines.pop()
out = []
for i, line in enumerate(lines):
    cells = line.split("\t")
    if i == 0:
        out.append("\t".join(c.lstrip("?$") for c in cells))
    else:
        out.append("\t".join(term(c) for c in cells))
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as f:
    f.write("".join(l + "\n" for l in out))
PYEOF
}

# ---- each query ---------------------------------------------------------------------------
shopt -s nullglob
QUERIES=("$QDIR"/*.rq)
shopt -u nullglob
if [ "${#QUERIES[@]}" -lt 6 ]; then
  fail "expected at least 6 competency queries in $QDIR, found ${#QUERIES[@]}"
fi
mkdir -p "$WORK/q"
[ "$UPDATE" != 1 ] || mkdir -p "$EXPECTED"
for q in "${QUERIES[@]}"; do
  name=$(basename "$q" .rq)
  base=$WORK/q/$name

  if ! grep -q '^# Default graph: union of the named graphs' "$q"; then
    fail "$name.rq: its header comment must say '# Default graph: union of the named graphs ...'"
  fi
  if grep -v '^[[:space:]]*#' "$q" | grep -qiE '(^|[^[:alnum:]_:?$])GRAPH([^[:alnum:]_]|$)'; then
    fail "$name.rq uses GRAPH: competency queries read the (union) default graph only"
  fi

  rc=0
  "$JENA" tdbquery --loc "$WORK/tdb" --set tdb:unionDefaultGraph=true --results=TSV \
    --query "$q" >"$base.jena.tsv" 2>"$base.jena.err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "$name: jena tdbquery exited $rc:"; show "$base.jena.err"; continue
  fi
  rc=0
  "$OXI" --query-file "$q" "$WORK/ex.ttl" >"$base.oxi-ttl.tsv" 2>"$base.oxi-ttl.err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "$name: oxigraph-load on ex.ttl exited $rc:"; show "$base.oxi-ttl.err"; continue
  fi
  rc=0
  "$OXI" --union --query-file "$q" "$WORK/ex.nq" >"$base.oxi-nq.tsv" 2>"$base.oxi-nq.err" || rc=$?
  if [ "$rc" -ne 0 ]; then
    fail "$name: oxigraph-load --union on ex.nq exited $rc:"; show "$base.oxi-nq.err"; continue
  fi
  for s in jena oxi-ttl oxi-nq; do
    normalise "$base.$s.tsv" "$base.$s.norm.tsv"
  done

  agree=1
  if ! diff -u --label "jena-tdb2-union/$name.tsv" --label "oxigraph-turtle/$name.tsv" \
      "$base.jena.norm.tsv" "$base.oxi-ttl.norm.tsv" >"$base.diff"; then
    fail "$name: Jena TDB2 (N-Quads, union default graph) and Oxigraph (Turtle) disagree:"
    sed 's/^/    | /' "$base.diff" | head -60 >&2
    agree=0
  fi
  if ! diff -u --label "oxigraph-turtle/$name.tsv" --label "oxigraph-nquads-union/$name.tsv" \
      "$base.oxi-ttl.norm.tsv" "$base.oxi-nq.norm.tsv" >"$base.diff"; then
    fail "$name: Oxigraph on Turtle and Oxigraph on N-Quads (--union) disagree:"
    sed 's/^/    | /' "$base.diff" | head -60 >&2
    agree=0
  fi
  rows=$(($(wc -l <"$base.oxi-ttl.norm.tsv") - 1))
  if [ "$rows" -lt 1 ]; then
    fail "$name: no result rows over the examples (every competency query must answer something)"
  fi
  [ "$agree" -eq 0 ] || ok "$name: Jena and Oxigraph agree ($rows rows)"

  exp=$EXPECTED/$name.tsv
  if [ "$UPDATE" = 1 ]; then
    cp "$base.oxi-ttl.norm.tsv" "$exp"
    echo "wrote $exp ($rows rows)"
  elif [ -e "$exp" ]; then
    if diff -u --label "expected/$name.tsv" --label "actual/$name.tsv" \
        "$exp" "$base.oxi-ttl.norm.tsv" >"$base.diff"; then
      ok "$name: equals tests/system/expected/$name.tsv"
    else
      fail "$name: the answer differs from tests/system/expected/$name.tsv (- expected, + actual):"
      sed 's/^/    | /' "$base.diff" | head -60 >&2
    fi
  fi
done

finish
