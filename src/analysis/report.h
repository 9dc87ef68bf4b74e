/// One self-contained HTML page about a parley graph, for reading in a browser with no network:
/// the figures of `parley stats`, a network of who met whom and who mediated (nodes sized by
/// the meetings an actor takes part in or mediates, edges by the meetings two actors share),
/// a timeline of dated meetings, demands and denials, and tables where each event links to its
/// evidence sentence (with article and byte offsets).
///
///   std::string html;
///   write_report(corpus, compute_stats(corpus), ReportOptions{}, html);
///
/// The drawing is plain JavaScript and SVG inside the page (no library, no CDN), laid out the
/// same way every time. Elements carry classes and data attributes for tests and scripts:
///   g.node[data-iri][data-label][data-meetings]   line.edge.meet[data-a][data-b][data-meetings]
///   line.edge.mediate[data-a (mediator)][data-b]  circle.event.{meeting,demand,denial}[data-event]
///   tr.event[data-event] (a link to li.evidence#ev-N)
#pragma once

#include <string>

#include "analysis/corpus.h"
#include "analysis/stats.h"

namespace parley::analysis {

struct ReportOptions {
  std::string title = "parley report";
  size_t max_nodes = 120;  ///< the network keeps the most active actors (0: all)
};

void write_report(const Corpus& corpus, const Stats& stats, const ReportOptions& options, std::string& out);

}  // namespace parley::analysis
