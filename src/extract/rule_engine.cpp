#include "extract/rule_engine.h"

#include <string>

#include "syntax/word_features.h"

namespace parley::extract {

namespace {

using syntax::ascii_lower;

bool excluded(const mappings::LexiconClasses& classes, std::string_view cls, const std::string& member,
              const syntax::Sentence& s, int i) {
  auto it = classes.exclusions.find(std::string(cls) + "\t" + member);
  if (it == classes.exclusions.end()) return false;
  for (const auto& conditions : it->second) {
    bool all = true;
    for (const mappings::LexiconClasses::Condition& c : conditions) {
      bool holds = false;
      for (int d : s.children(i))
        if (syntax::relation_matches(c.relation, s.words[d].deprel) && c.lemmas.count(ascii_lower(s.words[d].lemma))) {
          holds = true;
          break;
        }
      if (!holds) {
        all = false;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

}  // namespace

syntax::ClassTest class_test(const mappings::LexiconClasses& classes) {
  return [&classes](std::string_view cls, syntax::Pattern::Key key, const syntax::Sentence& s, int i) {
    const syntax::Word& w = s.words[i];
    if (key == syntax::Pattern::Key::kWord) {
      const std::string form = ascii_lower(w.form);
      return classes.contains(cls, form) && !excluded(classes, cls, form, s, i);
    }
    if (key != syntax::Pattern::Key::kLemma) return false;
    const std::string lemma = ascii_lower(w.lemma);
    if (s.parsed) {
      const int particle = s.child(i, "compound:prt");
      if (particle >= 0) {
        const std::string phrasal = lemma + " " + ascii_lower(s.words[particle].lemma);
        if (classes.contains(cls, phrasal)) return !excluded(classes, cls, phrasal, s, i);
      }
    }
    return classes.contains(cls, lemma) && !excluded(classes, cls, lemma, s, i);
  };
}

}  // namespace parley::extract
