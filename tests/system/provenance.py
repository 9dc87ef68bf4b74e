#!/usr/bin/python3
"""provenance.py: evidence spans and provenance of parley's output, checked against the input.

    provenance.py PARLEY_BIN SOURCE_DIR WORK_DIR
        runs parley (Turtle and N-Quads) on SOURCE_DIR/examples/* and, separately, on
        SOURCE_DIR/tests/data/good/*, and checks both outputs
    provenance.py --check OUT.ttl OUT.nq INPUT...
        checks outputs parley already wrote for INPUT... (OUT.nq may be "-" to skip it)

The input is re-read the way parley reads it: a .txt file is one article (identifier = base
name) whose text is its bytes with invalid UTF-8 replaced by U+FFFD per maximal invalid
subsequence (Unicode's recommended practice, which Python's decoder follows); a .jsonl file
holds one article a line (identifier = `id`, text = `text` after JSON unescaping, as UTF-8).

Checks, for every node that has parley:evidence (and every MeetingReport, Demand, Denial, Mention,
which must have one):
  - exactly one evidence, beginOffset and endOffset; 0 <= begin <= end <= len(text bytes);
  - text_bytes[begin:end] decodes as UTF-8 and equals the evidence literal;
  - it has prov:wasDerivedFrom exactly one Article, which has one dcterms:identifier naming
    an input article; its IRI is `{article IRI}#...`, a `#mention-B-E` IRI carries its own
    offsets and a `#meeting-N`/`#demand-N`/`#denial-N` trigger offset lies inside the span;
  - in N-Quads its evidence triple is in the named graph of that article.
Every Actor, Location, Meeting, MeetingReport, Demand, Denial and Mention has prov:wasDerivedFrom, and
everything it derives from is a parley:Article with a dcterms:identifier.  Every Article has
parley:textLength equal to the byte length of its text, and the set of article identifiers is
exactly the set of input articles; an identifier made of [A-Za-z0-9._-] is the IRI's key,
any other ends the key with `-` and the 16 hex digits of its FNV-1a 64 hash.
"""
import json
import os
import re
import subprocess
import sys

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF

P = "https://w3id.org/parley/ontology#"
PROV = "http://www.w3.org/ns/prov#"
DCT = "http://purl.org/dc/terms/"
ARTICLE = URIRef(P + "Article")
EVIDENCE = URIRef(P + "evidence")
BEGIN = URIRef(P + "beginOffset")
END = URIRef(P + "endOffset")
TEXT_LENGTH = URIRef(P + "textLength")
DERIVED = URIRef(PROV + "wasDerivedFrom")
IDENTIFIER = URIRef(DCT + "identifier")
# an article's meeting report has its evidence; the merge graph's Meeting joins reports and has none
EVIDENCED = {URIRef(P + c) for c in ("MeetingReport", "Demand", "Denial", "Mention")}
DERIVED_REQUIRED = EVIDENCED | {URIRef(P + c) for c in ("Actor", "Location", "Meeting")}
SIMPLE_KEY = re.compile(r"[A-Za-z0-9._-]+\Z")
MAX_REPORTS = 40


def read_articles(paths):
    """Returns {identifier: text bytes as parley reads them}.  Raises on duplicate ids."""
    articles = {}

    def add(ident, data):
        if ident in articles:
            raise SystemExit(f"test set-up: two input articles with identifier {ident!r}")
        articles[ident] = data

    for path in paths:
        raw = open(path, "rb").read()
        if path.endswith(".jsonl"):
            for line in raw.split(b"\n"):
                if not line.strip():
                    continue
                rec = json.loads(line.decode("utf-8", errors="replace"))
                add(str(rec["id"]), rec["text"].encode("utf-8"))
        else:
            add(os.path.basename(path), raw.decode("utf-8", errors="replace").encode("utf-8"))
    return articles


def fnv1a64(data):
    h = 0xCBF29CE484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def one(g, s, p):
    vals = list(g.objects(s, p))
    return vals[0] if len(vals) == 1 else (None if not vals else vals)


