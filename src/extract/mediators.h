/// Mediators read off the dependency parse: the rules of mappings/rules/mediator.tsv name a
/// mediation trigger and, where they place it, the mediator; otherwise the mediator is the
/// trigger's subject as the grammar gives it ("Qatar mediated", "talks mediated by Qatar",
/// "the summit, chaired by the prime minister"), or, for a noun, the one it is said of ("X acted
/// as mediator", "X, the mediator,", "chief mediator X").
///
///   const MediatorReader reader(analysis, mappings, reference);
///   for (const MediatorHit& h : reader.read(si, AnchorIndex(analysis.sentences[si]))) attach(h.mediators, h.rule);
///
/// The meeting a mediation belongs to is the meetings code's business (extractor.cpp).
/// Read-only; holds references only.
#pragma once

#include <vector>

#include "extract/reference.h"
#include "extract/rule_engine.h"

namespace parley::extract {

struct MediatorHit {
  const mappings::Rule* rule = nullptr;
  int trigger = -1;                 ///< the trigger word
  size_t begin = 0, end = 0;        ///< its bytes
  std::vector<size_t> mediators;    ///< mention indices, in text order
};

class MediatorReader {
 public:
  MediatorReader(const syntax::Analysis& analysis, const mappings::Mappings& m, const Reference& ref);

  /// The mediations of sentence `si` (nothing when it is not parsed), in rule order; a hit
  /// whose mediator names no actor is left out. `anchors` is that sentence's AnchorIndex.
  std::vector<MediatorHit> read(size_t si, const AnchorIndex& anchors) const;

 private:
  std::vector<size_t> mediators(const Firing& f, size_t si) const;
  /// What the trigger brokers is an agreement, not talks ("the ceasefire brokered by Moscow",
  /// "brokered a deal between A and B", "deals the administration brokered between A and B"):
  /// no mediation of a meeting (the dev conventions leave agreements whose meeting is not told).
  bool brokers_agreement(const syntax::Sentence& s, int t) const;

  const syntax::Analysis& a_;
  const mappings::Mappings& m_;
  const Reference& ref_;
  syntax::ClassTest in_class_;
};

}  // namespace parley::extract
