#!/usr/bin/python3
"""Small rdflib helpers for parley's system tests (run with /usr/bin/python3).

    rdftool.py count FORMAT FILE
        print the number of statements rdflib reads (quads for nquads/trig, triples otherwise)
    rdftool.py formats TTL NT NQ TRIG NARTICLES
        cross-format checks: the N-Triples graph equals the Turtle graph, the N-Quads quads
        equal the TriG quads, the union of the N-Quads graphs equals the Turtle graph, N-Quads
        and TriG hold one named graph per article (named by the article IRI) and nothing in the
        default graph.  Prints one line per failure and exits 1 if any.
    rdftool.py ids FORMAT FILE
        print a JSON list of the dcterms:identifier of every parley:Article (sorted)
    rdftool.py has-ids FORMAT FILE ID...
        exit 0 if every ID is the dcterms:identifier of an Article, else print the missing ones
    rdftool.py lacks-ids FORMAT FILE ID...
        exit 0 if no ID is the identifier of an Article, else print the ones present
    rdftool.py same-ids FORMAT FILE ID...
        exit 0 if the Articles' identifiers are exactly the IDs, else print both lists
    rdftool.py one-id-per-article FORMAT FILE
        exit 0 if every Article has exactly one dcterms:identifier (two records never share an
        article IRI), else print the IRIs with their identifiers
    rdftool.py has-fffd FORMAT FILE
        exit 0 if some literal holds U+FFFD, 1 otherwise
    rdftool.py article-dates FORMAT FILE
        print a JSON object {identifier: [dcterms:date lexical forms]} for every Article

FORMAT is one of turtle, ntriples, nquads, trig.
"""
import json
import sys

import rdflib
from rdflib import URIRef, BNode
from rdflib.namespace import RDF

PARLEY = "https://w3id.org/parley/ontology#"
DCTERMS = "http://purl.org/dc/terms/"
ARTICLE = URIRef(PARLEY + "Article")
IDENTIFIER = URIRef(DCTERMS + "identifier")
DCDATE = URIRef(DCTERMS + "date")

# rdflib puts triples outside any GRAPH block into a context named after the document's
# public id; fix that id so the default graph can be recognised.
DEFAULT_GRAPH_ID = "urn:x-parley-test:default-graph"

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig"}


def is_dataset_format(fmt):
    return fmt in ("nquads", "trig")


def parse(fmt, path):
    """Returns an rdflib Graph (turtle, ntriples) or ConjunctiveGraph (nquads, trig)."""
    if is_dataset_format(fmt):
        g = rdflib.ConjunctiveGraph()
    else:
        g = rdflib.Graph()
    g.parse(path, format=RDFLIB_FORMAT[fmt], publicID=DEFAULT_GRAPH_ID)
    return g


def default_graph_ids(cg):
    return {cg.default_context.identifier, URIRef(DEFAULT_GRAPH_ID)}


def quads(cg):
    """Set of (s, p, o, graph name) of a ConjunctiveGraph, graph name None for the default."""
    dflt = default_graph_ids(cg)
    out = set()
    for s, p, o, ctx in cg.quads((None, None, None, None)):
        gid = ctx.identifier if ctx is not None else None
        out.add((s, p, o, None if gid in dflt else gid))
    return out


def count(fmt, path):
    g = parse(fmt, path)
    if is_dataset_format(fmt):
        return len(quads(g))
    return len(g)


def has_bnodes(triples):
    return any(isinstance(t, BNode) for tr in triples for t in tr)


def nt_line(triple):
    return " ".join(t.n3() for t in triple) + " ."


def compare_graphs(name_a, a, name_b, b, problems):
    """a, b: sets of triples.  Appends a readable difference to problems."""
    if has_bnodes(a) or has_bnodes(b):
        from rdflib.compare import isomorphic
        ga, gb = rdflib.Graph(), rdflib.Graph()
        for t in a:
            ga.add(t)
        for t in b:
            gb.add(t)
        if not isomorphic(ga, gb):
            problems.append(f"{name_a} and {name_b} are not isomorphic "
                            f"({len(a)} vs {len(b)} triples)")
        return
    if a == b:
        return
    only_a = sorted(nt_line(t) for t in a - b)
    only_b = sorted(nt_line(t) for t in b - a)
    msg = [f"{name_a} ({len(a)} triples) differs from {name_b} ({len(b)} triples): "
           f"{len(only_a)} only in {name_a}, {len(only_b)} only in {name_b}"]
    for line in only_a[:10]:
        msg.append(f"    only in {name_a}: {line}")
    for line in only_b[:10]:
        msg.append(f"    only in {name_b}: {line}")
    problems.append("\n".join(msg))


