#!/usr/bin/env bash
# workbench.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# parley table and parley stats against SPARQL in Jena over the same graph, and extract's
# --no-mentions, progress line and summary:
#   - parley extract writes the examples (and the first 40 Wikinews records, when the shared
#     corpus is there) as N-Quads and as Turtle;
#   - parley table (CSV) on the N-Quads: every row equals the one built from SPARQL SELECTs
#     in Jena over the Turtle (article id and date, class, date, codes, rule, each role's IRIs,
#     labels and QIDs in order, what the agent represents, content, evidence, offsets), and no event is missing or extra;
#     the table of the Turtle is byte-identical, and TSV has the same cells as CSV;
#   - parley stats --format tsv --top 0: every figure equals a SPARQL COUNT(DISTINCT ...) in
#     Jena (articles, events per class, per article and per category (dcterms:subject, from
#     the "category" of 30 BBC records), actors, linked actors and locations,
#     events per actor and class, mediations, pairs of sides per meeting), none more, none less;
#   - table and stats on a .jsonl (an article file, not a graph) are an error naming it;
#   - extract --no-mentions: no parley:Mention, every other triple kept (same graph otherwise);
#   - extract piped: stderr empty; with -v: a summary line counting the articles and events;
#     on a terminal (script(1) gives it a pty): a progress line with MB/s, then the summary.
source "$(dirname "$0")/lib.sh" "$@"

example_inputs
INPUTS=("${EXAMPLES[@]}")
if [ -s "$SHARED/corpus/wikinews.jsonl" ]; then
  head -n 40 "$SHARED/corpus/wikinews.jsonl" >"$WORK/wikinews40.jsonl"
  INPUTS+=("$WORK/wikinews40.jsonl")
fi
# BBC records carry a "category" (dcterms:subject): the per-category figures
if [ -s "$SHARED/corpus/bbc.jsonl" ]; then
  awk '/"category": "politics"/ && n < 20 { print; n++ }' "$SHARED/corpus/bbc.jsonl" >"$WORK/bbc-politics20.jsonl"
  head -n 10 "$SHARED/corpus/bbc.jsonl" >"$WORK/bbc-business10.jsonl"
  INPUTS+=("$WORK/bbc-politics20.jsonl" "$WORK/bbc-business10.jsonl")
fi
for f in nq ttl; do
  run "extract-$f" extract -o "$WORK/g.$f" "${INPUTS[@]}"
  if [ "$RC" -ne 0 ] || [ ! -s "$WORK/g.$f" ]; then
    fail "parley extract -o g.$f exited $RC"; show "$WORK/extract-$f.stderr"; finish
  fi
  if [ -s "$WORK/extract-$f.stderr" ]; then
    fail "parley extract piped, without -v, wrote to stderr (expected silence):"; show "$WORK/extract-$f.stderr"
  fi
done

# ---- table -------------------------------------------------------------------------------
run table-csv table -o "$WORK/table.csv" "$WORK/g.nq"
[ "$RC" -eq 0 ] || { fail "parley table g.nq exited $RC"; show "$WORK/table-csv.stderr"; }
run table-ttl table "$WORK/g.ttl"
[ "$RC" -eq 0 ] || fail "parley table g.ttl exited $RC"
if cmp -s "$WORK/table.csv" "$WORK/table-ttl.stdout"; then
  ok "table: the N-Quads (union of the article graphs) and the Turtle give the same bytes"
else
  fail "table: g.nq and g.ttl give different tables:"; diff "$WORK/table.csv" "$WORK/table-ttl.stdout" | head -20 >&2
fi
run table-tsv table --format TSV "$WORK/g.nq"
[ "$RC" -eq 0 ] || fail "parley table --format TSV exited $RC"

