#!/usr/bin/python3
"""ontology-doc.py: write the HTML reference page of parley's ontology.

    /usr/bin/python3 scripts/ontology-doc.py ontology/parley.ttl build/docs/html/ontology.html

Reads the ontology with rdflib (Debian: python3-rdflib) and lists its classes and
properties with their labels, comments, superclasses, subclasses, domains and ranges, then
the terms of other vocabularies that parley's output uses. The page depends only on the
ontology file: terms are sorted by IRI and no date or path is written, so the same input
gives the same bytes. Exit status: 0 written, 1 the ontology could not be read or has no
owl:Ontology, 2 usage error.
"""

import html
import os
import sys

try:
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.collection import Collection
    from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD
except ImportError:  # pragma: no cover - depends on the machine
    sys.stderr.write("ontology-doc.py: error: rdflib is missing (apt-get install python3-rdflib)\n")
    sys.exit(1)

ME = "ontology-doc.py"
PARLEY = "https://w3id.org/parley/ontology#"
PREFIXES = [
    ("parley", PARLEY),
    ("rdf", str(RDF)),
    ("rdfs", str(RDFS)),
    ("owl", str(OWL)),
    ("xsd", str(XSD)),
    ("skos", str(SKOS)),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("dcterms", str(DCTERMS)),
    ("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"),
    ("vann", "http://purl.org/vocab/vann/"),
    ("wd", "http://www.wikidata.org/entity/"),
]

CSS = """
body { font-family: sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
code, .iri { font-family: monospace; }
h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
section.term { margin: 1.2em 0; padding: 0.4em 0.8em; border-left: 3px solid #8aa; }
section.term h3 { margin: 0.2em 0; }
table.facts th { text-align: left; vertical-align: top; padding-right: 1em; font-weight: normal; color: #555; }
table.prefixes td { padding-right: 1.5em; }
.contract { font-size: 80%; background: #eef; padding: 0 0.4em; border-radius: 3px; }
"""


def die(code, msg):
    sys.stderr.write("%s: error: %s\n" % (ME, msg))
    sys.exit(code)


def curie(iri):
    s = str(iri)
    for prefix, ns in PREFIXES:
        if s.startswith(ns) and len(s) > len(ns):
            return "%s:%s" % (prefix, s[len(ns):])
    return "<%s>" % s


def anchor(iri):
    return str(iri)[len(PARLEY):] if str(iri).startswith(PARLEY) else None


def english(g, subject, prop):
    """The English (or untagged) values of prop, English first, sorted for determinism."""
    vals = [o for o in g.objects(subject, prop) if isinstance(o, Literal)]
    en = sorted(str(v) for v in vals if (v.language or "").lower().startswith("en"))
    plain = sorted(str(v) for v in vals if not v.language)
    return en + plain


def term_html(g, node):
    """A link for a parley term, a code span for another IRI, prose for a union."""
    if isinstance(node, BNode):
        union = g.value(node, OWL.unionOf)
        if union is not None:
            members = sorted(Collection(g, union), key=str)
            return " or ".join(term_html(g, m) for m in members)
        return "<em>(anonymous)</em>"
    name = anchor(node)
    text = html.escape(curie(node))
    if name is not None:
        return '<a href="#%s"><code>%s</code></a>' % (html.escape(name), text)
    return '<code title="%s">%s</code>' % (html.escape(str(node)), text)


def term_list(g, nodes):
    nodes = sorted(set(nodes), key=lambda n: (isinstance(n, BNode), str(n)))
    return ", ".join(term_html(g, n) for n in nodes)


def term_section(g, iri, kind, rows):
    name = anchor(iri)
    labels = english(g, iri, RDFS.label)
    comments = english(g, iri, RDFS.comment)
    out = ['<section class="term" id="%s">' % html.escape(name)]
    title = html.escape(curie(iri))
    label = (" &mdash; %s" % html.escape(labels[0])) if labels else ""
    contract = any("Contract term" in c for c in comments)
    badge = ' <span class="contract">contract term</span>' if contract else ""
    out.append("<h3><code>%s</code>%s%s</h3>" % (title, label, badge))
    out.append('<p class="iri">%s &middot; %s</p>' % (html.escape(str(iri)), html.escape(kind)))
    for c in comments:
        out.append("<p>%s</p>" % html.escape(c))
    facts = [(k, v) for k, v in rows if v]
    if facts:
        out.append('<table class="facts">')
        for k, v in facts:
            out.append("<tr><th>%s</th><td>%s</td></tr>" % (html.escape(k), v))
        out.append("</table>")
    out.append("</section>")
    return "\n".join(out)


def parley_terms(g, rdf_type):
    return sorted({s for s in g.subjects(RDF.type, rdf_type)
                   if isinstance(s, URIRef) and str(s).startswith(PARLEY)}, key=str)


def in_domain(g, prop, cls):
    for d in g.objects(prop, RDFS.domain):
        if d == cls:
            return True
        union = g.value(d, OWL.unionOf) if isinstance(d, BNode) else None
        if union is not None and cls in list(Collection(g, union)):
            return True
    return False


