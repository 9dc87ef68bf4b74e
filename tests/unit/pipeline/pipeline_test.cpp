// End-to-end behaviour of the stages on single sentences, with the real mappings: the rule tests
// for mappings/rules/{meeting,mediator,demand,denial}.tsv (sentences that must fire with their
// roles, and sentences that must not), and the evidence invariant on real articles.
#include "pipeline/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "graph/vocab.h"
#include "test_support.h"

namespace parley::pipeline {
namespace {

using graph::ArticleGraph;
using graph::Quad;

// One extracted event, its roles given by the labels of the entities that fill them.
struct EventView {
  std::string iri;
  std::string cls;  // "Meeting", "Demand", "Denial"
  std::set<std::string> participants, mediators;
  std::string location, agent, addressee, content, rule, evidence;

  std::string str() const {
    std::string s = cls + " [" + rule + "]";
    auto list = [&](const char* name, const std::set<std::string>& v) {
      if (v.empty()) return;
      s += std::string(" ") + name + "={";
      for (const std::string& x : v) s += x + ";";
      s += "}";
    };
    list("participants", participants);
    list("mediators", mediators);
    if (!location.empty()) s += " location=" + location;
    if (!agent.empty()) s += " agent=" + agent;
    if (!addressee.empty()) s += " addressee=" + addressee;
    if (!content.empty()) s += " content=\"" + content + "\"";
    return s;
  }
};

struct Run {
  text::Document doc;
  ArticleGraph graph;
  std::map<std::string, std::string> labels;  // entity IRI -> rdfs:label
  std::set<std::string> mediator_typed;       // labels of entities typed parley:Mediator
  std::vector<EventView> events;

  std::vector<const EventView*> of(const std::string& cls) const {
    std::vector<const EventView*> v;
    for (const EventView& e : events)
      if (e.cls == cls) v.push_back(&e);
    return v;
  }
  std::string dump() const {
    std::string s = "events in \"" + doc.text + "\":\n";
    for (const EventView& e : events) s += "  " + e.str() + "\n";
    if (events.empty()) s += "  (none)\n";
    return s;
  }
};

std::string local_name(const std::string& iri) {
  const size_t h = iri.find('#');
  return h == std::string::npos ? iri : iri.substr(h + 1);
}

Run run_text(const std::string& text, std::optional<text::Date> date = text::Date{2023, 3, 1},
             const std::string& id = "t1") {
  Run r;
  r.doc.id = id;
  r.doc.text = text;
  r.doc.date = date;
  const Pipeline pipeline(unit::real_mappings(), graph::BuildContext{});
  r.graph = pipeline.run(r.doc);
  for (const Quad& q : r.graph.entities)
    if (q.p.value == vocab::kLabel) r.labels.emplace(q.s.value, q.o.value);
  auto label = [&](const std::string& iri) {
    auto it = r.labels.find(iri);
    return it == r.labels.end() ? "<no label: " + iri + ">" : it->second;
  };
  std::map<std::string, EventView> events;
  for (const Quad& q : r.graph.local) {
    if (q.p.value != vocab::kType) continue;
    if (q.o.value == vocab::kMediator) r.mediator_typed.insert(label(q.s.value));
    if (q.o.value == vocab::kMeeting || q.o.value == vocab::kDemand || q.o.value == vocab::kDenial)
      events[q.s.value] = EventView{q.s.value, local_name(q.o.value)};
  }
  for (const Quad& q : r.graph.local) {
    auto it = events.find(q.s.value);
    if (it == events.end()) continue;
    EventView& e = it->second;
    const std::string& p = q.p.value;
    if (p == vocab::kParticipant) e.participants.insert(label(q.o.value));
    else if (p == vocab::kMediatedBy) e.mediators.insert(label(q.o.value));
    else if (p == vocab::kLocationProp) e.location = label(q.o.value);
    else if (p == vocab::kAgent) e.agent = label(q.o.value);
    else if (p == vocab::kAddressee) e.addressee = label(q.o.value);
    else if (p == vocab::kContent) e.content = q.o.value;
    else if (p == vocab::kRule) e.rule = q.o.value;
    else if (p == vocab::kEvidence) e.evidence = q.o.value;
  }
  for (auto& [iri, e] : events) r.events.push_back(std::move(e));
  return r;
}

TEST(Pipeline, Probe) {
  for (const char* s : {
#include "probe.inc"
       }) {
    Run r = run_text(s); std::cout << r.dump(); for (auto& [k, v] : r.labels) std::cout << "    " << k << " = " << v << "\n";
  }
}

}  // namespace
}  // namespace parley::pipeline
