#include "syntax/sentence.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace parley::syntax {
namespace {

// A sentence from (form, 1-based head with 0 for the root, relation) triples; words separated
// by one space, with their spans.
Sentence make(const std::vector<std::tuple<std::string, int, std::string>>& rows) {
  Sentence s;
  s.parsed = true;
  for (const auto& [form, head, rel] : rows) {
    if (!s.text.empty()) s.text += ' ';
    Word& w = s.words.emplace_back();
    w.form = form;
    w.head = head - 1;
    w.deprel = rel;
    w.begin = s.text.size();
    s.text += form;
    w.end = s.text.size();
  }
  s.end = s.text.size();
  return s;
}

// "The cat was chased by the big dog yesterday ."
//   0    1   2     3    4   5   6   7        8     9
Sentence passive() {
  return make({{"The", 2, "det"},
               {"cat", 4, "nsubj:pass"},
               {"was", 4, "aux:pass"},
               {"chased", 0, "root"},
               {"by", 8, "case"},
               {"the", 8, "det"},
               {"big", 8, "amod"},
               {"dog", 4, "obl:agent"},
               {"yesterday", 4, "obl:tmod"},
               {".", 4, "punct"}});
}

std::string span_text(const Sentence& s, std::pair<size_t, size_t> span) {
  return s.text.substr(span.first, span.second - span.first);
}

TEST(Sentence, ChildrenMatchRelationsAndTheirSubtypes) {
  const Sentence s = passive();
  EXPECT_EQ(s.children(3), (std::vector<int>{1, 2, 7, 8, 9}));
  EXPECT_EQ(s.children(3, "obl"), (std::vector<int>{7, 8}));
  EXPECT_EQ(s.children(3, "obl:agent"), (std::vector<int>{7}));
  EXPECT_EQ(s.children(3, "obl:tmod"), (std::vector<int>{8}));
  EXPECT_EQ(s.children(3, "nsubj"), (std::vector<int>{1}));
  EXPECT_TRUE(s.children(3, "ob").empty());  // a prefix of a name is not a relation
  EXPECT_TRUE(s.children(3, "obl:ag").empty());
  EXPECT_TRUE(s.children(3, "obl:agent:x").empty());
  EXPECT_TRUE(s.children(0).empty());
  EXPECT_TRUE(s.children(-1).empty());
  EXPECT_TRUE(s.children(10).empty());
}

TEST(Sentence, ChildIsTheFirstMatchOrMinusOne) {
  const Sentence s = passive();
  EXPECT_EQ(s.child(3, "obl"), 7);
  EXPECT_EQ(s.child(3, "obl:tmod"), 8);
  EXPECT_EQ(s.child(7, "det"), 5);
  EXPECT_EQ(s.child(3, "obj"), -1);
  EXPECT_EQ(s.child(3, {}), 1);
  EXPECT_EQ(s.child(-5, "obl"), -1);
  EXPECT_EQ(s.child(99, "obl"), -1);
}

TEST(Sentence, Roots) {
  EXPECT_EQ(passive().roots(), (std::vector<int>{3}));
  Sentence two = make({{"a", 0, "root"}, {"b", 0, "root"}, {"c", 2, "dep"}});
  EXPECT_EQ(two.roots(), (std::vector<int>{0, 1}));
  EXPECT_TRUE(Sentence().roots().empty());
  // A head outside the sentence counts as none.
  Sentence bad = make({{"a", 0, "root"}, {"b", 7, "dep"}});
  EXPECT_EQ(bad.roots(), (std::vector<int>{0, 1}));
}

TEST(Sentence, SubtreeAndItsSpan) {
  const Sentence s = passive();
  EXPECT_EQ(s.subtree(7), (std::pair<int, int>{4, 7}));
  EXPECT_EQ(span_text(s, s.subtree_span(7)), "by the big dog");
  EXPECT_EQ(s.subtree(3), (std::pair<int, int>{0, 9}));
  EXPECT_EQ(span_text(s, s.subtree_span(3)), s.text);
  EXPECT_EQ(s.subtree(0), (std::pair<int, int>{0, 0}));
  EXPECT_EQ(span_text(s, s.subtree_span(1)), "The cat");
  EXPECT_EQ(s.subtree(-1), (std::pair<int, int>{-1, -1}));
  EXPECT_EQ(s.subtree(10), (std::pair<int, int>{-1, -1}));
  EXPECT_EQ(s.subtree_span(10), (std::pair<size_t, size_t>{0, 0}));
}

TEST(Sentence, NonProjectiveSubtreeIsMinToMax) {
  // "A hearing is scheduled on the issue today": "on the issue" depends on "hearing".
  const Sentence s = make({{"A", 2, "det"},
                           {"hearing", 4, "nsubj:pass"},
                           {"is", 4, "aux:pass"},
                           {"scheduled", 0, "root"},
                           {"on", 7, "case"},
                           {"the", 7, "det"},
                           {"issue", 2, "nmod"},
                           {"today", 4, "obl:tmod"}});
  EXPECT_EQ(s.subtree(1), (std::pair<int, int>{0, 6}));
  EXPECT_EQ(s.subtree(7), (std::pair<int, int>{7, 7}));
}

TEST(Sentence, PathGoesThroughTheLowestCommonAncestor) {
  const Sentence s = passive();
  EXPECT_EQ(s.path(1, 7), (std::vector<int>{1, 3, 7}));
  EXPECT_EQ(s.path(0, 5), (std::vector<int>{0, 1, 3, 7, 5}));
  EXPECT_EQ(s.path(5, 0), (std::vector<int>{5, 7, 3, 1, 0}));
  EXPECT_EQ(s.path(4, 7), (std::vector<int>{4, 7}));  // b is an ancestor of a
  EXPECT_EQ(s.path(3, 6), (std::vector<int>{3, 7, 6}));
  EXPECT_EQ(s.path(2, 2), (std::vector<int>{2}));
  EXPECT_TRUE(s.path(-1, 2).empty());
  EXPECT_TRUE(s.path(2, 10).empty());
  Sentence two = make({{"a", 0, "root"}, {"b", 0, "root"}, {"c", 2, "dep"}});
  EXPECT_TRUE(two.path(0, 2).empty());  // different trees
  EXPECT_EQ(two.path(2, 1), (std::vector<int>{2, 1}));
}

TEST(Sentence, MalformedHeadsDoNotLoop) {
  // 0 -> 1 -> 2 -> 0 is a cycle; 3 hangs off it; 4 points at itself; 5 is the root.
  Sentence s =
      make({{"a", 2, "dep"}, {"b", 3, "dep"}, {"c", 1, "dep"}, {"d", 1, "dep"}, {"e", 5, "dep"}, {"f", 0, "root"}});
  EXPECT_EQ(s.subtree(0), (std::pair<int, int>{0, 3}));
  EXPECT_EQ(s.subtree(4), (std::pair<int, int>{4, 4}));
  EXPECT_TRUE(s.children(4).empty());
  EXPECT_EQ(s.children(0), (std::vector<int>{2, 3}));
  EXPECT_EQ(s.roots(), (std::vector<int>{5}));
  EXPECT_EQ(s.path(3, 1), (std::vector<int>{3, 0, 1}));
  EXPECT_EQ(s.path(3, 2), (std::vector<int>{3, 0, 1, 2}));
  EXPECT_TRUE(s.path(0, 5).empty());
  EXPECT_TRUE(s.path(4, 5).empty());
  EXPECT_EQ(s.path(4, 4), (std::vector<int>{4}));
  s.words[1].head = -7;
  EXPECT_EQ(s.subtree(1), (std::pair<int, int>{0, 3}));
  EXPECT_EQ(s.roots(), (std::vector<int>{1, 5}));
}

TEST(Sentence, UniversalDeprel) {
  const Sentence s = passive();
  EXPECT_EQ(s.universal_deprel(1), "nsubj");
  EXPECT_EQ(s.universal_deprel(3), "root");
  EXPECT_EQ(s.universal_deprel(8), "obl");
  EXPECT_EQ(s.universal_deprel(-1), "");
  EXPECT_EQ(s.universal_deprel(10), "");
  EXPECT_EQ(Sentence().universal_deprel(0), "");
}

}  // namespace
}  // namespace parley::syntax
