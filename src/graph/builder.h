/// Turns one processed article into RDF quads: the article node, the entities it names, their
/// mentions, and its meetings, demands and denials, each with provenance (the evidence sentence
/// and its byte offsets, the rule, prov:wasDerivedFrom the article). The only place that knows
/// how the ontology maps onto RDF terms.
///
///   ArticleGraph g = build(doc, tagged, events, resolved, context);
///   writer.write_article(g);
#pragma once

#include <string>
#include <vector>

#include "extract/extractor.h"
#include "graph/term.h"
#include "ner/tagger.h"
#include "resolve/resolver.h"
#include "text/document.h"

namespace parley::graph {

struct BuildContext {
  std::string base = "https://w3id.org/parley/id/";  ///< ends with '/' or '#'
  std::string mappings_version;
  bool mentions = true;  ///< write a parley:Mention per name occurrence (extract --no-mentions: false)
};

struct ArticleGraph {
  Term name;                      ///< the article IRI, also its graph name
  std::vector<Quad> local;        ///< facts of this article only, sorted
  std::vector<Quad> entities;     ///< descriptions of the global entities it names, sorted
};

/// The IRI path segment for an article identifier: the identifier itself when it is made of
/// [A-Za-z0-9._-], else a slug, "~" and 16 hex digits of its hash. A plain identifier has no
/// "~", so two identifiers never share a key unless their 64-bit hashes collide.
std::string article_key(std::string_view id);

ArticleGraph build(const text::Document& doc, const ner::Tagged& tagged,
                   const std::vector<extract::Event>& events, const resolve::Resolved& resolved,
                   const BuildContext& context);

/// Sorts quads for output: by graph, subject, then rdf:type first, then predicate and object;
/// removes duplicates.
void sort_for_output(std::vector<Quad>& quads);
/// The order of sort_for_output (a strict total order).
bool output_less(const Quad& a, const Quad& b);

}  // namespace parley::graph
