#include "rdf/writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <serd/serd.h>

#include "graph/vocab.h"
#include "test_support.h"

namespace parley::rdf {
namespace {

using graph::ArticleGraph;
using graph::Quad;
using graph::Term;

Term I(const std::string& s) { return Term::iri_unchecked(s); }

const std::string kA = "https://w3id.org/parley/id/article/a1";
const std::string kAz = "https://w3id.org/parley/id/entity/state/AZ";

// One article, one entity.
ArticleGraph tiny(const std::string& article = kA, const std::string& label = "Azerbaijan") {
  ArticleGraph g;
  g.name = I(article);
  const Term A = g.name;
  g.local = {
      {A, I(vocab::kType), I(vocab::kArticle), A},
      {A, I(vocab::kIdentifier), Term::literal("a1"), A},
      {A, I(vocab::kTextLength), Term::integer(5), A},
  };
  g.entities = {
      {I(kAz), I(vocab::kType), I(vocab::kState), A},
      {I(kAz), I(vocab::kLabel), Term::literal(label), A},
  };
  return g;
}

std::string write(Format f, const std::vector<ArticleGraph>& graphs) {
  std::string out;
  auto w = Writer::to_string(&out, f);
  for (const ArticleGraph& g : graphs) EXPECT_TRUE(w->write_article(g).ok());
  EXPECT_TRUE(w->finish().ok());
  return out;
}

TEST(Writer, NTriplesExactBytes) {
  const std::string expected =
      "<https://w3id.org/parley/id/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://w3id.org/parley/ontology#Article> .\n"
      "<https://w3id.org/parley/id/article/a1> <http://purl.org/dc/terms/identifier> \"a1\" .\n"
      "<https://w3id.org/parley/id/article/a1> <https://w3id.org/parley/ontology#textLength> "
      "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
      "<https://w3id.org/parley/id/entity/state/AZ> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://w3id.org/parley/ontology#State> .\n"
      "<https://w3id.org/parley/id/entity/state/AZ> <http://www.w3.org/2000/01/rdf-schema#label> "
      "\"Azerbaijan\" .\n";
  EXPECT_EQ(write(Format::kNTriples, {tiny()}), expected);
}

TEST(Writer, NQuadsExactBytes) {
  const std::string g = " <https://w3id.org/parley/id/article/a1> .\n";
  const std::string expected =
      "<https://w3id.org/parley/id/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://w3id.org/parley/ontology#Article>" + g +
      "<https://w3id.org/parley/id/article/a1> <http://purl.org/dc/terms/identifier> \"a1\"" + g +
      "<https://w3id.org/parley/id/article/a1> <https://w3id.org/parley/ontology#textLength> "
      "\"5\"^^<http://www.w3.org/2001/XMLSchema#integer>" + g +
      "<https://w3id.org/parley/id/entity/state/AZ> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://w3id.org/parley/ontology#State>" + g +
      "<https://w3id.org/parley/id/entity/state/AZ> <http://www.w3.org/2000/01/rdf-schema#label> "
      "\"Azerbaijan\"" + g;
  EXPECT_EQ(write(Format::kNQuads, {tiny()}), expected);
}

TEST(Writer, UnionFormatsMergeEntitiesAcrossArticles) {
  const std::string out = write(Format::kNTriples, {tiny(kA, "Azerbaijan"),
                                                    tiny("https://w3id.org/parley/id/article/a2", "Azerbaijan Republic")});
  // the entity is described once; the second label becomes an alias
  const std::string type_line = "<https://w3id.org/parley/id/entity/state/AZ> "
                                "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                                "<https://w3id.org/parley/ontology#State> .\n";
  EXPECT_EQ(out.find(type_line), out.rfind(type_line));
  EXPECT_NE(out.find("<http://www.w3.org/2000/01/rdf-schema#label> \"Azerbaijan\" .\n"), std::string::npos);
  EXPECT_NE(out.find("<http://www.w3.org/2004/02/skos/core#altLabel> \"Azerbaijan Republic\" .\n"),
            std::string::npos) << out;
  EXPECT_NE(out.find("article/a2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"), std::string::npos);
}

TEST(Writer, NamedGraphFormatsKeepEachArticlesEntities) {
  const std::string out = write(Format::kNQuads, {tiny(kA), tiny("https://w3id.org/parley/id/article/a2")});
  EXPECT_NE(out.find("\"Azerbaijan\" <https://w3id.org/parley/id/article/a1> .\n"), std::string::npos);
  EXPECT_NE(out.find("\"Azerbaijan\" <https://w3id.org/parley/id/article/a2> .\n"), std::string::npos);
}

TEST(Writer, TurtleAndTrigHavePrefixes) {
  for (Format f : {Format::kTurtle, Format::kTriG}) {
    SCOPED_TRACE(extension(f));
    const std::string out = write(f, {tiny()});
    for (const auto& p : vocab::kPrefixes) {
      const std::string line = std::string("@prefix ") + p[0] + ": <" + p[1] + "> .\n";
      EXPECT_NE(out.find(line), std::string::npos) << line << "\n" << out;
    }
    EXPECT_NE(out.find("parley:Article"), std::string::npos) << out;
  }
}

TEST(Writer, LiteralsAreEscaped) {
  ArticleGraph g = tiny();
  g.local.push_back(Quad{g.name, I(vocab::kTitle),
                         Term::literal("say \"no\" \\ back\nline\rcr\ttab \x01 <b> \xC5\x9E"), g.name});
  const std::string nt = write(Format::kNTriples, {g});
  EXPECT_NE(nt.find("<http://purl.org/dc/terms/title> "
                    "\"say \\\"no\\\" \\\\ back\\nline\\rcr\\ttab \\u0001 <b> \xC5\x9E\" .\n"),
            std::string::npos)
      << nt;
  ArticleGraph q = tiny();
  q.local.push_back(Quad{q.name, I(vocab::kTitle), Term::literal("ends with \"\"\""), q.name});
  EXPECT_NE(write(Format::kNTriples, {q}).find(" \"ends with \\\"\\\"\\\"\" .\n"), std::string::npos);
  // every statement stays on one line
  size_t lines = 0;
  for (char c : nt) lines += c == '\n' ? 1 : 0;
  EXPECT_EQ(lines, 6u);
  for (Format f : {Format::kTurtle, Format::kNQuads, Format::kTriG}) {
    SCOPED_TRACE(extension(f));
    const std::string out = write(f, {g});
    EXPECT_EQ(out.find('\x01'), std::string::npos);
    EXPECT_NE(out.find("\\u0001"), std::string::npos) << out;
    EXPECT_NE(out.find("\\\\ back"), std::string::npos) << out;
  }
}

// Every literal parley writes in Turtle and TriG is read back by serd's own reader, unchanged:
// serd 0.30 wrote some of these as long strings ("""...""") that its reader refused.
TEST(Writer, SerdReadsItsTurtleAndTrigBack) {
  const std::vector<std::string> kTitles = {
      "multi\nline \"\\ here", "tab\there \"\\", "\"\\", "a\"\\b", "ends with quote\"",
      "ends with backslash\\", "\"\"\"triple", "x\\\"y", "\"\"\\\"\"", "cr\r\n end\"", "\\\"",
  };
  ArticleGraph g = tiny();
  for (const std::string& t : kTitles) g.local.push_back(Quad{g.name, I(vocab::kTitle), Term::literal(t), g.name});
  for (Format f : {Format::kTurtle, Format::kTriG}) {
    SCOPED_TRACE(extension(f));
    const std::string out = write(f, {g});
    struct Read {
      std::vector<std::string> titles;
    } read;
    SerdReader* reader = serd_reader_new(
        f == Format::kTurtle ? SERD_TURTLE : SERD_TRIG, &read, nullptr, nullptr, nullptr,
        [](void* handle, SerdStatementFlags, const SerdNode*, const SerdNode*, const SerdNode* p,
           const SerdNode* o, const SerdNode*, const SerdNode*) {
          // the reader hands over a prefixed name as it is written
          const std::string pred(reinterpret_cast<const char*>(p->buf), p->n_bytes);
          if (pred == vocab::kTitle || pred == "dcterms:title")
            static_cast<Read*>(handle)->titles.emplace_back(reinterpret_cast<const char*>(o->buf), o->n_bytes);
          return SERD_SUCCESS;
        },
        nullptr);
    ASSERT_NE(reader, nullptr);
    const SerdStatus st = serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(out.c_str()));
    serd_reader_free(reader);
    EXPECT_EQ(st, SERD_SUCCESS) << out;
    std::vector<std::string> want = kTitles;
    std::sort(want.begin(), want.end());
    std::sort(read.titles.begin(), read.titles.end());
    EXPECT_EQ(read.titles, want);
  }
}

TEST(Writer, ParseFormat) {
  struct Row {
    const char* name;
    Format format;
  };
  static const Row kRows[] = {
      {"turtle", Format::kTurtle},     {"ttl", Format::kTurtle},       {"TTL", Format::kTurtle},
      {"Turtle", Format::kTurtle},     {"nt", Format::kNTriples},      {"ntriples", Format::kNTriples},
      {"N-Triples", Format::kNTriples}, {"nq", Format::kNQuads},        {"nquads", Format::kNQuads},
      {"n-quads", Format::kNQuads},    {"N-Quads", Format::kNQuads},   {"trig", Format::kTriG},
      {"TriG", Format::kTriG},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    Result<Format> f = parse_format(row.name);
    ASSERT_TRUE(f.ok()) << f.status().message();
    EXPECT_EQ(f.value(), row.format);
  }
  for (const char* bad : {"xml", "rdf/xml", "", "json-ld", "n3"}) {
    SCOPED_TRACE(bad);
    Result<Format> f = parse_format(bad);
    ASSERT_FALSE(f.ok());
    EXPECT_NE(f.status().message().find("unknown format"), std::string::npos);
  }
}

TEST(Writer, FormatFromPath) {
  struct Row {
    const char* path;
    Format format;
  };
  static const Row kRows[] = {
      {"out/parley.ttl", Format::kTurtle}, {"a.turtle", Format::kTurtle}, {"X.NT", Format::kNTriples},
      {"dir.d/a.nq", Format::kNQuads},     {"a.trig", Format::kTriG},     {"a.TriG", Format::kTriG},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.path);
    Result<Format> f = format_from_path(row.path);
    ASSERT_TRUE(f.ok());
    EXPECT_EQ(f.value(), row.format);
    EXPECT_EQ(format_from_path(std::string("x.") + extension(row.format)).value(), row.format);
  }
  for (const char* bad : {"a.xml", "noext", "a.ttl/", "-", "dir.ttl/file"}) {
    SCOPED_TRACE(bad);
    EXPECT_FALSE(format_from_path(bad).ok());
  }
  EXPECT_TRUE(has_named_graphs(Format::kNQuads));
  EXPECT_TRUE(has_named_graphs(Format::kTriG));
  EXPECT_FALSE(has_named_graphs(Format::kTurtle));
  EXPECT_FALSE(has_named_graphs(Format::kNTriples));
}

TEST(Writer, FileAppearsOnlyAfterFinish) {
  unit::TempDir dir;
  const std::filesystem::path target = dir.path() / "sub" / "out.nt";
  {
    Result<std::unique_ptr<Writer>> w = Writer::open(target.string(), Format::kNTriples);
    ASSERT_TRUE(w.ok()) << w.status().message();
    ASSERT_TRUE(w.value()->write_article(tiny()).ok());
    EXPECT_FALSE(std::filesystem::exists(target));
    ASSERT_TRUE(w.value()->finish().ok());
  }
  EXPECT_EQ(unit::read_file(target), write(Format::kNTriples, {tiny()}));
  // no temporary file is left beside it
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(target.parent_path())) n += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(n, 1u);
}

TEST(Writer, AbandonedWriterLeavesNothing) {
  unit::TempDir dir;
  const std::filesystem::path target = dir.path() / "out.ttl";
  {
    Result<std::unique_ptr<Writer>> w = Writer::open(target.string(), Format::kTurtle);
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE(w.value()->write_article(tiny()).ok());
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

}  // namespace
}  // namespace parley::rdf
