/// The rule engine: how event rules written as dependency patterns (syntax/pattern.h) meet
/// the lexicon (mappings/lexicon/classes.tsv) and the parsed sentences of an article.
///
///   const syntax::ClassTest in_class = extract::class_test(mappings.classes);
///   for (const Firing& f : fire(rule, sentence, in_class))
///     use(f.trigger, f.role("content"));   // word indices, -1 where the rule names none
#pragma once

#include <string_view>
#include <vector>

#include "mappings/mappings.h"
#include "syntax/pattern.h"

namespace parley::extract {

/// `@class` for patterns: word i's lemma is a member of the class and no exclusion of that
/// member holds among i's dependents. A verb with a particle (compound:prt) is looked up as
/// "lemma particle" first ("turned down" is "turn down"), then as its lemma alone. For the key
/// `word` the lower-cased form is looked up; `upos` and `xpos` are never in a class. The
/// classes must outlive the returned function.
syntax::ClassTest class_test(const mappings::LexiconClasses& classes);

/// One match of a rule over the parse that may fire: its trigger word, and the word of each
/// named role.
struct Firing {
  const mappings::Rule* rule = nullptr;
  syntax::PatternMatch match;
  int trigger = -1;
  /// The word bound to the node named `name` ("content", "agent", ...), or -1.
  int role(std::string_view name) const;
};

/// What a lemma test may match on word `w`, lower case: its lemma, its form, and for a verb or
/// adjective the bases of a regular inflection ("mediating": "mediat", "mediate"), as the class
/// test reads them. Rule anchors (Rule::anchors, Mappings::anchor_lemmas) are looked up in these.
std::vector<std::string> lemma_keys(const syntax::Word& w);

/// The lemma keys of every word of a sentence. Built once per sentence and shared by the
/// readers; `admits` says whether a rule may match there at all. Empty (admitting only rules
/// with no anchor) when default-constructed.
class AnchorIndex {
 public:
  AnchorIndex() = default;
  explicit AnchorIndex(const syntax::Sentence& s);
  bool admits(const mappings::Rule& rule) const;

 private:
  mappings::StringSet words_;
};

/// The matches of `rule` (a rule over the parse) in the parsed sentence `s` that its polarity
/// allows (a trigger the parse negates fires only rules of polarity negative or any, and
/// negative ones only there) and that are not inside a condition, a question or an allegation
/// (grammar::hypothetical, grammar::alleged). A block rule's matches are all returned: it
/// vetoes what it matches however that is said.
std::vector<Firing> fire(const mappings::Rule& rule, const syntax::Sentence& s, const syntax::ClassTest& in_class);

}  // namespace parley::extract
