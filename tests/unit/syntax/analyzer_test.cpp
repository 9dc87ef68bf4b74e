// syntax::Analyzer with the committed model and the real abbreviations: what the later stages
// read. The model's accuracy is measured by eval-syntax (system tests); these check the wiring.
#include "syntax/analyzer.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "text/segmenter.h"

namespace parley::syntax {
namespace {

TEST(Analyzer, EverySentenceIsTaggedWithSpansIntoTheArticle) {
  const std::string text =
      "Iran's foreign minister met U.S. envoys in Geneva on Monday.\n\n"
      "The talks, which were brokered by Oman, didn't end the dispute.";
  const auto& abbreviations = unit::real_mappings().lexicon.abbreviations;
  const Analyzer a(unit::real_model(), abbreviations);
  const Analysis an = a.analyze(text, text::segment(text, abbreviations), /*parse=*/false);
  ASSERT_EQ(an.sentences.size(), 2u);
  for (const Sentence& s : an.sentences) {
    EXPECT_TRUE(s.tagged);
    EXPECT_FALSE(s.parsed);
    for (const Word& w : s.words) {
      EXPECT_EQ(text.substr(w.begin, w.end - w.begin), w.form);
      EXPECT_FALSE(w.upos.empty());
      EXPECT_FALSE(w.lemma.empty());
    }
  }
  const Sentence& first = an.sentences[0];
  ASSERT_GE(first.size(), 4);
  EXPECT_EQ(first.words[0].form, "Iran");
  EXPECT_EQ(first.words[1].form, "'s");
  EXPECT_EQ(first.words[0].upos, "PROPN");
  EXPECT_EQ(first.words[1].upos, "PART");
  EXPECT_EQ(first.words[4].lemma, "meet");
  EXPECT_EQ(an.sentences[1].multiword.size(), 1u);  // didn't = did + n't
}

TEST(Analyzer, ParsesWhenAskedAndTheTreeReadsAsGrammar) {
  const std::string text = "The plan was rejected by the government.";
  const Analyzer a(unit::real_model(), unit::real_mappings().lexicon.abbreviations);
  const Sentence s = a.analyze(text, 0, text.size(), /*parse=*/true);
  ASSERT_TRUE(s.parsed);
  ASSERT_EQ(s.roots().size(), 1u);
  const int verb = s.roots()[0];
  EXPECT_EQ(s.words[verb].lemma, "reject");
  const int subject = s.child(verb, "nsubj:pass");
  ASSERT_GE(subject, 0);
  EXPECT_EQ(s.words[subject].form, "plan");
  const int agent = s.child(verb, "obl");
  ASSERT_GE(agent, 0);
  EXPECT_EQ(s.words[agent].form, "government");
  const auto [b, e] = s.subtree_span(agent);
  EXPECT_EQ(text.substr(b, e - b), "by the government");
}

TEST(Analyzer, EmptyAndBlankTextGiveNoWords) {
  const Analyzer a(unit::real_model(), unit::real_mappings().lexicon.abbreviations);
  EXPECT_TRUE(a.analyze("", 0, 0, true).words.empty());
  EXPECT_TRUE(a.analyze("   \n ", 0, 5, true).words.empty());
}

}  // namespace
}  // namespace parley::syntax
