#include "rdf/reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

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
    Status s = read_string(text, "mem", f, [&](Quad&& q) {
      got.insert(q);
      return Status{};
    });
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
  Status s = read_string(text, "bad.nt", Format::kNTriples, [](Quad&&) { return Status{}; });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, "bad.nt");
  EXPECT_EQ(s.where().line, 2);
  EXPECT_GT(s.where().column, 0);
}

TEST(RdfReader, ReportsAMissingFile) {
  Status s = read_file("/nonexistent/x.nq", Format::kNQuads, [](Quad&&) { return Status{}; });
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.str().find("/nonexistent/x.nq"), std::string::npos);
}

std::string temp_file(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() / ("parley-reader-test-" + name)).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string line(int i) {
  return "<https://example.org/s" + std::to_string(i) + "> <https://example.org/p> \"caf\\u00E9 " + std::to_string(i) +
         "\"@fr <https://example.org/g> .\n";
}

TEST(RdfReader, ReadsEveryQuadOfAFileOfManyChunks) {
  std::string bytes;
  const int n = 30000;  // about 3 MB: several of the reader's 1 MiB chunks
  for (int i = 0; i < n; ++i) bytes += line(i);
  const std::string path = temp_file("many.nq", bytes);
  int count = 0;
  graph::Quad last;
  const Status s = read_file(path, Format::kNQuads, [&](graph::Quad&& q) {
    ++count;
    last = std::move(q);
    return Status{};
  });
  std::remove(path.c_str());
  ASSERT_TRUE(s.ok()) << s.str();
  EXPECT_EQ(count, n);
  EXPECT_EQ(last.s.value, "https://example.org/s" + std::to_string(n - 1));
  EXPECT_EQ(last.o.value, "caf\xC3\xA9 " + std::to_string(n - 1));
  EXPECT_EQ(last.o.lang, "fr");
  EXPECT_EQ(last.g.value, "https://example.org/g");
}

TEST(RdfReader, AnErrorInALaterChunkNamesItsLineInTheFile) {
  std::string bytes;
  for (int i = 0; i < 20000; ++i) bytes += i == 17000 ? "<https://example.org/s> <https://example.org/p> \"open .\n" : line(i);
  const std::string path = temp_file("bad.nq", bytes);
  const Status s = read_file(path, Format::kNQuads, [](graph::Quad&&) { return Status{}; });
  std::remove(path.c_str());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, path);
  EXPECT_EQ(s.where().line, 17001);
}

TEST(RdfReader, ANulByteIsAnError) {
  const std::string path = temp_file("nul.nq", line(1) + std::string("<https://example.org/s> <https://example.org/p> \"a\0b\" .\n", 56));
  const Status s = read_file(path, Format::kNQuads, [](graph::Quad&&) { return Status{}; });
  std::remove(path.c_str());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().line, 2);
}

TEST(RdfReader, TheSinksErrorStopsTheRead) {
  int count = 0;
  const Status s = read_string(line(1) + line(2) + line(3), "three.nq", Format::kNQuads, [&](graph::Quad&&) {
    return ++count == 2 ? Status::error("enough") : Status{};
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "enough");
  EXPECT_EQ(count, 2);
}

}  // namespace
}  // namespace parley::rdf
