#include "merge/merger.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <unordered_map>

#include "core/hash.h"
#include "graph/vocab.h"
#include "text/document.h"
#include "text/fingerprint.h"

namespace parley::merge {
namespace {

using graph::Quad;
using graph::Term;

constexpr uint32_t kNone = UINT32_MAX;
constexpr int64_t kNoDate = INT64_MIN;

// Entity classes, as bits
enum : uint8_t { kActorBit = 1, kLocationBit = 2, kPersonBit = 4, kOrgBit = 8, kStateBit = 16, kGroupBit = 32 };

uint8_t class_bit(const std::string& iri) {
  if (iri == vocab::kActor) return kActorBit;
  if (iri == vocab::kLocation) return kLocationBit;
  if (iri == vocab::kPerson) return kPersonBit;
  if (iri == vocab::kOrganization) return kOrgBit;
  if (iri == vocab::kState) return kStateBit;
  if (iri == vocab::kGroup) return kGroupBit;
  return 0;
}

// A name or a content string as a merge key: ASCII letters lower-cased, every run of other
// ASCII characters one space; other bytes (UTF-8 letters) kept as they are.
std::string normalise(std::string_view s) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!alnum) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return out;
}

int64_t date_days(const std::string& lexical) {
  const std::optional<text::Date> d = text::Date::parse_iso(lexical);
  return d && d->valid() ? d->days() : kNoDate;
}

std::string iso(int64_t days) { return text::Date::from_days(days).iso(); }

Term I(const std::string& s) { return Term::iri_unchecked(s); }
Term I(const char* s) { return Term::iri_unchecked(s); }

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), size_t{0}); }
  size_t find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  // the smaller index stays the root: roots do not depend on the order of unions' arguments
  size_t unite(size_t a, size_t b) {
    a = find(a);
    b = find(b);
    if (a > b) std::swap(a, b);
    parent[b] = a;
    return a;
  }
};

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

template <typename T>
std::vector<T> intersect(const std::vector<T>& a, const std::vector<T>& b) {
  std::vector<T> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

template <typename T>
std::vector<T> merged_list(std::vector<T> a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
  sort_unique(a);
  return a;
}

template <typename T>
bool disjoint(const std::vector<T>& a, const std::vector<T>& b) {
  return intersect(a, b).empty();
}

}  // namespace

std::string merge_graph_iri(const std::string& base) { return base + "graph/merge"; }

// ---- the keys held between add and finish ---------------------------------------------------

struct Merger::State {
  // Interned IRIs: every key below is a number; the strings are held once.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<const std::string*> names;
  std::string merge_graph;

  struct Article {
    std::string id;            // dcterms:identifier
    int64_t date = kNoDate;    // dcterms:date
    uint64_t title = 0;        // hash of the normalised title, 0 when none
    int64_t length = -1;       // parley:textLength
    uint64_t text_hash = 0, simhash = 0;  // parley:textHash, parley:textSimhash
    bool has_simhash = false;
    bool seen = false;         // typed parley:Article
  };
  enum class Kind : uint8_t { kNone, kReport, kDemand, kDenial };
  struct Event {
    uint32_t article = kNone;
    Kind kind = Kind::kNone;
    std::vector<uint32_t> participants, mediators, locations;
    int64_t date = kNoDate;
    int month_day = 0;         // parley:dateWithoutYear as month * 100 + day, 0 when none
    uint8_t precision = 0;     // parley:datePrecision of `date`: 0 day, 1 month, 2 year
    std::string status, meeting_kind, confidence;  // parley:status, parley:meetingKind, parley:confidence
    uint32_t agent = kNone;
    std::vector<uint32_t> words;  // hashes of the content's words of four letters or more, sorted
    uint64_t evidence = 0;     // hash of the evidence sentence, 0 when none
  };
  struct Entity {
    uint8_t classes = 0;
    std::vector<uint32_t> articles;
    std::string label;         // the smallest normalised rdfs:label seen
    uint32_t qid = kNone;
  };
  std::unordered_map<uint32_t, Article> articles;
  std::unordered_map<uint32_t, Event> events;
  std::unordered_map<uint32_t, Entity> entities;
  std::vector<std::array<uint32_t, 3>> represents;  // article, actor, the actor it acts for

  uint32_t id(const std::string& s) {
    auto [it, fresh] = ids.try_emplace(s, static_cast<uint32_t>(names.size()));
    if (fresh) names.push_back(&it->first);
    return it->second;
  }
  const std::string& name(uint32_t i) const { return *names[i]; }

  Event& event(const std::string& s, uint32_t g) {
    Event& e = events[id(s)];
    e.article = g;
    return e;
  }
};

Merger::Merger(MergeOptions options) : options_(std::move(options)), state_(std::make_unique<State>()) {
  state_->merge_graph = merge_graph_iri(options_.base);
}
Merger::~Merger() = default;

void Merger::add(const graph::ArticleGraph& g) {
  for (const Quad& q : g.local) add(q);
  for (const Quad& q : g.entities) add(q);
}

