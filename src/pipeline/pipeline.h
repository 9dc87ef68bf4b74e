/// Runs the stages for one article: tag names and dates, extract events, resolve entities,
/// build the graph.
///
///   Pipeline p(mappings, context);
///   graph::ArticleGraph g = p.run(doc);
///
/// A Pipeline holds only const references and is safe to share across threads.
#pragma once

#include "graph/builder.h"
#include "mappings/mappings.h"
#include "text/document.h"

namespace parley::pipeline {

class Pipeline {
 public:
  Pipeline(const mappings::Mappings& m, graph::BuildContext context)
      : m_(m), context_(std::move(context)) {}

  /// Fills in the article date from the text when the document has none, then runs the stages.
  graph::ArticleGraph run(text::Document& doc) const;

 private:
  const mappings::Mappings& m_;
  graph::BuildContext context_;
};

}  // namespace parley::pipeline
