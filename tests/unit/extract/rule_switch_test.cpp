// Switching a rule off removes exactly its facts: every other fact, with every role, stays.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "graph/vocab.h"
#include "pipeline/pipeline.h"
#include "test_support.h"
#include "text/reader.h"

namespace parley::extract {
namespace {

namespace fs = std::filesystem;
using graph::Quad;

// One fact: the event IRI, its rule, and every statement about it (sorted).
struct Facts {
  std::map<std::string, std::string> rule_of;                    // event IRI -> rule id
  std::map<std::string, std::set<std::string>> statements;       // event IRI -> "p o" lines
};

Facts facts_of(const std::vector<graph::ArticleGraph>& graphs) {
  Facts f;
  for (const graph::ArticleGraph& g : graphs)
    for (const Quad& q : g.local) {
      const std::string& s = q.s.value;
      if (s.find("#meeting-") == std::string::npos && s.find("#demand-") == std::string::npos &&
          s.find("#denial-") == std::string::npos)
        continue;
      if (q.p.value == vocab::kRule) f.rule_of[s] = q.o.value;
      f.statements[s].insert(q.p.value + " " + q.o.value);
    }
  return f;
}

std::vector<text::Document> corpus() {
  std::vector<text::Document> docs;
  std::vector<fs::path> files;
  for (const char* dir : {"examples", "../shared/eval/dev"}) {
    const fs::path d = unit::source_path(dir);
    if (!fs::is_directory(d)) continue;
    for (const auto& e : fs::directory_iterator(d))
      if (e.path().extension() == ".txt" || e.path().extension() == ".jsonl") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files)
    text::read_input(p.string(), {}, [&](text::Document&& d) { docs.push_back(std::move(d)); },
                     [](const Diagnostic&) {});
  return docs;
}

std::vector<graph::ArticleGraph> run(const mappings::Mappings& m, std::vector<text::Document> docs) {
  const pipeline::Pipeline p(m, unit::real_model(), graph::BuildContext{});
  std::vector<graph::ArticleGraph> out;
  for (text::Document& d : docs) out.push_back(p.run(d));
  return out;
}

TEST(RuleSwitch, SwitchingARuleOffRemovesExactlyItsFacts) {
  const std::vector<text::Document> docs = corpus();
  ASSERT_GE(docs.size(), 5u);
  const Facts all = facts_of(run(unit::real_mappings(), docs));
  std::set<std::string> fired;
  for (const auto& [iri, rule] : all.rule_of) fired.insert(rule);
  ASSERT_GE(fired.size(), 8u) << "the corpus should exercise many rules";

  for (const std::string& rule : fired) {
    SCOPED_TRACE("--disable-rule " + rule);
    std::vector<Diagnostic> errors;
    auto m = mappings::Mappings::load(unit::source_path("mappings"), errors, {rule});
    ASSERT_TRUE(errors.empty()) << unit::join_diagnostics(errors);
    const Facts off = facts_of(run(*m, docs));
    const bool mediation = rule.rfind("mediator-", 0) == 0;
    auto mediation_statement = [](const std::string& s) {
      return s.rfind(vocab::kMediatedBy, 0) == 0 || s.rfind(vocab::kMediationRule, 0) == 0;
    };
    size_t gone = 0;
    for (const auto& [iri, r] : all.rule_of) {
      if (r == rule) {
        EXPECT_EQ(off.rule_of.count(iri), 0u) << iri << " survived";
        ++gone;
        continue;
      }
      // a meeting that names no side, only mediators this rule alone found, goes with them
      const std::set<std::string>& before = all.statements.at(iri);
      const bool sides = std::any_of(before.begin(), before.end(), [](const std::string& s) {
        return s.rfind(vocab::kParticipant, 0) == 0;
      });
      const bool only_this = mediation && before.count(std::string(vocab::kMediationRule) + " " + rule) &&
                             std::count_if(before.begin(), before.end(), [](const std::string& s) {
                               return s.rfind(vocab::kMediationRule, 0) == 0;
                             }) == 1;
      if (!sides && only_this) {
        EXPECT_EQ(off.rule_of.count(iri), 0u) << iri << " survived without side or mediator";
        ++gone;
        continue;
      }
      ASSERT_EQ(off.rule_of.count(iri), 1u) << iri << " (" << r << ") vanished";
      // the fact is unchanged, but for the mediators this rule found
      std::set<std::string> expected = before, got = off.statements.at(iri);
      if (mediation) {
        std::erase_if(expected, mediation_statement);
        std::erase_if(got, mediation_statement);
      }
      EXPECT_EQ(got, expected) << iri;
    }
    EXPECT_EQ(off.rule_of.size() + gone, all.rule_of.size());
  }
}

// A join rule (meeting.tsv, kind join) makes no fact of its own: its facts are the sides it adds.
// Switched off, meetings lose only sides (a meeting that had no other side is not reported), and
// no other statement changes.
TEST(RuleSwitch, SwitchingAJoinRuleOffRemovesOnlyTheSidesItAdded) {
  const std::vector<text::Document> docs = corpus();
  const Facts all = facts_of(run(unit::real_mappings(), docs));
  size_t changed_somewhere = 0;
  for (const auto& rule : unit::real_mappings().rules) {
    if (!rule->join) continue;
    SCOPED_TRACE("--disable-rule " + rule->id);
    std::vector<Diagnostic> errors;
    auto m = mappings::Mappings::load(unit::source_path("mappings"), errors, {rule->id});
    ASSERT_TRUE(errors.empty()) << unit::join_diagnostics(errors);
    const Facts off = facts_of(run(*m, docs));
    for (const auto& [iri, r] : off.rule_of) EXPECT_EQ(all.rule_of.count(iri), 1u) << iri << " appeared";
    for (const auto& [iri, r] : all.rule_of) {
      if (!off.rule_of.count(iri)) {
        EXPECT_NE(iri.find("#meeting-"), std::string::npos) << iri << " vanished";
        ++changed_somewhere;
        continue;
      }
      std::set<std::string> lost;
      for (const std::string& st : all.statements.at(iri))
        if (!off.statements.at(iri).count(st)) lost.insert(st);
      for (const std::string& st : off.statements.at(iri))
        EXPECT_TRUE(all.statements.at(iri).count(st)) << iri << " gained " << st;
      for (const std::string& st : lost) EXPECT_EQ(st.rfind(vocab::kParticipant, 0), 0u) << iri << " lost " << st;
      changed_somewhere += !lost.empty();
    }
  }
  EXPECT_GT(changed_somewhere, 0u) << "no join rule added a side anywhere in the corpus";
}

TEST(RuleSwitch, AnUnknownRuleIdIsAnError) {
  std::vector<Diagnostic> errors;
  mappings::Mappings::load(unit::source_path("mappings"), errors, {"no-such-rule"});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message.find("no-such-rule"), std::string::npos);
}

}  // namespace
}  // namespace parley::extract
