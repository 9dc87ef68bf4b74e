/// Lemmas for English words given their tags, learned from a treebank in Universal
/// Dependencies conventions (English EWT: "went"/VBD -> "go", "The"/DT -> "the", "I" -> "I",
/// "Americans"/NNPS -> "American", "1,200"/CD -> "1200").
///
///   Lemmatizer l = Lemmatizer::train(ewt_train);          // gold form, tags and lemma
///   l.lemma("negotiated", "VERB", "VBD");                 // "negotiate"
///   l.lemmatize(sentence);                                // fills words[i].lemma
///
/// The model, all learned from the training words (keyed by XPOS, or by UPOS where the
/// training data has no XPOS):
///   - suffix rules: for each tag and each ending of the lower-cased form (0 to 5 bytes) seen
///     on at least two distinct training words, the rewrites "strip k bytes, append s" in order
///     of frequency. An unseen word takes the rewrites of its longest known ending, then those
///     of shorter endings; the first whose result is a known lemma (of any tag) wins, else the
///     most frequent rewrite of the longest ending ("provoked" -> "provoke", not "provok");
///   - casing: for each tag and shape of the form (lower, Title, UPPER up to 4 letters,
///     LONGER UPPER, miXed, no letter; with or without digits) the case transform EWT applies
///     most often: proper nouns keep the form's case ("NATO") unless shouted ("SOUTER" ->
///     "Souter"), common words are lower-cased ("The" -> "the"), "I" stays "I";
///   - exceptions: the most frequent lemma of a seen (form, tag) and, for its case variants,
///     of its lower-cased form ("paris" -> "Paris", "BEST"/JJS -> "good"), stored only where
///     the rules above give another lemma;
///   - numbers: when the treebank does so, commas between digit groups go ("200,000" ->
///     "200000"). Punctuation, URLs and numbers otherwise keep their form.
/// Case mapping is ASCII only; other bytes are copied.
///
/// A Lemmatizer is immutable after `train` or `load` and safe to share across threads. A
/// default-constructed one knows no tag and returns every form unchanged. `lemma` costs a few
/// hash look-ups and allocates only its result; `lemmatize` reuses each word's lemma buffer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "syntax/model_io.h"
#include "syntax/sentence.h"

namespace parley::syntax {

class Lemmatizer {
 public:
  /// Learns from gold words (form, upos, xpos, lemma). Words with an empty lemma, or with
  /// lemma "_" (EWT's goeswith fragments), are skipped. Deterministic: the same input gives
  /// byte-identical `save` output.
  static Lemmatizer train(const std::vector<Sentence>& gold);

  /// The lemma of `form` tagged (upos, xpos). Never empty for a non-empty form; a form whose
  /// tags the model does not know is its own lemma.
  std::string lemma(std::string_view form, std::string_view upos, std::string_view xpos) const;
  /// As `lemma`, writing into `out` (its capacity is reused).
  void lemma_into(std::string_view form, std::string_view upos, std::string_view xpos,
                  std::string& out) const;
  /// Fills words[i].lemma for every word of a tagged sentence.
  void lemmatize(Sentence& s) const;

  void save(ModelWriter& w) const;
  /// Reads what `save` wrote; a truncated or inconsistent section is an error Status naming
  /// the byte offset, never a crash.
  static Result<Lemmatizer> load(ModelReader& r);

 private:
  struct Exception {
    uint8_t kind;        // kExact: the form as written; kLower: lower-cased and normalised
    uint32_t tag;
    std::string form;
    std::string lemma;
  };
  struct Rewrite {
    uint8_t strip;       // bytes removed from the end of the lower-cased form
    std::string append;  // then appended (lower case)
  };
  struct Bucket {
    uint32_t tag;
    std::string suffix;             // of the lower-cased form
    std::vector<uint32_t> rewrites;  // indices into rewrites_, most frequent first
  };
  /// Open addressing over entry indices; the caller compares keys (slot value 0 = empty).
  struct Index {
    std::vector<uint32_t> slots;
    uint64_t mask = 0;
  };

  int tag_id(std::string_view upos, std::string_view xpos) const;
  const Exception* find_exception(uint8_t kind, uint32_t tag, std::string_view form) const;
  const Bucket* find_bucket(uint32_t tag, std::string_view suffix) const;
  bool in_lexicon(std::string_view prefix, std::string_view append) const;
  /// Rules and casing only (no exceptions): the lemma of `form` with tag `tag`, where `lower`
  /// is its lower-cased, normalised form; the result replaces `out` (which may be `lower`).
  void apply_rules(std::string_view form, uint32_t tag, std::string& out) const;
  void normalise_lower(std::string_view form, std::string& out) const;
  Status build_indexes();

  std::vector<std::string> tags_;    // sorted
  bool strip_digit_commas_ = false;  // "1,200" -> "1200"
  uint8_t max_suffix_ = 0;
  std::vector<uint8_t> casing_;      // [tag * kShapes + shape] -> Casing
  std::vector<Exception> exceptions_;
  std::vector<Rewrite> rewrites_;
  std::vector<Bucket> buckets_;
  std::vector<std::string> lexicon_;  // lower-cased lemmas, sorted
  Index exception_index_, bucket_index_, lexicon_index_;

  struct Trainer;  // the learning steps of `train`
};

}  // namespace parley::syntax
