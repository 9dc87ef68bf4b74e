// syntax::Pattern: the rule language (parse errors with columns) and matching over trees,
// both over hand-built trees (exact) and over sentences the committed model parses.
#include "syntax/pattern.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "syntax/analyzer.h"
#include "test_support.h"

namespace parley::syntax {
namespace {

using unit::parsed_sentence;

// "The kingdom declined to sign the accord ."
Sentence declined() {
  return parsed_sentence({{"The", "the", "DET", 1, "det"},
               {"kingdom", "kingdom", "NOUN", 2, "nsubj"},
               {"declined", "decline", "VERB", -1, "root"},
               {"to", "to", "PART", 4, "mark"},
               {"sign", "sign", "VERB", 2, "xcomp"},
               {"the", "the", "DET", 6, "det"},
               {"accord", "accord", "NOUN", 4, "obj"},
               {".", ".", "PUNCT", 2, "punct"}});
}

const ClassTest kRefuse = [](std::string_view name, Pattern::Key key, const Sentence& s, int i) {
  static const std::set<std::string> refuse = {"decline", "refuse", "reject"};
  return name == "refuse" && key == Pattern::Key::kLemma && refuse.count(s.words[i].lemma) > 0;
};

Pattern parse(const std::string& text) {
  Result<Pattern> p = Pattern::parse(text);
  EXPECT_TRUE(p.ok()) << text << ": " << p.status().str();
  return p.ok() ? p.value() : Pattern();
}

TEST(Pattern, ParsesNodesClausesNamesAndClasses) {
  const Pattern p = parse("{lemma:@refuse}=trigger >nsubj|nsubj:pass {}=agent ?>xcomp ({upos:VERB}=content >obj {})");
  ASSERT_EQ(p.nodes().size(), 4u);
  EXPECT_EQ(p.names(), (std::vector<std::string>{"trigger", "agent", "content"}));
  EXPECT_EQ(p.classes(), (std::vector<std::string>{"refuse"}));
  const auto& root = p.nodes()[0];
  ASSERT_EQ(root.clauses.size(), 2u);  // the obj clause belongs to the parenthesised node
  EXPECT_EQ(root.clauses[0].relations, (std::vector<std::string>{"nsubj", "nsubj:pass"}));
  EXPECT_EQ(root.clauses[1].mode, Pattern::Clause::Mode::kOptional);
  EXPECT_EQ(p.nodes()[2].clauses.size(), 1u);
  EXPECT_TRUE(parse("{}").nodes()[0].tests.empty());
  // Words are compared lower-cased; values may hold apostrophes, dots and hyphens.
  EXPECT_EQ(parse("{word:N'T|U.S.}").nodes()[0].tests[0].values, (std::vector<std::string>{"n't", "u.s."}));
}

TEST(Pattern, ErrorsNameTheColumn) {
  const std::vector<std::pair<std::string, int>> bad = {
      {"", 1},                         // no node
      {"lemma:meet", 1},               // no braces
      {"{lemma meet}", 8},             // no ':'
      {"{colour:red}", 2},             // unknown key
      {"{lemma:meet} >", 15},          // no relation or target
      {"{lemma:meet} >nsubj", 20},     // no target
      {"{lemma:meet} nsubj {}", 14},   // no '>' or '<'
      {"{}=a >nsubj {}=a", 17},        // a name twice
      {"{lemma:@} ", 8},               // an empty class
      {"{} >obl: {}", 5},              // an empty subtype
      {"{} >nsubj ({} ", 15},          // no ')'
      {"{} }", 4},                     // trailing
      {"{} $+ {}", 4},                 // a sister relation is '$++' or '$--'
      {"{} $++ obj {}", 8},            // and takes no relation
  };
  for (const auto& [text, column] : bad) {
    Result<Pattern> p = Pattern::parse(text);
    ASSERT_FALSE(p.ok()) << text;
    EXPECT_EQ(p.status().where().column, column) << text << ": " << p.status().str();
  }
}

TEST(Pattern, RelationsMatchTheirSubtypes) {
  EXPECT_TRUE(relation_matches("obl", "obl"));
  EXPECT_TRUE(relation_matches("obl", "obl:agent"));
  EXPECT_TRUE(relation_matches("obl:agent", "obl:agent"));
  EXPECT_FALSE(relation_matches("obl:agent", "obl"));
  EXPECT_FALSE(relation_matches("obl", "obj"));
  EXPECT_FALSE(relation_matches("nmod", "nmod2"));
  EXPECT_FALSE(relation_matches("obl:tmod", "obl:unmarked"));
}

TEST(Pattern, MatchesControlOnAHandBuiltTree) {
  const Sentence s = declined();
  const Pattern p = parse("{lemma:@refuse}=trigger >nsubj {}=agent >xcomp {}=content");
  const std::vector<PatternMatch> m = match(p, s, kRefuse);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0][0], 2);  // declined
  EXPECT_EQ(m[0][1], 1);  // kingdom
  EXPECT_EQ(m[0][2], 4);  // sign
  // Without the class test nothing is in a class.
  EXPECT_TRUE(match(p, s, nullptr).empty());
  // An unparsed sentence matches nothing.
  Sentence unparsed = s;
  unparsed.parsed = false;
  EXPECT_TRUE(match(p, unparsed, kRefuse).empty());
}