cat >"$WORK/events.rq" <<'RQ'
PREFIX parley: <https://w3id.org/parley/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?event ?cls ?id ?adate ?date ?cameo ?plover ?rule ?evidence ?begin ?end WHERE {
  VALUES (?t ?cls) { (parley:Meeting "Meeting") (parley:Demand "Demand") (parley:Denial "Denial") }
  ?event a ?t .
  OPTIONAL { ?event prov:wasDerivedFrom ?a . ?a dcterms:identifier ?id OPTIONAL { ?a dcterms:date ?adate } }
  OPTIONAL { ?event parley:date ?date }        OPTIONAL { ?event parley:cameoCode ?cameo }
  OPTIONAL { ?event parley:ploverType ?plover } OPTIONAL { ?event parley:rule ?rule }
  OPTIONAL { ?event parley:evidence ?evidence } OPTIONAL { ?event parley:beginOffset ?begin }
  OPTIONAL { ?event parley:endOffset ?end }
}
RQ
# A merged meeting (the merge graph's parley:Meeting) says what its first report says.
cat >"$WORK/reports.rq" <<'RQ'
PREFIX parley: <https://w3id.org/parley/ontology#>
SELECT ?event ?rep ?cameo ?plover ?rule ?evidence ?begin ?end WHERE {
  ?event a parley:Meeting ; parley:report ?rep .
  OPTIONAL { ?rep parley:cameoCode ?cameo }  OPTIONAL { ?rep parley:ploverType ?plover }
  OPTIONAL { ?rep parley:rule ?rule }        OPTIONAL { ?rep parley:evidence ?evidence }
  OPTIONAL { ?rep parley:beginOffset ?begin } OPTIONAL { ?rep parley:endOffset ?end }
}
RQ
cat >"$WORK/roles.rq" <<'RQ'
PREFIX parley: <https://w3id.org/parley/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?event ?role ?x ?label ?wd WHERE {
  VALUES ?t { parley:Meeting parley:Demand parley:Denial }
  { VALUES (?p ?role) { (parley:agent "agent") (parley:participant "participants") (parley:addressee "addressee")
                        (parley:mediatedBy "mediators") (parley:location "place") (parley:content "content") }
    ?event a ?t ; ?p ?x }
  UNION { ?event a ?t ; parley:agent ?ag . ?ag parley:represents ?x BIND ("agent_represents" AS ?role) }
  OPTIONAL { ?x rdfs:label ?label FILTER (lang(?label) = "" || langMatches(lang(?label), "en")) }
  OPTIONAL { ?x owl:sameAs ?wd FILTER (STRSTARTS(STR(?wd), "http://www.wikidata.org/entity/Q")) }
}
RQ
for q in events reports roles; do
  if ! "$JENA" sparql --data "$WORK/g.ttl" --query "$WORK/$q.rq" --results=JSON >"$WORK/$q.json" 2>"$WORK/$q.err"; then
    fail "jena sparql $q.rq failed:"; show "$WORK/$q.err"; finish
  fi
done

if out=$("$PY" - "$WORK/table.csv" "$WORK/table-tsv.stdout" "$WORK/events.json" "$WORK/roles.json" "$WORK/reports.json" <<'PYEOF'
import csv, json, sys
table, tsv, events_json, roles_json, reports_json = sys.argv[1:6]
def bindings(path):
    rows = []
    for b in json.load(open(path, encoding="utf-8"))["results"]["bindings"]:
        rows.append({k: v["value"] for k, v in b.items()})
    return rows
want, sources = {}, {}
for b in bindings(events_json):
    want[b["event"]] = {"article": "", "article_date": "", "event": b["event"],
                        "class": b["cls"], "date": b.get("date", ""), "cameo": b.get("cameo", ""),
                        "plover": b.get("plover", ""), "rule": b.get("rule", ""), "evidence": b.get("evidence", ""),
                        "begin": b.get("begin", ""), "end": b.get("end", "")}
    sources.setdefault(b["event"], set()).add((b.get("id", b["event"]), b.get("adate", "")))
for ev, src in sources.items():  # every article it was read from, by identifier
    src = sorted(src)
    want[ev]["article"] = "; ".join(i for i, _ in src)
    want[ev]["article_date"] = "; ".join(d for _, d in src)
first = {}
for b in bindings(reports_json):
    if b["event"] not in first or b["rep"] < first[b["event"]]["rep"]:
        first[b["event"]] = b
for ev, b in first.items():
    for k in ("cameo", "plover", "rule", "evidence", "begin", "end"):
        want[ev][k] = b.get(k, "")
roles = {}
for b in bindings(roles_json):
    r = roles.setdefault(b["event"], {}).setdefault(b["role"], {})
    e = r.setdefault(b["x"], {"labels": set(), "qids": set()})
    if "label" in b: e["labels"].add(b["label"])
    if "wd" in b: e["qids"].add(b["wd"].rsplit("/", 1)[1])
cols = {"agent": ("agent", "agent_label", "agent_qid"),
        "agent_represents": ("agent_represents", "agent_represents_label", "agent_represents_qid"),
        "participants": ("participants", "participant_labels", "participant_qids"),
        "addressee": ("addressee", "addressee_label", "addressee_qid"),
        "mediators": ("mediators", "mediator_labels", "mediator_qids"),
        "place": ("place", "place_label", "place_qid")}
for ev, row in want.items():
    r = roles.get(ev, {})
    for role, (ci, cl, cq) in cols.items():
        xs = sorted(r.get(role, {}))
        row[ci] = "; ".join(xs)
        row[cl] = "; ".join(min(r[role][x]["labels"]) if r[role][x]["labels"] else "" for x in xs)
        row[cq] = "; ".join(min(r[role][x]["qids"]) if r[role][x]["qids"] else "" for x in xs)
    row["content"] = "; ".join(sorted(r.get("content", {})))
with open(table, encoding="utf-8", newline="") as f:
    got = list(csv.DictReader(f))
def untsv(cell):
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[cell[i + 1]]); i += 2
        else:
            out.append(cell[i]); i += 1
    return "".join(out)
