/// Runs the stages for one article: split sentences and analyse them (words, tags, lemmas),
/// tag names and dates, extract events, resolve entities, build the graph.
///
///   Pipeline p(mappings, syntax_model, context);
///   graph::ArticleGraph g = p.run(doc);
///
/// A Pipeline holds only const references and is safe to share across threads.
#pragma once

#include "graph/builder.h"
#include "mappings/mappings.h"
#include "syntax/analyzer.h"
#include "syntax/model.h"
#include "text/document.h"

namespace parley::pipeline {

class Pipeline {
 public:
  /// `m` and `model` must outlive the Pipeline.
  Pipeline(const mappings::Mappings& m, const syntax::SyntaxModel& model, graph::BuildContext context)
      : m_(m), analyzer_(model, m.lexicon.abbreviations, m.gazetteer.demonym_words), context_(std::move(context)) {}

  /// Fills in the article date from the text when the document has none, then runs the stages.
  graph::ArticleGraph run(text::Document& doc) const;

 private:
  const mappings::Mappings& m_;
  syntax::Analyzer analyzer_;
  graph::BuildContext context_;
};

}  // namespace parley::pipeline