TEST(Pattern, OptionalForbiddenHeadAndNegatedTests) {
  const Sentence s = declined();
  // Optional: bound when present, -1 when not.
  std::vector<PatternMatch> m = match(parse("{lemma:decline} ?>obj {}=thing ?>nsubj {}=agent"), s, nullptr);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0][1], -1);
  EXPECT_EQ(m[0][2], 1);
  // Forbidden: "declined" has no negation, "sign" has an object.
  EXPECT_EQ(match(parse("{lemma:decline} !>advmod {lemma:not}"), s, nullptr).size(), 1u);
  EXPECT_TRUE(match(parse("{lemma:sign} !>obj {}"), s, nullptr).empty());
  // The head: the controller of "sign" is reached through its head.
  m = match(parse("{lemma:sign}=content <xcomp ({}=trigger >nsubj {}=agent)"), s, nullptr);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0][1], 2);
  EXPECT_EQ(m[0][2], 1);
  // Negated test: every noun but "kingdom".
  m = match(parse("{upos:NOUN;!lemma:kingdom}"), s, nullptr);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0][0], 6);
  // Any relation; one word never binds two nodes.
  EXPECT_EQ(match(parse("{lemma:decline} >* {upos:DET}"), s, nullptr).size(), 0u);
  EXPECT_EQ(match(parse("{lemma:decline} >* {} >* {} >* {}"), s, nullptr).size(), 1u);
  EXPECT_EQ(match(parse("{lemma:decline} >* {} >* {} >* {} >* {}"), s, nullptr).size(), 0u);
}

TEST(Pattern, SistersAreOtherDependentsOfTheSameHead) {
  const Sentence s = declined();
  // "kingdom" and "sign" are both dependents of "declined": "sign" comes after, "kingdom" before.
  std::vector<PatternMatch> m = match(parse("{lemma:kingdom} $++ {lemma:sign}=later"), s, nullptr);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0][1], 4);
  EXPECT_TRUE(match(parse("{lemma:kingdom} $-- {lemma:sign}"), s, nullptr).empty());
  EXPECT_EQ(match(parse("{lemma:sign} $-- {lemma:kingdom}"), s, nullptr).size(), 1u);
  // Not a dependent of another head, not the word itself, and nothing for the root.
  EXPECT_TRUE(match(parse("{lemma:kingdom} $++ {lemma:accord}"), s, nullptr).empty());
  EXPECT_TRUE(match(parse("{lemma:decline} $++ {}"), s, nullptr).empty());
  EXPECT_EQ(match(parse("{lemma:kingdom} !$-- {}"), s, nullptr).size(), 1u);
  // Inside a pattern: a predicate whose subject has a later sister of a given kind.
  EXPECT_EQ(match(parse("{lemma:decline} >nsubj ({} $++ {upos:PUNCT})"), s, nullptr).size(), 1u);
}

TEST(Pattern, BacktracksAcrossClauses) {
  // "met" has two obl dependents; only the second has "with": the first candidate fails the
  // inner clause and the matcher tries the next.
  const Sentence s = parsed_sentence({{"Blair", "Blair", "PROPN", 1, "nsubj"},
                                   {"met", "meet", "VERB", -1, "root"},
                                   {"on", "on", "ADP", 3, "case"},
                                   {"Monday", "Monday", "PROPN", 1, "obl"},
                                   {"with", "with", "ADP", 5, "case"},
                                   {"Annan", "Annan", "PROPN", 1, "obl"}});
  const std::vector<PatternMatch> m =
      match(parse("{lemma:meet} >obl ({}=other >case {lemma:with}) >obl ({}=when >case {lemma:on})"), s, nullptr);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0][1], 5);
  EXPECT_EQ(m[0][3], 3);
}

// The same patterns on sentences the committed model parses: what a rule will see.
TEST(Pattern, ReadsRolesOffTheCommittedModelsParses) {
  const Analyzer a(unit::real_model(), unit::real_mappings().lexicon.abbreviations, unit::real_mappings().gazetteer.demonym_words);
  auto parsed = [&](const std::string& text) { return a.analyze(text, 0, text.size(), /*parse=*/true); };
  const Pattern control = parse("{lemma:@refuse}=trigger >nsubj {}=agent >xcomp {}=content");
  const Sentence s = parsed("The kingdom declined to sign the accord.");
  std::vector<PatternMatch> m = match(control, s, kRefuse);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(s.words[m[0][1]].form, "kingdom");
  EXPECT_EQ(s.words[m[0][2]].form, "sign");
  // An adverb and an auxiliary in between change nothing.
  const Sentence t = parsed("The kingdom had also flatly refused to sign the accord.");
  m = match(control, t, kRefuse);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(t.words[m[0][1]].form, "kingdom");
  // A passive with its agent.
  const Pattern passive = parse("{lemma:@refuse}=trigger >nsubj:pass {}=content >obl ({}=agent >case {lemma:by})");
  const Sentence u = parsed("The plan was rejected by the government.");
  m = match(passive, u, kRefuse);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(u.words[m[0][1]].form, "plan");
  EXPECT_EQ(u.words[m[0][2]].form, "government");
}

}  // namespace
}  // namespace parley::syntax
