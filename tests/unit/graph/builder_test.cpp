#include "graph/builder.h"

#include <gtest/gtest.h>

#include <regex>

#include "core/hash.h"
#include "graph/vocab.h"
#include "text/fingerprint.h"

namespace parley::graph {
namespace {

TEST(Builder, ArticleKey) {
  struct Row {
    std::string id;
    std::string key;
  };
  const Row kRows[] = {
      {"seed0.txt", "seed0.txt"},
      {"dev-01_a.B", "dev-01_a.B"},
      {"a b/c", "a-b-c~" + hex64(fnv1a64("a b/c"))},
      {"news/2023 03 01.txt", "news-2023-03-01.txt~" + hex64(fnv1a64("news/2023 03 01.txt"))},
      {"\xC5\x9E" "u\xC5\x9F" "a", "u-a~" + hex64(fnv1a64("\xC5\x9E" "u\xC5\x9F" "a"))},
      {"", "article~" + hex64(fnv1a64(""))},
      {"..", "..~" + hex64(fnv1a64(".."))},
      {"#", "article~" + hex64(fnv1a64("#"))},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.id);
    EXPECT_EQ(article_key(row.id), row.key);
    EXPECT_EQ(article_key(row.id), article_key(row.id));
    EXPECT_TRUE(check_iri("https://w3id.org/parley/id/article/" + article_key(row.id)).ok());
  }
  // a different identifier with the same slug gets a different key
  EXPECT_NE(article_key("a b"), article_key("a/b"));
  EXPECT_TRUE(std::regex_match(article_key("a b"), std::regex("a-b~[0-9a-f]{16}")));
  // A plain identifier spelled like another's hashed key keeps its own key.
  EXPECT_NE(article_key("a-b-" + article_key("a b").substr(4)), article_key("a b"));
  EXPECT_EQ(article_key("a-b-" + article_key("a b").substr(4)), "a-b-" + article_key("a b").substr(4));
  // long identifiers are cut
  EXPECT_LE(article_key(std::string(300, 'x') + " y").size(), 48u + 1 + 16);
}

TEST(Builder, ArticleNodeOnly) {
  text::Document doc;
  doc.id = "a b";
  doc.text = "Some text.";
  doc.title = "Title";
  doc.url = "https://example.org/a";
  doc.date = text::Date{2023, 3, 1};
  ner::Tagged tagged;
  resolve::Resolved resolved;
  BuildContext ctx;
  ctx.mappings_version = "2026-11-23+0123456789abcdef";
  const ArticleGraph g = build(doc, tagged, {}, resolved, ctx);
  const std::string a = "https://w3id.org/parley/id/article/" + article_key("a b");
  EXPECT_EQ(g.name.value, a);
  EXPECT_TRUE(g.entities.empty());
  auto I = [](const char* s) { return Term::iri_unchecked(s); };
  const Term A = Term::iri_unchecked(a);
  std::vector<Quad> expected = {
      {A, I(vocab::kType), I(vocab::kArticle), A},
      {A, I(vocab::kIdentifier), Term::literal("a b"), A},
      {A, I(vocab::kTitle), Term::literal("Title"), A},
      {A, I(vocab::kDcDate), Term::typed("2023-03-01", vocab::kXsdDate), A},
      {A, I(vocab::kSource), I("https://example.org/a"), A},
      {A, I(vocab::kTextLength), Term::integer(10), A},
      {A, I(vocab::kGazetteerVersion), Term::literal("2026-11-23+0123456789abcdef"), A},
      {A, I(vocab::kTextHash), Term::literal(hex64(text::fingerprint(doc.text).words)), A},
      {A, I(vocab::kTextSimhash), Term::literal(hex64(text::fingerprint(doc.text).simhash)), A},
  };
  sort_for_output(expected);
  EXPECT_EQ(g.local, expected);
  ASSERT_FALSE(g.local.empty());
  EXPECT_EQ(g.local[0].p.value, vocab::kType);  // rdf:type first
}

TEST(Builder, InvalidUrlIsLeftOut) {
  text::Document doc;
  doc.id = "x";
  doc.text = "T.";
  doc.url = "not a url";
  const ArticleGraph g = build(doc, {}, {}, {}, {});
  for (const Quad& q : g.local) EXPECT_NE(q.p.value, vocab::kSource);
}

TEST(Builder, DatesOutsideXsdDateAreNotWritten) {
  for (const text::Date& d : {text::Date{0, 1, 1}, text::Date{10000, 1, 1}, text::Date{2023, 2, 30}}) {
    SCOPED_TRACE(d.iso());
    text::Document doc;
    doc.id = "x";
    doc.text = "T.";
    doc.date = d;
    const ArticleGraph g = build(doc, {}, {}, {}, {});
    ASSERT_FALSE(g.local.empty());
    for (const Quad& q : g.local) EXPECT_NE(q.p.value, vocab::kDcDate) << q.o.value;
  }
}

TEST(Builder, SortForOutputPutsTypeFirstAndDropsDuplicates) {
  auto I = [](const char* s) { return Term::iri_unchecked(s); };
  const Term s = I("urn:s"), g = I("urn:g");
  std::vector<Quad> qs = {
      {s, I(vocab::kLabel), Term::literal("b"), g},
      {s, I(vocab::kType), I(vocab::kState), g},
      {I("urn:a"), I(vocab::kLabel), Term::literal("z"), g},
      {s, I(vocab::kLabel), Term::literal("b"), g},
      {s, I(vocab::kAltLabel), Term::literal("a"), g},
  };
  sort_for_output(qs);
  ASSERT_EQ(qs.size(), 4u);
  EXPECT_EQ(qs[0].s.value, "urn:a");
  EXPECT_EQ(qs[1].p.value, vocab::kType);
  EXPECT_EQ(qs[2].p.value, vocab::kLabel);  // rdf-schema#label < skos#altLabel
  EXPECT_EQ(qs[3].p.value, vocab::kAltLabel);
}

}  // namespace
}  // namespace parley::graph
