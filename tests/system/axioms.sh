#!/usr/bin/env bash
# axioms.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Every disjointness, domain and range axiom of ontology/parley.ttl holds in parley's output:
#   - ontology/checks/ is what scripts/gen-axiom-checks.py writes from the ontology (one SPARQL
#     SELECT per axiom whose every answer row is a violation);
#   - parley extract writes N-Triples (the union of the article graphs and the merge graph) for
#     the examples (examples/*.txt, *.jsonl) and for a corpus sample: the first 500 records of
#     $PARLEY_SHARED/corpus/wikinews.jsonl (any category: sport and markets too) and the first
#     200 of reuters21578.jsonl;
#   - all the checks, joined into one query (each answer row names its check), run in Jena
#     (jena sparql) and in Oxigraph (oxigraph-load) over each output: 0 violations in both;
#   - the checks can fail: over tests/system/axioms_broken.ttl, which breaks one axiom of each
#     kind, both stores report exactly the checks that file names in its comments.
# Needs $PARLEY_SHARED/tools/{jena,oxigraph-load} and /usr/bin/python3 with rdflib.
# Exit status: 0 all checks passed, 1 some failed, 2 usage error.
source "$(dirname "$0")/lib.sh" "$@"

CHECKS=$SRC/ontology/checks

# ---- the checks are the ontology's -------------------------------------------------------
if out=$("$PY" "$SRC/scripts/gen-axiom-checks.py" --check 2>&1); then
  ok "ontology/checks/ is what scripts/gen-axiom-checks.py generates ($(ls "$CHECKS"/*.rq | wc -l) checks)"
else
  fail "$out"
fi

# one query: the union of every check, each answer row tagged with its check's name
"$PY" - "$CHECKS" "$WORK/all-checks.rq" <<'PYEOF'
import os, re, sys
d, out = sys.argv[1], sys.argv[2]
parts = []
for f in sorted(os.listdir(d)):
    if not f.endswith(".rq"):
        continue
    q = "\n".join(l for l in open(os.path.join(d, f), encoding="utf-8").read().split("\n") if not l.startswith("#"))
    q = re.sub(r"ORDER BY[^\n]*", "", q).strip()
    m = re.match(r"SELECT DISTINCT (\?node)[^\n]*WHERE \{", q)
    if not m:
        sys.exit(f"{f}: not a 'SELECT DISTINCT ?node ... WHERE {{' check")
    body = q[m.end():]
    parts.append('  { SELECT DISTINCT ("%s" AS ?check) ?node WHERE {%s }' % (f[:-3], body))
with open(out, "w", encoding="utf-8") as o:
    o.write("SELECT ?check ?node WHERE {\n" + "\n  UNION\n".join(parts) + "\n}\nORDER BY ?check ?node\n")
PYEOF

# count_rows STORE FILE: violations as "check<TAB>node" lines on stdout (no header)
violations() {
  local store=$1 data=$2
  if [ "$store" = jena ]; then
    "$JENA" sparql --results=TSV --data "$data" --query "$WORK/all-checks.rq" 2>"$WORK/jena.err" | tail -n +2
  else
    "$OXI" --query-file "$WORK/all-checks.rq" "$data" 2>"$WORK/oxi.err" | tail -n +2
  fi
}

check_output() {   # check_output NAME FILE.nt
  local name=$1 data=$2 store rows
  for store in jena oxigraph; do
    if ! rows=$(violations "$store" "$data"); then
      fail "$name: the checks did not run in $store:"
      show "$WORK/$([ "$store" = jena ] && echo jena || echo oxi).err"
      continue
    fi
    if [ -z "$rows" ]; then
      ok "$name in $store: 0 violations of $(ls "$CHECKS"/*.rq | wc -l) axiom checks"
    else
      fail "$name in $store: $(echo "$rows" | wc -l) violation(s):"
      echo "$rows" | head -20 | sed 's/^/    | /' >&2
    fi
  done
}

# ---- the examples ------------------------------------------------------------------------
example_inputs
run examples extract --format ntriples -o "$WORK/examples.nt" "${EXAMPLES[@]}"
if [ "$RC" -ne 0 ] || [ ! -s "$WORK/examples.nt" ]; then
  fail "parley extract on the examples exited $RC"
  show "$WORK/examples.stderr"
else
  check_output examples "$WORK/examples.nt"
fi

# ---- a corpus sample ---------------------------------------------------------------------
if [ -r "$SHARED/corpus/wikinews.jsonl" ] && [ -r "$SHARED/corpus/reuters21578.jsonl" ]; then
  head -n 500 "$SHARED/corpus/wikinews.jsonl" >"$WORK/sample.jsonl"
  head -n 200 "$SHARED/corpus/reuters21578.jsonl" >>"$WORK/sample.jsonl"
  run sample extract --format ntriples -q -o "$WORK/sample.nt" "$WORK/sample.jsonl"
  if [ "$RC" -ne 0 ] || [ ! -s "$WORK/sample.nt" ]; then
    fail "parley extract on the corpus sample exited $RC"
    show "$WORK/sample.stderr"
  else
    check_output "corpus sample (700 articles)" "$WORK/sample.nt"
  fi
else
  fail "no corpus under $SHARED/corpus (wikinews.jsonl, reuters21578.jsonl)"
fi

# ---- the checks can fail ------------------------------------------------------------------
BROKEN=$HERE/axioms_broken.ttl
want=$(sed -n 's/^# breaks: //p' "$BROKEN" | LC_ALL=C sort -u)
for store in jena oxigraph; do
  got=$(violations "$store" "$BROKEN" | cut -f1 | tr -d '"' | sed 's/\^\^.*//' | LC_ALL=C sort -u)
  if [ "$got" = "$want" ]; then
    ok "axioms_broken.ttl in $store: exactly the $(echo "$want" | wc -l) checks it breaks report it"
  else
    fail "axioms_broken.ttl in $store: checks reported differ from those the file breaks:"
    diff <(echo "$want") <(echo "$got") | sed 's/^/    | /' >&2 || true
  fi
done

finish
