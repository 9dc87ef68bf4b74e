#!/usr/bin/env bash
# report.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# parley report on the examples, rendered in headless Chromium (Debian's chromium, installed by
# scripts/setup.sh):
#   - the page is self-contained: no http(s) address is loaded (no src=, no <link>, no
#     @import, no fetch), so it renders with the network off;
#   - chromium --dump-dom (the DOM after the page's script ran): body[data-drawn=true]; one
#     g.node per actor that takes part in or mediates a meeting, one line.edge.meet per pair of
#     sides of a meeting and one line.edge.mediate per mediator and side, with the counts of
#     meetings, all as SPARQL in Jena finds them over the same graph; one circle.event per
#     dated event; one table row and one evidence item per event, each row linking to its
#     evidence; the actors and the mediation the examples' README lists (Germany brokered the
#     Ağdam talks) are there;
#   - chromium --screenshot: a PNG of the page that is not blank (many non-white pixels, many
#     colours), decoded with Python's zlib (no imaging library needed);
#   - no JavaScript error on the console.
# Needs chromium (Debian package), $PARLEY_SHARED/tools/jena and /usr/bin/python3.
source "$(dirname "$0")/lib.sh" "$@"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  fail "chromium is not installed (scripts/setup.sh installs Debian's chromium)"
  finish
fi
example_inputs
run extract extract -o "$WORK/ex.ttl" "${EXAMPLES[@]}"
[ "$RC" -eq 0 ] || { fail "parley extract exited $RC"; show "$WORK/extract.stderr"; finish; }
run report report -o "$WORK/report.html" --title "parley examples" "$WORK/ex.ttl"
[ "$RC" -eq 0 ] && [ -s "$WORK/report.html" ] || { fail "parley report exited $RC"; show "$WORK/report.stderr"; finish; }
if grep -qiE '(src|href)="https?:|<link |@import|fetch\(|XMLHttpRequest' "$WORK/report.html"; then
  fail "report.html loads something from elsewhere:"; grep -oiE '(src|href)="https?:[^"]*|<link [^>]*|@import[^;]*' "$WORK/report.html" | head >&2
else
  ok "report.html is self-contained ($(wc -c <"$WORK/report.html") bytes)"
fi

# Chromium as root needs --no-sandbox; the background-networking flags keep it off the network.
chrome() {
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --disable-extensions \
    --user-data-dir="$WORK/profile" --virtual-time-budget=5000 --enable-logging=stderr --v=0 "$@"
}
url="file://$WORK/report.html"
rc=0
chrome --dump-dom "$url" >"$WORK/dom.html" 2>"$WORK/dom.err" || rc=$?
[ "$rc" -eq 0 ] && [ -s "$WORK/dom.html" ] || { fail "chromium --dump-dom exited $rc:"; show "$WORK/dom.err"; finish; }
rc=0
chrome --screenshot="$WORK/shot.png" --window-size=1280,1600 --hide-scrollbars "$url" >"$WORK/shot.log" 2>&1 || rc=$?
[ "$rc" -eq 0 ] && [ -s "$WORK/shot.png" ] || { fail "chromium --screenshot exited $rc:"; show "$WORK/shot.log"; }
if grep -E 'CONSOLE|Uncaught' "$WORK/dom.err" | grep -qiE 'error|uncaught'; then
  fail "JavaScript errors on the console:"; grep -E 'CONSOLE|Uncaught' "$WORK/dom.err" | head >&2
else
  ok "no JavaScript error on the console"
fi

cat >"$WORK/net.rq" <<'RQ'
PREFIX parley: <https://w3id.org/parley/ontology#>
SELECT ?kind ?a ?b (COUNT(DISTINCT ?m) AS ?n) WHERE {
  { ?m a parley:Meeting ; parley:participant ?a BIND ("node" AS ?kind) BIND ("" AS ?b) }
  UNION { ?m a parley:Meeting ; parley:mediatedBy ?a BIND ("node" AS ?kind) BIND ("" AS ?b) }
  UNION { ?m a parley:Meeting ; parley:participant ?a, ?b FILTER (STR(?a) < STR(?b)) BIND ("meet" AS ?kind) }
  UNION { ?m a parley:Meeting ; parley:mediatedBy ?a ; parley:participant ?b FILTER (?a != ?b) BIND ("mediate" AS ?kind) }
} GROUP BY ?kind ?a ?b
RQ
cat >"$WORK/ev.rq" <<'RQ'
PREFIX parley: <https://w3id.org/parley/ontology#>
SELECT (COUNT(DISTINCT ?e) AS ?events) (COUNT(DISTINCT ?d) AS ?dated) WHERE {
  VALUES ?t { parley:Meeting parley:Demand parley:Denial } ?e a ?t
  OPTIONAL { ?e parley:date ?date BIND (?e AS ?d) } }
RQ
for q in net ev; do
  "$JENA" sparql --data "$WORK/ex.ttl" --query "$WORK/$q.rq" --results=JSON >"$WORK/$q.json" 2>"$WORK/$q.err" \
    || { fail "jena sparql $q.rq failed:"; show "$WORK/$q.err"; finish; }
done

