/// Cross-article merging: reads the quads of per-article graphs, keeps only merge keys (entity
/// IRIs and kinds, meeting reports' actors, places and dates, statements' agents and content
/// hashes, articles' titles, lengths and evidence hashes; no text), and writes the merge graph:
///
/// - one parley:Meeting per real meeting, however many articles report it, pointing to each
///   article's parley:MeetingReport (parley:report), with the union of the reports' parties,
///   mediators and places, the date most reports give, and parley:numArticles/numSources;
/// - a parley:Merge record for each merge: the rule, what it joined, the shared actors and a
///   note of the dates and places each side gave (docs/merge.md lists the rules);
/// - entities named by several articles (one IRI already: gazetteer key or label), entity IRIs
///   that share a Wikidata id or a normalised name and kind, statements reported twice, and
///   duplicate articles (parley:duplicateOf), each with its merge record.
///
///   Merger m(MergeOptions{});
///   for (const graph::ArticleGraph& g : articles) m.add(g);   // or m.add(quad) from N-Quads
///   std::vector<graph::Quad> merge_graph = m.finish();
///
/// The result depends only on the set of quads added, not on their order. Every IRI it writes
/// is derived from the IRIs of what it merged (docs/merge.md says when one changes). Memory
/// grows with the number of distinct entities, reports, statements and articles, not with the
/// text. Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "graph/builder.h"
#include "graph/term.h"

namespace parley::merge {

struct MergeOptions {
  std::string base = "https://w3id.org/parley/id/";  ///< base IRI of the generated nodes
  int max_day_gap = 1;  ///< two known dates of one meeting are at most this many days apart
};

/// The IRI of the merge graph for `base`: "{base}graph/merge".
std::string merge_graph_iri(const std::string& base);

class Merger {
 public:
  explicit Merger(MergeOptions options);
  ~Merger();
  Merger(const Merger&) = delete;
  Merger& operator=(const Merger&) = delete;

  /// One quad of an article's named graph (its graph name is the article IRI). Quads of the
  /// default graph and of the merge graph itself are ignored (a merge graph is recomputed).
  void add(const graph::Quad& q);
  /// Every quad of one article graph (as `parley extract` builds it).
  void add(const graph::ArticleGraph& g);

  /// The merge graph's quads, sorted for output (graph::sort_for_output).
  std::vector<graph::Quad> finish() const;

  /// Bytes held for the merge keys (approximate: strings, vectors and hash tables).
  size_t memory_bytes() const;

  struct State;

 private:
  MergeOptions options_;
  std::unique_ptr<State> state_;
};

}  // namespace parley::merge
