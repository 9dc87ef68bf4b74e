// extract::grammar: what the grammar gives a rule, on hand-built trees (exact parses, including
// the misparses the committed model makes).
#include "extract/grammar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace parley::extract::grammar {
namespace {

using unit::parsed_sentence;

// "The president once again ruled out any merger ." with "ruled" tagged as a participle and its
// subject read as a passive one (no passive auxiliary, and an object no passive has)
syntax::Sentence ruled_out() {
  return parsed_sentence({{"The", "the", "DET", 1, "det"},
                          {"president", "president", "NOUN", 4, "nsubj:pass"},
                          {"once", "once", "ADV", 3, "advmod"},
                          {"again", "again", "ADV", 4, "advmod"},
                          {"ruled", "rule", "VERB", -1, "root"},
                          {"out", "out", "ADP", 4, "compound:prt"},
                          {"any", "any", "DET", 7, "det"},
                          {"merger", "merger", "NOUN", 4, "obj"},
                          {".", ".", "PUNCT", 4, "punct"}});
}

TEST(Grammar, AnActiveVerbReadAsAPassiveHasItsSubject) {
  const syntax::Sentence s = ruled_out();
  EXPECT_TRUE(active_read_as_passive(s, 4));
  EXPECT_FALSE(passive(s, 4));
  const Subject subj = subject(s, 4);
  EXPECT_EQ(subj.word, 1);
  EXPECT_EQ(subj.via, SubjectVia::kSubject);
}

// "Iran had earlier rejected the plan ." as the committed model parses it: "had" a verb, and
// the subject hung on it rather than on "rejected"
TEST(Grammar, ASubjectHungOnTheAuxiliaryIsTheVerbs) {
  const syntax::Sentence s = parsed_sentence({{"Iran", "Iran", "PROPN", 1, "nsubj"},
                                              {"had", "have", "VERB", 3, "aux"},
                                              {"earlier", "early", "ADV", 3, "advmod"},
                                              {"rejected", "reject", "VERB", -1, "root"},
                                              {"the", "the", "DET", 5, "det"},
                                              {"plan", "plan", "NOUN", 3, "obj"},
                                              {".", ".", "PUNCT", 3, "punct"}});
  const Subject subj = subject(s, 3);
  EXPECT_EQ(subj.word, 0);
  EXPECT_EQ(subj.via, SubjectVia::kSubject);
}

TEST(Grammar, APassiveStaysAPassive) {
  // "The merger was ruled out ." : an auxiliary, no object; no "by" phrase, no doer
  const syntax::Sentence s = parsed_sentence({{"The", "the", "DET", 1, "det"},
                                              {"merger", "merger", "NOUN", 3, "nsubj:pass"},
                                              {"was", "be", "AUX", 3, "aux:pass"},
                                              {"ruled", "rule", "VERB", -1, "root"},
                                              {"out", "out", "ADP", 3, "compound:prt"},
                                              {".", ".", "PUNCT", 3, "punct"}});
  EXPECT_FALSE(active_read_as_passive(s, 3));
  EXPECT_TRUE(passive(s, 3));
  EXPECT_EQ(subject(s, 3).via, SubjectVia::kPassiveWithoutAgent);
  // "Iran was given a week": a passive with an object keeps its auxiliary
  const syntax::Sentence g = parsed_sentence({{"Iran", "Iran", "PROPN", 2, "nsubj:pass"},
                                              {"was", "be", "AUX", 2, "aux:pass"},
                                              {"given", "give", "VERB", -1, "root"},
                                              {"a", "a", "DET", 4, "det"},
                                              {"week", "week", "NOUN", 2, "obj"}});
  EXPECT_FALSE(active_read_as_passive(g, 2));
  EXPECT_TRUE(passive(g, 2));
}

TEST(Grammar, APastTenseAfterAReportedProgressiveIsTheReportersVerb) {
  // "Hoyos declared that the government was harbouring rebels and requested an inquiry ."
  const syntax::Sentence s = parsed_sentence({{"Hoyos", "Hoyos", "PROPN", 1, "nsubj"},
                                              {"declared", "declare", "VERB", -1, "root"},
                                              {"that", "that", "SCONJ", 6, "mark"},
                                              {"the", "the", "DET", 4, "det"},
                                              {"government", "government", "NOUN", 6, "nsubj"},
                                              {"was", "be", "AUX", 6, "aux"},
                                              {"harbouring", "harbour", "VERB", 1, "ccomp"},
                                              {"rebels", "rebel", "NOUN", 6, "obj"},
                                              {"and", "and", "CCONJ", 9, "cc"},
                                              {"requested", "request", "VERB", 6, "conj"},
                                              {"an", "a", "DET", 11, "det"},
                                              {"inquiry", "inquiry", "NOUN", 9, "obj"}});
  std::vector<std::string> xpos = {"NNP", "VBD", "IN", "DT", "NN", "VBD", "VBG", "NNS", "CC", "VBD", "DT", "NN"};
  syntax::Sentence t = s;
  for (size_t i = 0; i < xpos.size(); ++i) t.words[i].xpos = xpos[i];
  EXPECT_EQ(subject(t, 9).word, 0);
  // "... was harbouring rebels and supplying them": the progressive's own subject
  t.words[9].xpos = "VBG";
  EXPECT_EQ(subject(t, 9).word, 4);
}

}  // namespace
}  // namespace parley::extract::grammar