class Checker:
    def __init__(self, label):
        self.label = label
        self.problems = []

    def bad(self, msg):
        self.problems.append(msg)

    def check(self, ttl, nq, inputs):
        articles = read_articles(inputs)
        g = rdflib.Graph()
        g.parse(ttl, format="turtle")

        # Articles and their identifiers.
        art_id = {}
        for a in set(g.subjects(RDF.type, ARTICLE)):
            ident = one(g, a, IDENTIFIER)
            if not isinstance(ident, Literal):
                self.bad(f"article {a} has {ident!r} as dcterms:identifier (want exactly one)")
                continue
            art_id[a] = str(ident)
            if str(ident) not in articles:
                self.bad(f"article {a} has identifier {str(ident)!r}, not an input article")
                continue
            tl = one(g, a, TEXT_LENGTH)
            want = len(articles[str(ident)])
            if not isinstance(tl, Literal) or tl.toPython() != want:
                self.bad(f"article {str(ident)!r}: parley:textLength is {tl!r}, "
                         f"the text has {want} bytes")
            key = str(a).rsplit("/article/", 1)[-1]
            if SIMPLE_KEY.match(str(ident)):
                if key != str(ident):
                    self.bad(f"article {str(ident)!r} has IRI {a}; its key should be the "
                             f"identifier itself")
            else:
                h = format(fnv1a64(str(ident).encode("utf-8")), "016x")
                if not key.lower().endswith("~" + h):
                    self.bad(f"article {str(ident)!r} has IRI {a}; its key should end with "
                             f"~{h} (FNV-1a 64 of the identifier)")
        missing = sorted(set(articles) - set(art_id.values()))
        if missing:
            self.bad(f"input articles with no parley:Article in the output: {missing}")
        seen = {}
        for a, i in art_id.items():
            if i in seen:
                self.bad(f"two Article nodes {seen[i]} and {a} share identifier {i!r}")
            seen[i] = a

        # prov:wasDerivedFrom on every Actor/Location/Event/Mention.
        for cls in sorted(DERIVED_REQUIRED):
            for n in set(g.subjects(RDF.type, cls)):
                srcs = list(g.objects(n, DERIVED))
                if not srcs:
                    self.bad(f"{n} (a {cls.split('#')[1]}) has no prov:wasDerivedFrom")
                for s in srcs:
                    if s not in art_id:
                        self.bad(f"{n} prov:wasDerivedFrom {s}, which is not a parley:Article "
                                 f"with a dcterms:identifier")

        # Evidence spans.
        nodes = set(g.subjects(EVIDENCE, None))
        for cls in EVIDENCED:
            for n in set(g.subjects(RDF.type, cls)):
                if n not in nodes:
                    self.bad(f"{n} (a {cls.split('#')[1]}) has no parley:evidence")
        checked = 0
        node_article = {}
        for n in sorted(nodes):
            ev, b, e = one(g, n, EVIDENCE), one(g, n, BEGIN), one(g, n, END)
            if not all(isinstance(x, Literal) for x in (ev, b, e)):
                self.bad(f"{n}: want exactly one evidence, beginOffset, endOffset; found "
                         f"{ev!r}, {b!r}, {e!r}")
                continue
            b, e = b.toPython(), e.toPython()
            if not isinstance(b, int) or not isinstance(e, int):
                self.bad(f"{n}: offsets {b!r}, {e!r} are not integers")
                continue
            srcs = [s for s in g.objects(n, DERIVED) if s in art_id]
            if len(srcs) != 1:
                self.bad(f"{n} has evidence but derives from {len(srcs)} articles (want 1)")
                continue
            a = srcs[0]
            node_article[n] = a
            ident = art_id[a]
            if ident not in articles:
                continue
            text = articles[ident]
            if not str(n).startswith(str(a) + "#"):
                self.bad(f"{n} is not named {a}#... after its article")
            frag = str(n).rsplit("#", 1)[-1]
            m = re.fullmatch(r"mention-(\d+)-(\d+)", frag)
            if m and (int(m.group(1)), int(m.group(2))) != (b, e):
                self.bad(f"{n}: IRI says {m.group(1)}-{m.group(2)} but offsets are {b}-{e}")
            m = re.fullmatch(r"(?:meeting|demand|denial)-(\d+)", frag)
            if m and not (b <= int(m.group(1)) < e):
                self.bad(f"{n}: trigger offset {m.group(1)} is outside its evidence [{b}, {e})")
            if not (0 <= b <= e <= len(text)):
                self.bad(f"{ident}: {n}: span [{b}, {e}) is outside the text "
                         f"({len(text)} bytes)")
                continue
            try:
                got = text[b:e].decode("utf-8")
            except UnicodeDecodeError:
                self.bad(f"{ident}: {n}: span [{b}, {e}) splits a UTF-8 character: "
                         f"{text[max(0, b - 3):e + 3]!r}")
                continue
            if got != str(ev):
                self.bad(f"{ident}: {n}: text[{b}:{e}] is {got!r} but evidence is {str(ev)!r}")
                continue
            checked += 1

        # N-Quads: each evidence triple sits in its article's graph.
        if nq != "-":
            cg = rdflib.ConjunctiveGraph()
            cg.parse(nq, format="nquads")
            for s, _, _, ctx in cg.quads((None, EVIDENCE, None, None)):
                want = node_article.get(s)
                if want is not None and ctx.identifier != want:
                    self.bad(f"N-Quads: the evidence of {s} is in graph {ctx.identifier}, "
                             f"not in its article's graph {want}")

        print(f"{self.label}: {len(art_id)} articles, {checked} of {len(nodes)} evidence spans "
              f"match the text")
        if not nodes:
            self.bad("no node with parley:evidence at all: nothing was extracted, so nothing "
                     "was checked")
        return checked


