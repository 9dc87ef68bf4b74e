/// The syntax stage for whole articles: splits each sentence into words and tags, lemmatises
/// and (where asked) parses it with a loaded SyntaxModel.
///
///   const syntax::Analyzer an(model, m.lexicon.abbreviations);
///   syntax::Analysis a = an.analyze(doc.text, text::segment(doc.text, abbreviations), true);
///   for (const syntax::Sentence& s : a.sentences) ... s.words[i].upos, s.words[i].head ...
///
/// A sentence of running text gets a finite verb (Tagger::tag): "Several nations rejected the
/// plan." is no noun phrase.
///
/// An adjective of nationality the model never saw ("Azerbaijani", "Qatari", "Omani": EWT has
/// few) is read as one it knows well (`kNationalityStandIn`), as a British spelling is read as
/// the American one (Word::spelling): an unknown capitalised word is a name to the tagger, and
/// "a fresh Azerbaijani offer" became a subject and a verb. The word's form stays as written
/// (its lemma is lower-cased, as the lemmatiser does for an unseen adjective). `demonyms` holds
/// the gazetteer's (mappings::Gazetteer::demonym_words).
///
/// An Analyzer holds const references only (the model, the abbreviation and demonym sets must
/// outlive it) and is safe to share across threads. Cost: linear in the text; parsing costs
/// about three times as much as tagging.
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
  /// An adjective of nationality that EWT has often, and as an adjective only (JJ 33 times,
  /// ADJ/NNP 5, PROPN 1 in train).
  static constexpr std::string_view kNationalityStandIn = "Iraqi";

  Analyzer(const SyntaxModel& model, const std::unordered_set<std::string>& abbreviations,
           const std::unordered_set<std::string>& demonyms)
      : model_(model), abbreviations_(abbreviations), demonyms_(demonyms) {}

  /// Tokenises, tags and lemmatises every sentence, and parses them when `parse` is set.
  Analysis analyze(std::string_view text, const std::vector<text::Sentence>& sentences,
                   bool parse) const;
  /// One span of `text` (a sentence).
  Sentence analyze(std::string_view text, size_t begin, size_t end, bool parse) const;

  const SyntaxModel& model() const { return model_; }

 private:
  const SyntaxModel& model_;
  const std::unordered_set<std::string>& abbreviations_;
  const std::unordered_set<std::string>& demonyms_;
};

}  // namespace parley::syntax