with open(tsv, encoding="utf-8", newline="") as f:
    lines = f.read().split("\n")[:-1]
head = lines[0].split("\t")
tsv_rows = [dict(zip(head, [untsv(c) for c in l.split("\t")])) for l in lines[1:]]
errors = []
if tsv_rows != got:
    errors.append("TSV cells differ from CSV cells")
seen = set()
for g in got:
    ev = g["event"]
    if ev in seen: errors.append("event twice in the table: " + ev)
    seen.add(ev)
    w = want.get(ev)
    if w is None:
        errors.append("table row for an event SPARQL does not find: " + ev); continue
    for k, v in w.items():
        if g.get(k) != v:
            errors.append("%s: column %s: table %r, SPARQL %r" % (ev, k, g.get(k), v))
for ev in want:
    if ev not in seen: errors.append("event missing from the table: " + ev)
if not got: errors.append("the table has no rows")
if errors:
    print("\n".join(errors[:30])); sys.exit(1)
classes = sorted(set(g["class"] for g in got))
print("%d rows equal to SPARQL over %d columns (classes: %s)" % (len(got), len(head), ", ".join(classes)))
PYEOF
); then ok "table: $out"; else fail "table vs SPARQL in Jena:"; echo "$out" | sed 's/^/    | /' >&2; fi

