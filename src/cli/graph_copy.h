/// Copying article graphs from an N-Quads file into a new output (parley merge, parley extract
/// --update), feeding the merger on the way. Only one named graph is held at a time.
///
///   merge::Merger m(options);
///   PARLEY_TRY(copy_article_graphs("out/old.nq", skip, *writer, m, nullptr));
#pragma once

#include <set>
#include <string>

#include "core/status.h"
#include "merge/merger.h"
#include "rdf/writer.h"

namespace parley::cli {

/// Reads `path` (N-Quads) and writes every named graph it holds to `writer`, except the merge
/// graph (recomputed) and the graphs named in `skip`; gives each written quad to `merger`. A
/// graph whose quads are not contiguous in the file is written as several pieces (N-Quads and
/// TriG allow that). Adds the names of the graphs written to `*written` when not null.
Status copy_article_graphs(const std::string& path, const std::set<std::string>& skip, rdf::Writer& writer,
                           merge::Merger& merger, const std::string& merge_graph, std::set<std::string>* written);

}  // namespace parley::cli
