/// Reads RDF files (Turtle, N-Triples, N-Quads, TriG) through serd into graph::Quads: what
/// `parley table`, `stats` and `report` read back of parley's own output.
///
///   Status s = rdf::read_file("out/parley.nq", rdf::Format::kNQuads,
///                             [&](graph::Quad&& q) { corpus.add(q); });
///   if (!s.ok()) report(s);   // "out/parley.nq:12:7: ..." (serd's message)
///
/// Prefixed names and relative IRIs are expanded; a blank node becomes an IRI "_:label" (parley
/// writes none). The first syntax error stops the file and is returned with its line and
/// column. Memory does not grow with the file: quads are delivered one at a time.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "graph/term.h"
#include "rdf/writer.h"

namespace parley::rdf {

using QuadSink = std::function<void(graph::Quad&&)>;

/// Reads `path` ("-" is stdin) in `format`, calling `on_quad` for each statement.
Status read_file(const std::string& path, Format format, const QuadSink& on_quad);

/// Reads `text` (for tests); `name` is used in messages.
Status read_string(const std::string& text, const std::string& name, Format format, const QuadSink& on_quad);

}  // namespace parley::rdf
