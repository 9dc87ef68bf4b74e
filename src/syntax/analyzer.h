/// The syntax stage for whole articles: splits each sentence into words and tags, lemmatises
/// and (where asked) parses it with a loaded SyntaxModel.
///
///   const syntax::Analyzer an(model, m.lexicon.abbreviations);
///   syntax::Analysis a = an.analyze(doc.text, text::segment(doc.text, abbreviations), true);
///   for (const syntax::Sentence& s : a.sentences) ... s.words[i].upos, s.words[i].head ...
///
/// An Analyzer holds const references only (the model and the abbreviation set must outlive
/// it) and is safe to share across threads. Cost: linear in the text; parsing costs about
/// three times as much as tagging.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "syntax/model.h"
#include "syntax/sentence.h"
#include "text/segmenter.h"

namespace parley::syntax {

/// The analysis of one article: one Sentence per segmenter sentence, in the same order.
struct Analysis {
  std::vector<Sentence> sentences;
};

class Analyzer {
 public:
  Analyzer(const SyntaxModel& model, const std::unordered_set<std::string>& abbreviations)
      : model_(model), abbreviations_(abbreviations) {}

  /// Tokenises, tags and lemmatises every sentence, and parses them when `parse` is set.
  Analysis analyze(std::string_view text, const std::vector<text::Sentence>& sentences,
                   bool parse) const;
  /// One span of `text` (a sentence).
  Sentence analyze(std::string_view text, size_t begin, size_t end, bool parse) const;

  const SyntaxModel& model() const { return model_; }

 private:
  const SyntaxModel& model_;
  const std::unordered_set<std::string>& abbreviations_;
};

}  // namespace parley::syntax
