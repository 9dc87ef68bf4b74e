#include "extract/event_attributes.h"

#include "extract/grammar.h"
#include "syntax/word_features.h"

namespace parley::extract {
namespace {

using mappings::EventKinds;

// The lemma of word `w` as the lexicon keys it: lower case, a phrasal verb with its particle.
std::string key_of(const syntax::Sentence& s, int w) {
  const syntax::Word& x = s.words[static_cast<size_t>(w)];
  std::string l = syntax::ascii_lower(x.lemma.empty() ? x.form : x.lemma);
  for (int c : s.children(w, "compound:prt")) l += " " + syntax::ascii_lower(s.words[static_cast<size_t>(c)].form);
  return l;
}

const std::string* status_of(const syntax::Sentence& s, int w, const EventKinds& k) {
  if (const std::string* v = k.find(EventKinds::kStatus, key_of(s, w))) return v;
  // ("call off" keyed with its particle, "refuse" without one)
  const syntax::Word& x = s.words[static_cast<size_t>(w)];
  return k.find(EventKinds::kStatus, syntax::ascii_lower(x.lemma.empty() ? x.form : x.lemma));
}

int rank(std::string_view status) {
  if (status == "refused") return 4;
  if (status == "hypothetical") return 3;
  if (status == "planned") return 2;
  if (status == "habitual") return 1;
  return 0;
}

}  // namespace

std::string event_status(const syntax::Sentence& s, int trigger, const mappings::EventKinds& k, bool meeting) {
  if (!s.parsed || trigger < 0 || trigger >= s.size()) return "happened";
  std::string best = "happened";
  auto take = [&](std::string_view v) {
    if (rank(v) > rank(best)) best = std::string(v);
  };
  if (meeting && grammar::negated(s, trigger)) take("refused");
  if (grammar::hypothetical(s, trigger)) take("hypothetical");
  // "If Iraq attacks, Kuwait will demand ...": a condition on the trigger's clause
  for (int c : s.children(grammar::clause_head(s, trigger), "advcl"))
    for (int m : s.children(c, "mark"))
      if (const std::string l = syntax::ascii_lower(s.words[static_cast<size_t>(m)].form); l == "if" || l == "unless")
        take("hypothetical");
  // The trigger's modifiers, then the words that govern it, up through its complements and
  // objects ("refused to hold talks": talks <obj hold <xcomp refused), never into another
  // clause it is reported in ("said that they met").
  //
  // A statement climbs only through complements ("declined to demand"): "Sudan rejects IMF
  // demand" rejects a demand that was made. A negated governor counts only through
  // complements too ("did not agree to meet"): "the meetings do not amount to formal talks"
  // took place.
  int x = trigger;
  bool complements = true;  // every step so far went up an xcomp
  for (int steps = 0; x >= 0 && steps < 6; ++steps) {
    if (x != trigger)
      if (const std::string* v = status_of(s, x, k)) take(*v);
    for (int c : s.children(x)) {
      const std::string_view rel = s.universal_deprel(c);
      if (rel == "aux" || rel == "advmod" || rel == "amod")
        if (const std::string* v = status_of(s, c, k)) take(*v);
    }
    if (x != trigger && meeting && complements && grammar::negated(s, x) && rank(best) < 2) take("refused");
    const std::string_view rel = s.universal_deprel(x);
    const bool up = rel == "xcomp" ||
                    (meeting && (rel == "obj" || rel == "obl" || rel == "nsubj" || rel == "compound" || rel == "nmod"));
    if (!up) break;
    complements = complements && rel == "xcomp";
    // ("nsubj": "the talks were cancelled" is nsubj:pass; an active subject takes a status
    // only from its verb's lexicon row: "the talks failed")
    x = s.words[static_cast<size_t>(x)].head;
  }
  if (rank(best) < 2) {
    if (grammar::tense(s, grammar::clause_head(s, trigger)) == grammar::Tense::kFuture) take("planned");
  }
  return best;
}

std::string event_kind(const syntax::Sentence& s, int trigger, const mappings::EventKinds& k,
                       mappings::EventKinds::Property property) {
  const std::string& fallback = k.fallback[property];
  if (trigger < 0 || trigger >= s.size()) return fallback;
  const std::string* own = k.find(property, key_of(s, trigger));
  if (property == EventKinds::kMeetingKind && (!own || *own == fallback)) {
    // "summit talks", "telephone conversation", "spoke by telephone": a modifier names the kind
    for (int c : s.children(trigger)) {
      const std::string_view rel = s.universal_deprel(c);
      if (rel != "compound" && rel != "amod" && rel != "nmod" && rel != "obl") continue;
      if (const std::string* v = k.find(property, key_of(s, c)); v && *v != fallback) return *v;
    }
  }
  return own ? *own : fallback;
}

}  // namespace parley::extract
