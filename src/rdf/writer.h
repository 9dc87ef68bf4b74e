/// Writes article graphs as Turtle, N-Triples, N-Quads or TriG through serd, to a file (written
/// to a temporary file beside it and renamed when complete), to stdout, or to memory.
///
///   Result<std::unique_ptr<Writer>> w = Writer::open("out/parley.ttl", Format::kTurtle);
///   for (...) PARLEY_TRY((*w)->write_article(graph));
///   PARLEY_TRY((*w)->finish());     // nothing is at the target path until this succeeds
///
/// Turtle and N-Triples carry the union of the articles' graphs in the default graph: each
/// article's own facts are written as it comes, and so are the descriptions of global entities
/// (types, labels, aliases, Wikidata links), each statement once in the whole output (the
/// first label seen is the label, a later different one an alias). N-Quads and TriG keep each
/// article's facts, entity descriptions included, in the article's named graph. Memory: N-Quads
/// and TriG hold nothing between articles; Turtle and N-Triples hold a key of each distinct
/// entity statement written and each entity's label (they grow with the number of distinct
/// entities, not with the number of articles).
/// Not thread-safe; one writer per output.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>

#include "core/status.h"
#include "graph/builder.h"

namespace parley::rdf {

enum class Format { kTurtle, kNTriples, kNQuads, kTriG };

/// Case-insensitive names and aliases: turtle ttl, ntriples nt n-triples, nquads nq n-quads, trig.
Result<Format> parse_format(std::string_view name);
/// From a file name's extension (.ttl .nt .nq .trig); an error when it says nothing.
Result<Format> format_from_path(std::string_view path);
const char* extension(Format f);
bool has_named_graphs(Format f);

class Writer {
 public:
  /// `path` "-" writes to stdout. The file appears only when `finish` succeeds.
  static Result<std::unique_ptr<Writer>> open(const std::string& path, Format format);
  /// Writes into `out` (for tests); `finish` completes it.
  static std::unique_ptr<Writer> to_string(std::string* out, Format format);

  ~Writer();
  Writer(const Writer&) = delete;
  Writer& operator=(const Writer&) = delete;

  /// Writes `g`'s quads. In N-Quads and TriG, `local` and `entities` (each sorted for output
  /// and free of duplicates, as graph::build makes them) are merged in one pass, in the order
  /// of graph::sort_for_output over their union; a graph with no `entities` is written in the
  /// order given.
  Status write_article(const graph::ArticleGraph& g);
  /// Writes what is held back, flushes, closes and renames into place.
  Status finish();

  struct Impl;

 private:
  explicit Writer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace parley::rdf
