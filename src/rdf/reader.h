/// Reads N-Quads (parley's own per-article output, or any N-Quads file) through serd, one quad
/// at a time: nothing is held beyond the statement being read.
///
///   Status s = rdf::read_nquads("out/parley.nq", [&](graph::Quad&& q) {
///     merger.add(q);
///     return Status{};   // an error stops the read and is returned
///   });
///
/// Blank nodes are read as IRIs "_:label" (parley writes none). A syntax error is an error
/// located at FILE:LINE:COL. Not thread-safe per call; calls are independent.
#pragma once

#include <functional>
#include <string>

#include "core/status.h"
#include "graph/term.h"

namespace parley::rdf {

using QuadSink = std::function<Status(graph::Quad&&)>;

/// Reads `path` ("-" for standard input) as N-Quads and passes every quad to `sink`.
Status read_nquads(const std::string& path, const QuadSink& sink);

/// The same, from bytes in memory (for tests); `name` is used in messages.
Status read_nquads_string(const std::string& bytes, const std::string& name, const QuadSink& sink);

}  // namespace parley::rdf