if out=$("$PY" - "$WORK/dom.html" "$WORK/net.json" "$WORK/ev.json" "$WORK/shot.png" <<'PYEOF'
import json, struct, sys, zlib
from html.parser import HTMLParser
dom_path, net_path, ev_path, png_path = sys.argv[1:5]
class P(HTMLParser):
    def __init__(self):
        super().__init__(); self.els = []
    def handle_starttag(self, tag, attrs):
        self.els.append((tag, dict(attrs)))
    handle_startendtag = handle_starttag
p = P(); p.feed(open(dom_path, encoding="utf-8").read())
def cls(a): return set((a.get("class") or "").split())
errors = []
body = [a for t, a in p.els if t == "body"]
if not body or body[0].get("data-drawn") != "true":
    errors.append("body has no data-drawn=true: the page's script did not run to the end")
nodes = {a["data-iri"]: int(a["data-meetings"]) for t, a in p.els if t == "g" and "node" in cls(a)}
meet = {(a["data-a"], a["data-b"]): int(a["data-meetings"]) for t, a in p.els if t == "line" and "meet" in cls(a)}
mediate = {(a["data-a"], a["data-b"]): int(a["data-meetings"]) for t, a in p.els if t == "line" and "mediate" in cls(a)}
dots = [a for t, a in p.els if t == "circle" and "event" in cls(a)]
rows = [a for t, a in p.els if t == "tr" and "event" in cls(a)]
items = {a.get("id") for t, a in p.els if t == "li" and "evidence" in cls(a)}
links = {a.get("href", "")[1:] for t, a in p.els if t == "a" and a.get("href", "").startswith("#ev-")}
want_nodes, want_meet, want_mediate = {}, {}, {}
for b in json.load(open(net_path, encoding="utf-8"))["results"]["bindings"]:
    k, a, n = b["kind"]["value"], b["a"]["value"], int(b["n"]["value"])
    if k == "node": want_nodes[a] = want_nodes.get(a, 0) + n   # participant and mediator rows add up
    elif k == "meet": want_meet[(a, b["b"]["value"])] = n
    else: want_mediate[(a, b["b"]["value"])] = n
ev = json.load(open(ev_path, encoding="utf-8"))["results"]["bindings"][0]
n_events, n_dated = int(ev["events"]["value"]), int(ev["dated"]["value"])
# a node's size counts meetings it is in as a side or a mediator (never both in one meeting)
if nodes != want_nodes: errors.append("nodes: DOM %s, SPARQL %s" % (sorted(nodes.items()), sorted(want_nodes.items())))
if meet != want_meet: errors.append("meeting edges: DOM %s, SPARQL %s" % (sorted(meet.items()), sorted(want_meet.items())))
if mediate != want_mediate: errors.append("mediation edges: DOM %s, SPARQL %s" % (sorted(mediate.items()), sorted(want_mediate.items())))
if len(dots) != n_dated: errors.append("timeline: %d dots, %d dated events" % (len(dots), n_dated))
if len(rows) != n_events: errors.append("tables: %d rows, %d events" % (len(rows), n_events))
if len(items) != n_events or links != items: errors.append("evidence: %d items, %d events, links %d" % (len(items), n_events, len(links)))
E = "https://w3id.org/parley/id/entity/"
for need in ["person/Elçin_Qasımlı", "person/Gor_Hakobyan", "state/DE", "state/QA"]:
    if E + need not in nodes: errors.append("the network lacks " + need)
if (E + "state/DE", E + "person/Gor_Hakobyan") not in mediate:
    errors.append("no mediation edge Germany -> Gor Hakobyan (04-agdam-talks.txt: brokered by Germany)")
if not meet: errors.append("no meeting edge at all")
# The screenshot: decode the PNG (8-bit RGB or RGBA) and count non-white pixels and colours.
data = open(png_path, "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, w = 8, b"", 0
while pos < len(data):
    n, kind = struct.unpack(">I4s", data[pos:pos + 8]); chunk = data[pos + 8:pos + 8 + n]; pos += 12 + n
    if kind == b"IHDR": w, h, depth, ctype = struct.unpack(">IIBB", chunk[:10])
    elif kind == b"IDAT": idat += chunk
assert depth == 8 and ctype in (2, 6), "PNG depth %d colour type %d" % (depth, ctype)
bpp = 3 if ctype == 2 else 4
raw, stride = zlib.decompress(idat), w * bpp
prev, px, colours, nonwhite = bytearray(stride), 0, set(), 0
for y in range(h):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0; b = prev[i]; c = prev[i - bpp] if i >= bpp else 0
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if y % 4 == 0:
        for x in range(0, w, 4):
            rgb = bytes(line[x * bpp:x * bpp + 3]); px += 1; colours.add(rgb)
            if rgb != b"\xff\xff\xff": nonwhite += 1
    prev = line
share = nonwhite / px
if share < 0.02 or len(colours) < 16:
    errors.append("the screenshot looks blank: %.1f %% non-white, %d colours" % (100 * share, len(colours)))
if errors:
    print("\n".join(errors)); sys.exit(1)
print("%d nodes, %d meeting and %d mediation edges as in SPARQL; %d dots; %d rows with evidence; "
      "screenshot %dx%d, %.0f %% non-white, %d colours" % (len(nodes), len(meet), len(mediate), len(dots), len(rows),
      w, h, 100 * share, len(colours)))
PYEOF
); then ok "report in chromium: $out"; else fail "report in chromium:"; echo "$out" | sed 's/^/    | /' >&2; fi

finish
