#!/usr/bin/env bash
# merge.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Cross-article merging (parley merge, the merge graph), on the five seed articles of
# $PARLEY_SHARED/eval/dev (three meetings that several of them report) and the examples:
#   - order: parley merge over per-article N-Quads files in two shuffled orders, and parley
#     extract over the inputs in two orders, give identical bytes;
#   - one pass: parley merge over the per-article files (extract --no-merge, one article each)
#     gives the same bytes as one parley extract run over all of them;
#   - alone vs together: each article's named graph is the same whether the article was
#     extracted alone or among the others (every IRI in it included);
#   - unmerge: in Jena TDB2, DROP GRAPH <base>graph/merge leaves exactly the articles' own
#     graphs (compared quad for quad with the articles extracted alone);
#   - incremental: extract --update adds articles, replaces an article read again (no
#     duplicate), and merge --drop removes one; each result, loaded into Jena TDB2 and dumped,
#     holds the same quads as a fresh run over the same articles;
#   - the merge graph joins reports of one meeting from several articles, with a merge record
#     (rule, members, shared actors); a meeting has at most one date, its reports keep theirs;
#   - all four formats of a run with a merge graph are valid RDF (jena riot, rapper).
# Needs $PARLEY_SHARED/eval/dev/seed*.txt and $PARLEY_SHARED/tools/jena, rapper, /usr/bin/python3.
source "$(dirname "$0")/lib.sh" "$@"

DEV=$SHARED/eval/dev
SEEDS=("$DEV"/seed0.txt "$DEV"/seed1.txt "$DEV"/seed2.txt "$DEV"/seed3.txt "$DEV"/seed4.txt)
for f in "${SEEDS[@]}"; do
  [ -f "$f" ] || { fail "missing seed article $f"; finish; }
done
snapshot_mappings
MERGE_GRAPH="https://w3id.org/parley/id/graph/merge"

extract() {  # extract NAME ARGS...: parley extract with the snapshot mappings; fails loudly
  local name=$1
  shift
  run "$name" extract "${MAPPINGS_ARGS[@]}" "$@"
  if [ "$RC" -ne 0 ]; then
    fail "parley extract $* exited $RC; stderr:"
    show "$WORK/$name.stderr"
  fi
}

# ---- per-article graphs, and one run over all -------------------------------------------
mkdir -p "$WORK/art"
for f in "${SEEDS[@]}"; do
  b=$(basename "$f" .txt)
  extract "alone-$b" --no-merge -f nquads -o "$WORK/art/$b.nq" "$f"
done
extract all -f nquads -o "$WORK/all.nq" "${SEEDS[@]}"
extract all-reversed -f nquads -o "$WORK/all-reversed.nq" "${SEEDS[4]}" "${SEEDS[2]}" "${SEEDS[0]}" "${SEEDS[3]}" "${SEEDS[1]}"
[ "$FAILS" -eq 0 ] || finish

if cmp -s "$WORK/all.nq" "$WORK/all-reversed.nq"; then
  ok "parley extract: the seeds in two orders give identical bytes"
else
  fail "parley extract: the seeds in another order give other bytes"
  diff "$WORK/all.nq" "$WORK/all-reversed.nq" | head -10 >&2
fi

run merge1 merge -o "$WORK/merge1.nq" "$WORK"/art/seed3.nq "$WORK"/art/seed0.nq "$WORK"/art/seed4.nq "$WORK"/art/seed1.nq "$WORK"/art/seed2.nq
[ "$RC" -eq 0 ] || { fail "parley merge exited $RC"; show "$WORK/merge1.stderr"; }
run merge2 merge -o "$WORK/merge2.nq" "$WORK"/art/seed1.nq "$WORK"/art/seed2.nq "$WORK"/art/seed4.nq "$WORK"/art/seed0.nq "$WORK"/art/seed3.nq
[ "$RC" -eq 0 ] || { fail "parley merge exited $RC"; show "$WORK/merge2.stderr"; }
if cmp -s "$WORK/merge1.nq" "$WORK/merge2.nq"; then
  ok "parley merge: per-article files in two shuffled orders give identical bytes"
else
  fail "parley merge: per-article files in another order give other bytes"
fi
if cmp -s "$WORK/merge1.nq" "$WORK/all.nq"; then
  ok "parley merge over per-article files = parley extract over all the articles (byte for byte)"
else
  fail "parley merge over the per-article files differs from one parley extract run:"
  diff "$WORK/merge1.nq" "$WORK/all.nq" | head -10 >&2
fi

