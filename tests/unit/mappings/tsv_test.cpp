#include "mappings/tsv.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace parley::mappings {
namespace {

TEST(Tsv, ReadsHeaderRowsAndComments) {
  unit::TempDir dir;
  const std::string path = (dir.path() / "t.tsv").string();
  unit::write_file(path, "# version: 2026-01-01\n\nid\tname\r\na\tAlpha\n# note\nb\t\n");
  std::vector<Diagnostic> errors;
  const TsvTable t = read_tsv(path, {"id", "name"}, errors);
  EXPECT_TRUE(errors.empty()) << unit::join_diagnostics(errors);
  EXPECT_EQ(t.header, (std::vector<std::string>{"id", "name"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 4);
  EXPECT_EQ(t.get(t.rows[0], "name"), "Alpha");
  EXPECT_EQ(t.rows[1].line, 6);
  EXPECT_EQ(t.get(t.rows[1], "name"), "");
  EXPECT_EQ(t.get(t.rows[1], "nope"), "");
  EXPECT_EQ(t.column("name"), 1);
  EXPECT_EQ(t.column("nope"), -1);
  EXPECT_EQ(t.comments, (std::vector<std::string>{" version: 2026-01-01", " note"}));
}

TEST(Tsv, Errors) {
  struct Row {
    const char* name;
    std::string content;
    std::vector<std::string> required;
    int line;             // of the first error
    const char* message;  // substring of the first error
    size_t rows;          // good rows kept
  };
  const Row kRows[] = {
      {"missing header column", "id\tlabel\nx\ty\n", {"id", "qid"}, 1, "header has no column \"qid\"", 1},
      {"too few fields", "id\tlabel\nx\ty\nz\n", {"id"}, 3, "expected 2 tab-separated fields (as in the header), found 1", 1},
      {"too many fields", "# c\nid\tlabel\nx\ty\tz\nu\tv\n", {"id"}, 3, "found 3", 1},
      {"invalid UTF-8", "id\tlabel\nx\t\xFF\nu\tv\n", {"id"}, 2, "invalid UTF-8", 1},
      {"no header", "# only a comment\n\n", {}, 0, "no header line", 0},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    unit::TempDir dir;
    const std::string path = (dir.path() / "bad.tsv").string();
    unit::write_file(path, row.content);
    std::vector<Diagnostic> errors;
    const TsvTable t = read_tsv(path, row.required, errors);
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].severity, Diagnostic::Severity::kError);
    EXPECT_EQ(errors[0].where.file, path);
    EXPECT_EQ(errors[0].where.line, row.line);
    EXPECT_NE(errors[0].message.find(row.message), std::string::npos) << errors[0].message;
    if (row.line > 0) {
      EXPECT_NE(errors[0].str().find(path + ":" + std::to_string(row.line) + ": "), std::string::npos)
          << errors[0].str();
    }
    EXPECT_EQ(t.rows.size(), row.rows);
  }
}

TEST(Tsv, MissingFile) {
  unit::TempDir dir;
  std::vector<Diagnostic> errors;
  read_tsv((dir.path() / "none.tsv").string(), {}, errors);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].message.find("cannot open"), std::string::npos);
}

TEST(Tsv, SplitList) {
  struct Row {
    const char* in;
    std::vector<std::string> out;
  };
  const Row kRows[] = {
      {"", {}},
      {"UN", {"UN"}},
      {"UN;U.N.;United Nations Organization", {"UN", "U.N.", "United Nations Organization"}},
      {" a ; b ;; c ;", {"a", "b", "c"}},
      {";", {}},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.in);
    EXPECT_EQ(split_list(row.in), row.out);
  }
}

}  // namespace
}  // namespace parley::mappings