void Merger::add(const Quad& q) {
  State& st = *state_;
  if (q.g.value.empty() || q.g.value == st.merge_graph) return;
  const std::string& p = q.p.value;
  const uint32_t g = st.id(q.g.value);
  if (p == vocab::kType) {
    const std::string& o = q.o.value;
    if (o == vocab::kArticle) {
      st.articles[st.id(q.s.value)].seen = true;
    } else if (o == vocab::kMeetingReport) {
      st.event(q.s.value, g).kind = State::Kind::kReport;
    } else if (o == vocab::kDemand) {
      st.event(q.s.value, g).kind = State::Kind::kDemand;
    } else if (o == vocab::kDenial) {
      st.event(q.s.value, g).kind = State::Kind::kDenial;
    } else if (const uint8_t bit = class_bit(o)) {
      State::Entity& e = st.entities[st.id(q.s.value)];
      e.classes |= bit;
      if (e.articles.empty() || e.articles.back() != g) e.articles.push_back(g);
    }
  } else if (p == vocab::kParticipant) {
    st.event(q.s.value, g).participants.push_back(st.id(q.o.value));
  } else if (p == vocab::kMediatedBy) {
    st.event(q.s.value, g).mediators.push_back(st.id(q.o.value));
  } else if (p == vocab::kLocationProp) {
    st.event(q.s.value, g).locations.push_back(st.id(q.o.value));
  } else if (p == vocab::kDate) {
    st.event(q.s.value, g).date = date_days(q.o.value);
  } else if (p == vocab::kStatus) {
    st.event(q.s.value, g).status = q.o.value;
  } else if (p == vocab::kMeetingKind) {
    st.event(q.s.value, g).meeting_kind = q.o.value;
  } else if (p == vocab::kConfidence) {
    st.event(q.s.value, g).confidence = q.o.value;
  } else if (p == vocab::kDatePrecision) {
    st.event(q.s.value, g).precision = q.o.value == "month" ? 1 : q.o.value == "year" ? 2 : 0;
  } else if (p == vocab::kDateWithoutYear) {
    // "--MM-DD"
    const std::string& v = q.o.value;
    if (v.size() == 7 && v[0] == '-' && v[1] == '-' && v[4] == '-')
      st.event(q.s.value, g).month_day = std::atoi(v.substr(2, 2).c_str()) * 100 + std::atoi(v.substr(5, 2).c_str());
  } else if (p == vocab::kAgent) {
    st.event(q.s.value, g).agent = st.id(q.o.value);
  } else if (p == vocab::kContent) {
    std::vector<uint32_t>& words = st.event(q.s.value, g).words;
    words.clear();
    const std::string n = normalise(q.o.value);
    for (size_t b = 0; b < n.size();) {
      size_t e = n.find(' ', b);
      if (e == std::string::npos) e = n.size();
      if (e - b >= 4) words.push_back(static_cast<uint32_t>(fnv1a64(std::string_view(n).substr(b, e - b))));
      b = e + 1;
    }
    sort_unique(words);
  } else if (p == vocab::kEvidence) {
    // only an event's sentence (a mention's evidence, its surface form, is not a key)
    if (auto it = st.ids.find(q.s.value); it != st.ids.end())
      if (auto e = st.events.find(it->second); e != st.events.end()) e->second.evidence = fnv1a64(q.o.value) | 1;
  } else if (p == vocab::kLabel) {
    State::Entity& e = st.entities[st.id(q.s.value)];
    std::string n = normalise(q.o.value);
    if (e.label.empty() || n < e.label) e.label = std::move(n);
  } else if (p == vocab::kSameAs) {
    st.entities[st.id(q.s.value)].qid = st.id(q.o.value);
  } else if (p == vocab::kRepresents) {
    st.represents.push_back({g, st.id(q.s.value), st.id(q.o.value)});
  } else if (q.s.value == q.g.value) {
    // the article's own description
    if (p == vocab::kIdentifier) st.articles[g].id = q.o.value;
    else if (p == vocab::kDcDate) st.articles[g].date = date_days(q.o.value);
    else if (p == vocab::kTitle) st.articles[g].title = fnv1a64(normalise(q.o.value)) | 1;
    else if (p == vocab::kTextLength)  // (any file may be read: a length no article has is no length)
      st.articles[g].length = q.o.value.size() <= 15 && q.o.value.find_first_not_of("0123456789") == std::string::npos
                                  ? std::atoll(q.o.value.c_str()) : -1;
    else if (p == vocab::kTextHash) st.articles[g].text_hash = std::strtoull(q.o.value.c_str(), nullptr, 16) | 1;
    else if (p == vocab::kTextSimhash) {
      st.articles[g].simhash = std::strtoull(q.o.value.c_str(), nullptr, 16);
      st.articles[g].has_simhash = true;
    }
  }
}

size_t Merger::memory_bytes() const {
  const State& st = *state_;
  size_t n = st.names.capacity() * sizeof(void*) + st.represents.capacity() * sizeof(st.represents[0]);
  for (const auto& [s, i] : st.ids) n += s.capacity() + 48;
  for (const auto& [i, a] : st.articles) n += sizeof(a) + a.id.capacity() + 32;
  for (const auto& [i, e] : st.events)
    n += sizeof(e) + 32 + 4 * (e.participants.capacity() + e.mediators.capacity() + e.locations.capacity() + e.words.capacity());
  for (const auto& [i, e] : st.entities) n += sizeof(e) + 32 + e.label.capacity() + 4 * e.articles.capacity();
  return n;
}

// ---- finish: the merge graph ------------------------------------------------------------------

namespace {

struct Out {
  std::vector<Quad> quads;
  Term graph;
  void add(const Term& s, const char* p, Term o) { quads.push_back(Quad{s, I(p), std::move(o), graph}); }
};

// A merge record's IRI: the rule and a hash of what it joined (sorted IRIs).
Term record_iri(const std::string& base, const std::string& rule, std::vector<std::string> members) {
  std::sort(members.begin(), members.end());
  uint64_t h = fnv1a64(rule);
  for (const std::string& m : members) h = fnv1a64(m, fnv1a64(" ", h));
  return I(base + "merge/" + rule + "-" + hex64(h));
}

}  // namespace