def report(checker):
    for p in checker.problems[:MAX_REPORTS]:
        print(f"FAIL: {checker.label}: {p}", file=sys.stderr)
    if len(checker.problems) > MAX_REPORTS:
        print(f"FAIL: {checker.label}: ... and {len(checker.problems) - MAX_REPORTS} more",
              file=sys.stderr)
    return not checker.problems


def run_parley(parley, fmt, out, inputs):
    r = subprocess.run([parley, "extract", "--format", fmt, "-o", out] + inputs,
                       capture_output=True, timeout=120)
    if r.returncode != 0:
        print(f"FAIL: parley extract --format {fmt} on {len(inputs)} inputs exited "
              f"{r.returncode}; stderr:\n{r.stderr.decode('utf-8', 'replace')[:2000]}",
              file=sys.stderr)
        return False
    return True


def glob_inputs(d):
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, f) for f in os.listdir(d)
                  if f.endswith(".txt") or f.endswith(".jsonl"))


def main(argv):
    if len(argv) >= 4 and argv[1] == "--check":
        c = Checker(os.path.basename(argv[2]))
        c.check(argv[2], argv[3], argv[4:])
        return 0 if report(c) else 1
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    parley, src, work = os.path.abspath(argv[1]), argv[2], argv[3]
    subprocess.run(["rm", "-rf", work], check=True)
    os.makedirs(work)
    ok = True
    sets = [("examples", glob_inputs(os.path.join(src, "examples"))),
            ("tests/data/good", glob_inputs(os.path.join(src, "tests", "data", "good")))]
    for label, inputs in sets:
        if not inputs:
            print(f"FAIL: no .txt or .jsonl inputs under {label}", file=sys.stderr)
            ok = False
            continue
        base = os.path.join(work, label.replace("/", "_"))
        ttl, nq = base + ".ttl", base + ".nq"
        if not (run_parley(parley, "turtle", ttl, inputs)
                and run_parley(parley, "nquads", nq, inputs)):
            ok = False
            if not (os.path.exists(ttl) and os.path.exists(nq)):
                continue
        c = Checker(label)
        try:
            c.check(ttl, nq, inputs)
        except Exception as e:  # a parse error is a finding, not a crash of the test
            c.bad(f"could not check the output: {type(e).__name__}: {e}")
        ok = report(c) and ok
    print("provenance: all checks passed" if ok else "provenance: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