def cmd_formats(ttl, nt, nq, trig, narticles):
    problems = []
    g_ttl = parse("turtle", ttl)
    g_nt = parse("ntriples", nt)
    cg_nq = parse("nquads", nq)
    cg_trig = parse("trig", trig)
    t_ttl = set(g_ttl)
    t_nt = set(g_nt)
    q_nq = quads(cg_nq)
    q_trig = quads(cg_trig)
    print(f"rdflib: turtle {len(t_ttl)} triples, ntriples {len(t_nt)} triples, "
          f"nquads {len(q_nq)} quads, trig {len(q_trig)} quads")

    compare_graphs("N-Triples", t_nt, "Turtle", t_ttl, problems)
    union_nq = {(s, p, o) for s, p, o, _ in q_nq}
    compare_graphs("union of N-Quads graphs", union_nq, "Turtle", t_ttl, problems)
    union_trig = {(s, p, o) for s, p, o, _ in q_trig}
    compare_graphs("union of TriG graphs", union_trig, "Turtle", t_ttl, problems)
    if q_nq != q_trig:
        only_nq = sorted(f"{nt_line(q[:3])} in {q[3]}" for q in q_nq - q_trig)
        only_trig = sorted(f"{nt_line(q[:3])} in {q[3]}" for q in q_trig - q_nq)
        msg = [f"N-Quads quads differ from TriG quads: {len(only_nq)} only in N-Quads, "
               f"{len(only_trig)} only in TriG"]
        msg += [f"    only in N-Quads: {x}" for x in only_nq[:10]]
        msg += [f"    only in TriG: {x}" for x in only_trig[:10]]
        problems.append("\n".join(msg))

    articles = set(g_ttl.subjects(RDF.type, ARTICLE))
    if len(articles) != narticles:
        problems.append(f"Turtle has {len(articles)} parley:Article nodes, expected {narticles} "
                        f"(one per input article)")
    for label, qs in (("N-Quads", q_nq), ("TriG", q_trig)):
        in_default = [q for q in qs if q[3] is None]
        if in_default:
            problems.append(f"{label}: {len(in_default)} triples in the default graph, e.g. "
                            + nt_line(in_default[0][:3]))
        names = {q[3] for q in qs if q[3] is not None}
        # one graph per article, and the merge graph (parley merge) when there is one
        merge = {n for n in names if str(n).endswith("/graph/merge")}
        if len(merge) > 1:
            problems.append(f"{label}: {len(merge)} merge graphs, expected at most one")
        names -= merge
        if len(names) != narticles:
            problems.append(f"{label}: {len(names)} named graphs besides the merge graph, expected "
                            f"{narticles} (one per article)")
        if names != articles:
            problems.append(f"{label}: graph names are not the article IRIs: "
                            f"graphs without an article {sorted(map(str, names - articles))[:5]}, "
                            f"articles without a graph {sorted(map(str, articles - names))[:5]}")
        for a in articles:
            if (a, RDF.type, ARTICLE, a) not in qs:
                problems.append(f"{label}: the article {a} is not typed parley:Article inside "
                                f"its own named graph")
    for p in problems:
        print("FAIL: " + p)
    return 1 if problems else 0


def article_ids(fmt, path):
    g = parse(fmt, path)
    ids = []
    for a in set(g.subjects(RDF.type, ARTICLE)):
        for i in g.objects(a, IDENTIFIER):
            ids.append(str(i))
    return sorted(ids)


def main(argv):
    if len(argv) < 2:
        sys.stderr.write(__doc__)
        return 2
    cmd, args = argv[1], argv[2:]
    if cmd == "count" and len(args) == 2:
        print(count(args[0], args[1]))
        return 0
    if cmd == "formats" and len(args) == 5:
        return cmd_formats(*args[:4], int(args[4]))
    if cmd == "ids" and len(args) == 2:
        print(json.dumps(article_ids(args[0], args[1]), ensure_ascii=False))
        return 0
    if cmd in ("has-ids", "lacks-ids", "same-ids") and len(args) >= 2:
        got = article_ids(args[0], args[1])
        want = args[2:]
        if cmd == "has-ids":
            bad = [i for i in want if i not in got]
        elif cmd == "lacks-ids":
            bad = [i for i in want if i in got]
        else:
            bad = [] if sorted(got) == sorted(want) else ["want " + json.dumps(sorted(want))]
        if bad:
            print(json.dumps(bad, ensure_ascii=False) + " (output has "
                  + json.dumps(got, ensure_ascii=False) + ")")
            return 1
        return 0
    if cmd == "one-id-per-article" and len(args) == 2:
        g = parse(args[0], args[1])
        bad = {}
        for a in set(g.subjects(RDF.type, ARTICLE)):
            ids = sorted(set(str(i) for i in g.objects(a, IDENTIFIER)))
            if len(ids) != 1:
                bad[str(a)] = ids
        if bad:
            print(json.dumps(bad, ensure_ascii=False, sort_keys=True))
            return 1
        return 0
    if cmd == "has-fffd" and len(args) == 2:
        g = parse(args[0], args[1])
        for t in g.triples((None, None, None)) if not is_dataset_format(args[0]) else \
                ((s, p, o) for s, p, o, _ in g.quads((None, None, None, None))):
            if isinstance(t[2], rdflib.Literal) and "\ufffd" in str(t[2]):
                return 0
        return 1
    if cmd == "article-dates" and len(args) == 2:
        g = parse(args[0], args[1])
        out = {}
        for a in set(g.subjects(RDF.type, ARTICLE)):
            for i in g.objects(a, IDENTIFIER):
                out[str(i)] = sorted(str(d) for d in g.objects(a, DCDATE))
        print(json.dumps(out, ensure_ascii=False, sort_keys=True))
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
