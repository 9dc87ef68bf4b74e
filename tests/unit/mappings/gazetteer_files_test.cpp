// The three gazetteers under mappings/gazetteer/ (states.tsv, organizations.tsv, places.tsv), file
// by file: the loader reads the real file without errors and reports a broken copy as FILE:LINE;
// an independent reading of the TSV checks the rules of mappings/README.md (QID sources, QID
// syntax, the version line, one row per surface form); states.tsv is what gen-states.py writes.
#include "mappings/mappings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <sys/wait.h>

#include "test_support.h"
#include "text/tokenizer.h"

namespace parley::mappings {
namespace {

namespace fs = std::filesystem;

struct GazFile {
  const char* rel;      // under mappings/
  const char* id_prefix;
  std::vector<const char*> name_columns;  // columns whose values are surface forms
};

const GazFile kFiles[] = {
    {"gazetteer/states.tsv", "state:", {"label", "names", "demonyms"}},
    {"gazetteer/organizations.tsv", "org:", {"label", "names"}},
    {"gazetteer/places.tsv", "place:", {"label", "names"}},
};

std::string real_dir() { return unit::source_path("mappings"); }

// A TSV read without parley's reader: comment lines, the header, and the data rows with their
// 1-based line numbers.
struct RawTsv {
  std::vector<std::string> comments;  // whole lines, '#' included, in order
  std::vector<std::string> header;
  struct Row {
    int line = 0;
    std::vector<std::string> fields;
  };
  std::vector<Row> rows;

