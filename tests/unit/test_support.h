/// Helpers shared by the unit tests: the real mappings (loaded once per process), a temporary
/// directory removed at the end of the test, and whole-file reads and writes.
///
///   const mappings::Mappings& m = parley::unit::real_mappings();
///   parley::unit::TempDir dir;   // removed with everything in it when it goes out of scope
///   parley::unit::write_file(dir.path() / "rules/demand.tsv", "...");
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

#include "core/diagnostic.h"
#include "mappings/mappings.h"
#include "mappings/tsv.h"
#include "extract/extractor.h"
#include "syntax/analyzer.h"
#include "syntax/model.h"
#include "text/segmenter.h"

#ifndef PARLEY_SOURCE_DIR
#error "PARLEY_SOURCE_DIR must be defined for the unit tests"
#endif

namespace parley::unit {

inline std::string source_path(const std::string& rel) { return std::string(PARLEY_SOURCE_DIR) + "/" + rel; }

/// The real mappings/ directory, loaded once; the load errors are kept for the test that
/// checks them (every other test may assume a usable Mappings).
struct RealMappings {
  std::vector<Diagnostic> errors;
  std::unique_ptr<mappings::Mappings> m;
};

inline const RealMappings& real() {
  static const RealMappings r = [] {
    RealMappings x;
    x.m = mappings::Mappings::load(source_path("mappings"), x.errors);
    return x;
  }();
  return r;
}

inline const mappings::Mappings& real_mappings() { return *real().m; }

/// The committed syntax model (models/en-ud.syntax), loaded once; a test that needs it fails
/// with the load error when it is missing or broken.
inline const syntax::SyntaxModel& real_model() {
  static const syntax::SyntaxModel m = [] {
    Result<syntax::SyntaxModel> r = syntax::SyntaxModel::load(source_path("models/en-ud.syntax"));
    if (!r.ok()) {
      ADD_FAILURE() << r.status().str();
      return syntax::SyntaxModel{};
    }
    return std::move(r.value());
  }();
  return m;
}

/// The syntax stage's analysis of `text` as the pipeline makes it (tags everywhere, the parse
/// where a rule may read it).
inline syntax::Analysis analyze(const std::string& text) {
  const syntax::Analyzer a(real_model(), real_mappings().lexicon.abbreviations, real_mappings().gazetteer.demonym_words);
  syntax::Analysis out = a.analyze(text, text::segment(text, real_mappings().lexicon.abbreviations), false);
  extract::parse_for_rules(out, real_model().parser, real_mappings());
  return out;
}

/// A parsed sentence from rows of (form, lemma, UPOS, head, relation); head -1 is the root.
inline syntax::Sentence parsed_sentence(
    const std::vector<std::tuple<std::string, std::string, std::string, int, std::string>>& rows) {
  syntax::Sentence s;
  for (const auto& [form, lemma, upos, head, deprel] : rows) {
    syntax::Word& w = s.words.emplace_back();
    w.form = form;
    w.lemma = lemma;
    w.upos = upos;
    w.head = head;
    w.deprel = deprel;
  }
  s.tagged = s.parsed = true;
  return s;
}

inline std::string join_diagnostics(const std::vector<Diagnostic>& ds) {
  std::string s;
  for (const Diagnostic& d : ds) s += d.str() + "\n";
  return s;
}

/// A fresh directory under the system temporary directory, removed with its contents.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("parley-unit-" + std::to_string(::getpid()) + "-" + std::to_string(stamp) + "-" +
             std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline void write_file(const std::filesystem::path& p, const std::string& content) {
  std::filesystem::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << content;
}

inline std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A data row for mappings file `file` with the given fields in the file's own column order
/// (the other columns empty), so that tables of rows survive new columns.
inline std::string row_for(const std::filesystem::path& file, const std::map<std::string, std::string>& fields) {
  std::vector<Diagnostic> ignored;
  const std::vector<std::string> header = mappings::read_tsv(file.string(), {}, ignored).header;
  std::string line;
  for (size_t i = 0; i < header.size(); ++i) {
    if (i) line += '\t';
    auto it = fields.find(header[i]);
    if (it != fields.end()) line += it->second;
  }
  return line + "\n";
}

/// Loads the mappings in `dir` and expects exactly one error, at `file`:`line`, whose message
/// holds `message`, shown as "FILE:LINE: ...".
inline void expect_one_load_error(const std::filesystem::path& dir, const std::filesystem::path& file, int line,
                                  const std::string& message) {
  std::vector<Diagnostic> errors;
  auto m = mappings::Mappings::load(dir.string(), errors);
  ASSERT_NE(m, nullptr);
  ASSERT_EQ(errors.size(), 1u) << join_diagnostics(errors);
  const Diagnostic& d = errors[0];
  EXPECT_EQ(d.severity, Diagnostic::Severity::kError);
  EXPECT_EQ(d.where.file, file.string());
  EXPECT_EQ(d.where.line, line);
  EXPECT_NE(d.message.find(message), std::string::npos) << d.message;
  const std::string at = file.string() + ":" + std::to_string(line) + ":";
  const std::string column = d.where.column > 0 ? std::to_string(d.where.column) + ":" : "";
  EXPECT_NE(d.str().find(at + column + " "), std::string::npos) << d.str();
}

}  // namespace parley::unit
