/// Reads RDF (Turtle, N-Triples, N-Quads, TriG) through serd into graph::Quads, one at a time:
/// what `parley merge`, `table`, `stats` and `report` read back of parley's own output.
///
///   Status s = rdf::read_file("out/parley.nq", rdf::Format::kNQuads, [&](graph::Quad&& q) {
///     merger.add(q);
///     return Status{};   // an error stops the read and is returned
///   });
///   if (!s.ok()) report(s);   // "out/parley.nq:12:7: ..." (serd's message)
///
/// Prefixed names and relative IRIs are expanded; a blank node becomes an IRI "_:label" (parley
/// writes none). The first syntax error (or the sink's first error) stops the read and is
/// returned, located at FILE:LINE:COL. Line formats (N-Triples, N-Quads) are read in chunks of
/// whole lines, each by a new serd reader: serd 0.30 keeps memory for every statement a reader
/// has read (a 107 MB file took 120 MB), so memory stays flat however long the file.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "graph/term.h"
#include "rdf/writer.h"

namespace parley::rdf {

using QuadSink = std::function<Status(graph::Quad&&)>;

/// Reads `path` ("-" is stdin) in `format`, calling `sink` for each statement.
Status read_file(const std::string& path, Format format, const QuadSink& sink);

/// Reads `text` (for tests); `name` is used in messages.
Status read_string(const std::string& text, const std::string& name, Format format, const QuadSink& sink);

}  // namespace parley::rdf