# ---- stats -------------------------------------------------------------------------------
run stats stats --format tsv --top 0 "$WORK/g.nq"
[ "$RC" -eq 0 ] || { fail "parley stats exited $RC"; show "$WORK/stats.stderr"; }
run stats-text stats "$WORK/g.nq"
grep -q '^events  *[0-9]*: [0-9]* meetings' "$WORK/stats-text.stdout" || fail "parley stats (text) has no events line"
cat >"$WORK/counts.rq" <<'RQ'
PREFIX parley: <https://w3id.org/parley/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?measure ?key ?cls ?n WHERE {
  { SELECT ("articles" AS ?measure) (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a parley:Article } }
  UNION { SELECT ("articles-with-events" AS ?measure) (COUNT(DISTINCT ?a) AS ?n) WHERE {
      VALUES ?t { parley:Meeting parley:Demand parley:Denial } ?e a ?t ; prov:wasDerivedFrom ?a . ?a a parley:Article } }
  UNION { SELECT ("events" AS ?measure) ?cls (COUNT(DISTINCT ?e) AS ?n) WHERE {
      VALUES (?t ?cls) { (parley:Meeting "Meeting") (parley:Demand "Demand") (parley:Denial "Denial") } ?e a ?t } GROUP BY ?cls }
  UNION { SELECT ("actors" AS ?measure) (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a parley:Actor } }
  UNION { SELECT ("linked-actors" AS ?measure) (COUNT(DISTINCT ?x) AS ?n) WHERE {
      ?x a parley:Actor ; owl:sameAs ?w FILTER (STRSTARTS(STR(?w), "http://www.wikidata.org/entity/Q")) } }
  UNION { SELECT ("locations" AS ?measure) (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a parley:Location } }
  UNION { SELECT ("linked-locations" AS ?measure) (COUNT(DISTINCT ?x) AS ?n) WHERE {
      ?x a parley:Location ; owl:sameAs ?w FILTER (STRSTARTS(STR(?w), "http://www.wikidata.org/entity/Q")) } }
  UNION { SELECT ("article-events" AS ?measure) ?key ?cls (COUNT(DISTINCT ?e) AS ?n) WHERE {
      VALUES (?t ?cls) { (parley:Meeting "Meeting") (parley:Demand "Demand") (parley:Denial "Denial") }
      ?e a ?t ; prov:wasDerivedFrom ?a . ?a dcterms:identifier ?id BIND (STR(?id) AS ?key) } GROUP BY ?key ?cls }
  UNION { SELECT ("category-events" AS ?measure) ?key ?cls (COUNT(DISTINCT ?e) AS ?n) WHERE {
      VALUES (?t ?cls) { (parley:Meeting "Meeting") (parley:Demand "Demand") (parley:Denial "Denial") }
      ?e a ?t ; prov:wasDerivedFrom ?a . ?a a parley:Article OPTIONAL { ?a dcterms:subject ?s }
      BIND (COALESCE(STR(?s), "") AS ?key) } GROUP BY ?key ?cls }
  UNION { SELECT ("actor-events" AS ?measure) ?key ?cls (COUNT(DISTINCT ?e) AS ?n) WHERE {
      VALUES (?t ?cls) { (parley:Meeting "Meeting") (parley:Demand "Demand") (parley:Denial "Denial") }
      VALUES ?p { parley:participant parley:mediatedBy parley:agent parley:addressee }
      ?e a ?t ; ?p ?x . ?x a parley:Actor BIND (STR(?x) AS ?key) } GROUP BY ?key ?cls }
  UNION { SELECT ("actor-events" AS ?measure) ?key ("all" AS ?cls) (COUNT(DISTINCT ?e) AS ?n) WHERE {
      VALUES ?t { parley:Meeting parley:Demand parley:Denial }
      VALUES ?p { parley:participant parley:mediatedBy parley:agent parley:addressee }
      ?e a ?t ; ?p ?x . ?x a parley:Actor BIND (STR(?x) AS ?key) } GROUP BY ?key }
  UNION { SELECT ("actor-mediations" AS ?measure) ?key ("Meeting" AS ?cls) (COUNT(DISTINCT ?e) AS ?n) WHERE {
      ?e a parley:Meeting ; parley:mediatedBy ?x . ?x a parley:Actor BIND (STR(?x) AS ?key) } GROUP BY ?key }
  UNION { SELECT ("pair-meetings" AS ?measure) ?key ("Meeting" AS ?cls) (COUNT(DISTINCT ?e) AS ?n) WHERE {
      ?e a parley:Meeting ; parley:participant ?x, ?y FILTER (STR(?x) < STR(?y))
      BIND (CONCAT(STR(?x), " ", STR(?y)) AS ?key) } GROUP BY ?key }
}
RQ
if ! "$JENA" sparql --data "$WORK/g.ttl" --query "$WORK/counts.rq" --results=JSON >"$WORK/counts.json" 2>"$WORK/counts.err"; then
  fail "jena sparql counts.rq failed:"; show "$WORK/counts.err"
elif out=$("$PY" - "$WORK/stats.stdout" "$WORK/counts.json" <<'PYEOF'
import json, sys
stats, counts = sys.argv[1:3]
got = {}
with open(stats, encoding="utf-8") as f:
    lines = f.read().split("\n")
assert lines[0] == "measure\tkey\tlabel\tclass\tvalue", lines[0]
for l in lines[1:]:
    if not l: continue
    m, key, label, cls, v = l.split("\t")
    got[(m, key, cls)] = int(v)
want = {}
for b in json.load(open(counts, encoding="utf-8"))["results"]["bindings"]:
    n = int(b["n"]["value"])
    k = (b["measure"]["value"], b.get("key", {}).get("value", ""), b.get("cls", {}).get("value", ""))
    # parley stats leaves out zero counts in lists, and SPARQL has no row for them
    want[k] = n
errors = []
for k, v in sorted(want.items()):
    if got.get(k) != v: errors.append("%s: stats %s, SPARQL %d" % ("/".join(k), got.get(k), v))
for k in sorted(set(got) - set(want)):
    if got[k] != 0: errors.append("%s: stats %d, SPARQL has no such figure" % ("/".join(k), got[k]))
if not any(k[0] == "pair-meetings" for k in want): errors.append("no pair of actors meets: the test data say nothing")
if not any(k[0] == "category-events" and k[1] for k in want): errors.append("no event in a category: the test data say nothing")
if errors:
    print("\n".join(errors[:30])); sys.exit(1)
by = {}
for k in want: by[k[0]] = by.get(k[0], 0) + 1
print("%d figures equal to SPARQL COUNTs (%s)" % (len(want), ", ".join("%s %d" % kv for kv in sorted(by.items()))))
PYEOF
); then ok "stats: $out"; else fail "stats vs SPARQL COUNTs in Jena:"; echo "$out" | sed 's/^/    | /' >&2; fi

