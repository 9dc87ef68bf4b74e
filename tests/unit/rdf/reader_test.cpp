#include "rdf/reader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace parley::rdf {
namespace {

std::string temp_file(const std::string& name, const std::string& bytes) {
  const std::string path = (std::filesystem::temp_directory_path() / ("parley-reader-test-" + name)).string();
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string line(int i) {
  return "<https://example.org/s" + std::to_string(i) + "> <https://example.org/p> \"caf\\u00E9 " + std::to_string(i) +
         "\"@fr <https://example.org/g> .\n";
}

TEST(NQuadsReader, ReadsEveryQuadOfAFileOfManyChunks) {
  std::string bytes;
  const int n = 30000;  // about 3 MB: several of the reader's 1 MiB chunks
  for (int i = 0; i < n; ++i) bytes += line(i);
  const std::string path = temp_file("many.nq", bytes);
  int count = 0;
  graph::Quad last;
  const Status s = read_nquads(path, [&](graph::Quad&& q) {
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

TEST(NQuadsReader, AnErrorInALaterChunkNamesItsLineInTheFile) {
  std::string bytes;
  for (int i = 0; i < 20000; ++i) bytes += i == 17000 ? "<https://example.org/s> <https://example.org/p> \"open .\n" : line(i);
  const std::string path = temp_file("bad.nq", bytes);
  const Status s = read_nquads(path, [](graph::Quad&&) { return Status{}; });
  std::remove(path.c_str());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, path);
  EXPECT_EQ(s.where().line, 17001);
}

TEST(NQuadsReader, ANulByteIsAnError) {
  const std::string path = temp_file("nul.nq", line(1) + std::string("<https://example.org/s> <https://example.org/p> \"a\0b\" .\n", 56));
  const Status s = read_nquads(path, [](graph::Quad&&) { return Status{}; });
  std::remove(path.c_str());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().line, 2);
}

TEST(NQuadsReader, TheSinksErrorStopsTheRead) {
  int count = 0;
  const Status s = read_nquads_string(line(1) + line(2) + line(3), "three.nq", [&](graph::Quad&&) {
    return ++count == 2 ? Status::error("enough") : Status{};
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.message(), "enough");
  EXPECT_EQ(count, 2);
}

TEST(NQuadsReader, AMissingFileIsAnError) {
  const Status s = read_nquads("/nonexistent/parley.nq", [](graph::Quad&&) { return Status{}; });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, "/nonexistent/parley.nq");
}

}  // namespace
}  // namespace parley::rdf
