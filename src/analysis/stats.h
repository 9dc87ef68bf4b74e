/// Summary figures of a parley graph: events per class and per article, the share of actors
/// and places linked to Wikidata, the most active actors and the pairs that meet most.
///
///   Stats s = compute_stats(corpus);
///   std::string text;  write_stats(s, corpus, StatsFormat::kText, 20, text);
///
/// Every figure is a count of distinct nodes, so that it equals a SPARQL COUNT(DISTINCT ...)
/// over the same graph (tests/system/workbench.sh checks this in Jena):
///   - an actor takes part in an event when it is its participant, mediator, agent or addressee;
///   - a pair is two distinct participants of one meeting (mediators are not sides);
///   - linked: owl:sameAs a Wikidata entity (wd:Q...).
#pragma once

#include <array>
#include <string>
#include <vector>

#include "analysis/corpus.h"

namespace parley::analysis {

struct Stats {
  struct ArticleRow {
    std::string id;                    ///< dcterms:identifier (the IRI when there is none)
    std::array<size_t, 3> events{};    ///< per EventClass
  };
  struct ActorRow {
    std::string iri;
    std::array<size_t, 3> events{};    ///< distinct events of each class it takes part in
    size_t total = 0;
    size_t mediated = 0;               ///< meetings it mediates
  };
  struct PairRow {
    std::string a, b;                  ///< a < b
    size_t meetings = 0;
  };
  size_t articles = 0;                 ///< parley:Article nodes
  size_t articles_with_events = 0;
  std::array<size_t, 3> events{};      ///< per EventClass
  size_t actors = 0, linked_actors = 0, locations = 0, linked_locations = 0;
  std::vector<ArticleRow> per_article; ///< articles with an event: most events first, then id
  /// Events per article category (dcterms:subject; "" for articles without one), by name.
  std::vector<ArticleRow> per_category;
  std::vector<ActorRow> actors_by_events;  ///< actors in an event: most first, then IRI
  std::vector<PairRow> pairs;          ///< most meetings first, then IRIs
};

Stats compute_stats(const Corpus& corpus);

enum class StatsFormat { kText, kTsv };

/// Appends the figures to `out`; `top` limits the per-article, actor and pair lists (0: all).
/// TSV: a header "measure key label class value", then one line per figure:
///   articles, articles-with-events, events (class), actors, linked-actors, locations,
///   linked-locations, article-events (key: article id; class), category-events (key: the
///   article's dcterms:subject, "" for none; class), actor-events (key: IRI; class
///   or "all"), actor-mediations (key: IRI), pair-meetings (key: "IRI1 IRI2").
void write_stats(const Stats& stats, const Corpus& corpus, StatsFormat format, size_t top, std::string& out);

}  // namespace parley::analysis
