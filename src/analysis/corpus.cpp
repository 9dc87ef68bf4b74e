#include "analysis/corpus.h"

#include <algorithm>
#include <tuple>

#include "graph/vocab.h"
#include "rdf/reader.h"

namespace parley::analysis {

namespace {

enum TypeBit : unsigned {
  kMeetingBit = 1u << 0, kDemandBit = 1u << 1, kDenialBit = 1u << 2, kArticleBit = 1u << 3,
  kActorBit = 1u << 4, kLocationBit = 1u << 5, kMediatorBit = 1u << 6, kPersonBit = 1u << 7,
  kStateBit = 1u << 8, kOrganizationBit = 1u << 9, kGroupBit = 1u << 10, kMeetingReportBit = 1u << 11,
};

unsigned type_bit(const std::string& iri) {
  static const std::unordered_map<std::string, unsigned> kBits = {
      {vocab::kMeeting, kMeetingBit},   {vocab::kDemand, kDemandBit},     {vocab::kDenial, kDenialBit},
      {vocab::kArticle, kArticleBit},   {vocab::kActor, kActorBit},       {vocab::kLocation, kLocationBit},
      {vocab::kMediator, kMediatorBit}, {vocab::kPerson, kPersonBit},     {vocab::kState, kStateBit},
      {vocab::kOrganization, kOrganizationBit}, {vocab::kGroup, kGroupBit},
      {vocab::kMeetingReport, kMeetingReportBit}};
  auto it = kBits.find(iri);
  return it == kBits.end() ? 0 : it->second;
}

// Keeps the least value, so that the answer does not depend on the order of the quads.
void keep_least(std::string& slot, const std::string& v, bool& set) {
  if (!set || v < slot) slot = v;
  set = true;
}

long long to_integer(const std::string& s) {
  if (s.empty() || s.size() > 18) return -1;
  long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::vector<std::string> sorted(const std::set<std::string>& s) { return {s.begin(), s.end()}; }

}  // namespace

const char* class_name(EventClass c) {
  switch (c) {
    case EventClass::kMeeting: return "Meeting";
    case EventClass::kDemand: return "Demand";
    case EventClass::kDenial: return "Denial";
  }
  return "Meeting";
}

std::string Entity::name() const {
  if (!label.empty()) return label;
  const size_t cut = iri.find_last_of("/#");
  return cut == std::string::npos ? iri : iri.substr(cut + 1);
}

struct Corpus::Node {
  unsigned types = 0;
  std::set<std::string> labels, wikidata, derived, participants, mediators, agents, addressees, places, contents,
      represents, reports;
  std::string date, cameo, plover, rule, evidence, identifier, title, dcdate, source, subject;
  bool subject_set = false;
  bool date_set = false, cameo_set = false, plover_set = false, rule_set = false, evidence_set = false,
       identifier_set = false, title_set = false, dcdate_set = false, source_set = false;
};

Corpus::Corpus() = default;
Corpus::~Corpus() = default;
Corpus::Corpus(Corpus&&) noexcept = default;
Corpus& Corpus::operator=(Corpus&&) noexcept = default;

Status Corpus::read(const std::string& path) {
  Result<rdf::Format> f = rdf::format_from_path(path);
  if (!f.ok())
    return Status::error("not an RDF file parley reads (expected .ttl, .nt, .nq or .trig: parley's own output)",
                         Location{path, 0, 0});
  return rdf::read_file(path, f.value(), [&](graph::Quad&& q) {
    add(q);
    return Status{};
  });
}

void Corpus::add(const graph::Quad& q) {
  const std::string& p = q.p.value;
  // Offsets belong to events and mentions alike; they are kept apart, so that a mention needs
  // no Node.
  if (p == vocab::kBeginOffset || p == vocab::kEndOffset) {
    auto [it, fresh] = spans_.try_emplace(q.s.value, -1, -1);
    (p == vocab::kBeginOffset ? it->second.first : it->second.second) = to_integer(q.o.value);
    return;
  }
  if (p == vocab::kMentionOf) return;
  if (p == vocab::kType) {
    const unsigned bit = type_bit(q.o.value);
    if (!bit) return;
    auto& n = nodes_[q.s.value];
    if (!n) n = std::make_unique<Node>();
    n->types |= bit;
    return;
  }
  auto node = [&]() -> Node& {
    auto& n = nodes_[q.s.value];
    if (!n) n = std::make_unique<Node>();
    return *n;
  };
  if (p == vocab::kLabel) {
    if (q.o.lang.empty() || q.o.lang == "en" || q.o.lang.rfind("en-", 0) == 0) node().labels.insert(q.o.value);
  } else if (p == vocab::kSameAs) {
    const std::string wd = vocab::kWikidata;
    if (q.o.is_iri() && q.o.value.rfind(wd + "Q", 0) == 0) node().wikidata.insert(q.o.value.substr(wd.size()));
  } else if (p == vocab::kWasDerivedFrom) {
    node().derived.insert(q.o.value);
  } else if (p == vocab::kRepresents) {
    node().represents.insert(q.o.value);
  } else if (p == vocab::kReport) {
    node().reports.insert(q.o.value);
  } else if (p == vocab::kParticipant) {
    node().participants.insert(q.o.value);
  } else if (p == vocab::kMediatedBy) {
    node().mediators.insert(q.o.value);
  } else if (p == vocab::kAgent) {
    node().agents.insert(q.o.value);
  } else if (p == vocab::kAddressee) {
    node().addressees.insert(q.o.value);
  } else if (p == vocab::kLocationProp) {
    node().places.insert(q.o.value);
  } else if (p == vocab::kContent) {
    node().contents.insert(q.o.value);
  } else if (p == vocab::kDate) {
    Node& n = node();
    keep_least(n.date, q.o.value, n.date_set);
  } else if (p == vocab::kCameoCode) {
    Node& n = node();
    keep_least(n.cameo, q.o.value, n.cameo_set);
  } else if (p == vocab::kPloverType) {
    Node& n = node();
    keep_least(n.plover, q.o.value, n.plover_set);
  } else if (p == vocab::kRule) {
    Node& n = node();
    keep_least(n.rule, q.o.value, n.rule_set);
  } else if (p == vocab::kEvidence) {
    Node& n = node();
    keep_least(n.evidence, q.o.value, n.evidence_set);
  } else if (p == vocab::kIdentifier) {
    Node& n = node();
    keep_least(n.identifier, q.o.value, n.identifier_set);
  } else if (p == vocab::kTitle) {
    Node& n = node();
    keep_least(n.title, q.o.value, n.title_set);
  } else if (p == vocab::kDcDate) {
    Node& n = node();
    keep_least(n.dcdate, q.o.value, n.dcdate_set);
  } else if (p == vocab::kSubject) {
    Node& n = node();
    keep_least(n.subject, q.o.value, n.subject_set);
  } else if (p == vocab::kSource) {
    Node& n = node();
    keep_least(n.source, q.o.value, n.source_set);
  }
}

void Corpus::finish() {
  events_.clear();
  entities_.clear();
  articles_.clear();
  // A meeting report that a merged meeting holds is read through it; one that none holds
  // (output of extract --no-merge) is a meeting of its own.
  std::set<std::string> reported;
  for (const auto& [iri, n] : nodes_)
    if (n->types & kMeetingBit) reported.insert(n->reports.begin(), n->reports.end());
  for (const auto& [iri, n] : nodes_) {
    if (n->types & kArticleBit) {
      Article a{iri, n->identifier, n->dcdate, n->title, n->source, n->subject};
      articles_.emplace(iri, std::move(a));
    }
    if (n->types & (kActorBit | kLocationBit)) {
      Entity e;
      e.iri = iri;
      if (!n->labels.empty()) e.label = *n->labels.begin();
      if (!n->wikidata.empty()) e.qid = *n->wikidata.begin();
      e.actor = (n->types & kActorBit) != 0;
      e.location = (n->types & kLocationBit) != 0;
      e.mediator = (n->types & kMediatorBit) != 0;
      e.kind = (n->types & kPersonBit)         ? "Person"
               : (n->types & kStateBit)        ? "State"
               : (n->types & kOrganizationBit) ? "Organization"
               : (n->types & kGroupBit)        ? "Group"
               : e.location                    ? "Location"
                                               : "";
      entities_.emplace(iri, std::move(e));
    }
    for (EventClass c : kEventClasses) {
      const unsigned bit = c == EventClass::kMeeting ? kMeetingBit : c == EventClass::kDemand ? kDemandBit : kDenialBit;
      const bool lone_report = c == EventClass::kMeeting && (n->types & kMeetingReportBit) && !reported.count(iri);
      if (!(n->types & bit) && !lone_report) continue;
      Event ev;
      ev.iri = iri;
      ev.cls = c;
      ev.reports = sorted(n->reports);
      // What the text said (evidence, rule, codes, offsets) is the first report's, for a
      // merged meeting; its article is that report's.
      const Node* said = n.get();
      std::string said_iri = iri;
      if (!ev.reports.empty())
        if (auto it = nodes_.find(ev.reports.front()); it != nodes_.end()) {
          said = it->second.get();
          said_iri = it->first;
        }
      if (!said->derived.empty()) ev.article = *said->derived.begin();
      else if (!n->derived.empty()) ev.article = *n->derived.begin();
      ev.articles = sorted(n->derived);
      ev.date = n->date;
      ev.cameo = said->cameo;
      ev.plover = said->plover;
      ev.rule = said->rule;
      ev.agents = sorted(n->agents);
      std::set<std::string> sides;
      for (const std::string& a : n->agents)
        if (auto it = nodes_.find(a); it != nodes_.end()) sides.insert(it->second->represents.begin(), it->second->represents.end());
      ev.agent_represents = sorted(sides);
      ev.participants = sorted(n->participants);
      ev.addressees = sorted(n->addressees);
      ev.mediators = sorted(n->mediators);
      ev.places = sorted(n->places);
      ev.contents = sorted(n->contents);
      ev.evidence = said->evidence;
      if (auto it = spans_.find(said_iri); it != spans_.end()) std::tie(ev.begin, ev.end) = it->second;
      events_.push_back(std::move(ev));
    }
  }
  std::sort(events_.begin(), events_.end(), [&](const Event& a, const Event& b) {
    return std::forward_as_tuple(article_id(a.article), a.begin, a.cls, a.iri) <
           std::forward_as_tuple(article_id(b.article), b.begin, b.cls, b.iri);
  });
}

const Entity& Corpus::entity(const std::string& iri) const {
  if (auto it = entities_.find(iri); it != entities_.end()) return it->second;
  auto [it, fresh] = unknown_.try_emplace(iri);
  if (fresh) it->second.iri = iri;
  return it->second;
}

std::string Corpus::article_id(const std::string& iri) const {
  auto it = articles_.find(iri);
  return it == articles_.end() || it->second.id.empty() ? iri : it->second.id;
}

}  // namespace parley::analysis
