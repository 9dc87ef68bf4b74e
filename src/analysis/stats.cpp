#include "analysis/stats.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace parley::analysis {

namespace {

size_t index(EventClass c) { return static_cast<size_t>(c); }

std::string tsv_cell(const std::string& s) {
  std::string o;
  for (char c : s) o += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  return o;
}

std::string percent(size_t part, size_t whole) {
  if (whole == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

std::string pad(const std::string& s, size_t width) {
  // width in code points, so that labels with accents line up
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n >= width ? s : s + std::string(width - n, ' ');
}

}  // namespace

Stats compute_stats(const Corpus& corpus) {
  Stats s;
  s.articles = corpus.articles().size();
  for (const auto& [iri, e] : corpus.entities()) {
    if (e.actor) {
      ++s.actors;
      s.linked_actors += !e.qid.empty();
    }
    if (e.location) {
      ++s.locations;
      s.linked_locations += !e.qid.empty();
    }
  }
  std::map<std::string, Stats::ArticleRow> per_article, per_category;
  std::map<std::string, Stats::ActorRow> per_actor;
  std::map<std::pair<std::string, std::string>, size_t> pairs;
  for (const Event& e : corpus.events()) {
    ++s.events[index(e.cls)];
    // An event counts once for each article it was read from (a meeting several report) and
    // once for each category among them.
    std::set<std::string> ids, cats;
    for (const std::string& iri : e.articles) {
      auto art = corpus.articles().find(iri);
      if (art == corpus.articles().end()) continue;  // not described as a parley:Article
      ids.insert(corpus.article_id(iri));
      cats.insert(art->second.category);
    }
    for (const std::string& id : ids) {
      Stats::ArticleRow& a = per_article[id];
      a.id = id;
      ++a.events[index(e.cls)];
    }
    for (const std::string& cat : cats) {
      Stats::ArticleRow& k = per_category[cat];
      k.id = cat;
      ++k.events[index(e.cls)];
    }
    std::set<std::string> involved;
    for (const auto* role : {&e.participants, &e.mediators, &e.agents, &e.addressees})
      involved.insert(role->begin(), role->end());
    for (const std::string& iri : involved) {
      if (!corpus.entity(iri).actor) continue;
      Stats::ActorRow& r = per_actor[iri];
      r.iri = iri;
      ++r.events[index(e.cls)];
      ++r.total;
    }
    if (e.cls != EventClass::kMeeting) continue;
    for (const std::string& m : e.mediators)
      if (corpus.entity(m).actor) ++per_actor[m].mediated;
    for (size_t i = 0; i < e.participants.size(); ++i)
      for (size_t j = i + 1; j < e.participants.size(); ++j) ++pairs[{e.participants[i], e.participants[j]}];
  }
  s.articles_with_events = per_article.size();
  for (auto& [id, r] : per_article) s.per_article.push_back(r);
  auto total = [](const Stats::ArticleRow& r) { return r.events[0] + r.events[1] + r.events[2]; };
  std::stable_sort(s.per_article.begin(), s.per_article.end(),
                   [&](const auto& x, const auto& y) { return total(x) > total(y); });
  for (auto& [cat, r] : per_category) s.per_category.push_back(r);
  for (auto& [iri, r] : per_actor) s.actors_by_events.push_back(r);
  std::stable_sort(s.actors_by_events.begin(), s.actors_by_events.end(),
                   [](const auto& x, const auto& y) { return x.total > y.total; });
  for (auto& [k, n] : pairs) s.pairs.push_back({k.first, k.second, n});
  std::stable_sort(s.pairs.begin(), s.pairs.end(), [](const auto& x, const auto& y) { return x.meetings > y.meetings; });
  return s;
}

void write_stats(const Stats& s, const Corpus& corpus, StatsFormat format, size_t top, std::string& out) {
  auto limit = [&](size_t n) { return top == 0 ? n : std::min(n, top); };
  auto name = [&](const std::string& iri) { return corpus.entity(iri).name(); };
  if (format == StatsFormat::kTsv) {
    auto row = [&](const std::string& measure, const std::string& key, const std::string& label,
                   const std::string& cls, size_t v) {
      out += measure + "\t" + tsv_cell(key) + "\t" + tsv_cell(label) + "\t" + cls + "\t" + std::to_string(v) + "\n";
    };
    out += "measure\tkey\tlabel\tclass\tvalue\n";
    row("articles", "", "", "", s.articles);
    row("articles-with-events", "", "", "", s.articles_with_events);
    for (EventClass c : kEventClasses) row("events", "", "", class_name(c), s.events[index(c)]);
    row("actors", "", "", "", s.actors);
    row("linked-actors", "", "", "", s.linked_actors);
    row("locations", "", "", "", s.locations);
    row("linked-locations", "", "", "", s.linked_locations);
    for (size_t i = 0; i < limit(s.per_article.size()); ++i)
      for (EventClass c : kEventClasses)
        if (size_t n = s.per_article[i].events[index(c)])
          row("article-events", s.per_article[i].id, "", class_name(c), n);
    for (const Stats::ArticleRow& r : s.per_category)
      for (EventClass c : kEventClasses)
        if (size_t n = r.events[index(c)]) row("category-events", r.id, "", class_name(c), n);
    for (size_t i = 0; i < limit(s.actors_by_events.size()); ++i) {
      const Stats::ActorRow& r = s.actors_by_events[i];
      row("actor-events", r.iri, name(r.iri), "all", r.total);
      for (EventClass c : kEventClasses)
        if (size_t n = r.events[index(c)]) row("actor-events", r.iri, name(r.iri), class_name(c), n);
      if (r.mediated) row("actor-mediations", r.iri, name(r.iri), "Meeting", r.mediated);
    }
    for (size_t i = 0; i < limit(s.pairs.size()); ++i)
      row("pair-meetings", s.pairs[i].a + " " + s.pairs[i].b, name(s.pairs[i].a) + " / " + name(s.pairs[i].b),
          "Meeting", s.pairs[i].meetings);
    return;
  }
  const size_t all = s.events[0] + s.events[1] + s.events[2];
  out += "articles              " + std::to_string(s.articles) + " (" + std::to_string(s.articles_with_events) +
         " with an event)\n";
  out += "events                " + std::to_string(all) + ": " + std::to_string(s.events[0]) + " meetings, " +
         std::to_string(s.events[1]) + " demands, " + std::to_string(s.events[2]) + " denials\n";
  out += "actors                " + std::to_string(s.actors) + ", " + std::to_string(s.linked_actors) +
         " linked to Wikidata (" + percent(s.linked_actors, s.actors) + ")\n";
  out += "locations             " + std::to_string(s.locations) + ", " + std::to_string(s.linked_locations) +
         " linked to Wikidata (" + percent(s.linked_locations, s.locations) + ")\n";
  char buf[64];
  if (!s.per_article.empty()) {
    out += "\nevents per article (" + std::string(top && top < s.per_article.size() ? "top " + std::to_string(top) : "all") +
           ")\n  meetings demands denials  article\n";
    for (size_t i = 0; i < limit(s.per_article.size()); ++i) {
      const auto& r = s.per_article[i];
      std::snprintf(buf, sizeof buf, "  %8zu %7zu %7zu  ", r.events[0], r.events[1], r.events[2]);
      out += buf + r.id + "\n";
    }
  }
  if (s.per_category.size() > 1 || (s.per_category.size() == 1 && !s.per_category[0].id.empty())) {
    out += "\nevents per category\n  meetings demands denials  category\n";
    for (const auto& r : s.per_category) {
      std::snprintf(buf, sizeof buf, "  %8zu %7zu %7zu  ", r.events[0], r.events[1], r.events[2]);
      out += buf + (r.id.empty() ? std::string("(none)") : r.id) + "\n";
    }
  }
  if (!s.actors_by_events.empty()) {
    out += "\nmost active actors (events taken part in, any role)\n     all meet demand denial mediated  actor\n";
    for (size_t i = 0; i < limit(s.actors_by_events.size()); ++i) {
      const auto& r = s.actors_by_events[i];
      const Entity& e = corpus.entity(r.iri);
      std::snprintf(buf, sizeof buf, "  %6zu %4zu %6zu %6zu %8zu  ", r.total, r.events[0], r.events[1], r.events[2],
                    r.mediated);
      out += buf + pad(e.name(), 28) + (e.qid.empty() ? "" : " " + e.qid) + "  <" + r.iri + ">\n";
    }
  }
  if (!s.pairs.empty()) {
    out += "\npairs that meet most (meetings)\n";
    for (size_t i = 0; i < limit(s.pairs.size()); ++i) {
      std::snprintf(buf, sizeof buf, "  %6zu  ", s.pairs[i].meetings);
      out += buf + name(s.pairs[i].a) + " / " + name(s.pairs[i].b) + "\n";
    }
  }
}

}  // namespace parley::analysis
