#include "mappings/mappings.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>

#include "mappings/tsv.h"
#include "test_support.h"

namespace parley::mappings {
namespace {

namespace fs = std::filesystem;

std::string real_dir() { return unit::source_path("mappings"); }

TEST(Mappings, RealDirectoryLoadsWithoutErrors) {
  const unit::RealMappings& r = unit::real();
  EXPECT_TRUE(r.errors.empty()) << unit::join_diagnostics(r.errors);
  const Mappings& m = *r.m;
  EXPECT_GT(m.gazetteer.entries.size(), 200u);
  EXPECT_FALSE(m.lexicon.abbreviations.empty());
  // every class: rules over the parse
  for (EventClass c : {EventClass::kMeeting, EventClass::kMediator, EventClass::kDemand, EventClass::kDenial}) {
    SCOPED_TRACE(class_name(c));
    const auto& rules = m.parse_rules[static_cast<size_t>(c)];
    EXPECT_GE(rules.size(), 8u);
    for (const Rule* rule : rules) {
      EXPECT_EQ(rule->cls, c) << rule->id;
      ASSERT_TRUE(rule->match != nullptr) << rule->id;
      if (!rule->block && !rule->join) {
        EXPECT_FALSE(rule->cameo.empty()) << rule->id;
      }
      const std::vector<std::string> names = rule->match->names();
      EXPECT_NE(std::find(names.begin(), names.end(), "trigger"), names.end()) << rule->id;
      if (c != EventClass::kMediator && c != EventClass::kMeeting) {
        EXPECT_NE(std::find(names.begin(), names.end(), "content"), names.end()) << rule->id;
      }
      EXPECT_TRUE((!rule->join && !rule->block) || rule->cls == EventClass::kMeeting) << rule->id;
    }
  }
  EXPECT_FALSE(m.parse_any);
  for (const char* lemma : {"deny", "reject", "refuse", "demand", "urge", "call", "must", "meet", "talk", "visit"})
    EXPECT_TRUE(m.anchor_lemmas.count(lemma)) << lemma;
  // a few names every article relies on
  for (const char* key : {"azerbaijan", "un", "european union", "baku", "azerbaijani"})
    EXPECT_NE(m.gazetteer.find(key), nullptr) << key;
  // the lexicon classes the event rules name, with their core members
  for (const auto& [cls, lemma] : std::vector<std::pair<std::string, std::string>>{
           {"meet", "meet"}, {"visit", "visit"}, {"mediate", "mediate"}, {"demand", "demand"},
           {"urge", "urge"}, {"deny", "deny"}, {"reject", "reject"}, {"reject", "turn down"},
           {"condemn", "condemn"}})
    EXPECT_TRUE(m.classes.contains(cls, lemma)) << cls << " " << lemma;
  EXPECT_FALSE(m.classes.exclusions.empty());
}

// "Sinn Fin", as feeds that drop letters outside ASCII print "Sinn Féin", names the same entry.
TEST(Mappings, ANameIsFoundAsFeedsThatDropAccentsPrintIt) {
  const Gazetteer& g = unit::real().m->gazetteer;
  const auto* full = g.find("sinn fein");
  const auto* bare = g.find("sinn fin");
  ASSERT_NE(full, nullptr);
  ASSERT_NE(bare, nullptr);
  ASSERT_EQ(bare->size(), 1u);
  EXPECT_EQ(bare->front().entry, full->front().entry);
  EXPECT_EQ(g.find("sinn fein"), g.find("sinn fein"));
}

// Every trigger's PLOVER type is the one the published CAMEO-to-PLOVER table
// (openeventdata/PLOVER, CAMEO2PLOVER-2021.txt) gives its CAMEO code: 04x CONSULT, 10x DEMAND,
// 11x ACCUSE, 12x REJECT. CAMEO 016 (deny responsibility) has no row there; parley files it
// under REJECT.
TEST(Mappings, PloverTypesFollowThePublishedCameoTable) {
  const std::vector<std::pair<std::string, std::string>> table = {
      {"016", "REJECT"}, {"04", "CONSULT"}, {"10", "DEMAND"}, {"11", "ACCUSE"}, {"12", "REJECT"}};
  for (const auto& rule : unit::real_mappings().rules) {
    if (rule->block || rule->join) continue;
    SCOPED_TRACE(rule->id + " cameo " + rule->cameo);
    std::string want;
    for (const auto& [prefix, plover] : table)
      if (rule->cameo.rfind(prefix, 0) == 0) want = plover;
    ASSERT_FALSE(want.empty()) << "CAMEO code outside the table";
    EXPECT_EQ(rule->plover, want);
    const char* root = rule->cls == EventClass::kDemand ? "10" : rule->cls == EventClass::kDenial ? "" : "04";
    EXPECT_EQ(rule->cameo.rfind(root, 0), 0u) << "a " << class_name(rule->cls) << " rule needs a CAMEO " << root << "x code";
  }
}

TEST(Mappings, VersionIsStableAcrossLoads) {
  std::vector<Diagnostic> e1, e2;
  auto a = Mappings::load(real_dir(), e1);
  auto b = Mappings::load(real_dir(), e2);
  EXPECT_EQ(a->version, b->version);
  EXPECT_TRUE(std::regex_match(a->version, std::regex(R"(\d{4}-\d{2}-\d{2}\+[0-9a-f]{16})")))
      << a->version;
}

TEST(Mappings, VersionChangesWithTheContent) {
  unit::TempDir dir;
  fs::copy(real_dir(), dir.path(), fs::copy_options::recursive);
  std::vector<Diagnostic> e1, e2;
  const std::string before = Mappings::load(dir.path().string(), e1)->version;
  std::ofstream(dir.path() / "lexicon/roles.tsv", std::ios::app) << "envoy extraordinary\n";
  const std::string after = Mappings::load(dir.path().string(), e2)->version;
  EXPECT_TRUE(e2.empty()) << unit::join_diagnostics(e2);
  EXPECT_NE(before, after);
}

TEST(Mappings, DisabledRulesAreSwitchedOff) {
  // A switched-off rule stays loaded (a trigger still reads the text, so that switching it off
  // removes exactly its facts) but is marked off; a switched-off block vetoes nothing.
  const Mappings& all = unit::real_mappings();
  const auto& meetings = all.parse_rules[static_cast<size_t>(EventClass::kMeeting)];
  ASSERT_FALSE(meetings.empty());
  const Rule* trigger = nullptr;
  const Rule* block = nullptr;
  for (const Rule* r : meetings) {
    if (!r->block && !r->join && !trigger) trigger = r;
    if (r->block && !block) block = r;
  }
  ASSERT_NE(trigger, nullptr);
  ASSERT_NE(block, nullptr);
  for (const Rule* r : meetings) EXPECT_TRUE(r->enabled) << r->id;

  std::vector<Diagnostic> errors;
  auto m = Mappings::load(real_dir(), errors, {trigger->id, block->id});
  EXPECT_TRUE(errors.empty()) << unit::join_diagnostics(errors);
  const auto& rules = m->parse_rules[static_cast<size_t>(EventClass::kMeeting)];
  EXPECT_EQ(rules.size(), meetings.size());
  for (const Rule* r : rules) {
    const bool off = r->id == trigger->id || r->id == block->id;
    EXPECT_EQ(r->enabled, !off) << r->id;
  }
}

int line_count(const fs::path& p);

TEST(Mappings, AParseRuleErrorNamesItsColumn) {
  // The column is counted in the file: the cells before the `match` cell and their tabs, then
  // the place in the pattern.
  unit::TempDir dir;
  fs::copy(real_dir(), dir.path(), fs::copy_options::recursive);
  const std::string row = "demand-col\tyes\t100\tDEMAND\tsubject\tpositive\t{lemma:call}=trigger >obj }\tx\n";
  std::ofstream(dir.path() / "rules/demand.tsv", std::ios::app) << row;
  std::vector<Diagnostic> errors;
  Mappings::load(dir.path().string(), errors);
  ASSERT_EQ(errors.size(), 1u) << unit::join_diagnostics(errors);
  const size_t match_at = row.find('{');
  const size_t bad_at = row.find('}', row.find(">obj"));
  EXPECT_EQ(errors[0].where.column, static_cast<int>(bad_at + 1)) << errors[0].str();
  EXPECT_GT(errors[0].where.column, static_cast<int>(match_at + 1));
  EXPECT_EQ(errors[0].where.line, line_count(dir.path() / "rules/demand.tsv"));
}

TEST(Mappings, DisablingAnUnknownRuleIsAnError) {
  std::vector<Diagnostic> errors;
  Mappings::load(real_dir(), errors, {"no-such-rule"});
  ASSERT_EQ(errors.size(), 1u) << unit::join_diagnostics(errors);
  EXPECT_NE(errors[0].message.find("no-such-rule"), std::string::npos);
}

TEST(Mappings, MissingDirectoryIsAnError) {
  unit::TempDir dir;
  std::vector<Diagnostic> errors;
  auto m = Mappings::load((dir.path() / "nowhere").string(), errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(m, nullptr);
}

int line_count(const fs::path& p) {
  const std::string s = unit::read_file(p);
  return static_cast<int>(std::count(s.begin(), s.end(), '\n'));
}

using unit::row_for;

using Fields = std::map<std::string, std::string>;

// Each row breaks one file of a copy of the real mappings; the load must report exactly that,
// as FILE:LINE: message.
TEST(Mappings, ErrorTable) {
  struct Row {
    const char* name;
    const char* file;         // relative to the mappings dir
    Fields fields;            // a row appended to the file, in its column order ...
    std::string raw;          // ... or this raw line appended ...
    std::string replace;      // ... or, when set, the whole new content of the file
    int line;                 // expected line; -1: the appended line
    const char* message;      // substring of the message
  };
  const Fields trigger = {{"enabled", "yes"}, {"kind", "trigger"}, {"cameo", "044"}, {"plover", "CONSULT"},
                          {"agent", ""}, {"polarity", "positive"}, {"match", "{lemma:meet}=trigger"}};
  // a rule over the parse (demand.tsv, denial.tsv)
  const Fields parse_rule = {{"enabled", "yes"}, {"cameo", "100"}, {"plover", "DEMAND"}, {"agent", "subject"},
                             {"polarity", "positive"}, {"match", "{lemma:@demand}=trigger >obj {}=content"}};
  auto with = [](Fields f, const Fields& more) {
    for (const auto& [k, v] : more) f[k] = v;
    return f;
  };
  const Row kRows[] = {
      {"missing header column", "rules/demand.tsv", {}, "", "id\tenabled\tcameo\tplover\tpolarity\tmatch\tcomment\n", 1,
       "header has no column \"agent\""},
      {"wrong field count", "rules/demand.tsv", {}, "demand-x\tyes\ttrigger\t100\n", "", -1,
       "tab-separated fields (as in the header), found 4"},
      {"an agent in a meeting rule", "rules/meeting.tsv", with(trigger, {{"id", "meeting-agent"}, {"agent", "subject"}}),
       "", "", -1, "agent must be empty in meeting rules"},
      {"a statement role in a meeting rule", "rules/meeting.tsv",
       with(trigger, {{"id", "meeting-who"}, {"match", "{lemma:meet}=trigger >nsubj {}=agent"}}), "", "", -1,
       "unknown role =agent; expected trigger, participant"},
      {"kind other than trigger/block/join", "rules/meeting.tsv",
       with(trigger, {{"id", "meeting-kind"}, {"kind", "veto"}}), "", "", -1,
       "kind must be \"trigger\", \"block\" or \"join\", found \"veto\""},
      {"a mediation role in a statement rule", "rules/demand.tsv",
       with(parse_rule, {{"id", "demand-med"}, {"match", "{lemma:@demand}=trigger >obj {}=mediator"}}), "", "", -1,
       "unknown role =mediator; expected trigger, agent, addressee or content"},
      {"a statement role in a mediation rule", "rules/mediator.tsv",
       with(parse_rule, {{"id", "mediator-content"}, {"match", "{lemma:@mediate}=trigger >obj {}=content"}}), "", "",
       -1, "unknown role =content; expected trigger, mediator"},
      {"enabled other than yes/no", "rules/demand.tsv",
       with(parse_rule, {{"id", "demand-enabled"}, {"enabled", "true"}}), "", "", -1,
       "enabled must be \"yes\" or \"no\", found \"true\""},
      {"trigger without CAMEO", "rules/demand.tsv", with(parse_rule, {{"id", "demand-nocameo"}, {"cameo", ""}}),
       "", "", -1, "has no CAMEO code"},
      {"duplicate rule id in one file", "rules/demand.tsv", with(parse_rule, {{"id", "demand-call-on"}}), "", "",
       -1, "duplicate rule id demand-call-on"},
      {"duplicate rule id across files", "rules/denial.tsv", with(parse_rule, {{"id", "meeting-met"}}), "", "", -1,
       "duplicate rule id meeting-met (first at "},
      {"dependency pattern syntax", "rules/demand.tsv",
       with(parse_rule, {{"id", "demand-syntax"}, {"match", "{lemma:demand=trigger"}}), "", "", -1,
       "rule demand-syntax: "},
      {"unknown lexicon class in a pattern", "rules/denial.tsv",
       with(parse_rule, {{"id", "denial-class"}, {"match", "{lemma:@nosuch}=trigger >obj {}=content"}}), "", "", -1,
       "no lexicon class @nosuch"},
      {"unknown role", "rules/denial.tsv",
       with(parse_rule, {{"id", "denial-role"}, {"match", "{lemma:@deny}=trigger >obj {}=who"}}), "", "", -1,
       "unknown role =who"},
      {"no trigger node", "rules/demand.tsv",
       with(parse_rule, {{"id", "demand-notrigger"}, {"match", "{lemma:@demand} >obj {}=content"}}), "", "", -1,
       "names no =trigger node"},
      {"polarity", "rules/demand.tsv", with(parse_rule, {{"id", "demand-pol"}, {"polarity", "maybe"}}), "", "",
       -1, "polarity must be \"positive\", \"negative\" or \"any\", found \"maybe\""},
      {"agent of a parse rule", "rules/demand.tsv", with(parse_rule, {{"id", "demand-agent"}, {"agent", ""}}), "",
       "", -1, "agent must be \"subject\", \"speaker\", \"public-speaker\" or \"public-person\", found \"\""},
      {"duplicate gazetteer id", "gazetteer/places.tsv", {{"id", "place:geneva"}, {"label", "Geneva Two"}}, "",
       "", -1, "duplicate id place:geneva"},
      {"QID without qid_source", "gazetteer/places.tsv",
       {{"id", "place:unit-test"}, {"label", "Unit Test Place"}, {"qid", "Q123"}}, "", "", -1,
       "qid Q123 has no source"},
      {"malformed QID", "gazetteer/places.tsv",
       {{"id", "place:unit-test"}, {"label", "Unit Test Place"}, {"qid", "X123"}, {"qid_source", "idx:1"}}, "",
       "", -1, "qid \"X123\" is not a Wikidata item id"},
      {"QID with a leading zero", "gazetteer/organizations.tsv",
       {{"id", "org:UNIT-TEST"}, {"type", "Organization"}, {"label", "Unit Test Org"}, {"qid", "Q0123"},
        {"qid_source", "idx:1"}},
       "", "", -1, "qid \"Q0123\""},
      {"QID with letters", "gazetteer/organizations.tsv",
       {{"id", "org:UNIT-TEST"}, {"type", "Organization"}, {"label", "Unit Test Org"}, {"qid", "Q12a"},
        {"qid_source", "idx:1"}},
       "", "", -1, "qid \"Q12a\""},
      {"capital QID without source", "gazetteer/states.tsv",
       {{"id", "state:X-UNITTEST"}, {"label", "Unitland"}, {"capital", "Unitville"}, {"capital_qid", "Q42"}},
       "", "", -1, "qid Q42 has no source"},
      {"organisation type", "gazetteer/organizations.tsv",
       {{"id", "org:UNIT-TEST"}, {"type", "Company"}, {"label", "Unit Test Org"}}, "", "", -1,
       "type must be Organization, Group, State or Person, found \"Company\""},
      {"empty label", "gazetteer/places.tsv", {{"id", "place:unit-test"}}, "", "", -1, "empty label"},
      {"lexicon type", "lexicon/titles.tsv", {{"term", "chief wizard"}, {"type", "Wizard"}}, "", "", -1,
       "unknown type \"Wizard\""},
      {"invalid UTF-8 in a gazetteer", "gazetteer/places.tsv", {{"id", "place:unit-test"}, {"label", "Bad \xFF"}},
       "", "", -1, "invalid UTF-8"},
      {"unknown TSV with a bad row", "gazetteer/extra.tsv", {}, "", "a\tb\n1\n", 2, "found 1"},
      {"honorific gender", "lexicon/honorifics.tsv", {{"term", "Herr"}, {"gender", "male"}}, "", "", -1,
       "gender must be m, f or empty, found \"male\""},
      {"lexicon class name", "lexicon/classes.tsv",
       {{"class", "Refuse!"}, {"lemma", "balk"}, {"pos", "VERB"}, {"source", "reviewed"}}, "", "", -1,
       "class \"Refuse!\" is not a name"},
      {"lexicon class lemma case", "lexicon/classes.tsv",
       {{"class", "reject"}, {"lemma", "Balk"}, {"pos", "VERB"}, {"source", "reviewed"}}, "", "", -1,
       "lemma \"Balk\" is not lower case words"},
      {"lexicon class pos", "lexicon/classes.tsv",
       {{"class", "reject"}, {"lemma", "balk"}, {"pos", "ADV"}, {"source", "reviewed"}}, "", "", -1,
       "pos must be VERB, NOUN, ADJ or PROPN, found \"ADV\""},
      {"lexicon class without source", "lexicon/classes.tsv",
       {{"class", "reject"}, {"lemma", "balk"}, {"pos", "VERB"}}, "", "", -1, "no source for reject balk"},
      {"exclusion of a non-member", "lexicon/class_exclusions.tsv",
       {{"class", "reject"}, {"lemma", "zzzz"}, {"context", "obj:visa"}}, "", "", -1,
       "\"zzzz\" is not in class reject"},
      {"exclusion context", "lexicon/class_exclusions.tsv",
       {{"class", "deny"}, {"lemma", "deny"}, {"context", "visa"}}, "", "", -1,
       "context \"visa\" is not relation:lemma|lemma"},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    unit::TempDir dir;
    fs::copy(real_dir(), dir.path(), fs::copy_options::recursive);
    const fs::path file = dir.path() / row.file;
    int line = row.line;
    if (row.replace.empty()) {
      std::string content = unit::read_file(file);
      if (!content.empty() && content.back() != '\n') content += '\n';
      unit::write_file(file, content + (row.fields.empty() ? row.raw : row_for(file, row.fields)));
      line = line_count(file);
    } else {
      unit::write_file(file, row.replace);
    }
    unit::expect_one_load_error(dir.path(), file, line, row.message);
  }
}

TEST(Mappings, MissingFileIsReported) {
  unit::TempDir dir;
  fs::copy(real_dir(), dir.path(), fs::copy_options::recursive);
  fs::remove(dir.path() / "lexicon/roles.tsv");
  std::vector<Diagnostic> errors;
  Mappings::load(dir.path().string(), errors);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].where.file.find("lexicon/roles.tsv"), std::string::npos);
  EXPECT_NE(errors[0].message.find("cannot open"), std::string::npos);
}

// Every QID in a gazetteer names where it was found (mappings/README.md, "QID source rule").
TEST(Mappings, EveryGazetteerQidHasASource) {
  static const std::pair<const char*, const char*> kPairs[] = {{"qid", "qid_source"},
                                                               {"capital_qid", "capital_source"}};
  size_t files = 0, qids = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(real_dir()) / "gazetteer")) {
    if (entry.path().extension() != ".tsv") continue;
    ++files;
    std::vector<Diagnostic> errors;
    const TsvTable t = read_tsv(entry.path().string(), {}, errors);
    EXPECT_TRUE(errors.empty()) << unit::join_diagnostics(errors);
    for (const auto& [qid_col, source_col] : kPairs) {
      if (t.column(qid_col) < 0) continue;
      EXPECT_GE(t.column(source_col), 0) << entry.path() << " has " << qid_col << " but no " << source_col;
      for (const TsvRow& r : t.rows) {
        if (t.get(r, qid_col).empty()) continue;
        ++qids;
        EXPECT_FALSE(t.get(r, source_col).empty())
            << entry.path().string() << ":" << r.line << ": " << qid_col << " " << t.get(r, qid_col)
            << " has no " << source_col;
      }
    }
  }
  EXPECT_GE(files, 3u);
  EXPECT_GT(qids, 100u);
}

TEST(Mappings, TypeAndClassNames) {
  for (EntityType t : {EntityType::kPerson, EntityType::kOrganization, EntityType::kState, EntityType::kGroup,
                       EntityType::kLocation}) {
    EntityType back = EntityType::kPerson;
    ASSERT_TRUE(parse_type(type_name(t), back)) << type_name(t);
    EXPECT_EQ(back, t);
  }
  EntityType x = EntityType::kPerson;
  EXPECT_FALSE(parse_type("person", x));
  EXPECT_STREQ(class_name(EventClass::kDenial), "denial");
}

}  // namespace
}  // namespace parley::mappings
