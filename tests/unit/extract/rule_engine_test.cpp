// extract::class_test: lexicon classes as patterns see them (phrasal verbs, exclusions).
#include "extract/rule_engine.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "test_support.h"

namespace parley::extract {
namespace {

using unit::parsed_sentence;

mappings::LexiconClasses classes() {
  mappings::LexiconClasses c;
  c.members["refuse"] = {"decline", "turn down", "reject"};
  c.members["deny"] = {"deny"};
  c.members["talks_noun"] = {"talk"};
  // "denied a visa", "denied him entry": not a denial of a claim.
  c.exclusions["deny\tdeny"].push_back({{"obj", {"visa", "entry"}}});
  // Two conditions that must hold together.
  c.exclusions["refuse\treject"].push_back({{"obl", {"body"}}, {"nsubj:pass", {"organ", "kidney"}}});
  return c;
}

TEST(RuleEngine, PhrasalVerbsAndPlainLemmas) {
  const mappings::LexiconClasses c = classes();
  const syntax::ClassTest in = class_test(c);
  const syntax::Sentence turned = parsed_sentence({{"Iran", "Iran", "", 1, "nsubj"}, {"turned", "turn", "", -1, "root"},
                                        {"down", "down", "", 1, "compound:prt"}, {"the", "the", "", 4, "det"},
                                        {"plan", "plan", "", 1, "obj"}});
  EXPECT_TRUE(in("refuse", syntax::Pattern::Key::kLemma, turned, 1));
  EXPECT_FALSE(in("deny", syntax::Pattern::Key::kLemma, turned, 1));
  EXPECT_FALSE(in("nosuchclass", syntax::Pattern::Key::kLemma, turned, 1));
  const syntax::Sentence page = parsed_sentence({{"Iran", "Iran", "", 1, "nsubj"}, {"turned", "turn", "", -1, "root"},
                                      {"the", "the", "", 3, "det"}, {"page", "page", "", 1, "obj"}});
  EXPECT_FALSE(in("refuse", syntax::Pattern::Key::kLemma, page, 1));
  // Upper-case lemmas and the `word` key are compared lower-cased; tags are never in a class.
  const syntax::Sentence talks = parsed_sentence({{"Talks", "Talk", "", -1, "root"}});
  EXPECT_TRUE(in("talks_noun", syntax::Pattern::Key::kLemma, talks, 0));
  EXPECT_FALSE(in("talks_noun", syntax::Pattern::Key::kWord, talks, 0));  // "talks" is not a member
  EXPECT_FALSE(in("talks_noun", syntax::Pattern::Key::kUpos, talks, 0));
}

TEST(RuleEngine, ExclusionsLookAtDependents) {
  const mappings::LexiconClasses c = classes();
  const syntax::ClassTest in = class_test(c);
  const syntax::Sentence claim = parsed_sentence({{"Baku", "Baku", "", 1, "nsubj"}, {"denied", "deny", "", -1, "root"},
                                       {"the", "the", "", 3, "det"}, {"report", "report", "", 1, "obj"}});
  EXPECT_TRUE(in("deny", syntax::Pattern::Key::kLemma, claim, 1));
  const syntax::Sentence visa = parsed_sentence({{"Baku", "Baku", "", 1, "nsubj"}, {"denied", "deny", "", -1, "root"},
                                      {"him", "he", "", 1, "iobj"}, {"a", "a", "", 4, "det"}, {"visa", "visa", "", 1, "obj"}});
  EXPECT_FALSE(in("deny", syntax::Pattern::Key::kLemma, visa, 1));
  // Both conditions are needed: "the kidney was rejected" alone is still a rejection here.
  const syntax::Sentence kidney = parsed_sentence({{"kidney", "kidney", "", 2, "nsubj:pass"}, {"was", "be", "", 2, "aux:pass"},
                                        {"rejected", "reject", "", -1, "root"}});
  EXPECT_TRUE(in("refuse", syntax::Pattern::Key::kLemma, kidney, 2));
  const syntax::Sentence body = parsed_sentence({{"kidney", "kidney", "", 2, "nsubj:pass"}, {"was", "be", "", 2, "aux:pass"},
                                      {"rejected", "reject", "", -1, "root"}, {"by", "by", "", 4, "case"},
                                      {"body", "body", "", 2, "obl:agent"}});
  EXPECT_FALSE(in("refuse", syntax::Pattern::Key::kLemma, body, 2));
  // In a pattern.
  const Result<syntax::Pattern> p = syntax::Pattern::parse("{lemma:@deny}=trigger >nsubj {}=agent");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(syntax::match(p.value(), claim, in).size(), 1u);
  EXPECT_EQ(syntax::match(p.value(), visa, in).size(), 0u);
}

}  // namespace
}  // namespace parley::extract
