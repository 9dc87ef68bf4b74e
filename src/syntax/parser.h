/// Dependency parser: greedy arc-hybrid transitions with the ROOT at the end of the buffer,
/// scored by an averaged perceptron over labelled actions (SHIFT, LEFT-rel, RIGHT-rel), trained
/// with Goldberg and Nivre's dynamic oracle (explores its own mistakes after the first epoch).
///
///   Parser p = Parser::train(tagged_ewt_train, ParserOptions{});
///   p.parse(sentence);                   // needs upos/xpos; fills head, deprel, parsed
///
/// Output trees are projective with exactly one root. Non-projective training trees are made
/// projective first by lifting each crossing arc to the head's head until none crosses (Nivre
/// and Nilsson 2005 without label decoration): 0.42 % of EWT's arcs cross, so the loss is small
/// and nothing needs undoing after parsing. A Parser is immutable and thread-safe; `parse`
/// costs 2n transitions of about 110 feature lookups each.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "syntax/model_io.h"
#include "syntax/perceptron.h"
#include "syntax/sentence.h"

namespace parley::syntax {

/// The arc-hybrid configuration for a sentence of n words; word n is ROOT, always last in the
/// buffer. Public so that tests can drive it with an oracle.
class ArcHybrid {
 public:
  enum Move : uint8_t { kShift = 0, kLeft = 1, kRight = 2 };

  explicit ArcHybrid(int n);
  int n() const { return n_; }
  bool terminal() const { return stack_.empty() && b0_ == n_; }
  bool can(Move m) const;
  /// Applies a move (it must be allowed); `label` is the relation of the new arc.
  void apply(Move m, int label);

  int stack_size() const { return static_cast<int>(stack_.size()); }
  int s(int k) const;  ///< k-th stack item from the top, or -1
  int b(int k) const;  ///< k-th buffer item (b(0) may be n = ROOT), or -1 past ROOT
  int head(int i) const { return head_[i]; }  ///< -1 unattached, n = ROOT
  int label(int i) const { return label_[i]; }
  int leftmost(int i, int k) const { return left_[i][k]; }    ///< k = 0, 1; -1 if none
  int rightmost(int i, int k) const { return right_[i][k]; }  ///< k = 0, 1; -1 if none
  int left_count(int i) const { return nleft_[i]; }
  int right_count(int i) const { return nright_[i]; }
  uint64_t left_labels(int i) const { return lset_[i]; }
  uint64_t right_labels(int i) const { return rset_[i]; }

  /// The number of gold arcs (head, and label when the move's label is given) a move makes
  /// unreachable: the dynamic oracle's cost. `gold_head` uses n for ROOT.
  int cost(Move m, int label, const std::vector<int>& gold_head,
           const std::vector<int>& gold_label) const;
  /// The static oracle's move for a projective gold tree (ties: LEFT, RIGHT, SHIFT).
  Move static_oracle(const std::vector<int>& gold_head) const;

 private:
  int n_;
  int b0_ = 0;
  std::vector<int> stack_;
  std::vector<int> head_, label_;
  std::vector<std::array<int, 2>> left_, right_;
  std::vector<int> nleft_, nright_;
  std::vector<uint64_t> lset_, rset_;
};

/// Heads (n for ROOT) made projective by lifting; the input must be a tree.
std::vector<int> projectivize(const std::vector<int>& heads);
bool is_projective(const std::vector<int>& heads);

struct ParserOptions {
  int epochs = 15;
  uint64_t seed = 1;
  int explore_after = 1;      ///< epochs of following the oracle before exploring
  double explore_p = 0.9;     ///< then follow the model's own wrong move with this probability
  /// Averaged weights of at most this magnitude are dropped.
  float prune = 0.0f;
  /// Features that took part in fewer updates are dropped (see PerceptronTrainer::average).
  /// Measured on EWT dev: 3 keeps a third of the features and 55 % of the weights (57 MB ->
  /// 21 MB) for 0.1 point of UAS and LAS; 5 halves it again for 0.25.
  int min_updates = 3;
  std::function<void(const std::string&)> progress;
};

class Parser {
 public:
  /// Changes whenever the features change: a model trained with other features is refused.
  static constexpr uint32_t kFeatureVersion = 4;
  /// `gold` needs words with upos, xpos (preferably predicted, e.g. jackknifed), head and deprel.
  static Parser train(const std::vector<Sentence>& gold, const ParserOptions& options);
  /// Parses a tagged sentence: sets head, deprel and `s.parsed`.
  void parse(Sentence& s) const;

  void save(ModelWriter& w) const;
  static Result<Parser> load(ModelReader& r);

  const std::vector<std::string>& labels() const { return labels_; }
  const Perceptron& model() const { return model_; }

 private:
  std::vector<std::string> labels_;
  Perceptron model_;
};

}  // namespace parley::syntax