# ---- what the graphs hold -------------------------------------------------------------------
"$PY" - "$WORK/all.nq" "$MERGE_GRAPH" "$WORK"/art/*.nq >"$WORK/check.out" 2>&1 <<'PYEOF' || { fail "merge graph checks:"; show "$WORK/check.out"; }
import sys
from collections import defaultdict
import rdflib
from rdflib import URIRef, RDF

P = "https://w3id.org/parley/ontology#"
all_path, merge_graph, arts = sys.argv[1], URIRef(sys.argv[2]), sys.argv[3:]

def quads(path):
    ds = rdflib.Dataset()
    ds.parse(path, format="nquads")
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None)) if g is not None}

together = quads(all_path)
bad = []
alone = set()
for a in arts:
    q = quads(a)
    graphs = {g for *_, g in q}
    if len(graphs) != 1:
        bad.append(f"{a}: --no-merge output holds {len(graphs)} graphs, want the article's only")
    alone |= q
    # alone vs together: the article's graph, every IRI in it, is the same among the others
    g = next(iter(graphs))
    mine = {x for x in together if x[3] == g}
    if mine != q:
        bad.append(f"{a}: its graph differs alone and together ({len(q - mine)} quads only alone, "
                   f"{len(mine - q)} only together)")
rest = {x for x in together if x[3] != merge_graph}
if rest != alone:
    bad.append(f"without the merge graph the run holds {len(rest)} quads, the articles alone {len(alone)}")
merge = {(s, p, o) for s, p, o, g in together if g == merge_graph}
by = defaultdict(lambda: defaultdict(set))
for s, p, o in merge:
    by[s][p].add(o)
report_article = {}
for s, p, o, g in together:
    if p == RDF.type and o == URIRef(P + "MeetingReport"):
        report_article[s] = g
meetings = [s for s, d in by.items() if URIRef(P + "Meeting") in d[RDF.type]]
if not meetings:
    bad.append("no parley:Meeting in the merge graph")
seen_reports = set()
multi = 0
for m in meetings:
    reps = by[m][URIRef(P + "report")]
    if not reps:
        bad.append(f"{m}: a Meeting with no report")
    for r in reps:
        if r not in report_article:
            bad.append(f"{m}: report {r} is no MeetingReport of an article graph")
        if r in seen_reports:
            bad.append(f"report {r} belongs to two meetings")
        seen_reports.add(r)
    if len(by[m][URIRef(P + "date")]) > 1:
        bad.append(f"{m}: {len(by[m][URIRef(P + 'date')])} dates")
    arts_of = {report_article.get(r) for r in reps}
    n = by[m][URIRef(P + "numArticles")]
    if {int(x) for x in n} != {len(arts_of)}:
        bad.append(f"{m}: numArticles {sorted(n)}, reports from {len(arts_of)} articles")
    if len(arts_of) >= 3:
        multi += 1
if set(report_article) != seen_reports:
    bad.append(f"{len(set(report_article) - seen_reports)} reports belong to no meeting")
# the seeds report the 1 March talks in at least three articles: one node for them
if multi < 1:
    bad.append("no meeting joins reports from three or more seed articles (the 1 March 2023 talks)")
records = [s for s, d in by.items() if URIRef(P + "Merge") in d[RDF.type]]
meeting_records = [r for r in records if any(str(x).startswith("meeting-") for x in by[r][URIRef(P + "mergeRule")])]
if not meeting_records:
    bad.append("no merge record for a meeting")
for r in meeting_records:
    if len(by[r][URIRef(P + "mergedFrom")]) != 2 or not by[r][URIRef(P + "sharedActor")] or not by[r][URIRef(P + "mergeNote")]:
        bad.append(f"{r}: a meeting merge record names two reports, the shared actors and a note")
if bad:
    print("\n".join(bad[:30]))
    sys.exit(1)
print(f"{len(meetings)} meetings, {multi} from three or more articles, {len(records)} merge records")
PYEOF
[ ! -s "$WORK/check.out" ] || ok "merge graph: $(tail -1 "$WORK/check.out"); article graphs the same alone and together"

# ---- stores: unmerge and incremental runs ---------------------------------------------------
# dump_store NAME FILE [UPDATE]: loads FILE into a new Jena TDB2 store, runs UPDATE (SPARQL
# Update) if given, and dumps the store to $WORK/NAME.dump.nq
dump_store() {
  local loc=$WORK/tdb-$1
  rm -rf "$loc"
  if ! "$JENA" tdbloader --loc "$loc" "$2" >"$WORK/$1.load.log" 2>&1; then
    fail "jena tdbloader $2:"; show "$WORK/$1.load.log"; return 1
  fi
  if [ -n "${3:-}" ] && ! "$JENA" tdbupdate --loc "$loc" "$3" >"$WORK/$1.update.log" 2>&1; then
    fail "jena tdbupdate '$3':"; show "$WORK/$1.update.log"; return 1
  fi
  "$JENA" tdbdump --loc "$loc" >"$WORK/$1.dump.nq" 2>"$WORK/$1.dump.log" || { fail "jena tdbdump:"; show "$WORK/$1.dump.log"; return 1; }
}
# same_quads A B WHAT: the two N-Quads files hold the same quads (rdflib, literals compared as terms)
same_quads() {
  local out
  if out=$("$PY" - "$1" "$2" <<'PYEOF' 2>&1
import sys, rdflib
def q(path):
    ds = rdflib.Dataset()
    ds.parse(path, format="nquads")
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None)) if g is not None}
a, b = q(sys.argv[1]), q(sys.argv[2])
if a != b:
    print(f"{len(a - b)} quads only in {sys.argv[1]}, {len(b - a)} only in {sys.argv[2]}; e.g.")
    for x in sorted(a ^ b)[:5]:
        print("   ", " ".join(t.n3() for t in x))
    sys.exit(1)
print(len(a))
PYEOF
  ); then
    ok "$3 ($out quads)"
  else
    fail "$3:"; echo "$out" | sed 's/^/    | /' >&2
  fi
}

cat "$WORK"/art/*.nq >"$WORK/alone.nq"
if dump_store unmerge "$WORK/all.nq" "DROP GRAPH <$MERGE_GRAPH>"; then
  same_quads "$WORK/unmerge.dump.nq" "$WORK/alone.nq" \
    "unmerge: Jena TDB2 after DROP GRAPH <merge> holds each article's graph exactly as extracted alone"
fi
dump_store all "$WORK/all.nq" || true

run nomerge merge --no-merge -o "$WORK/nomerge.nq" "$WORK/all.nq"
if [ "$RC" -eq 0 ] && cmp -s "$WORK/nomerge.nq" "$WORK/alone.nq"; then
  ok "unmerge: parley merge --no-merge gives the articles' graphs as extracted alone, byte for byte"
else
  fail "parley merge --no-merge on all.nq (exit $RC) differs from the articles extracted alone"
fi

# add: two seeds, then the other three with --update
extract inc-start -f nquads -o "$WORK/inc.nq" "${SEEDS[0]}" "${SEEDS[1]}"
extract inc-add --update "$WORK/inc.nq" "${SEEDS[2]}" "${SEEDS[3]}" "${SEEDS[4]}"
dump_store add "$WORK/inc.nq" && same_quads "$WORK/add.dump.nq" "$WORK/all.dump.nq" \
  "incremental add: 2 seeds, then --update with 3 more = one run over all 5 (Jena TDB2)"
# replace: one seed read again
extract inc-replace --update "$WORK/inc.nq" "${SEEDS[1]}"
dump_store replace "$WORK/inc.nq" && same_quads "$WORK/replace.dump.nq" "$WORK/all.dump.nq" \
  "incremental replace: --update with an article already there replaces its graph (Jena TDB2)"
# remove: one seed dropped
run inc-remove merge --drop seed4.txt -o "$WORK/inc.nq" "$WORK/inc.nq"
[ "$RC" -eq 0 ] || { fail "parley merge --drop exited $RC"; show "$WORK/inc-remove.stderr"; }
extract four -f nquads -o "$WORK/four.nq" "${SEEDS[0]}" "${SEEDS[1]}" "${SEEDS[2]}" "${SEEDS[3]}"
dump_store remove "$WORK/inc.nq" && dump_store four "$WORK/four.nq" &&
  same_quads "$WORK/remove.dump.nq" "$WORK/four.dump.nq" \
    "incremental remove: merge --drop seed4.txt = a run over the other four (Jena TDB2)"
if grep -q 'seed4\.txt' "$WORK/inc.nq"; then
  fail "after merge --drop seed4.txt the output still names seed4.txt"
fi

# ---- all four formats with a merge graph are valid RDF --------------------------------------
for fmt in ttl nt nq trig; do
  extract "fmt-$fmt" -f "$fmt" -o "$WORK/seeds.$fmt" "${SEEDS[@]}"
done
riot_validate "$WORK/seeds.ttl" "$WORK/seeds.nt" "$WORK/seeds.nq" "$WORK/seeds.trig" &&
  ok "jena riot --validate: Turtle, N-Triples, N-Quads and TriG with the merge graph"
for pair in "ttl turtle" "nt ntriples" "nq nquads" "trig trig"; do
  set -- $pair
  n=$(rapper_count "$2" "$WORK/seeds.$1")
  [ "${n:--1}" -gt 0 ] && ok "rapper -i $2: $n statements" || fail "rapper -i $2 read no statements from seeds.$1"
done
if ! grep -q "#Meeting" "$WORK/seeds.nt"; then
  fail "N-Triples output has no parley:Meeting (the merge graph goes into the default graph)"
fi

run update-ttl extract "${MAPPINGS_ARGS[@]}" --update "$WORK/inc.nq" -f ttl -o "$WORK/x.ttl" "${SEEDS[0]}"
[ "$RC" -eq 2 ] && ok "extract --update with -f ttl is a usage error (exit 2)" || fail "extract --update -f ttl exited $RC, want 2"
run bad-format merge -f turtle -o "$WORK/x.ttl" "$WORK/all.nq"
[ "$RC" -eq 2 ] && ok "parley merge -f turtle is a usage error (exit 2)" || fail "parley merge -f turtle exited $RC, want 2"
printf '<a:b> <a:c> "unterminated .\n' >"$WORK/bad.nq"
run bad-input merge -o "$WORK/x.nq" "$WORK/bad.nq"
if [ "$RC" -eq 1 ] && grep -q "bad.nq:1:" "$WORK/bad-input.stderr" && [ ! -e "$WORK/x.nq" ]; then
  ok "parley merge on bad N-Quads: exit 1, FILE:LINE:COL, nothing written"
else
  fail "parley merge on bad N-Quads: exit $RC (want 1), stderr:"; show "$WORK/bad-input.stderr"
fi

finish
