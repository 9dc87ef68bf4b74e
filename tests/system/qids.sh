#!/usr/bin/env bash
# qids.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Exactly one QID per node: over every dev article (SHARED/eval/dev/*.txt) and the first 500
# articles each of SHARED/corpus/bbc.jsonl and wikinews.jsonl, written as N-Quads (one graph per
# article), no node has two owl:sameAs wd: objects (in an article's graph or in the union of all
# of them), and within one article's graph no QID is the owl:sameAs object of two nodes.
# (Across articles one QID on several nodes is the cross-article issue, not checked here.)
source "$(dirname "$0")/lib.sh" "$@"

INPUTS=()
shopt -s nullglob
for f in "$SHARED"/eval/dev/*.txt; do INPUTS+=("$f"); done
for c in bbc wikinews; do
  if [ -f "$SHARED/corpus/$c.jsonl" ]; then
    head -n 500 "$SHARED/corpus/$c.jsonl" >"$WORK/$c.jsonl"
    INPUTS+=("$WORK/$c.jsonl")
  fi
done
if [ ${#INPUTS[@]} -eq 0 ]; then
  echo "qids: no dev articles or corpus files under $SHARED; nothing to check"
  exit 0
fi

RC=0
timeout 200 "$PARLEY" extract --format nquads -o "$WORK/all.nq" "${INPUTS[@]}" \
  >"$WORK/extract.stdout" 2>"$WORK/extract.stderr" || RC=$?
if [ "$RC" -ge 2 ] || [ ! -s "$WORK/all.nq" ]; then
  fail "parley extract exited $RC on ${#INPUTS[@]} inputs; stderr:"
  show "$WORK/extract.stderr"
  finish
fi

if "$PY" - "$WORK/all.nq" >"$WORK/check.out" 2>&1 <<'PY'; then
import collections, re, sys
SAME = "<http://www.w3.org/2002/07/owl#sameAs>"
WD = "<http://www.wikidata.org/entity/"
# N-Quads as parley writes them: IRIs only in the subject, predicate, object and graph of sameAs
line_re = re.compile(r'^(<[^>]*>) (<[^>]*>) (<[^>]*>) (<[^>]*>) \.$')
per_graph = collections.defaultdict(lambda: collections.defaultdict(set))  # graph -> node -> qids
union = collections.defaultdict(set)
graphs = set()
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    parts = line.split(" ")
    if len(parts) >= 4 and parts[-1] == "." and parts[-2].startswith("<"):
        graphs.add(parts[-2])
    m = line_re.match(line)
    if not m or m.group(2) != SAME or not m.group(3).startswith(WD):
        continue
    s, o, g = m.group(1), m.group(3), m.group(4)
    per_graph[g][s].add(o)
    union[s].add(o)
bad = 0
for s, qs in sorted(union.items()):
    if len(qs) > 1:
        print("node %s has %d QIDs: %s" % (s, len(qs), " ".join(sorted(qs)))); bad += 1
for g, nodes in sorted(per_graph.items()):
    by_qid = collections.defaultdict(set)
    for s, qs in nodes.items():
        for q in qs:
            by_qid[q].add(s)
    for q, ss in sorted(by_qid.items()):
        if len(ss) > 1:
            print("graph %s: QID %s on %d nodes: %s" % (g, q, len(ss), " ".join(sorted(ss)))); bad += 1
links = sum(len(qs) for nodes in per_graph.values() for qs in nodes.values())
print("%d graphs, %d sameAs wd: links, %d person links" % (
    len(graphs), links, sum(1 for nodes in per_graph.values() for s in nodes if "/entity/person/" in s)))
sys.exit(1 if bad else 0)
PY
  ok "one QID per node and one node per QID in each article: $(tail -n 1 "$WORK/check.out")"
else
  fail "QIDs shared or doubled:"
  show "$WORK/check.out"
fi
finish