# ---- inputs that are no graph --------------------------------------------------------------
for cmd in table stats report; do
  run "$cmd-jsonl" "$cmd" -o "$WORK/x.out" "${EXAMPLES[0]}"
  if [ "$RC" -ne 1 ] || ! grep -q "parley: error: .*$(basename "${EXAMPLES[0]}").*\.nq" "$WORK/$cmd-jsonl.stderr"; then
    fail "parley $cmd on an article file: exit $RC (expected 1) and stderr:"; show "$WORK/$cmd-jsonl.stderr"
  else
    ok "parley $cmd on an article file is an error naming it"
  fi
done

# ---- extract --no-mentions ---------------------------------------------------------------------
run nomention extract --no-mentions -o "$WORK/nm.nt" "${EXAMPLES[@]}"
run withmention extract -o "$WORK/wm.nt" "${EXAMPLES[@]}"
if [ "$RC" -eq 0 ] && [ -s "$WORK/nm.nt" ]; then
  # the triples about mentions are exactly those whose subject is a #mention- IRI
  grep -v '#mention-[0-9]*-[0-9]*> ' "$WORK/wm.nt" | sort >"$WORK/wm-rest.nt"
  sort "$WORK/nm.nt" >"$WORK/nm-sorted.nt"
  n_all=$(wc -l <"$WORK/wm.nt"); n_nm=$(wc -l <"$WORK/nm.nt")
  if grep -q 'ontology#Mention>' "$WORK/nm.nt"; then
    fail "--no-mentions: the output still has a parley:Mention"
  elif ! cmp -s "$WORK/wm-rest.nt" "$WORK/nm-sorted.nt"; then
    fail "--no-mentions: the other triples changed:"; diff "$WORK/wm-rest.nt" "$WORK/nm-sorted.nt" | head >&2
  elif [ "$n_nm" -ge "$n_all" ]; then
    fail "--no-mentions: $n_nm triples, not fewer than $n_all"
  else
    ok "--no-mentions: $n_nm of $n_all triples, every one but the mentions'"
  fi
else
  fail "extract --no-mentions exited $RC"
fi

# ---- progress and summary ---------------------------------------------------------------------
run verbose extract -v -o "$WORK/v.ttl" "${EXAMPLES[@]}"
NART=$(count_articles "${EXAMPLES[@]}")
if grep -qE "^parley: $NART articles in [0-9.]+ s \(.*MB/s\): [0-9]+ meetings, [0-9]+ demands, [0-9]+ denials; wrote " "$WORK/verbose.stderr"; then
  ok "extract -v ends with a summary line"
else
  fail "extract -v: no summary line 'parley: $NART articles in ... meetings, ... demands, ... denials' on stderr:"
  show "$WORK/verbose.stderr"
fi
if command -v script >/dev/null; then
  # a pseudo-terminal: the progress line (carriage returns, MB/s) and the summary
  script -qec "$(printf '%q ' "$PARLEY" extract -o "$WORK/tty.ttl" "${INPUTS[@]}")" /dev/null >"$WORK/tty.log" 2>&1 || true
  if grep -q $'\r''parley: [0-9]* articles, [0-9.]*/[0-9.]* MB' "$WORK/tty.log" && grep -q 'MB/s' "$WORK/tty.log" \
      && grep -qE 'parley: [0-9]+ articles in .* meetings' "$WORK/tty.log"; then
    ok "extract on a terminal: a progress line and a summary"
  else
    fail "extract on a terminal (script): no progress line or summary:"; show "$WORK/tty.log"
  fi
  script -qec "$(printf '%q ' "$PARLEY" extract -q -o "$WORK/ttyq.ttl" "${EXAMPLES[@]}")" /dev/null >"$WORK/ttyq.log" 2>&1 || true
  if [ -s "$WORK/ttyq.log" ]; then fail "extract -q on a terminal printed:"; show "$WORK/ttyq.log"; else ok "extract -q on a terminal is silent"; fi
else
  fail "script(1) is missing (util-linux): the terminal check cannot run"
fi

finish
