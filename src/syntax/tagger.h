/// Part-of-speech tagger: an averaged perceptron predicting UPOS and PTB XPOS together (one
/// class per pair seen in training, so the two never disagree), in two greedy left-to-right
/// passes.
///
///   Tagger t = Tagger::train(ewt_train, TaggerOptions{});
///   t.tag(sentence);                       // fills words[i].upos and .xpos
///
/// Word features: the word, its affixes and shape, two words either side with their shapes and
/// ambiguity classes (the tags a word took in training), its frequency, and the sentence's
/// case mode (headlines in title case or capitals). Pass one adds the two previous tags; pass
/// two keeps pass one's word scores and adds its own weights for the tags on both sides (the
/// previous tags of pass two, the next tags of pass one), so a verb after "to" and a noun
/// before "'s" are seen from the right as well. Each pair's score also gets its UPOS's score,
/// which lets rare pairs borrow from their coarse tag.
///
/// Training sees each sentence's words through a lexicon built without that sentence's fold
/// (`lexicon_folds`), so the weights learn how a word the lexicon has never seen behaves.
/// A trained Tagger is immutable and safe to share across threads; `tag` allocates only the
/// per-sentence buffers.
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
  int dictionary_min_count = 1;  ///< a form needs this many occurrences for an ambiguity class
  int lexicon_folds = 10;        ///< training sentences see a lexicon without their fold (0: off)
  float prune = 0.0f;            ///< drop averaged weights of at most this magnitude
  int min_updates = 1;           ///< drop features updated fewer times (PerceptronTrainer::average)
  std::function<void(const std::string&)> progress;  ///< one line per epoch, when set
};

class Tagger {
 public:
  /// Changes whenever the features change: a model trained with other features is refused.
  static constexpr uint32_t kFeatureVersion = 3;
  static Tagger train(const std::vector<Sentence>& gold, const TaggerOptions& options);
  /// Tags every word of `s` (sets upos, xpos and `s.tagged`). A word's `spelling` set before
  /// is kept (syntax::Analyzer's stand-ins); the others get the American spelling of a British
  /// word the model does not know. `finite_verb`: a sentence of running text gets a finite
  /// verb (`lacks_finite_verb`); set for articles (syntax::Analyzer), not for the treebank
  /// sentences that training tags and eval-syntax scores on gold words, so that the model
  /// file and its recorded scores stay what training made.
  void tag(Sentence& s, bool finite_verb = false) const;
  /// Did training see this lower-cased form?
  bool knows(std::string_view lower) const;

  void save(ModelWriter& w) const;
  static Result<Tagger> load(ModelReader& r);

  size_t classes() const { return upos_.size(); }  ///< (UPOS, XPOS) pairs
  const Perceptron& model() const { return model_; }

 private:
  struct Lexicon {
    struct Entry {
      uint64_t ambiguity = 0;  ///< hash of the set of classes the form took; 0: none
      uint32_t count = 0;      ///< occurrences of the lower-cased form
    };
    std::unordered_map<uint64_t, Entry> forms;  ///< lower-form hash -> entry
  };
  struct Context;
  Context context(const Sentence& s, const Lexicon& lexicon) const;
  /// Sets each word's `spelling` (see Word::spelling).
  void read_spellings(Sentence& s) const;
  /// Features of the words around `i`, the same in both passes.
  void word_features(const Context& c, int i, std::vector<uint64_t>& out) const;
  /// Features of the tags around `i`: `left` are the tags already chosen in this pass; `right`,
  /// in pass two, pass one's tags.
  void tag_features(const Context& c, int i, const int* left, const int* right,
                    std::vector<uint64_t>& out) const;
  /// The best pair: its own score plus its UPOS's.
  int decide(const float* scores) const;
  /// A pair's score plus its UPOS's.
  float total(const float* scores, int pair) const;
  /// A clause of running text needs a finite verb. A greedy tagger reads "Several nations
  /// rejected the plan." as a noun phrase ("nations rejected", a participle), and the parse
  /// then has no clause at all; so too "several nations criticised the approach, and the EU's
  /// envoy said ...". Do words [from, to) of `tags` have no finite verb, and open with no
  /// imperative? Then `tag` makes the past participle right after a noun or pronoun that came
  /// closest to a past tense one. Headlines keep their participles ("Chelsea denied by James
  /// heroics", "Three killed in blast").
  bool lacks_finite_verb(const std::vector<int>& tags, int from, int to, int first_alpha) const;
  /// Where the clause that starts at word `from` ends: at a comma, colon or semicolon followed by
  /// a coordinating conjunction (the conjunction opens the next), else at the sentence's end.
  int clause_end(const std::vector<int>& tags, int from) const;
  /// A sentence in running case (no headline in title case or capitals) that ends with a full
  /// stop, question or exclamation mark.
  bool running_text(const Sentence& s, const Context& c) const;
  bool participle_after_noun(const std::vector<int>& tags, int i) const;
  void layout();
  static Lexicon build_lexicon(const std::vector<Sentence>& gold,
                               const std::vector<std::vector<int>>& tags, size_t skip_from,
                               size_t skip_to, int min_count);

  std::vector<std::string> upos_, xpos_;  ///< per pair
  std::vector<int> coarse_;   ///< per pair: its UPOS class (after the pairs)
  int past_ = -1;             ///< the pair (VERB, VBD); -1 if training never saw it
  /// What the finite-verb reading asks of a pair, from its XPOS (set once, by layout).
  enum class PairKind : uint8_t {
    kOther,
    kFinite,       ///< VBD VBZ VBP MD
    kParticiple,   ///< VBN
    kBase,         ///< VB
    kNominal,      ///< NN* PRP
    kClauseComma,  ///< , and : (PTB's tag of ";" too)
    kConjunction,  ///< CC
  };
  std::vector<PairKind> kind_;  ///< per pair
  int width_ = 0;             ///< classes scored: the pairs, then one per UPOS
  Lexicon lexicon_;
  Perceptron model_;
};

/// Deterministic Fisher-Yates order of 0..n-1 (std::shuffle's result differs between
/// standard libraries; a model must not).
std::vector<size_t> shuffled_order(size_t n, uint64_t seed);

}  // namespace parley::syntax
