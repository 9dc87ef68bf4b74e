/// The events, actors, places and articles of a parley graph, read back from parley's own RDF
/// output: what `parley table`, `parley stats` and `parley report` work on.
///
///   Corpus c;
///   PARLEY_TRY(c.read("out/parley.nq"));      // any number of files, any of the four formats
///   c.finish();
///   for (const Event& e : c.events()) ...     // sorted by article, offset, class, IRI
///
/// Quads are read as a set whatever their graph: an N-Quads or TriG file is read as the union
/// of its named graphs, so an entity described in every article that names it counts once
/// (the same answers as Turtle/N-Triples of the same run). Mentions are not kept.
/// Memory grows with the number of events, entities and articles. Not thread-safe.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "graph/term.h"

namespace parley::analysis {

enum class EventClass { kMeeting, kDemand, kDenial };
inline constexpr EventClass kEventClasses[] = {EventClass::kMeeting, EventClass::kDemand, EventClass::kDenial};
/// "Meeting", "Demand", "Denial": the local name of the ontology class.
const char* class_name(EventClass c);

struct Entity {
  std::string iri;
  std::string label;   ///< the least rdfs:label (English or untagged) by code point, or ""
  std::string qid;     ///< "Q183" when owl:sameAs a Wikidata entity (the least one), else ""
  std::string kind;    ///< "Person", "State", "Organization", "Group", "Location" or ""
  bool actor = false;  ///< typed parley:Actor
  bool location = false;
  bool mediator = false;
  /// The label, else the IRI's last path segment (for display).
  std::string name() const;
};

struct Article {
  std::string iri;
  std::string id;  ///< dcterms:identifier
  std::string date, title, source;
  std::string category;  ///< dcterms:subject (JSON Lines `category`), or ""
};

struct Event {
  std::string iri;
  EventClass cls = EventClass::kMeeting;
  std::string article;  ///< the article IRI (prov:wasDerivedFrom; a merged meeting's: its first report's); "" when none
  /// Every article it was read from (prov:wasDerivedFrom): several for a meeting that several
  /// articles report (the merge graph's parley:Meeting).
  std::vector<std::string> articles;
  /// A merged meeting's parley:report: each article's parley:MeetingReport, sorted.
  std::vector<std::string> reports;
  std::string date;     ///< xsd:date lexical form, or ""
  std::string cameo, plover, rule;
  // Entity IRIs, each list sorted and without repeats (one element for most events).
  std::vector<std::string> agents, participants, addressees, mediators, places;
  /// What the agents act for (parley:represents: "Russian president X" represents Russia).
  std::vector<std::string> agent_represents;
  std::vector<std::string> contents;  ///< what is demanded or denied, as worded
  std::string evidence;
  long long begin = -1, end = -1;  ///< UTF-8 byte span of the evidence in the article; -1 unknown
};

class Corpus {
 public:
  Corpus();
  ~Corpus();
  Corpus(Corpus&&) noexcept;
  Corpus& operator=(Corpus&&) noexcept;

  /// Reads one RDF file; its format from the extension (.ttl .nt .nq .trig). A syntax error is
  /// returned with FILE:LINE:COL; what was read before it is kept.
  Status read(const std::string& path);
  /// Adds one quad (its graph is ignored).
  void add(const graph::Quad& q);
  /// Builds the event list and the entity table; call once after the last add/read.
  void finish();

  const std::vector<Event>& events() const { return events_; }
  const std::map<std::string, Entity>& entities() const { return entities_; }
  const std::map<std::string, Article>& articles() const { return articles_; }
  /// The entity with this IRI; an empty one (name from the IRI) when the graph does not describe it.
  const Entity& entity(const std::string& iri) const;
  /// The article's identifier, else its IRI.
  std::string article_id(const std::string& iri) const;

 private:
  struct Node;  // what the quads say about one subject (defined in corpus.cpp)
  std::unordered_map<std::string, std::pair<long long, long long>> spans_;
  std::unordered_map<std::string, std::unique_ptr<Node>> nodes_;
  std::vector<Event> events_;
  std::map<std::string, Entity> entities_;
  std::map<std::string, Article> articles_;
  mutable std::map<std::string, Entity> unknown_;
};

}  // namespace parley::analysis