def build(g):
    onts = sorted(s for s in g.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef))
    if not onts:
        die(1, "no owl:Ontology in the input")
    ont = onts[0]
    title = (english(g, ont, DCTERMS.title) or ["parley ontology"])[0]
    version = g.value(ont, OWL.versionInfo)
    classes = parley_terms(g, OWL.Class)
    obj_props = parley_terms(g, OWL.ObjectProperty)
    data_props = parley_terms(g, OWL.DatatypeProperty)
    all_props = obj_props + data_props

    body = []
    body.append("<h1>%s%s</h1>" % (html.escape(title),
                                   (" %s" % html.escape(str(version))) if version else ""))
    body.append('<p>Ontology IRI: <code>%s</code><br>Namespace: <code>%s</code></p>'
                % (html.escape(str(ont)), html.escape(PARLEY)))
    for d in english(g, ont, DCTERMS.description) + english(g, ont, RDFS.comment):
        body.append("<p>%s</p>" % html.escape(d))

    body.append("<h2>Contents</h2><ul>")
    for heading, terms in (("Classes", classes), ("Object properties", obj_props),
                           ("Datatype properties", data_props)):
        links = ", ".join('<a href="#%s"><code>%s</code></a>'
                          % (html.escape(anchor(t)), html.escape(curie(t))) for t in terms)
        body.append("<li>%s: %s</li>" % (heading, links))
    body.append('<li><a href="#external">Terms from other vocabularies</a></li>')
    body.append('<li><a href="#prefixes">Prefixes</a></li></ul>')

    body.append('<h2 id="classes">Classes</h2>')
    for c in classes:
        supers = list(g.objects(c, RDFS.subClassOf))
        subs = [s for s in g.subjects(RDFS.subClassOf, c) if isinstance(s, URIRef)]
        props = [p for p in all_props if in_domain(g, p, c)]
        used_as_range = [p for p in all_props if c in set(g.objects(p, RDFS.range))
                         or any(c in list(Collection(g, g.value(r, OWL.unionOf)))
                                for r in g.objects(p, RDFS.range)
                                if isinstance(r, BNode) and g.value(r, OWL.unionOf) is not None)]
        disjoint = set()
        for adc in g.subjects(RDF.type, OWL.AllDisjointClasses):
            members = list(Collection(g, g.value(adc, OWL.members)))
            if c in members:
                disjoint.update(m for m in members if m != c)
        disjoint.update(g.objects(c, OWL.disjointWith))
        body.append(term_section(g, c, "class", [
            ("subclass of", term_list(g, supers)),
            ("subclasses", term_list(g, subs)),
            ("properties with this domain", term_list(g, props)),
            ("value of", term_list(g, used_as_range)),
            ("disjoint with", term_list(g, disjoint)),
        ]))

    for heading, anchor_id, props, kind in (
            ("Object properties", "object-properties", obj_props, "object property"),
            ("Datatype properties", "datatype-properties", data_props, "datatype property")):
        body.append('<h2 id="%s">%s</h2>' % (anchor_id, heading))
        for p in props:
            characteristics = []
            if (p, RDF.type, OWL.FunctionalProperty) in g:
                characteristics.append("functional (at most one value)")
            body.append(term_section(g, p, kind, [
                ("domain", term_list(g, g.objects(p, RDFS.domain))),
                ("range", term_list(g, g.objects(p, RDFS.range))),
                ("subproperty of", term_list(g, g.objects(p, RDFS.subPropertyOf))),
                ("characteristics", html.escape(", ".join(characteristics))),
                ("see also", term_list(g, g.objects(p, RDFS.seeAlso))),
            ]))

    body.append('<h2 id="external">Terms from other vocabularies</h2>')
    body.append("<p>How parley's output uses terms it does not define.</p><dl>")
    external = sorted({s for s in g.subjects(SKOS.scopeNote, None)
                       if isinstance(s, URIRef) and not str(s).startswith(PARLEY)}, key=str)
    for t in external:
        body.append('<dt><code title="%s">%s</code></dt>' % (html.escape(str(t)),
                                                            html.escape(curie(t))))
        for note in english(g, t, SKOS.scopeNote):
            body.append("<dd>%s</dd>" % html.escape(note))
    body.append("</dl>")

    body.append('<h2 id="prefixes">Prefixes</h2><table class="prefixes">')
    for prefix, ns in PREFIXES:
        body.append("<tr><td><code>%s:</code></td><td><code>%s</code></td></tr>"
                    % (html.escape(prefix), html.escape(ns)))
    body.append("</table>")

    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>%s &mdash; reference</title>\n<style>%s</style>\n</head>\n<body>\n"
            '<p><a href="index.html">parley documentation</a></p>\n%s\n</body>\n</html>\n'
            % (html.escape(title), CSS, "\n".join(body)))


def main(argv):
    if len(argv) != 3 or argv[1] in ("-h", "--help"):
        stream = sys.stdout if len(argv) == 2 and argv[1] in ("-h", "--help") else sys.stderr
        stream.write("usage: %s ONTOLOGY.ttl OUT.html\n" % ME)
        return 0 if stream is sys.stdout else 2
    src, dst = argv[1], argv[2]
    g = Graph()
    try:
        g.parse(src, format="turtle")
    except Exception as e:  # rdflib raises many types; report them all the same way
        die(1, "%s: %s" % (src, e))
    page = build(g)
    tmp = dst + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(page)
    os.replace(tmp, dst)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
