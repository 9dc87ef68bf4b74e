#include "extract/rule_engine.h"

#include "extract/grammar.h"

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
      for (int d : s.children(i)) {
        if (!syntax::relation_matches(c.relation, s.words[d].deprel)) continue;
        // the dependent or its apposition, which names the same thing ("dismissed Jones,
        // the finance minister": the object is a minister)
        holds = c.lemmas.count(ascii_lower(s.words[d].lemma)) > 0;
        for (int a : s.children(d))
          if (!holds && s.words[a].deprel == "appos") holds = c.lemmas.count(ascii_lower(s.words[a].lemma)) > 0;
        if (holds) break;
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

// The bases a regular inflection of a verb may come from ("mediating": "mediat", "mediate"),
// in the order the class test tries them; empty when `form` ends in none of the endings.
std::vector<std::string> inflection_bases(const std::string& form) {
  std::vector<std::string> out;
  for (const char* ending : {"ing", "ed", "es", "s"}) {
    const std::string_view e(ending);
    if (form.size() <= e.size() + 2 || form.compare(form.size() - e.size(), e.size(), e) != 0) continue;
    const std::string stem = form.substr(0, form.size() - e.size());
    out.push_back(stem);
    out.push_back(stem + "e");
  }
  return out;
}

}  // namespace

std::vector<std::string> lemma_keys(const syntax::Word& w) {
  std::vector<std::string> keys{ascii_lower(w.lemma), ascii_lower(w.form)};
  if (w.upos == "VERB" || w.upos == "ADJ")
    for (std::string& b : inflection_bases(keys[1])) keys.push_back(std::move(b));
  return keys;
}

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
    if (classes.contains(cls, lemma)) return !excluded(classes, cls, lemma, s, i);
    // A base form counts whatever lemma the lemmatiser gave it ("was mediate by": "media"), and
    // so does a regular inflection of a member verb the lemmatiser has not seen ("mediating",
    // "convened", "co-chaired": the class is the lexicon that says which stem is a verb)
    const std::string form = ascii_lower(w.form);
    if (form != lemma && classes.contains(cls, form)) return !excluded(classes, cls, form, s, i);
    if (w.upos != "VERB" && w.upos != "ADJ") return false;
    for (const std::string& base : inflection_bases(form))
      if (base != lemma && classes.contains(cls, base)) return !excluded(classes, cls, base, s, i);
    return false;
  };
}

AnchorIndex::AnchorIndex(const syntax::Sentence& s) {
  for (const syntax::Word& w : s.words)
    for (std::string& k : lemma_keys(w)) words_.insert(std::move(k));
}

bool AnchorIndex::admits(const mappings::Rule& rule) const {
  if (rule.anchors.empty()) return true;
  for (const std::string& a : rule.anchors)
    if (words_.find(a) != words_.end()) return true;
  return false;
}

int Firing::role(std::string_view name) const {
  const auto& nodes = rule->match->nodes();
  for (size_t k = 0; k < nodes.size(); ++k)
    if (nodes[k].name == name) return match[k];
  return -1;
}

std::vector<Firing> fire(const mappings::Rule& rule, const syntax::Sentence& s, const syntax::ClassTest& in_class) {
  std::vector<Firing> out;
  for (syntax::PatternMatch& m : syntax::match(*rule.match, s, in_class)) {
    Firing f{&rule, std::move(m), -1};
    f.trigger = f.role("trigger");
    if (f.trigger < 0) continue;
    // a block rule vetoes what it matches, said or supposed ("whether to open talks")
    if (rule.block) {
      out.push_back(std::move(f));
      continue;
    }
    const bool negated = grammar::negated(s, f.trigger);
    if (rule.polarity == mappings::Rule::Polarity::kPositive && (negated || grammar::under_negated_verb(s, f.trigger)))
      continue;
    if (rule.polarity == mappings::Rule::Polarity::kNegative && !negated) continue;
    if (grammar::hypothetical(s, f.trigger)) continue;
    if (grammar::alleged(s, f.trigger, in_class)) continue;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace parley::extract