std::vector<Quad> Merger::finish() const {
  const State& st = *state_;
  const std::string& base = options_.base;
  Out out;
  out.graph = I(st.merge_graph);
  const int64_t gap = options_.max_day_gap;

  // Interned numbers follow the order quads came in; whatever is written follows IRI order
  auto by_name = [&](uint32_t x, uint32_t y) { return st.name(x) < st.name(y); };

  // Articles, in IRI order (every index below follows IRI order, so that nothing depends on
  // the order the quads came in)
  std::vector<uint32_t> arts;
  for (const auto& [a, art] : st.articles)
    if (art.seen) arts.push_back(a);
  std::sort(arts.begin(), arts.end(), [&](uint32_t x, uint32_t y) { return st.name(x) < st.name(y); });
  std::unordered_map<uint32_t, size_t> art_index;
  for (size_t i = 0; i < arts.size(); ++i) art_index[arts[i]] = i;
  auto art_id = [&](uint32_t a) -> std::string {
    auto it = st.articles.find(a);
    return it != st.articles.end() && !it->second.id.empty() ? it->second.id : st.name(a);
  };

  // Events, in IRI order, each with its article's index
  std::vector<uint32_t> evs;
  for (const auto& [e, ev] : st.events)
    if (ev.kind != State::Kind::kNone && art_index.count(ev.article)) evs.push_back(e);
  std::sort(evs.begin(), evs.end(), [&](uint32_t x, uint32_t y) { return st.name(x) < st.name(y); });

  // ---- duplicate articles ------------------------------------------------------------------
  // Same title and a length within 2 %, or (without a title) the same length and every event
  // sentence in common; also any two articles sharing at least 80 % of at least 3 event sentences.
  UnionFind dup(arts.size());
  std::map<std::pair<size_t, size_t>, std::string> dup_why;  // (smaller, larger) -> note
  {
    std::map<uint64_t, std::vector<size_t>> by_title;
    std::vector<std::vector<uint64_t>> sentences(arts.size());
    for (uint32_t e : evs) {
      const State::Event& ev = st.events.at(e);
      if (ev.evidence) sentences[art_index.at(ev.article)].push_back(ev.evidence);
    }
    for (auto& s : sentences) sort_unique(s);
    for (size_t i = 0; i < arts.size(); ++i) {
      const State::Article& a = st.articles.at(arts[i]);
      if (a.title) by_title[a.title].push_back(i);
    }
    for (const auto& [t, members] : by_title)
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size() && y < x + 64; ++y) {
          const State::Article& a = st.articles.at(arts[members[x]]);
          const State::Article& b = st.articles.at(arts[members[y]]);
          if (a.length < 0 || b.length < 0) continue;
          const int64_t longer = std::max(a.length, b.length), diff = std::llabs(a.length - b.length);
          if (diff * 50 > longer) continue;
          dup.unite(members[x], members[y]);
          dup_why.emplace(std::make_pair(members[x], members[y]),
                          diff == 0 ? "same title, same length (" + std::to_string(a.length) + " bytes)"
                                    : "same title, lengths " + std::to_string(a.length) + " and " + std::to_string(b.length) + " bytes");
        }
    // the same words (parley:textHash), or a SimHash within 3 bits and a length within 10 %: four
    // 16-bit blocks, of which two texts within 3 bits share at least one
    std::map<uint64_t, std::vector<size_t>> by_text;
    std::map<std::pair<int, uint64_t>, std::vector<size_t>> by_block;
    for (size_t i = 0; i < arts.size(); ++i) {
      const State::Article& a = st.articles.at(arts[i]);
      if (a.text_hash) by_text[a.text_hash].push_back(i);
      if (a.has_simhash && a.length > 0)
        for (int b = 0; b < 4; ++b) by_block[{b, (a.simhash >> (16 * b)) & 0xffff}].push_back(i);
    }
    for (const auto& [h, members] : by_text)
      for (size_t k = 1; k < members.size(); ++k) {
        dup.unite(members[0], members[k]);
        dup_why.emplace(std::make_pair(members[0], members[k]),
                        "the same text (" + std::to_string(st.articles.at(arts[members[0]]).length) + " bytes)");
      }
    for (const auto& [block, members] : by_block) {
      if (members.size() > 64) continue;  // a block many texts share: too common to tell
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size(); ++y) {
          const State::Article& a = st.articles.at(arts[members[x]]);
          const State::Article& b = st.articles.at(arts[members[y]]);
          const int d = text::hamming(a.simhash, b.simhash);
          if (d > 3 || a.text_hash == b.text_hash || std::llabs(a.length - b.length) * 10 > std::max(a.length, b.length)) continue;
          dup.unite(members[x], members[y]);
          dup_why.emplace(std::make_pair(members[x], members[y]),
                          "nearly the same text (SimHash " + std::to_string(d) + " bits apart, " + std::to_string(a.length) +
                              " and " + std::to_string(b.length) + " bytes)");
        }
    }
    std::unordered_map<uint64_t, std::vector<size_t>> by_sentence;
    for (size_t i = 0; i < arts.size(); ++i)
      for (uint64_t h : sentences[i]) by_sentence[h].push_back(i);
    std::map<std::pair<size_t, size_t>, size_t> common;
    for (const auto& [h, members] : by_sentence) {
      if (members.size() > 64) continue;  // boilerplate, not a story
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size(); ++y) ++common[{members[x], members[y]}];
    }
    for (const auto& [pair, n] : common) {
      const size_t na = sentences[pair.first].size(), nb = sentences[pair.second].size();
      if (std::min(na, nb) < 3 || n * 5 < std::max(na, nb) * 4) continue;
      dup.unite(pair.first, pair.second);
      dup_why.emplace(pair, std::to_string(n) + " event sentences in common (of " + std::to_string(na) + " and " +
                                std::to_string(nb) + ")");
    }
  }
  std::map<size_t, std::vector<size_t>> dup_groups;
  for (size_t i = 0; i < arts.size(); ++i) dup_groups[dup.find(i)].push_back(i);
  for (const auto& [root, members] : dup_groups) {
    if (members.size() < 2) continue;
    std::vector<std::string> iris;
    for (size_t i : members) iris.push_back(st.name(arts[i]));
    const Term rec = record_iri(base, "duplicate-article", iris);
    out.add(rec, vocab::kType, I(vocab::kMerge));
    out.add(rec, vocab::kMergeRule, Term::literal("duplicate-article"));
    out.add(rec, vocab::kNumArticles, Term::integer(static_cast<long long>(members.size())));
    std::string note;
    for (const auto& [pair, why] : dup_why)
      if (dup.find(pair.first) == root) {
        if (!note.empty()) note += "; ";
        note += art_id(arts[pair.first]) + " and " + art_id(arts[pair.second]) + ": " + why;
      }
    out.add(rec, vocab::kMergeNote, Term::literal(note));
    for (size_t i : members) {
      out.add(rec, vocab::kMergedFrom, I(st.name(arts[i])));
      if (i != members.front()) out.add(I(st.name(arts[i])), vocab::kDuplicateOf, I(st.name(arts[members.front()])));
    }
  }
  auto group_of = [&](uint32_t article) { return dup.find(art_index.at(article)); };

  // ---- meetings ------------------------------------------------------------------------------
  std::map<std::pair<uint32_t, uint32_t>, std::vector<uint32_t>> acts_for;  // (article, actor) -> sides
  for (const auto& r : st.represents) acts_for[{r[0], r[1]}].push_back(r[2]);
  struct Report {
    uint32_t iri;
    uint32_t article;
    size_t group;
    std::vector<uint32_t> actors;  // participants, mediators and the sides they act for
    std::vector<uint32_t> locations;
    int64_t date;
    int64_t article_date;
    int month_day;
  };
  std::vector<Report> reports;
  for (uint32_t e : evs) {
    const State::Event& ev = st.events.at(e);
    if (ev.kind != State::Kind::kReport) continue;
    // (only a day tells two meetings apart: a month or a year is no date to merge by)
    const int64_t day = ev.precision == 0 ? ev.date : kNoDate;
    Report r{e, ev.article, group_of(ev.article), {}, ev.locations, day, st.articles.at(ev.article).date,
             day == kNoDate ? ev.month_day : 0};
    for (const auto* list : {&ev.participants, &ev.mediators})
      for (uint32_t a : *list) {
        r.actors.push_back(a);
        if (auto it = acts_for.find({ev.article, a}); it != acts_for.end())
          r.actors.insert(r.actors.end(), it->second.begin(), it->second.end());
      }
    sort_unique(r.actors);
    sort_unique(r.locations);
    reports.push_back(std::move(r));
  }
  // Clusters of reports: a union-find with each root's profile
  struct Profile {
    std::vector<uint32_t> actors, articles, locations;
    std::vector<size_t> groups;
    std::vector<int64_t> dates, article_dates;
    std::vector<int> month_days;
  };
  UnionFind uf(reports.size());
  std::vector<Profile> prof(reports.size());
  for (size_t i = 0; i < reports.size(); ++i) {
    const Report& r = reports[i];
    prof[i].actors = r.actors;
    prof[i].articles = {r.article};
    prof[i].groups = {r.group};
    prof[i].locations = r.locations;
    if (r.date != kNoDate) prof[i].dates = {r.date};
    if (r.article_date != kNoDate) prof[i].article_dates = {r.article_date};
    if (r.month_day) prof[i].month_days = {r.month_day};
  }
  auto span_ok = [&](const std::vector<int64_t>& a, const std::vector<int64_t>& b, int64_t limit) {
    if (a.empty() || b.empty()) return true;
    const int64_t lo = std::min(a.front(), b.front()), hi = std::max(a.back(), b.back());
    return hi - lo <= limit;
  };
  // A day without its year ("March 1") against a date: the same day, give or take the gap, in
  // that year or a neighbouring one; against another such day: within the gap.
  auto md_fits_date = [&](int md, int64_t day) {
    const int year = text::Date::from_days(day).year;
    for (int y = year - 1; y <= year + 1; ++y) {
      const text::Date c{y, md / 100, md % 100};
      if (c.valid() && std::llabs(c.days() - day) <= gap) return true;
    }
    return false;
  };
  auto md_fits_md = [&](int a, int b) {
    const text::Date x{2000, a / 100, a % 100}, y{2000, b / 100, b % 100};
    if (!x.valid() || !y.valid()) return a == b;
    const int64_t diff = std::llabs(x.days() - y.days());
    return std::min<int64_t>(diff, 366 - diff) <= gap;
  };
  auto days_ok = [&](const Profile& x, const Profile& y) {
    for (int md : x.month_days) {
      for (int64_t d : y.dates)
        if (!md_fits_date(md, d)) return false;
      for (int other : y.month_days)
        if (!md_fits_md(md, other)) return false;
    }
    for (int md : y.month_days)
      for (int64_t d : x.dates)
        if (!md_fits_date(md, d)) return false;
    return true;
  };
  // Can two clusters be one meeting? Never two reports of one article (or of one story read
  // twice) in a meeting, unless `same_article` (two reports of one article with one date); the
  // actors overlap in two, or one side's actors are all the other's; the known dates (and days
  // without a year) lie within the gap, the articles' own dates within a week.
  auto compatible = [&](size_t a, size_t b, bool same_article = false) {
    const Profile &x = prof[a], &y = prof[b];
    if (!same_article) {
      if (!disjoint(x.articles, y.articles)) return false;
      const bool same_story = x.groups == y.groups && x.groups.size() == 1;
      if (!same_story && !disjoint(x.groups, y.groups)) return false;
    }
    const std::vector<uint32_t> shared = intersect(x.actors, y.actors);
    const bool actors = shared.size() >= 2 || (!shared.empty() && (shared.size() == x.actors.size() || shared.size() == y.actors.size()));
    return actors && span_ok(x.dates, y.dates, gap) && span_ok(x.article_dates, y.article_dates, 7) && days_ok(x, y);
  };
  struct Step {
    size_t a, b;       // the two reports that linked the clusters
    std::string rule;
  };
  std::vector<Step> steps;
  auto join = [&](size_t ra, size_t rb, size_t a, size_t b, const std::string& rule) {
    Profile p;
    p.actors = merged_list(prof[a].actors, prof[b].actors);
    p.articles = merged_list(prof[a].articles, prof[b].articles);
    p.groups = merged_list(prof[a].groups, prof[b].groups);
    p.locations = merged_list(prof[a].locations, prof[b].locations);
    p.dates = merged_list(prof[a].dates, prof[b].dates);
    p.article_dates = merged_list(prof[a].article_dates, prof[b].article_dates);
    p.month_days = merged_list(prof[a].month_days, prof[b].month_days);
    const size_t root = uf.unite(a, b);
    prof[root] = std::move(p);
    prof[root == a ? b : a] = Profile{};
    steps.push_back(Step{std::min(ra, rb), std::max(ra, rb), rule});
  };
  std::unordered_map<uint32_t, std::vector<size_t>> by_actor;
  for (size_t i = 0; i < reports.size(); ++i)
    for (uint32_t a : reports[i].actors) by_actor[a].push_back(i);

  // Phase 1: the same sentence in two copies of one story
  {
    std::map<std::pair<size_t, uint64_t>, std::vector<size_t>> same;
    for (size_t i = 0; i < reports.size(); ++i) {
      const uint64_t ev = st.events.at(reports[i].iri).evidence;
      if (ev && dup_groups.at(reports[i].group).size() > 1) same[{reports[i].group, ev}].push_back(i);
    }
    for (const auto& [key, members] : same)
      for (size_t k = 1; k < members.size(); ++k) {
        const size_t a = uf.find(members[0]), b = uf.find(members[k]);
        if (a != b && disjoint(prof[a].articles, prof[b].articles)) join(members[0], members[k], a, b, "meeting-duplicate-article");
      }
  }
  // Phase 2: both dated, within the gap, best evidence first
  {
    struct Cand {
      int score;
      size_t a, b;
    };
    std::vector<Cand> cands;
    for (size_t i = 0; i < reports.size(); ++i) {
      if (reports[i].date == kNoDate) continue;
      std::vector<size_t> others;
      for (uint32_t actor : reports[i].actors)
        for (size_t j : by_actor[actor])
          if (j > i && reports[j].date != kNoDate && std::llabs(reports[j].date - reports[i].date) <= gap) others.push_back(j);
      sort_unique(others);
      for (size_t j : others) {
        const int shared = static_cast<int>(intersect(reports[i].actors, reports[j].actors).size());
        const int score = 100 * shared + (reports[i].date == reports[j].date ? 50 : 0) +
                          (!disjoint(reports[i].locations, reports[j].locations) ? 20 : 0);
        cands.push_back(Cand{score, i, j});
      }
    }
    std::sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) {
      return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
    });
    for (const Cand& c : cands) {
      const size_t a = uf.find(c.a), b = uf.find(c.b);
      if (reports[c.a].article == reports[c.b].article || a == b || !compatible(a, b)) continue;
      join(c.a, c.b, a, b, reports[c.a].date == reports[c.b].date ? "meeting-same-date" : "meeting-near-date");
    }
    // One article telling one meeting twice, in sentences the extractor did not tie: the same
    // date, two actors in common, and another article's report of that meeting already joined
    // to one of them (an article read alone keeps the extractor's reading).
    for (const Cand& c : cands) {
      if (reports[c.a].article != reports[c.b].article || reports[c.a].date != reports[c.b].date || c.score < 200) continue;
      const size_t a = uf.find(c.a), b = uf.find(c.b);
      if (a == b || (prof[a].articles.size() < 2 && prof[b].articles.size() < 2) || !compatible(a, b, true)) continue;
      join(c.a, c.b, a, b, "meeting-same-article-same-date");
    }
  }
  // Phase 3: an undated report joins the one dated meeting it fits. When it fits two it stays
  // apart, also when its article already has a report in one of them (which report of the
  // article is which is not known). Strongest evidence first: a day without the year that agrees,
  // then more actors in common.
  {
    auto fits_of = [&](size_t u) {
      std::vector<size_t> fits;
      for (uint32_t actor : prof[u].actors)
        for (size_t j : by_actor[actor]) {
          const size_t c = uf.find(j);
          if (c == u || prof[c].dates.empty() || std::find(fits.begin(), fits.end(), c) != fits.end()) continue;
          if (compatible(u, c, true)) fits.push_back(c);
          if (fits.size() > 1) return fits;
        }
      return fits;
    };
    struct Cand {
      int score;
      size_t u;
    };
    std::vector<Cand> cands;
    for (size_t i = 0; i < reports.size(); ++i) {
      if (uf.find(i) != i || !prof[i].dates.empty()) continue;
      const std::vector<size_t> fits = fits_of(i);
      if (fits.size() != 1) continue;
      const int score = (prof[i].month_days.empty() ? 0 : 1000) +
                        100 * static_cast<int>(intersect(prof[i].actors, prof[fits[0]].actors).size());
      cands.push_back(Cand{score, i});
    }
    std::sort(cands.begin(), cands.end(), [](const Cand& x, const Cand& y) {
      return x.score != y.score ? x.score > y.score : x.u < y.u;
    });
    for (const Cand& cand : cands) {
      const size_t u = uf.find(cand.u);
      if (!prof[u].dates.empty()) continue;
      const std::vector<size_t> fits = fits_of(u);  // again: the meetings have grown since
      if (fits.size() != 1 || !compatible(u, fits[0])) continue;
      // the reports of both that share most
      size_t via = u, via_other = fits[0], best = 0;
      for (size_t k = 0; k < reports.size(); ++k)
        if (uf.find(k) == u)
          for (size_t j = 0; j < reports.size(); ++j)
            if (uf.find(j) == fits[0]) {
              const size_t n = intersect(reports[k].actors, reports[j].actors).size();
              if (n > best) best = n, via = k, via_other = j;
            }
      join(via, via_other, u, fits[0], "meeting-one-date-unknown");
    }
  }
  // Phase 4: undated with undated: the same actors (two at least) and places, nothing else alike
  {
    std::map<std::pair<std::vector<uint32_t>, std::vector<uint32_t>>, std::vector<size_t>> same;
    for (size_t i = 0; i < reports.size(); ++i)
      if (uf.find(i) == i && prof[i].dates.empty() && prof[i].actors.size() >= 2)
        same[{prof[i].actors, prof[i].locations}].push_back(i);
    for (const auto& [key, members] : same) {
      if (members.size() < 2) continue;
      std::vector<size_t> groups;
      for (size_t m : members) groups.insert(groups.end(), prof[m].groups.begin(), prof[m].groups.end());
      const size_t n = groups.size();
      sort_unique(groups);
      if (groups.size() != n) continue;  // one story gives two such reports: which is which is unknown
      for (size_t k = 1; k < members.size(); ++k) {
        const size_t a = uf.find(members[0]), b = uf.find(members[k]);
        if (a != b && compatible(a, b)) join(members[0], members[k], a, b, "meeting-same-actors-undated");
      }
    }
  }

  // The meetings: one node per cluster, named after its first report
  std::map<size_t, std::vector<size_t>> clusters;
  for (size_t i = 0; i < reports.size(); ++i) clusters[uf.find(i)].push_back(i);
  std::unordered_map<size_t, Term> meeting_of;  // root -> meeting IRI
  const std::string art_prefix = base + "article/", ent_prefix = base + "entity/";
  for (const auto& [root, members] : clusters) {
    const std::string& anchor = st.name(reports[members.front()].iri);
    std::string key;
    if (anchor.rfind(art_prefix, 0) == 0 && anchor.find('#') != std::string::npos) {
      key = anchor.substr(art_prefix.size());
      key[key.find('#')] = '/';
    } else {
      key = hex64(fnv1a64(anchor));
    }
    const Term m = I(base + "meeting/" + key);
    meeting_of[root] = m;
    out.add(m, vocab::kType, I(vocab::kMeeting));
    std::vector<uint32_t> participants, mediators, locations, articles;
    std::map<std::pair<int, int64_t>, int> dates;  // (precision, date) -> reports giving it
    int64_t reported = kNoDate;                      // the earliest article date
    std::map<std::string, int> statuses, kinds;      // value -> reports giving it
    std::string confidence;                          // the highest of the reports'
    std::vector<size_t> groups;
    for (size_t i : members) {
      const State::Event& ev = st.events.at(reports[i].iri);
      out.add(m, vocab::kReport, I(st.name(reports[i].iri)));
      participants.insert(participants.end(), ev.participants.begin(), ev.participants.end());
      mediators.insert(mediators.end(), ev.mediators.begin(), ev.mediators.end());
      locations.insert(locations.end(), ev.locations.begin(), ev.locations.end());
      articles.push_back(ev.article);
      groups.push_back(reports[i].group);
      if (ev.date != kNoDate) ++dates[{ev.precision, ev.date}];
      if (!ev.status.empty()) ++statuses[ev.status];
      if (!ev.meeting_kind.empty()) ++kinds[ev.meeting_kind];
      // (three-digit decimals from 0 to 1 compare as text)
      if (ev.confidence > confidence) confidence = ev.confidence;
      if (const int64_t a = st.articles.at(ev.article).date; a != kNoDate && (reported == kNoDate || a < reported))
        reported = a;
    }
    sort_unique(mediators);
    sort_unique(articles);
    sort_unique(groups);
    for (uint32_t p : participants)
      if (!std::binary_search(mediators.begin(), mediators.end(), p)) out.add(m, vocab::kParticipant, I(st.name(p)));
    for (uint32_t p : mediators) out.add(m, vocab::kMediatedBy, I(st.name(p)));
    for (uint32_t l : locations) out.add(m, vocab::kLocationProp, I(st.name(l)));
    // the date most reports give, the finest precision first (the earliest of a tie); the
    // others stay on their reports. Without one, the earliest article's date as the report date.
    static const char* const kPrecision[] = {"day", "month", "year"};
    if (!dates.empty()) {
      auto best = dates.begin();
      for (auto it = dates.begin(); it != dates.end(); ++it)
        if (it->first.first == best->first.first && it->second > best->second) best = it;
      out.add(m, vocab::kDate, Term::typed(iso(best->first.second), vocab::kXsdDate));
      out.add(m, vocab::kDatePrecision, Term::literal(kPrecision[best->first.first % 3]));
    } else if (reported != kNoDate) {
      out.add(m, vocab::kReportDate, Term::typed(iso(reported), vocab::kXsdDate));
      out.add(m, vocab::kDatePrecision, Term::literal(kPrecision[0]));
    }
    for (uint32_t a : articles) out.add(m, vocab::kWasDerivedFrom, I(st.name(a)));
    out.add(m, vocab::kNumArticles, Term::integer(static_cast<long long>(articles.size())));
    out.add(m, vocab::kNumSources, Term::integer(static_cast<long long>(groups.size())));
    // happened if any report says so (one article tells it done, another still planned);
    // else the status and the kind most reports give (the first by name of a tie); the
    // confidence of the best-audited rule that found it
    auto most = [](const std::map<std::string, int>& counts) {
      auto best = counts.begin();
      for (auto it = counts.begin(); it != counts.end(); ++it)
        if (it->second > best->second) best = it;
      return best->first;
    };
    if (!statuses.empty())
      out.add(m, vocab::kStatus, Term::literal(statuses.count("happened") ? std::string("happened") : most(statuses)));
    if (!kinds.empty()) out.add(m, vocab::kMeetingKind, Term::literal(most(kinds)));
    if (!confidence.empty()) out.add(m, vocab::kConfidence, Term::typed(confidence, vocab::kXsdDecimal));
  }
  auto describe = [&](size_t i) {
    const Report& r = reports[i];
    const std::string& iri = st.name(r.iri);
    std::string s = art_id(r.article) + " " + iri.substr(iri.find('#') == std::string::npos ? 0 : iri.find('#'));
    if (r.date != kNoDate) {
      s += " (" + iso(r.date);
    } else if (r.month_day) {
      char md[16];
      std::snprintf(md, sizeof md, "--%02d-%02d", r.month_day / 100, r.month_day % 100);
      s += std::string(" (") + md + ", year unknown";
    } else {
      s += " (date unknown";
    }
    for (uint32_t l : r.locations) {
      const std::string& n = st.name(l);
      s += ", at " + (n.rfind(ent_prefix, 0) == 0 ? n.substr(ent_prefix.size()) : n);
    }
    return s + ")";
  };
  for (const Step& s : steps) {
    const Term rec = record_iri(base, s.rule, {st.name(reports[s.a].iri), st.name(reports[s.b].iri)});
    out.add(rec, vocab::kType, I(vocab::kMerge));
    out.add(rec, vocab::kMergeRule, Term::literal(s.rule));
    out.add(rec, vocab::kMerged, meeting_of.at(uf.find(s.a)));
    out.add(rec, vocab::kMergedFrom, I(st.name(reports[s.a].iri)));
    out.add(rec, vocab::kMergedFrom, I(st.name(reports[s.b].iri)));
    for (uint32_t a : intersect(reports[s.a].actors, reports[s.b].actors)) out.add(rec, vocab::kSharedActor, I(st.name(a)));
    out.add(rec, vocab::kMergeNote, Term::literal(describe(s.a) + " and " + describe(s.b)));
  }

  // ---- statements reported twice: one agent, the content's words mostly shared, dates close ------
  // Two demands (or denials) of one agent in different articles are one statement when at least
  // two of the content's words (of four letters or more) are shared and they are 60 % of the
  // shorter content's words ("Ruben Vardanyan" and "the dismissal of ... Ruben Vardanyan"), and
  // their dates, when known, lie within the gap. Recorded, not rewritten: each stays a node.
  {
    std::map<std::pair<int, std::string>, std::vector<uint32_t>> by_agent;
    for (uint32_t e : evs) {
      const State::Event& ev = st.events.at(e);
      if (ev.kind == State::Kind::kReport || ev.agent == kNone || ev.words.empty()) continue;
      by_agent[{static_cast<int>(ev.kind), st.name(ev.agent)}].push_back(e);
    }
    for (const auto& [key, members] : by_agent) {
      if (members.size() < 2) continue;
      UnionFind same(members.size());
      std::map<std::pair<size_t, size_t>, size_t> common;  // pair -> words in common
      std::unordered_map<uint32_t, std::vector<size_t>> by_word;
      for (size_t i = 0; i < members.size(); ++i)
        for (uint32_t w : st.events.at(members[i]).words) by_word[w].push_back(i);
      for (const auto& [w, list] : by_word) {
        if (list.size() > 64) continue;  // a word every statement of this agent has says nothing
        for (size_t x = 0; x < list.size(); ++x)
          for (size_t y = x + 1; y < list.size(); ++y) ++common[{list[x], list[y]}];
      }
      bool any = false;
      for (const auto& [pair, n] : common) {
        const State::Event &a = st.events.at(members[pair.first]), &b = st.events.at(members[pair.second]);
        if (a.article == b.article || n < 2 || n * 5 < std::min(a.words.size(), b.words.size()) * 3) continue;
        if (a.date != kNoDate && b.date != kNoDate && std::llabs(a.date - b.date) > gap) continue;
        same.unite(pair.first, pair.second);
        any = true;
      }
      if (!any) continue;
      std::map<size_t, std::vector<size_t>> groups_of;
      for (size_t i = 0; i < members.size(); ++i) groups_of[same.find(i)].push_back(i);
      for (const auto& [root, group] : groups_of) {
        if (group.size() < 2) continue;
        std::vector<uint32_t> articles;
        std::vector<std::string> iris;
        for (size_t i : group) {
          articles.push_back(st.events.at(members[i]).article);
          iris.push_back(st.name(members[i]));
        }
        sort_unique(articles);
        std::sort(articles.begin(), articles.end(), by_name);
        std::sort(iris.begin(), iris.end());
        const Term rec = record_iri(base, "statement-same-agent-content", iris);
        out.add(rec, vocab::kType, I(vocab::kMerge));
        out.add(rec, vocab::kMergeRule, Term::literal("statement-same-agent-content"));
        for (const std::string& i : iris) out.add(rec, vocab::kMergedFrom, I(i));
        out.add(rec, vocab::kSharedActor, I(key.second));
        std::vector<size_t> groups;
        for (uint32_t a : articles) groups.push_back(group_of(a));
        sort_unique(groups);
        out.add(rec, vocab::kNumArticles, Term::integer(static_cast<long long>(articles.size())));
        out.add(rec, vocab::kNumSources, Term::integer(static_cast<long long>(groups.size())));
        std::string note = "the same agent, and most words of the content, in";
        for (uint32_t a : articles) note += " " + art_id(a);
        out.add(rec, vocab::kMergeNote, Term::literal(note));
      }
    }
  }

  // ---- entities ------------------------------------------------------------------------------
  std::vector<uint32_t> ents;
  for (const auto& [e, ent] : st.entities)
    if (ent.classes & (kActorBit | kLocationBit)) ents.push_back(e);
  std::sort(ents.begin(), ents.end(), [&](uint32_t x, uint32_t y) { return st.name(x) < st.name(y); });
  for (uint32_t e : ents) {
    const State::Entity& ent = st.entities.at(e);
    std::vector<uint32_t> articles = ent.articles;
    sort_unique(articles);
    if (articles.size() < 2) continue;
    std::sort(articles.begin(), articles.end(), by_name);
    const std::string& iri = st.name(e);
    out.add(I(iri), vocab::kNumArticles, Term::integer(static_cast<long long>(articles.size())));
    // an IRI made from the name (entity/person/Gor_Hakobyan) or from a gazetteer key (entity/state/AZ)
    const std::string kind = iri.rfind(ent_prefix, 0) == 0 ? iri.substr(ent_prefix.size(), iri.find('/', ent_prefix.size()) - ent_prefix.size()) : "";
    const bool name_key = kind == "person" || kind == "organization" || kind == "group" || kind == "location";
    const std::string rule = name_key ? "entity-same-name-and-type" : "entity-gazetteer-key";
    std::vector<std::string> iris{iri};
    const Term rec = record_iri(base, rule, iris);
    out.add(rec, vocab::kType, I(vocab::kMerge));
    out.add(rec, vocab::kMergeRule, Term::literal(rule));
    out.add(rec, vocab::kMerged, I(iri));
    std::string note = "named in";
    for (uint32_t a : articles) {
      out.add(rec, vocab::kMergedFrom, I(st.name(a)));
      note += " " + art_id(a);
    }
    if (ent.qid != kNone) note += "; Wikidata " + st.name(ent.qid).substr(st.name(ent.qid).rfind('/') + 1);
    out.add(rec, vocab::kNumArticles, Term::integer(static_cast<long long>(articles.size())));
    out.add(rec, vocab::kMergeNote, Term::literal(note));
  }
  // Different IRIs for one thing: the same Wikidata id, or the same normalised name and kind
  // (never a person with another given name, never a city with the state it stands for: their
  // names or kinds differ). Recorded, not rewritten: each article's IRI stays.
  {
    std::map<std::pair<std::string, uint8_t>, std::vector<uint32_t>> same;
    for (uint32_t e : ents) {
      const State::Entity& ent = st.entities.at(e);
      const uint8_t kind = ent.classes & ~kLocationBit;  // a state also named as a place is still a state
      if (ent.qid != kNone) same[{"q " + st.name(ent.qid), kind}].push_back(e);
      if (!ent.label.empty()) same[{"n " + ent.label, kind}].push_back(e);
    }
    std::set<std::vector<uint32_t>> done;
    for (const auto& [key, members] : same) {
      if (members.size() < 2 || !done.insert(members).second) continue;
      const std::string rule = key.first[0] == 'q' ? "entity-same-wikidata" : "entity-same-name-and-type";
      std::vector<std::string> iris;
      for (uint32_t e : members) iris.push_back(st.name(e));
      const Term rec = record_iri(base, rule, iris);
      out.add(rec, vocab::kType, I(vocab::kMerge));
      out.add(rec, vocab::kMergeRule, Term::literal(rule));
      for (const std::string& i : iris) out.add(rec, vocab::kMergedFrom, I(i));
      out.add(rec, vocab::kMergeNote, Term::literal(key.first[0] == 'q' ? "the same Wikidata id " + key.first.substr(2)
                                                                         : "the same name \"" + key.first.substr(2) + "\" and kind"));
    }
  }

  graph::sort_for_output(out.quads);
  return std::move(out.quads);
}

}  // namespace parley::merge
