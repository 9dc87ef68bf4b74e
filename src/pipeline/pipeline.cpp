#include "pipeline/pipeline.h"

#include "extract/extractor.h"
#include "ner/dates.h"
#include "ner/tagger.h"
#include "resolve/resolver.h"
#include "text/segmenter.h"

namespace parley::pipeline {

graph::ArticleGraph Pipeline::run(text::Document& doc) const {
  if (!doc.date) doc.date = ner::find_article_date(doc.text);
  // Every sentence is tagged and lemmatised once, and parsed when a rule may read it; the
  // later stages read the analysis.
  syntax::Analysis analysis =
      analyzer_.analyze(doc.text, text::segment(doc.text, m_.lexicon.abbreviations), /*parse=*/false);
  extract::parse_for_rules(analysis, analyzer_.model().parser, m_);
  const ner::Tagged tagged = ner::tag(doc, analysis, m_);
  const extract::Extraction x = extract::extract(doc, tagged, analysis, m_);
  const resolve::Resolved resolved = resolve::resolve(doc, tagged, x, m_);
  return graph::build(doc, tagged, x.events, resolved, context_);
}

}  // namespace parley::pipeline
