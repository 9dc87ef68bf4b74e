#include "rdf/reader.h"

#include <gtest/gtest.h>

#include <set>

#include "graph/vocab.h"

namespace parley::rdf {
namespace {

using graph::Quad;
using graph::Term;

graph::ArticleGraph sample() {
  graph::ArticleGraph g;
  g.name = Term::iri_unchecked("https://w3id.org/parley/id/article/a1");
  g.local = {
      {g.name, Term::iri_unchecked(vocab::kType), Term::iri_unchecked(vocab::kArticle), g.name},
      {g.name, Term::iri_unchecked(vocab::kIdentifier), Term::literal("a \"1\"\nb"), g.name},
      {g.name, Term::iri_unchecked(vocab::kTextLength), Term::integer(5), g.name},
  };
  g.entities = {{Term::iri_unchecked("https://w3id.org/parley/id/entity/state/AZ"), Term::iri_unchecked(vocab::kLabel),
                 Term::literal("Azərbaycan"), g.name}};
  return g;
}

// What the writer writes, the reader reads back: same triples (prefixed names expanded), and
// the article's graph in N-Quads and TriG.
TEST(RdfReader, ReadsBackEveryFormatTheWriterWrites) {
  for (Format f : {Format::kTurtle, Format::kNTriples, Format::kNQuads, Format::kTriG}) {
    std::string text;
    auto w = Writer::to_string(&text, f);
    ASSERT_TRUE(w->write_article(sample()).ok());
    ASSERT_TRUE(w->finish().ok());
    std::set<Quad> got;
    Status s = read_string(text, "mem", f, [&](Quad&& q) { got.insert(q); });
    ASSERT_TRUE(s.ok()) << s.str() << "\n" << text;
    std::set<Quad> want;
    graph::ArticleGraph g = sample();
    for (const auto* v : {&g.local, &g.entities})
      for (Quad q : *v) {
        if (!has_named_graphs(f)) q.g = Term{};
        want.insert(q);
      }
    EXPECT_EQ(got, want) << extension(f) << ":\n" << text;
  }
}

TEST(RdfReader, ReportsFileLineAndColumnOfASyntaxError) {
  const std::string text = "<http://a> <http://b> <http://c> .\n<http://a> <http://b> oops .\n";
  Status s = read_string(text, "bad.nt", Format::kNTriples, [](Quad&&) {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, "bad.nt");
  EXPECT_EQ(s.where().line, 2);
  EXPECT_GT(s.where().column, 0);
}

TEST(RdfReader, ReportsAMissingFile) {
  Status s = read_file("/nonexistent/x.nq", Format::kNQuads, [](Quad&&) {});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.str().find("/nonexistent/x.nq"), std::string::npos);
}

}  // namespace
}  // namespace parley::rdf
