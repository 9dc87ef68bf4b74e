#include "syntax/analyzer.h"

#include "syntax/tokenizer.h"
#include "syntax/word_features.h"

namespace parley::syntax {

Sentence Analyzer::analyze(std::string_view text, size_t begin, size_t end, bool parse) const {
  Sentence s = tokenize(text, begin, end, abbreviations_);
  for (Word& w : s.words)
    if (demonyms_.count(w.form) && !model_.tagger.knows(ascii_lower(w.form))) w.spelling = std::string(kNationalityStandIn);
  if (!s.words.empty()) model_.analyze(s, parse, /*finite_verb=*/true);
  return s;
}

Analysis Analyzer::analyze(std::string_view text, const std::vector<text::Sentence>& sentences,
                           bool parse) const {
  Analysis a;
  a.sentences.reserve(sentences.size());
  for (const text::Sentence& s : sentences) a.sentences.push_back(analyze(text, s.begin, s.end, parse));
  return a;
}

}  // namespace parley::syntax
