// syntax::Analyzer with the committed model and the real abbreviations: what the later stages
// read. The model's accuracy is measured by eval-syntax (system tests); these check the wiring.
#include <unordered_set>

#include "syntax/analyzer.h"

#include <gtest/gtest.h>

#include "test_support.h"
#include "syntax/word_features.h"
#include "text/segmenter.h"

namespace parley::syntax {
namespace {

TEST(Analyzer, EverySentenceIsTaggedWithSpansIntoTheArticle) {
  const std::string text =
      "Iran's foreign minister met U.S. envoys in Geneva on Monday.\n\n"
      "The talks, which were brokered by Oman, didn't end the dispute.";
  const auto& abbreviations = unit::real_mappings().lexicon.abbreviations;
  const Analyzer a(unit::real_model(), abbreviations, unit::real_mappings().gazetteer.demonym_words);
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
  const Analyzer a(unit::real_model(), unit::real_mappings().lexicon.abbreviations, unit::real_mappings().gazetteer.demonym_words);
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

// The word and its tag at `form` in `s`, as "form/UPOS".
std::string tagged(const Sentence& s, std::string_view form) {
  for (const Word& w : s.words)
    if (w.form == form) return w.form + "/" + w.upos;
  return "(no " + std::string(form) + ")";
}

TEST(Analyzer, AnAdjectiveOfNationalityTheModelNeverSawIsAnAdjective) {
  const auto& m = unit::real_mappings();
  const Analyzer a(unit::real_model(), m.lexicon.abbreviations, m.gazetteer.demonym_words);
  // EWT has no "Azerbaijani", "Omani" or "Qatari": without the gazetteer's demonyms the tagger
  // read each as a name and the noun after it as a verb
  for (const char* d : {"Azerbaijani", "Omani", "Qatari"}) {
    ASSERT_TRUE(m.gazetteer.demonym_words.count(d)) << d;
    EXPECT_FALSE(unit::real_model().tagger.knows(ascii_lower(d))) << d;
    const std::string text = std::string("Karabakh leaders dismissed a fresh ") + d + " offer to hold talks in Baku.";
    const Sentence s = a.analyze(text, 0, text.size(), /*parse=*/true);
    EXPECT_EQ(tagged(s, d), std::string(d) + "/ADJ") << text;
    EXPECT_EQ(tagged(s, "offer"), "offer/NOUN") << text;
    const int verb = s.roots()[0];
    EXPECT_EQ(s.words[verb].form, "dismissed") << text;
    EXPECT_EQ(s.words[s.child(verb, "obj")].form, "offer") << text;
  }
  // with no demonyms the same sentence falls apart as before (the test shows the stand-in works)
  const std::unordered_set<std::string> none;
  const Analyzer bare(unit::real_model(), m.lexicon.abbreviations, none);
  const std::string text = "Karabakh leaders dismissed a fresh Azerbaijani offer to hold talks in Baku.";
  EXPECT_NE(tagged(bare.analyze(text, 0, text.size(), false), "offer"), "offer/NOUN");
}

TEST(Analyzer, ASentenceOfRunningTextHasAFiniteVerb) {
  const auto& m = unit::real_mappings();
  const Analyzer a(unit::real_model(), m.lexicon.abbreviations, m.gazetteer.demonym_words);
  // the greedy tagger read these participles as modifiers of the noun before ("nations
  // rejected"), which left the sentence without a clause
  for (const char* text : {"Several nations rejected the plan.", "Three ministers resigned over the plan.",
                           // (each clause of a coordination: the finite "said" is the second's)
                           "Several nations criticised the approach, and the envoy said the plan was wrong."}) {
    const Sentence s = a.analyze(text, 0, std::string_view(text).size(), /*parse=*/true);
    const int verb = s.roots()[0];
    EXPECT_EQ(s.words[verb].xpos, "VBD") << text;
    EXPECT_GE(s.child(verb, "nsubj"), 0) << text;
  }
  // a headline keeps its participle, and so does a clause that has a finite verb
  for (const char* text : {"Three people killed in blast", "THREE PEOPLE KILLED IN BLAST.",
                           "The plan rejected by the nations was theirs."}) {
    const Sentence s = a.analyze(text, 0, std::string_view(text).size(), /*parse=*/false);
    bool participle = false;
    for (const Word& w : s.words) participle = participle || w.xpos == "VBN";
    EXPECT_TRUE(participle) << text;
  }
}

TEST(Analyzer, EmptyAndBlankTextGiveNoWords) {
  const Analyzer a(unit::real_model(), unit::real_mappings().lexicon.abbreviations, unit::real_mappings().gazetteer.demonym_words);
  EXPECT_TRUE(a.analyze("", 0, 0, true).words.empty());
  EXPECT_TRUE(a.analyze("   \n ", 0, 5, true).words.empty());
}

}  // namespace
}  // namespace parley::syntax
