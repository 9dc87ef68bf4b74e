#include "syntax/conllu.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#ifndef PARLEY_SOURCE_DIR
#error "PARLEY_SOURCE_DIR must be defined for the unit tests"
#endif

namespace parley::syntax {
namespace {

std::string treebank_path(const std::string& name) {
  return std::string(PARLEY_SOURCE_DIR) + "/../shared/treebank/UD_English-EWT/" + name;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Lines joined with "\n"; columns written with spaces in the tables are turned into tabs by `tabs`.
std::string tabs(std::string s) {
  for (char& c : s)
    if (c == '|') c = '\t';
  return s;
}

const char* const kExample =
    "# newdoc id = doc1\n"
    "# sent_id = s1\n"
    "# text = I don't know, Bob.\n"
    "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t4:nsubj\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
    "4.1\tknow\tknow\tVERB\tVB\t_\t_\t_\t4:conj\tCopyOf=4\n"
    "5\t,\t,\tPUNCT\t,\t_\t6\tpunct\t6:punct\t_\n"
    "6\tBob\tBob\tPROPN\tNNP\tNumber=Sing\t4\tvocative\t4:vocative\tSpaceAfter=No\n"
    "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
    "\n";

TEST(Conllu, ReadsColumnsCommentsAndMultiwordTokens) {
  auto r = read_conllu(kExample, "ex.conllu");
  ASSERT_TRUE(r.ok()) << r.status().str();
  ASSERT_EQ(r->size(), 1u);
  const Sentence& s = r->at(0);
  EXPECT_EQ(s.id, "s1");
  EXPECT_EQ(s.text, "I don't know, Bob.");
  EXPECT_TRUE(s.tagged);
  EXPECT_TRUE(s.parsed);
  EXPECT_EQ(s.begin, 0u);
  EXPECT_EQ(s.end, s.text.size());
  ASSERT_EQ(s.size(), 7);  // the empty node 4.1 is skipped
  const Word& i = s.words[0];
  EXPECT_EQ(i.form, "I");
  EXPECT_EQ(i.lemma, "I");
  EXPECT_EQ(i.upos, "PRON");
  EXPECT_EQ(i.xpos, "PRP");
  EXPECT_EQ(i.feats, "Case=Nom");
  EXPECT_EQ(i.head, 3);
  EXPECT_EQ(i.deprel, "nsubj");
  EXPECT_EQ(s.words[1].feats, "");
  EXPECT_EQ(s.words[3].head, -1);
  EXPECT_EQ(s.words[3].deprel, "root");
  EXPECT_FALSE(s.words[3].space_after);
  EXPECT_TRUE(s.words[4].space_after);
  ASSERT_EQ(s.multiword.size(), 1u);
  const MultiwordToken& m = s.multiword[0];
  EXPECT_EQ(m.form, "don't");
  EXPECT_EQ(m.first, 1);
  EXPECT_EQ(m.last, 2);
  EXPECT_TRUE(m.space_after);
  EXPECT_EQ(s.text.substr(m.begin, m.end - m.begin), "don't");
  // The words of a multiword token: no space inside it, the token's spacing on the last word.
  EXPECT_FALSE(s.words[1].space_after);
  EXPECT_TRUE(s.words[2].space_after);
  // Every word's span holds its form.
  for (const Word& w : s.words) EXPECT_EQ(s.text.substr(w.begin, w.end - w.begin), w.form);
  EXPECT_EQ(s.words[5].begin, 14u);
}

TEST(Conllu, SpansFallBackToTextRebuiltFromForms) {
  // No "# text": rebuilt from the forms and SpaceAfter.
  auto r = read_conllu(tabs("1|Hi|_|_|_|_|_|_|_|SpaceAfter=No\n2|!|_|_|_|_|_|_|_|_\n3|Yes|_|_|_|_|_|_|_|_\n"), "f");
  ASSERT_TRUE(r.ok()) << r.status().str();
  const Sentence& s = r->at(0);
  EXPECT_EQ(s.text, "Hi! Yes");
  EXPECT_EQ(s.words[2].begin, 4u);
  EXPECT_EQ(s.words[2].end, 7u);
  EXPECT_EQ(s.end, 7u);
  EXPECT_FALSE(s.tagged);
  EXPECT_FALSE(s.parsed);
  EXPECT_EQ(s.words[0].lemma, "");
  EXPECT_EQ(s.words[0].head, -1);

  // A "# text" the forms are not found in is replaced by the rebuilt text.
  auto t = read_conllu(tabs("# text = Hi  there\n1|Hello|_|_|_|_|_|_|_|_\n2|there|_|_|_|_|_|_|_|_\n"), "f");
  ASSERT_TRUE(t.ok()) << t.status().str();
  EXPECT_EQ(t->at(0).text, "Hello there");
  EXPECT_EQ(t->at(0).words[1].begin, 6u);

  // Whatever whitespace the text has between forms is kept, whatever SpaceAfter says.
  auto u = read_conllu(tabs("# text = Hi  there\n1|Hi|_|_|_|_|_|_|_|SpaceAfter=No\n2|there|_|_|_|_|_|_|_|_\n"), "f");
  ASSERT_TRUE(u.ok()) << u.status().str();
  EXPECT_EQ(u->at(0).text, "Hi  there");
  EXPECT_EQ(u->at(0).words[1].begin, 4u);

  // Unicode whitespace (here a no-break space, as in EWT) separates forms too.
  auto v = read_conllu(tabs("# text = have\u00A0been\n1|have|_|_|_|_|_|_|_|_\n2|been|_|_|_|_|_|_|_|_\n"), "f");
  ASSERT_TRUE(v.ok()) << v.status().str();
  EXPECT_EQ(v->at(0).text, "have\u00A0been");
  EXPECT_EQ(v->at(0).words[1].begin, 6u);
}

TEST(Conllu, MultiwordWordsNotSpellingTheTokenGetItsWholeSpan) {
  auto r = read_conllu(tabs("# text = del mar\n1-2|del|_|_|_|_|_|_|_|_\n1|de|_|_|_|_|_|_|_|_\n"
                            "2|el|_|_|_|_|_|_|_|_\n3|mar|_|_|_|_|_|_|_|_\n"),
                       "f");
  ASSERT_TRUE(r.ok()) << r.status().str();
  const Sentence& s = r->at(0);
  EXPECT_EQ(s.text, "del mar");
  EXPECT_EQ(s.words[0].begin, 0u);
  EXPECT_EQ(s.words[0].end, 3u);
  EXPECT_EQ(s.words[1].begin, 0u);
  EXPECT_EQ(s.words[1].end, 3u);
  EXPECT_EQ(s.words[2].begin, 4u);
}

TEST(Conllu, ToleratesMissingFinalBlankLineCrlfBomAndExtraBlankLines) {
  auto r = read_conllu(
      "\xEF\xBB\xBF# sent_id = a\r\n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\r\n\r\n\n\n1\tB\t_\t_\t_\t_\t_\t_\t_\t_", "f");
  ASSERT_TRUE(r.ok()) << r.status().str();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->at(0).id, "a");
  EXPECT_EQ(r->at(0).words[0].form, "A");
  EXPECT_EQ(r->at(1).words[0].form, "B");
  EXPECT_TRUE(read_conllu("", "f").ok());
  EXPECT_TRUE(read_conllu("", "f")->empty());
}

TEST(Conllu, UnderscoreFormKeepsUnderscoreLemma) {
  auto r = read_conllu(tabs("1|_|_|PUNCT|NFP|_|0|root|_|_\n"), "f");
  ASSERT_TRUE(r.ok()) << r.status().str();
  EXPECT_EQ(r->at(0).words[0].form, "_");
  EXPECT_EQ(r->at(0).words[0].lemma, "_");
  EXPECT_TRUE(r->at(0).tagged);
  EXPECT_TRUE(r->at(0).parsed);
}

struct ErrorCase {
  const char* input;  // '|' stands for a tab
  int line, column;
  const char* message;  // a part of the message
};

TEST(Conllu, ErrorsNameFileLineColumnAndWhatWasFound) {
  const ErrorCase kCases[] = {
      {"1|a|_|_|_|_|0|root|_\n", 1, 21, "expected 10 tab-separated columns, found 9"},
      {"1|a|_|_|_|_|0|root|_|_|x\n", 1, 23, "expected 10 tab-separated columns, found 11"},
      {"1|a|_|_|_|_|0|root||_\n", 1, 20, "column 9 (DEPS), found an empty column"},
      {"1| |_|_|_|_|0|root|_|_\n", 1, 3, "expected a FORM with a non-space character, found ' '"},
      {"1-2|  |_|_|_|_|_|_|_|_\n", 1, 5, "expected a FORM with a non-space character, found '  '"},
      {"x|a|_|_|_|_|0|root|_|_\n", 1, 1,
       "expected a word ID (1, 2, ...), a multiword range (3-4) or an empty node (8.1), found 'x'"},
      {"0|a|_|_|_|_|0|root|_|_\n", 1, 1, "found '0'"},
      {"1-|a|_|_|_|_|_|_|_|_\n", 1, 1, "found '1-'"},
      {"1.0|a|_|_|_|_|_|_|_|_\n", 1, 1, "found '1.0'"},
      {"1|a|_|_|_|_|0|root|_|_\n3|b|_|_|_|_|1|dep|_|_\n", 2, 1, "expected word ID 2, found '3'"},
      {"1|a|_|_|_|_|0|root|_|_\n1|b|_|_|_|_|1|dep|_|_\n", 2, 1, "expected word ID 2, found '1'"},
      {"# text = a\n\n", 2, 1, "expected a word line, found a blank line"},
      {"# text = a\n", 2, 1, "expected a word line, found the end of the file"},
      {"1|a|_|_|_|_|x|root|_|_\n", 1, 13, "expected HEAD to be a word ID, 0 or '_', found 'x'"},
      {"1|a|_|_|_|_|-1|root|_|_\n", 1, 13, "found '-1'"},
      {"1|a|_|_|_|_|1|root|_|_\n", 1, 13, "found the word's own ID '1'"},
      {"1|a|_|_|_|_|0|root|_|_\n2|b|_|_|_|_|3|dep|_|_\n\n", 2, 13,
       "expected HEAD between 0 and 2 (the sentence's last word), found 3"},
      {"1|é|_|_|_|_|5|root|_|_\n", 1, 13, "found 5"},  // columns count characters
      {"2-3|ab|_|_|_|_|_|_|_|_\n1|a|_|_|_|_|0|root|_|_\n", 1, 1,
       "expected a multiword range 1-N (N > 1) before word 1, found '2-3'"},
      {"1-1|ab|_|_|_|_|_|_|_|_\n", 1, 1, "found '1-1'"},
      {"1-2|ab|_|_|_|_|_|_|_|_\n1|a|_|_|_|_|0|root|_|_\n\n", 1, 1,
       "expected the multiword range to end at or before the sentence's last word 1, found range 1-2"},
      {"1-2|ab|_|_|_|_|_|_|_|_\n1-3|abc|_|_|_|_|_|_|_|_\n", 2, 1, "expected a multiword range after word 2"},
      {"1-2|ab|_|_|_|_|_|_|_|_\n1|a|_|_|_|_|0|root|_|_\n2-3|bc|_|_|_|_|_|_|_|_\n", 3, 1,
       "expected a multiword range after word 2"},
      {"1|a|_|_|_|_|0|root|_|_\n2.1|b|_|_|_|_|_|_|_|_\n", 2, 1, "expected an empty node 1.M after word 1, found '2.1'"},
      {"1|a|_|_|_|_|0|root|_|_\n\n1|a|_|_|_|_|0|root|_|_\n2|b|_|_|_|_|0|root|_|_\n3|c|_|_|_|_|9|x|_|_\n", 5, 13,
       "found 9"},
  };
  for (const ErrorCase& c : kCases) {
    SCOPED_TRACE(c.input);
    auto r = read_conllu(tabs(c.input), "bad.conllu");
    ASSERT_FALSE(r.ok());
    const Status& st = r.status();
    EXPECT_EQ(st.where().file, "bad.conllu");
    EXPECT_EQ(st.where().line, c.line);
    EXPECT_EQ(st.where().column, c.column);
    EXPECT_NE(st.message().find(c.message), std::string::npos) << st.str();
    EXPECT_EQ(st.str().rfind("bad.conllu:" + std::to_string(c.line) + ":", 0), 0u) << st.str();
  }
}

TEST(Conllu, WritesExactBytes) {
  auto r = read_conllu(kExample, "ex.conllu");
  ASSERT_TRUE(r.ok()) << r.status().str();
  std::string out;
  write_conllu(r->at(0), out);
  EXPECT_EQ(out,
            "# sent_id = s1\n"
            "# text = I don't know, Bob.\n"
            "1\tI\tI\tPRON\tPRP\tCase=Nom\t4\tnsubj\t_\tTokenRange=0:1\n"
            "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tTokenRange=2:7\n"
            "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
            "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
            "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No|TokenRange=8:12\n"
            "5\t,\t,\tPUNCT\t,\t_\t6\tpunct\t_\tTokenRange=12:13\n"
            "6\tBob\tBob\tPROPN\tNNP\tNumber=Sing\t4\tvocative\t_\tSpaceAfter=No|TokenRange=14:17\n"
            "7\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\tTokenRange=17:18\n"
            "\n");
}

TEST(Conllu, WritesUnfilledColumnsAsUnderscore) {
  Sentence s;
  s.words.resize(2);
  s.words[0].form = "Hello";
  s.words[0].space_after = false;
  s.words[1].form = "!";
  s.words[1].head = 0;  // a head but no relation, in an unparsed sentence
  std::string out = "previous\n";
  write_conllu(s, out);
  EXPECT_EQ(out,
            "previous\n"
            "1\tHello\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n"
            "2\t!\t_\t_\t_\t_\t1\t_\t_\t_\n"
            "\n");
  // Tabs and line breaks in the text or a form would break the format: they become spaces.
  Sentence t;
  t.text = "a\tb\nc";
  t.words.resize(1);
  t.words[0].form = "a\tb";
  t.words[0].end = 3;
  t.parsed = true;
  std::string out2;
  write_conllu(t, out2);
  EXPECT_EQ(out2, "# text = a b c\n1\ta b\t_\t_\t_\t_\t0\t_\t_\tTokenRange=0:3\n\n");
}

bool same_columns(const Sentence& a, const Sentence& b, std::string& why) {
  if (a.id != b.id) return why = "id", false;
  if (a.text != b.text) return why = "text", false;
  if (a.tagged != b.tagged || a.parsed != b.parsed) return why = "flags", false;
  if (a.begin != b.begin || a.end != b.end) return why = "sentence span", false;
  if (a.size() != b.size()) return why = "size", false;
  for (int i = 0; i < a.size(); ++i) {
    const Word& x = a.words[i];
    const Word& y = b.words[i];
    if (x.form != y.form || x.lemma != y.lemma || x.upos != y.upos || x.xpos != y.xpos || x.feats != y.feats ||
        x.head != y.head || x.deprel != y.deprel || x.space_after != y.space_after || x.begin != y.begin ||
        x.end != y.end)
      return why = "word " + std::to_string(i + 1), false;
  }
  if (a.multiword.size() != b.multiword.size()) return why = "multiword count", false;
  for (size_t k = 0; k < a.multiword.size(); ++k) {
    const MultiwordToken& x = a.multiword[k];
    const MultiwordToken& y = b.multiword[k];
    if (x.first != y.first || x.last != y.last || x.form != y.form || x.space_after != y.space_after ||
        x.begin != y.begin || x.end != y.end)
      return why = "multiword " + std::to_string(k), false;
  }
  return true;
}

TEST(Conllu, EwtDevRoundTrip) {
  const std::string path = treebank_path("en_ewt-ud-dev.conllu");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no treebank at " << path;
  auto first = read_conllu(slurp(path), path);
  ASSERT_TRUE(first.ok()) << first.status().str();
  ASSERT_GT(first->size(), 2000u);
  size_t words = 0;
  std::string out;
  for (const Sentence& s : first.value()) {
    write_conllu(s, out);
    words += s.words.size();
    for (const Word& w : s.words) {
      ASSERT_LE(w.end, s.text.size());
      if (w.end - w.begin == w.form.size()) {
        EXPECT_EQ(s.text.substr(w.begin, w.end - w.begin), w.form) << s.id;
      }
    }
  }
  auto second = read_conllu(out, "written");
  ASSERT_TRUE(second.ok()) << second.status().str();
  ASSERT_EQ(second->size(), first->size());
  size_t words_again = 0;
  for (size_t k = 0; k < first->size(); ++k) {
    std::string why;
    ASSERT_TRUE(same_columns(first->at(k), second->at(k), why)) << first->at(k).id << ": " << why;
    words_again += second->at(k).words.size();
  }
  EXPECT_EQ(words, words_again);
  // Writing again gives the same bytes.
  std::string out2;
  for (const Sentence& s : second.value()) write_conllu(s, out2);
  EXPECT_EQ(out, out2);
}

TEST(Conllu, EwtTrainReads) {
  const std::string path = treebank_path("en_ewt-ud-train.conllu");
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no treebank at " << path;
  auto r = read_conllu(slurp(path), path);
  ASSERT_TRUE(r.ok()) << r.status().str();
  EXPECT_EQ(r->size(), 12544u);
  for (const Sentence& s : r.value()) {
    EXPECT_TRUE(s.tagged && s.parsed) << s.id;
    if (!(s.tagged && s.parsed)) break;
  }
}

}  // namespace
}  // namespace parley::syntax
