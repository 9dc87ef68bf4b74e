// gazetteer/persons.tsv and lexicon/office_titles.tsv: the real files load without errors and hold
// at least 2,000 people, each QID once; sampled rows are checked against the fetched files they
// cite (when ../shared/data-persons is there; else that test is skipped and only the file's own
// consistency is checked); bad rows are reported as FILE:LINE:COL; linking by name, date and
// title; who held an office on a date.
#include "mappings/persons.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "mappings/mappings.h"
#include "test_support.h"
#include "text/tokenizer.h"

namespace parley::mappings {
namespace {

namespace fs = std::filesystem;

std::vector<std::vector<std::string>> raw_rows(const std::string& path, std::vector<int>* lines = nullptr) {
  std::istringstream in(unit::read_file(path));
  std::vector<std::vector<std::string>> rows;
  bool header = true;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    if (header) { header = false; continue; }
    std::vector<std::string> f;
    std::stringstream ss(line);
    for (std::string x; std::getline(ss, x, '\t');) f.push_back(x);
    rows.push_back(f);
    if (lines) lines->push_back(n);
  }
  return rows;
}

// Transliterations of one full name share a spelling key; names that differ in more than y/i
// and doubled letters do not.
TEST(Persons, SpellingKeyEvensOutTransliterations) {
  EXPECT_EQ(spelling_key("arayik harutiunian"), spelling_key("arayik harutyunyan"));
  EXPECT_EQ(spelling_key("sergei lavrov"), spelling_key("sergey lavrov"));
  EXPECT_EQ(spelling_key("mohammed ali"), spelling_key("mohamed ali"));
  EXPECT_NE(spelling_key("artur harutyunyan"), spelling_key("arayik harutyunyan"));
  EXPECT_NE(spelling_key("ali"), spelling_key("alia"));
}

TEST(PersonsFile, LoadsWithoutErrorsAndHoldsThousandsOfPeople) {
  const unit::RealMappings& r = unit::real();
  for (const Diagnostic& d : r.errors) ADD_FAILURE() << d.str();
  EXPECT_GE(r.m->persons.entries.size(), 2000u);
  EXPECT_FALSE(r.m->persons.title_offices.empty());
}

TEST(PersonsFile, EveryQidOnceEverySourceCitedEveryTermKnown) {
  // read without parley's loader
  const auto rows = raw_rows(unit::source_path("mappings/gazetteer/persons.tsv"));
  ASSERT_GE(rows.size(), 2000u);
  std::set<std::string> qids;
  const std::regex qid_re("Q[1-9][0-9]*");
  for (const auto& f : rows) {
    ASSERT_EQ(f.size(), 6u) << f[0];
    EXPECT_TRUE(std::regex_match(f[2], qid_re)) << f[0];
    EXPECT_TRUE(qids.insert(f[2]).second) << "QID twice: " << f[2];
    EXPECT_EQ(f[0], "person:" + f[2]);
    EXPECT_FALSE(f[3].empty()) << f[0];
    EXPECT_FALSE(f[5].empty()) << f[0];
  }
}

// The fetched files a row cites ("repo:path" tokens), found under ../shared/data-persons.
std::vector<fs::path> cited_files(const std::string& source, const fs::path& data) {
  std::vector<fs::path> out;
  std::istringstream in(source);
  for (std::string tok; in >> tok;) {
    const size_t colon = tok.find(':');
    if (colon == std::string::npos || tok.find('/') == std::string::npos) continue;
    out.push_back(data / tok.substr(0, colon) / tok.substr(colon + 1));
  }
  return out;
}

TEST(PersonsFile, SampledRowsAreNamedByTheFilesTheyCite) {
  // The fetched files: $PARLEY_PERSONS_DATA (as scripts/gen-persons.py reads it), else ../shared.
  const char* env = std::getenv("PARLEY_PERSONS_DATA");
  const fs::path data = env && *env ? fs::path(env) : fs::path(PARLEY_SOURCE_DIR) / ".." / "shared" / "data-persons";
  if (!fs::is_directory(data)) GTEST_SKIP() << "no fetched files at " << data << ": only the file's consistency is checked";
  const auto rows = raw_rows(unit::source_path("mappings/gazetteer/persons.tsv"));
  size_t checked = 0;
  for (size_t i = 0; i < rows.size(); i += 23) {
    const auto& f = rows[i];
    const std::vector<fs::path> files = cited_files(f[3], data);
    ASSERT_FALSE(files.empty()) << f[0] << ": " << f[3];
    for (const fs::path& p : files) {
      ASSERT_TRUE(fs::exists(p)) << f[0] << " cites " << p;
      const std::string text = unit::read_file(p);
      if (p.extension() == ".json") {
        // office holders as JSON: the QID is a "value" of an "item"
        EXPECT_NE(text.find("\"" + f[2] + "\""), std::string::npos) << f[0] << " not in " << p;
        continue;
      }
      // a CSV line pairs the QID with the person's name (the label, or a name it lists)
      bool paired = false;
      std::istringstream in(text);
      for (std::string line; !paired && std::getline(in, line);) {
        if (line.find(f[2] + ",") == std::string::npos && line.find("," + f[2]) == std::string::npos) continue;
        // a quoted CSV field doubles its quotes: Philip ""Brave"" Davis
        for (size_t q = line.find("\"\""); q != std::string::npos; q = line.find("\"\"", q + 1)) line.erase(q, 1);
        std::vector<std::string> forms{f[1]};
        std::stringstream ns(f[4]);
        for (std::string n; std::getline(ns, n, ';');) forms.push_back(n);
        for (const std::string& n : forms)
          if (!n.empty() && line.find(n) != std::string::npos) paired = true;
      }
      EXPECT_TRUE(paired) << f[0] << " " << f[1] << " is not paired with " << f[2] << " in " << p;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100u);
}

// A gazetteer with the ids the bad-row table uses.
Gazetteer small_gazetteer() {
  Gazetteer g;
  g.entries.push_back(GazEntry{"state:GB", EntityType::kState, "Britain", "Q145"});
  g.entries.push_back(GazEntry{"state:FR", EntityType::kState, "France", "Q142"});
  g.entries.push_back(GazEntry{"org:UN", EntityType::kOrganization, "United Nations", "Q1065"});
  return g;
}

const char* kHeader = "# version: 2026-11-24\nid\tlabel\tqid\tqid_source\tnames\toffices\n";

TEST(PersonsLoader, ReportsBadRowsWithFileLineAndColumn) {
  struct Case {
    const char* row;
    const char* where;   // ":LINE:COL" expected in the message's location
    const char* what;    // a part of the message
  };
  const Case kCases[] = {
      {"person:Q1\tA B\tX12\tsrc\t\thog|state:GB|2000|2001", ":3:15", "not a Wikidata item id"},
      {"person:Q1\tA B\tQ012\tsrc\t\thog|state:GB|2000|2001", ":3:15", "not a Wikidata item id"},
      {"person:Q1\tA B\tQ1\tsrc\t\thog|state:XX|2000|2001", ":3:23", "unknown state or body id"},
      {"person:Q1\tA B\tQ1\tsrc\t\thog|state:GB|20x0|2001", ":3:23", "dates must be"},
      {"person:Q1\tA B\tQ1\tsrc\t\thog|state:GB|2000-13|2001", ":3:23", "dates must be"},
      {"person:Q1\tA B\tQ1\tsrc\t\thog|state:GB|2005|2001", ":3:23", "ends before it starts"},
      {"person:Q1\tA B\tQ1\tsrc\t\tmayor|state:GB|2000|2001", ":3:23", "office must be"},
      {"person:Q1\tA B\tQ1\t\t\thog|state:GB|2000|2001", ":3:18", "has no source"},
      {"who\tA B\tQ1\tsrc\t\thog|state:GB|2000|2001", ":3:1", "id must be person:"},
  };
  const Gazetteer g = small_gazetteer();
  for (const Case& c : kCases) {
    unit::TempDir dir;
    const fs::path f = dir.path() / "persons.tsv";
    unit::write_file(f, std::string(kHeader) + c.row + "\n");
    Persons p;
    std::vector<Diagnostic> errors;
    load_persons(f.string(), g, p, errors);
    ASSERT_EQ(errors.size(), 1u) << c.row;
    EXPECT_NE(errors[0].where.str().find(c.where), std::string::npos) << errors[0].str();
    EXPECT_NE(errors[0].message.find(c.what), std::string::npos) << errors[0].str();
    EXPECT_TRUE(p.entries.empty());
  }
}

TEST(PersonsLoader, RefusesASecondRowWithTheSameQid) {
  unit::TempDir dir;
  const fs::path f = dir.path() / "persons.tsv";
  unit::write_file(f, std::string(kHeader) + "person:Q1\tA B\tQ1\tsrc\t\thog|state:GB|2000|2001\n" +
                          "person:Q2\tC D\tQ1\tsrc\t\thog|state:FR|2000|\n");
  Persons p;
  std::vector<Diagnostic> errors;
  load_persons(f.string(), small_gazetteer(), p, errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].str().find(":4:15: duplicate qid Q1 (first at line 3)"), std::string::npos) << errors[0].str();
  EXPECT_EQ(p.entries.size(), 1u);
}

// Two John Smiths: a British prime minister 1990-2000 and a French foreign minister 1995-2005.
Persons two_smiths() {
  unit::TempDir dir;
  const fs::path f = dir.path() / "persons.tsv";
  unit::write_file(f, std::string(kHeader) +
                          "person:Q10\tJohn Smith\tQ10\tsrc\t\thog|state:GB|1990-05-01|2000-04-30\n"
                          "person:Q20\tJohn Smith\tQ20\tsrc\tJ. Smith\tfm|state:FR|1995|2005\n"
                          "person:Q30\tJosé Núñez\tQ30\tsrc\tJose Nunez\thead|org:UN|2001|\n");
  const fs::path t = dir.path() / "office_titles.tsv";
  unit::write_file(t, "term\toffices\nPrime Minister\thog\nForeign Minister\tfm\nPresident\thos;head\n");
  Persons p;
  std::vector<Diagnostic> errors;
  load_persons(f.string(), small_gazetteer(), p, errors);
  load_office_titles(t.string(), p, errors);
  EXPECT_TRUE(errors.empty());
  return p;
}

TEST(PersonsLink, UnambiguousAmongThoseInOfficeAtTheDate) {
  const Persons p = two_smiths();
  const auto qid = [&](int i) { return i < 0 ? std::string("none") : p.entries[static_cast<size_t>(i)].qid; };
  EXPECT_EQ(qid(p.link({"john smith"}, {}, text::Date{1992, 3, 1})), "Q10");
  EXPECT_EQ(qid(p.link({"john smith"}, {}, text::Date{2003, 3, 1})), "Q20");
  EXPECT_EQ(qid(p.link({"john smith"}, {}, text::Date{1997, 3, 1})), "none");  // both in office
  EXPECT_EQ(qid(p.link({"john smith"}, {}, text::Date{1980, 3, 1})), "none");  // neither
  EXPECT_EQ(qid(p.link({"john smith"}, {}, std::nullopt)), "none");            // no date, two people
  // a title narrows by office
  EXPECT_EQ(qid(p.link({"john smith"}, {"prime minister"}, text::Date{1997, 3, 1})), "Q10");
  EXPECT_EQ(qid(p.link({"john smith"}, {"french foreign minister"}, text::Date{1997, 3, 1})), "Q20");
  EXPECT_EQ(qid(p.link({"john smith"}, {"foreign minister"}, std::nullopt)), "Q20");
  EXPECT_EQ(qid(p.link({"john smith"}, {"prime minister"}, text::Date{2003, 1, 1})), "none");
  // a unique name links at any time when the article has no date; variants without accents
  EXPECT_EQ(qid(p.link({"jose nunez"}, {}, std::nullopt)), "Q30");
  EXPECT_EQ(qid(p.link({text::name_key("J. Smith")}, {}, text::Date{2003, 3, 1})), "Q20");
  // names that point at different people are ambiguous together
  EXPECT_EQ(qid(p.link({"jose nunez", text::name_key("J. Smith")}, {}, text::Date{2003, 3, 1})), "none");
  EXPECT_EQ(qid(p.link({"nobody"}, {}, std::nullopt)), "none");
  // a surname alone needs a title naming an office and a date to hold it on
  EXPECT_EQ(qid(p.link({"smith"}, {"prime minister"}, text::Date{1997, 3, 1})), "Q10");
  EXPECT_EQ(qid(p.link({"smith"}, {"foreign minister"}, text::Date{1997, 3, 1})), "Q20");
  EXPECT_EQ(qid(p.link({"smith"}, {}, text::Date{1992, 3, 1})), "none");
  // not where the article gives another full name with that surname
  EXPECT_EQ(qid(p.link({"mary smith", "smith"}, {}, text::Date{1992, 3, 1})), "none");
  EXPECT_EQ(qid(p.link({"mary smith", "smith"}, {"prime minister"}, text::Date{1992, 3, 1})), "none");
  // another spelling of the given name with the same surname
  EXPECT_EQ(qid(p.link({"jon smith"}, {}, text::Date{1992, 3, 1})), "none");   // too short to tell
  EXPECT_EQ(qid(p.link({"josep nunez"}, {}, std::nullopt)), "Q30");            // "jose" + 1 letter
  EXPECT_EQ(qid(p.link({"jossa nunez"}, {}, std::nullopt)), "none");           // shares 3 letters
  EXPECT_EQ(qid(p.link({"johnny smith"}, {}, text::Date{1992, 3, 1})), "Q10");  // "john" + 2 letters
  EXPECT_EQ(qid(p.link({"johnny smith"}, {}, text::Date{1997, 3, 1})), "none"); // both in office
  EXPECT_EQ(qid(p.link({"johnathan smith"}, {}, text::Date{1992, 3, 1})), "none");  // 4 more letters
  EXPECT_EQ(qid(p.link({"smith"}, {"prime minister"}, std::nullopt)), "none");
  EXPECT_EQ(qid(p.link({"smith"}, {"president"}, text::Date{1997, 3, 1})), "none");
  EXPECT_EQ(qid(p.link({"nunez"}, {"president"}, text::Date{2003, 3, 1})), "Q30");
}

TEST(PersonsHolders, WhoHeldAnOfficeOnADate) {
  const Persons p = two_smiths();
  const std::vector<int> pm = p.holders("hog", "state:GB", text::Date{1995, 1, 1});
  ASSERT_EQ(pm.size(), 1u);
  EXPECT_EQ(p.entries[static_cast<size_t>(pm[0])].qid, "Q10");
  EXPECT_TRUE(p.holders("hog", "state:GB", text::Date{2001, 1, 1}).empty());
  EXPECT_TRUE(p.holders("hog", "state:GB", text::Date{}).empty());  // no date, no answer
  // the real file: the British prime minister in June 2004
  const Persons& real = unit::real_mappings().persons;
  const std::vector<int> blair = real.holders("hog", "state:GB", text::Date{2004, 6, 1});
  ASSERT_EQ(blair.size(), 1u);
  EXPECT_EQ(real.entries[static_cast<size_t>(blair[0])].label, "Tony Blair");
  EXPECT_EQ(real.entries[static_cast<size_t>(blair[0])].qid, "Q9545");
}

}  // namespace
}  // namespace parley::mappings
