#include "pipeline/pipeline.h"

#include "extract/extractor.h"
#include "ner/dates.h"
#include "ner/tagger.h"
#include "resolve/resolver.h"

namespace parley::pipeline {

graph::ArticleGraph Pipeline::run(text::Document& doc) const {
  if (!doc.date) doc.date = ner::find_article_date(doc.text);
  const ner::Tagged tagged = ner::tag(doc, m_);
  const std::vector<extract::Event> events = extract::extract(doc, tagged, m_);
  const resolve::Resolved resolved = resolve::resolve(doc, tagged, events, m_);
  return graph::build(doc, tagged, events, resolved, context_);
}

}  // namespace parley::pipeline
