#!/usr/bin/env python3
r"""Sample rule firings from parley's N-Quads output for a by-hand precision audit.

How to run, from the repository root (mappings/rules/AUDIT.md has the audit it was made for):

    mkdir -p /tmp/audit; C=/work/shared/corpus
    for f in reuters21578 bbc wikinews; do
        nice build/parley extract -q --format nquads -o /tmp/audit/$f.nq $C/$f.jsonl; done
    scripts/rule-audit-sample.py -o /tmp/audit/sample.tsv --counts /tmp/audit/counts.tsv \
        /tmp/audit/{reuters21578,bbc,wikinews}.nq

One firing per parley:Demand / parley:Denial node, under its parley:rule (agent, addressee,
content); one per parley:MeetingReport node, under its parley:rule (the participants in the agent
column, the mediators in the addressee column); and one per parley:mediatedBy link, under each
parley:mediationRule of its meeting (the mediator in the agent column, the meeting's sides in
the addressee column; a meeting whose mediators two rules found counts its links under both,
and the reader judges which rule's link it is). A file given as RULE=FILE (a run with only that
mediator rule on, as an older audit did) gives one firing per mediatedBy link, under RULE, and
nothing else. Writes the sample (rule, article, agent, addressee, content, evidence), at most
--per-rule rows per rule, and the number of all firings per rule. Deterministic: each rule's
firings are sorted and sampled with their own fixed seed. Standard library only.
"""
import argparse
import collections
import random
import re
import sys

ONT = "https://w3id.org/parley/ontology#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
TERM = re.compile(r'<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:\^\^<[^>]*>|@[\w-]+)?')
EVENT = re.compile(r"#(demand|denial|meeting)-")
ESC = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)')
SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(s):
    return ESC.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" else SIMPLE.get(m.group(1), m.group(1)), s)


def read_nquads(path):
    """Yields (subject, predicate, object) with IRIs and literals as plain strings."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            terms = []
            for m in TERM.finditer(line):
                terms.append(m.group(1) if m.group(1) is not None else
                             m.group(2) if m.group(2) is not None else unescape(m.group(3)))
                if len(terms) == 3:
                    yield tuple(terms)
                    break


def firings(path, mediator_rule):
    """One dict per firing in one file."""
    props = collections.defaultdict(lambda: collections.defaultdict(list))
    labels = {}
    for s, p, o in read_nquads(path):
        if p == LABEL:
            labels[s] = o
        elif EVENT.search(s):  # skip mentions, entities and articles
            props[s][p].append(o)
    lab = lambda iris: ";".join(sorted(labels.get(i, i.rsplit("/", 1)[-1]) for i in iris))
    one = lambda node, p: (node.get(ONT + p) or [""])[0]
    for s in sorted(props):
        node = props[s]
        types = node.get(RDF_TYPE, [])
        article = node.get(DERIVED, [""])[0].rsplit("/", 1)[-1]
        if mediator_rule is None and (ONT + "Demand" in types or ONT + "Denial" in types):
            yield dict(rule=one(node, "rule"), article=article, node=s, agent=lab(node.get(ONT + "agent", [])),
                       addressee=lab(node.get(ONT + "addressee", [])), content=one(node, "content"),
                       evidence=one(node, "evidence"))
        elif ONT + "MeetingReport" in types:  # an article's own meeting (the merge graph's Meeting has no rule)
            if mediator_rule is None:
                yield dict(rule=one(node, "rule"), article=article, node=s, agent=lab(node.get(ONT + "participant", [])),
                           addressee=lab(node.get(ONT + "mediatedBy", [])), content="", evidence=one(node, "evidence"))
            rules = [mediator_rule] if mediator_rule else sorted(node.get(ONT + "mediationRule", [])) or ["(mediator, any rule)"]
            for rule in rules:
                for med in sorted(node.get(ONT + "mediatedBy", [])):
                    yield dict(rule=rule, article=article, node=s + " " + med, agent=lab([med]),
                               addressee=lab(node.get(ONT + "participant", [])), content="",
                               evidence=one(node, "evidence"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="FILE.nq, or RULE=FILE.nq for a single-mediator-rule run")
    ap.add_argument("--per-rule", type=int, default=20, help="at most this many sampled firings per rule")
    ap.add_argument("--seed", default="parley-rule-audit", help="sampling seed (fixed by default)")
    ap.add_argument("-o", "--output", default="-", help="sample TSV (default stdout)")
    ap.add_argument("--counts", default=None, help="TSV of all firings per rule (default stderr)")
    args = ap.parse_args()

    by_rule = collections.defaultdict(dict)
    for spec in sorted(args.inputs):
        rule, path = spec.split("=", 1) if "=" in spec else (None, spec)
        for f in firings(path, rule):
            by_rule[f["rule"]][(f["article"], f["node"])] = f  # a firing seen twice counts once

    cols = ["rule", "article", "agent", "addressee", "content", "evidence"]
    clean = lambda v: " ".join(str(v).split())  # no tabs or newlines inside a field
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    out.write("\t".join(cols) + "\n")
    for rule in sorted(by_rule):
        fs = [by_rule[rule][k] for k in sorted(by_rule[rule])]
        rng = random.Random(f"{args.seed}:{rule}")
        picked = sorted(rng.sample(range(len(fs)), min(args.per_rule, len(fs))))
        for i in picked:
            out.write("\t".join(clean(fs[i][c]) for c in cols) + "\n")
    if out is not sys.stdout:
        out.close()
    cnt = sys.stderr if args.counts is None else open(args.counts, "w", encoding="utf-8")
    cnt.write("rule\tfirings\n")
    for rule in sorted(by_rule):
        cnt.write(f"{rule}\t{len(by_rule[rule])}\n")
    if cnt is not sys.stderr:
        cnt.close()


if __name__ == "__main__":
    main()
