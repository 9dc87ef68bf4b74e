/// What `table`, `stats` and `report` share: reading parley's RDF output into a Corpus, and
/// the options and usage text for it.
#pragma once

#include <string>
#include <vector>

#include "analysis/corpus.h"

namespace parley::cli {

/// Reads every GRAPH file (.ttl .nt .nq .trig) into `corpus` and finishes it. Reports each
/// unreadable file as "parley: error: FILE:LINE:COL: ..." and returns false if any failed.
bool load_corpus(const std::vector<std::string>& paths, analysis::Corpus& corpus);

/// Writes `text` to `path` ("-": stdout) whole or not at all (cli/syntax_support's
/// write_output); reports an error and returns false.
bool write_or_report(const std::string& path, const std::string& text);

}  // namespace parley::cli