  int column(const std::string& name) const {
    for (size_t i = 0; i < header.size(); ++i)
      if (header[i] == name) return static_cast<int>(i);
    return -1;
  }
  std::string get(const Row& r, const std::string& name) const {
    const int c = column(name);
    return c < 0 || static_cast<size_t>(c) >= r.fields.size() ? "" : r.fields[static_cast<size_t>(c)];
  }
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    const size_t q = s.find(sep, p);
    out.push_back(s.substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (q == std::string::npos) return out;
    p = q + 1;
  }
}

// The `;`-separated values of a field, spaces around them trimmed, empty ones dropped.
std::vector<std::string> values(const std::string& field) {
  std::vector<std::string> out;
  for (std::string v : split(field, ';')) {
    const size_t b = v.find_first_not_of(' ');
    if (b == std::string::npos) continue;
    out.push_back(v.substr(b, v.find_last_not_of(' ') - b + 1));
  }
  return out;
}

RawTsv read_raw(const fs::path& p) {
  RawTsv t;
  std::ifstream in(p, std::ios::binary);
  std::string line;
  int n = 0;
  bool header = false;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    if (line[0] == '#') {
      t.comments.push_back(line);
      continue;
    }
    if (!header) {
      t.header = split(line, '\t');
      header = true;
      continue;
    }
    t.rows.push_back({n, split(line, '\t')});
  }
  return t;
}

// ---------------------------------------------------------------------------------------
// The loader
// ---------------------------------------------------------------------------------------

TEST(GazetteerFiles, RealFilesLoadWithoutErrors) {
  std::vector<Diagnostic> errors;
  auto m = Mappings::load(real_dir(), errors);
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(errors.empty()) << unit::join_diagnostics(errors);
  for (const GazFile& f : kFiles) {
    SCOPED_TRACE(f.rel);
    const RawTsv t = read_raw(fs::path(real_dir()) / f.rel);
    size_t loaded = 0;
    for (const GazEntry& e : m->gazetteer.entries) loaded += e.id.rfind(f.id_prefix, 0) == 0 ? 1u : 0u;
    EXPECT_EQ(loaded, t.rows.size()) << "every row of " << f.rel << " is an entry";
  }
}

using unit::row_for;

// The id of the first data row of a real gazetteer file.
std::string first_id(const char* rel) {
  const RawTsv t = read_raw(fs::path(real_dir()) / rel);
  return t.rows.empty() ? "" : t.get(t.rows.front(), "id");
}

// Each row appends one bad line to one gazetteer of a copy of the real mappings; the load must
// report exactly that, naming the file and the line.
TEST(GazetteerFiles, BrokenRowsAreReportedWithFileAndLine) {
  using Fields = std::map<std::string, std::string>;
  struct Row {
    const char* name;
    const char* file;
    Fields fields;         // a row in the file's column order ...
    std::string raw = "";  // ... or this raw line
    std::string message = "";
  };
  const std::vector<Row> kRows = {
      // states.tsv
      {"states: wrong field count", "gazetteer/states.tsv", {}, "state:X-UNIT\tUnitland\n", "found 2"},
      {"states: bad QID", "gazetteer/states.tsv",
       {{"id", "state:X-UNIT"}, {"label", "Unitland"}, {"qid", "Q-12"}, {"qid_source", "idx:1"}}, "",
       "qid \"Q-12\" is not a Wikidata item id"},
      {"states: QID without source", "gazetteer/states.tsv",
       {{"id", "state:X-UNIT"}, {"label", "Unitland"}, {"qid", "Q7"}}, "", "qid Q7 has no source"},
      {"states: duplicate id", "gazetteer/states.tsv", {{"id", first_id("gazetteer/states.tsv")}, {"label", "Unitland"}},
       "", "duplicate id " + first_id("gazetteer/states.tsv")},
      {"states: bad years", "gazetteer/states.tsv",
       {{"id", "state:X-UNIT"}, {"label", "Unitland"}, {"years", "1990-91"}}, "", "years must be YYYY-YYYY"},
      // organizations.tsv
      {"organizations: wrong field count", "gazetteer/organizations.tsv", {},
       "org:UNIT\tOrganization\tUnit Org\tQ1\tidx:1\tUNIT\tstate:GB\textra\n", "found 8"},
      {"organizations: unknown scope", "gazetteer/organizations.tsv",
       {{"id", "org:UNIT"}, {"type", "Group"}, {"label", "Unit Party"}, {"scope", "state:NOWHERE"}}, "",
       "scope state:NOWHERE is not the id of a state"},
      {"organizations: a scope that is no state", "gazetteer/organizations.tsv",
       {{"id", "org:UNIT"}, {"type", "Group"}, {"label", "Unit Party"}, {"scope", "org:UN"}}, "",
       "scope org:UN is not the id of a state"},
      {"organizations: bad QID", "gazetteer/organizations.tsv",
       {{"id", "org:UNIT"}, {"type", "Organization"}, {"label", "Unit Org"}, {"qid", "q42"}, {"qid_source", "idx:1"}},
       "", "qid \"q42\" is not a Wikidata item id"},
      {"organizations: QID without source", "gazetteer/organizations.tsv",
       {{"id", "org:UNIT"}, {"type", "Organization"}, {"label", "Unit Org"}, {"qid", "Q42"}}, "",
       "qid Q42 has no source"},
      {"organizations: duplicate id", "gazetteer/organizations.tsv",
       {{"id", first_id("gazetteer/organizations.tsv")}, {"type", "Group"}, {"label", "Unit Org"}}, "",
       "duplicate id " + first_id("gazetteer/organizations.tsv")},
      // places.tsv
      {"places: wrong field count", "gazetteer/places.tsv", {}, "place:unit\n", "found 1"},
      {"places: bad QID", "gazetteer/places.tsv",
       {{"id", "place:unit"}, {"label", "Unit Place"}, {"qid", "Q 12"}, {"qid_source", "idx:1"}}, "",
       "qid \"Q 12\" is not a Wikidata item id"},
      {"places: QID without source", "gazetteer/places.tsv",
       {{"id", "place:unit"}, {"label", "Unit Place"}, {"qid", "Q12"}}, "", "qid Q12 has no source"},
      {"places: duplicate id", "gazetteer/places.tsv",
       {{"id", first_id("gazetteer/places.tsv")}, {"label", "Unit Place"}}, "",
       "duplicate id " + first_id("gazetteer/places.tsv")},
      {"places: unknown authority", "gazetteer/places.tsv",
       {{"id", "place:unit"}, {"label", "Unit Place"}, {"authority", "state:NOWHERE"}}, "",
       "authority state:NOWHERE is not a gazetteer id"},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    unit::TempDir dir;
    fs::copy(real_dir(), dir.path(), fs::copy_options::recursive);
    const fs::path file = dir.path() / row.file;
    std::string content = unit::read_file(file);
    if (!content.empty() && content.back() != '\n') content += '\n';
    content += row.fields.empty() ? row.raw : row_for(file, row.fields);
    unit::write_file(file, content);
    const int line = static_cast<int>(std::count(content.begin(), content.end(), '\n'));

    unit::expect_one_load_error(dir.path(), file, line, row.message);
  }
}

// ---------------------------------------------------------------------------------------
// The files themselves (mappings/README.md)
// ---------------------------------------------------------------------------------------

TEST(GazetteerFiles, FirstCommentLineIsTheVersion) {
  const std::regex version(R"(# version: \d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))");
  for (const GazFile& f : kFiles) {
    SCOPED_TRACE(f.rel);
    const RawTsv t = read_raw(fs::path(real_dir()) / f.rel);
    ASSERT_FALSE(t.comments.empty());
    EXPECT_TRUE(std::regex_match(t.comments.front(), version)) << t.comments.front();
    // and it is the file's first line
    const std::string text = unit::read_file(fs::path(real_dir()) / f.rel);
    EXPECT_EQ(text.rfind(t.comments.front() + "\n", 0), 0u);
  }
}

TEST(GazetteerFiles, EveryRowHasTheHeaderFieldCountAndAUniqueId) {
  for (const GazFile& f : kFiles) {
    SCOPED_TRACE(f.rel);
    const RawTsv t = read_raw(fs::path(real_dir()) / f.rel);
    ASSERT_GE(t.column("id"), 0);
    ASSERT_GE(t.column("label"), 0);
    EXPECT_GT(t.rows.size(), 10u);
    std::map<std::string, int> ids;
    for (const RawTsv::Row& r : t.rows) {
      EXPECT_EQ(r.fields.size(), t.header.size()) << f.rel << ":" << r.line;
      const std::string id = t.get(r, "id");
      EXPECT_EQ(id.rfind(f.id_prefix, 0), 0u) << f.rel << ":" << r.line << ": id " << id;
      EXPECT_FALSE(t.get(r, "label").empty()) << f.rel << ":" << r.line;
      auto [it, fresh] = ids.emplace(id, r.line);
      EXPECT_TRUE(fresh) << f.rel << ":" << r.line << ": id " << id << " also at line " << it->second;
    }
  }
}

// A `qid` (and `capital_qid`) is written only with its source, and is a Wikidata item id.
TEST(GazetteerFiles, EveryQidIsWellFormedAndHasASource) {
  const std::regex qid_re("Q[1-9][0-9]*");
  const std::pair<const char*, const char*> kPairs[] = {{"qid", "qid_source"}, {"capital_qid", "capital_source"}};
  for (const GazFile& f : kFiles) {
    SCOPED_TRACE(f.rel);
    const RawTsv t = read_raw(fs::path(real_dir()) / f.rel);
    ASSERT_GE(t.column("qid"), 0);
    ASSERT_GE(t.column("qid_source"), 0);
    size_t qids = 0;
    for (const auto& [qid_col, source_col] : kPairs) {
      if (t.column(qid_col) < 0) continue;
      for (const RawTsv::Row& r : t.rows) {
        const std::string q = t.get(r, qid_col);
        const std::string src = t.get(r, source_col);
        if (q.empty()) continue;  // (capital_source may still say where the capital's name came from)
        ++qids;
        EXPECT_TRUE(std::regex_match(q, qid_re)) << f.rel << ":" << r.line << ": " << qid_col << " \"" << q << "\"";
        EXPECT_FALSE(src.empty()) << f.rel << ":" << r.line << ": " << qid_col << " " << q << " has no " << source_col;
      }
    }
    EXPECT_GT(qids, 0u);
  }
}

// "Inside each file a label, name or demonym belongs to one row only" (README), compared by the
// key parley matches on. Capitals are left out: former states share theirs by design.
TEST(GazetteerFiles, EachSurfaceFormBelongsToOneRow) {
  for (const GazFile& f : kFiles) {
    SCOPED_TRACE(f.rel);
    const RawTsv t = read_raw(fs::path(real_dir()) / f.rel);
    std::map<std::string, std::pair<std::string, int>> owner;  // key -> (id, line)
    for (const RawTsv::Row& r : t.rows) {
      const std::string id = t.get(r, "id");
      std::set<std::string> keys;
      for (const char* col : f.name_columns)
        for (const std::string& v : values(t.get(r, col))) keys.insert(text::name_key(v));
      for (const std::string& k : keys) {
        auto [it, fresh] = owner.emplace(k, std::make_pair(id, r.line));
        EXPECT_TRUE(fresh) << f.rel << ":" << r.line << ": \"" << k << "\" of " << id << " is also a name of "
                           << it->second.first << " (line " << it->second.second << ")";
      }
    }
  }
}

// ---------------------------------------------------------------------------------------
// states.tsv is generated: scripts/gen-states.py --check
// ---------------------------------------------------------------------------------------

fs::path reference_dir() { return fs::path(PARLEY_SOURCE_DIR) / ".." / "shared" / "reference"; }

int gen_states_check(const fs::path& output) {
  const std::string cmd = "/usr/bin/python3 '" + unit::source_path("scripts/gen-states.py") + "' --check --reference '" +
                          reference_dir().string() + "' --extra '" +
                          unit::source_path("mappings/gazetteer/states-extra.tsv") + "' --output '" + output.string() +
                          "' >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  return status == -1 ? -1 : WEXITSTATUS(status);
}

TEST(GazetteerFiles, StatesTsvIsUpToDate) {
  if (!fs::is_directory(reference_dir())) GTEST_SKIP() << reference_dir() << " is absent";
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 is absent";
  EXPECT_EQ(gen_states_check(unit::source_path("mappings/gazetteer/states.tsv")), 0)
      << "run scripts/gen-states.py and commit states.tsv";
}

// ... and --check does notice a stale file (so the test above can fail).
TEST(GazetteerFiles, GenStatesCheckNoticesAStaleFile) {
  if (!fs::is_directory(reference_dir())) GTEST_SKIP() << reference_dir() << " is absent";
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 is absent";
  unit::TempDir dir;
  const fs::path copy = dir.path() / "states.tsv";
  std::string content = unit::read_file(unit::source_path("mappings/gazetteer/states.tsv"));
  const size_t at = content.find("\tAzerbaijan\t");
  ASSERT_NE(at, std::string::npos);
  content.replace(at, 12, "\tAzerbaidjan\t");
  unit::write_file(copy, content);
  EXPECT_EQ(gen_states_check(copy), 1);
}

}  // namespace
}  // namespace parley::mappings
