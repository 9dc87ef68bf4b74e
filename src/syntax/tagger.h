/// Part-of-speech tagger: a greedy left-to-right averaged perceptron predicting UPOS and PTB
/// XPOS together (one class per pair seen in training, so the two never disagree).
///
///   Tagger t = Tagger::train(ewt_train, TaggerOptions{});
///   t.tag(sentence);                       // fills words[i].upos and .xpos
///
/// Features: the word, its affixes and shape, two words either side with their shapes and
/// ambiguity classes (the tags a frequent word took in training), and the two previous tags.
/// A trained Tagger is immutable and safe to share across threads; `tag` allocates only the
/// per-sentence feature buffers.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "syntax/model_io.h"
#include "syntax/perceptron.h"
#include "syntax/sentence.h"

namespace parley::syntax {

struct TaggerOptions {
  int epochs = 10;
  uint64_t seed = 1;
  int dictionary_min_count = 3;  ///< a form needs this many occurrences for an ambiguity class
  float prune = 0.0f;            ///< drop averaged weights of at most this magnitude
  std::function<void(const std::string&)> progress;  ///< one line per epoch, when set
};

class Tagger {
 public:
  /// Changes whenever the features change: a model trained with other features is refused.
  static constexpr uint32_t kFeatureVersion = 2;
  static Tagger train(const std::vector<Sentence>& gold, const TaggerOptions& options);
  /// Tags every word of `s` (sets upos, xpos and `s.tagged`).
  void tag(Sentence& s) const;

  void save(ModelWriter& w) const;
  static Result<Tagger> load(ModelReader& r);

  size_t classes() const { return upos_.size(); }
  const Perceptron& model() const { return model_; }

 private:
  struct Context;
  void features(const Context& c, int i, const int* prev_tags, std::vector<uint64_t>& out) const;
  Context context(const Sentence& s) const;

  std::vector<std::string> upos_, xpos_;  ///< per class
  std::unordered_map<uint64_t, uint64_t> ambiguity_;  ///< lower-form hash -> ambiguity class
  Perceptron model_;
};

/// Deterministic Fisher-Yates order of 0..n-1 (std::shuffle's result differs between
/// standard libraries; a model must not).
std::vector<size_t> shuffled_order(size_t n, uint64_t seed);

}  // namespace parley::syntax
