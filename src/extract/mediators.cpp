#include "extract/mediators.h"

#include "extract/grammar.h"
#include "syntax/word_features.h"

#include <algorithm>

namespace parley::extract {

MediatorReader::MediatorReader(const syntax::Analysis& analysis, const mappings::Mappings& m, const Reference& ref)
    : a_(analysis), m_(m), ref_(ref), in_class_(class_test(m.classes)) {}

std::vector<MediatorHit> MediatorReader::read(size_t si, const AnchorIndex& anchors) const {
  std::vector<MediatorHit> out;
  if (si >= a_.sentences.size() || !a_.sentences[si].parsed) return out;
  const syntax::Sentence& s = a_.sentences[si];
  for (const mappings::Rule* r : m_.parse_rules[static_cast<size_t>(mappings::EventClass::kMediator)]) {
    if (!anchors.admits(*r)) continue;
    for (const Firing& f : fire(*r, s, in_class_)) {
      if (brokers_agreement(s, f.trigger)) continue;
      MediatorHit h{r, f.trigger, s.words[static_cast<size_t>(f.trigger)].begin, s.words[static_cast<size_t>(f.trigger)].end,
                    mediators(f, si)};
      if (!h.mediators.empty()) out.push_back(std::move(h));
    }
  }
  return out;
}

bool MediatorReader::brokers_agreement(const syntax::Sentence& s, int t) const {
  const auto agreement = [&](int w) {
    return w >= 0 && w < static_cast<int>(s.size()) && in_class_("agreement_noun", syntax::Pattern::Key::kLemma, s, w);
  };
  const syntax::Word& tw = s.words[static_cast<size_t>(t)];
  // "the 2020 ceasefire brokered by Moscow": a participle right after an agreement names who
  // brokered the agreement, wherever the parse hangs it
  if (tw.xpos == "VBN" && agreement(t - 1)) return true;
  // "the truce that Qatar brokered", "brokered a deal between A and B"
  if (tw.head >= 0 && s.universal_deprel(t) == "acl" && agreement(tw.head)) return true;
  for (int o : s.children(t, "obj"))
    if (agreement(o)) return true;
  // "deals the administration brokered between Israel and the UAE": a relative clause with no
  // relative word, its subject right after the agreement, wherever the parse hangs the clause
  if (const grammar::Subject subj = grammar::subject(s, t); subj.word >= 0 && subj.via == grammar::SubjectVia::kSubject) {
    int first = subj.word;
    for (int w = 0; w < subj.word; ++w)
      for (int h = w; h >= 0; h = s.words[static_cast<size_t>(h)].head)
        if (h == subj.word) { first = std::min(first, w); break; }
    if (first < t && agreement(first - 1)) return true;
  }
  return false;
}

std::vector<size_t> MediatorReader::mediators(const Firing& f, size_t si) const {
  const syntax::Sentence& s = a_.sentences[si];
  if (const int w = f.role("mediator"); w >= 0) return ref_.actors_of(si, w);
  const int t = f.trigger;
  const std::string& upos = s.words[static_cast<size_t>(t)].upos;
  if (upos != "NOUN" && upos != "PROPN") {
    const grammar::Subject subj = grammar::subject(s, t);
    // ("the talks chaired last week": the meeting a participle describes does not mediate it)
    if (subj.word < 0 || (subj.via == grammar::SubjectVia::kModifiedNoun &&
                          in_class_("talks_noun", syntax::Pattern::Key::kLemma, s, subj.word)))
      return {};
    return ref_.actors_of(si, subj.word);
  }
  // A noun: "X acted as mediator" (the subject of the verb "as mediator" hangs on), "X is the
  // mediator" (the noun's own subject), "X, the mediator," and "chief mediator X" (the name
  // the noun stands for).
  for (int c : s.children(t, "case"))
    if (syntax::ascii_lower(s.words[static_cast<size_t>(c)].form) == "as") {
      const int h = s.words[static_cast<size_t>(t)].head;
      const grammar::Subject subj = h < 0 ? grammar::Subject{} : grammar::subject(s, h);
      if (subj.word >= 0) return ref_.actors_of(si, subj.word);
      // "were conducted with X, ..., acting as mediator": the absolute construction's subject
      // is the "with" phrase the parse hangs beside it
      if (h >= 0)  // ("with" parsed as the participle's marker: the name follows it)
        for (int m : s.children(h, "mark"))
          if (syntax::ascii_lower(s.words[static_cast<size_t>(m)].form) == "with" && m + 1 < s.size())
            if (auto a = ref_.actors_of(si, m + 1); !a.empty()) return a;
      const int up = h < 0 ? -1 : s.words[static_cast<size_t>(h)].head;
      if (up < 0 || subj.via == grammar::SubjectVia::kNone) return {};
      for (int o : s.children(up, "obl"))
        if (o < h)
          for (int k : s.children(o, "case"))
            if (syntax::ascii_lower(s.words[static_cast<size_t>(k)].form) == "with") return ref_.actors_of(si, o);
      return {};
    }
  if (const grammar::Subject subj = grammar::subject(s, t); subj.word >= 0 && subj.via == grammar::SubjectVia::kSubject)
    return ref_.actors_of(si, subj.word);
  return ref_.actors_of(si, t);
}

}  // namespace parley::extract
