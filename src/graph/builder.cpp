#include "graph/builder.h"

#include <algorithm>
#include <cstdio>
#include <optional>

#include "core/hash.h"
#include "graph/vocab.h"
#include "text/fingerprint.h"

namespace parley::graph {
namespace {

using mappings::EntityType;

const char* class_iri(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return vocab::kPerson;
    case EntityType::kOrganization: return vocab::kOrganization;
    case EntityType::kState: return vocab::kState;
    case EntityType::kGroup: return vocab::kGroup;
    case EntityType::kLocation: return vocab::kLocation;
  }
  return vocab::kOrganization;
}

Term I(const char* iri) { return Term::iri_unchecked(iri); }

// A date an xsd:date literal can hold as parley writes it (YYYY-MM-DD, years 0001 to 9999).
// The reader refuses others with a message; a date reckoned from the text ('a year earlier'
// near year 1) could still fall outside, and an invalid literal must never be written.
bool is_xsd_date(const std::optional<text::Date>& d) { return d && d->valid(); }

// The one date expression of the text from `begin` to `end` (a wire dateline aside), if there is
// exactly one.
const ner::DateMention* only_date_in(const ner::Tagged& tagged, size_t begin, size_t end) {
  const ner::DateMention* found = nullptr;
  for (const ner::DateMention& d : tagged.dates) {
    if (d.begin < begin || d.end > end || d.dateline) continue;
    if (found) return nullptr;
    found = &d;
  }
  return found;
}

}  // namespace

std::string article_key(std::string_view id) {
  bool plain = !id.empty() && id != "." && id != "..";
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '_' || c == '-'))
      plain = false;
  if (plain) return std::string(id);
  std::string slug;
  for (char c : id) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-')
      slug += c;
    else if (!slug.empty() && slug.back() != '-')
      slug += '-';
    if (slug.size() >= 48) break;
  }
  // "~" never occurs in a plain identifier, so no plain identifier can take a hashed key.
  return (slug.empty() ? std::string("article") : slug) + "~" + hex64(fnv1a64(id));
}

bool output_less(const Quad& a, const Quad& b) {
  if (a.g != b.g) return a.g < b.g;
  if (a.s != b.s) return a.s < b.s;
  const bool ta = a.p.value == vocab::kType, tb = b.p.value == vocab::kType;
  if (ta != tb) return ta;
  if (a.p != b.p) return a.p < b.p;
  return a.o < b.o;
}

void sort_for_output(std::vector<Quad>& quads) {
  std::sort(quads.begin(), quads.end(), output_less);
  quads.erase(std::unique(quads.begin(), quads.end()), quads.end());
}

ArticleGraph build(const text::Document& doc, const ner::Tagged& tagged,
                   const std::vector<extract::Event>& events, const resolve::Resolved& resolved,
                   const BuildContext& ctx) {
  ArticleGraph g;
  const std::string art = ctx.base + "article/" + article_key(doc.id);
  g.name = Term::iri_unchecked(art);
  const Term A = g.name;
  auto local = [&](Term s, const char* p, Term o) { g.local.push_back(Quad{std::move(s), I(p), std::move(o), A}); };
  auto entity = [&](Term s, const char* p, Term o) { g.entities.push_back(Quad{std::move(s), I(p), std::move(o), A}); };
  auto span = [&](const Term& s, size_t b, size_t e) {
    local(s, vocab::kEvidence, Term::literal(std::string_view(doc.text).substr(b, e - b)));
    local(s, vocab::kBeginOffset, Term::integer(static_cast<long long>(b)));
    local(s, vocab::kEndOffset, Term::integer(static_cast<long long>(e)));
    local(s, vocab::kWasDerivedFrom, A);
  };

  // The article
  local(A, vocab::kType, I(vocab::kArticle));
  local(A, vocab::kIdentifier, Term::literal(doc.id));
  if (!doc.title.empty()) local(A, vocab::kTitle, Term::literal(doc.title));
  if (!doc.category.empty()) local(A, vocab::kSubject, Term::literal(doc.category));
  if (is_xsd_date(doc.date)) local(A, vocab::kDcDate, Term::typed(doc.date->iso(), vocab::kXsdDate));
  if (!doc.url.empty()) {
    Result<Term> u = Term::iri(doc.url);
    if (u.ok()) local(A, vocab::kSource, u.value());
  }
  local(A, vocab::kTextLength, Term::integer(static_cast<long long>(doc.text.size())));
  // fingerprints by which parley merge knows the same story read twice (the text is not kept)
  const text::Fingerprint fp = text::fingerprint(doc.text);
  local(A, vocab::kTextHash, Term::literal(hex64(fp.words)));
  local(A, vocab::kTextSimhash, Term::literal(hex64(fp.simhash)));
  if (!ctx.mappings_version.empty()) local(A, vocab::kGazetteerVersion, Term::literal(ctx.mappings_version));

  // Entities: global descriptions, and this article's provenance for them
  std::vector<Term> ent_iri;
  for (const resolve::Entity& e : resolved.entities) {
    Term s = Term::iri_unchecked(ctx.base + e.key);
    ent_iri.push_back(s);
    if (e.actor) {
      entity(s, vocab::kType, I(vocab::kActor));
      entity(s, vocab::kType, I(class_iri(e.type == EntityType::kLocation ? EntityType::kState : e.type)));
      // a state that acts and is also named as a place is both (a geopolitical entity)
      if (e.place && e.type == EntityType::kState) entity(s, vocab::kType, I(vocab::kLocation));
    } else {
      entity(s, vocab::kType, I(vocab::kLocation));
    }
    entity(s, vocab::kLabel, Term::literal(e.label));
    for (const std::string& a : e.aliases) entity(s, vocab::kAltLabel, Term::literal(a));
    if (!e.qid.empty()) entity(s, vocab::kSameAs, Term::iri_unchecked(std::string(vocab::kWikidata) + e.qid));
    // a state's own CAMEO code is the state's; a person's or body's depends on what this article
    // says it acts for and as (resolve/actor_code.h)
    if (!e.actor_code.empty()) {
      if (e.type == EntityType::kState) entity(s, vocab::kActorCode, Term::literal(e.actor_code));
      else local(s, vocab::kActorCode, Term::literal(e.actor_code));
    }
    if (e.mediator) local(s, vocab::kType, I(vocab::kMediator));
    local(s, vocab::kWasDerivedFrom, A);
  }

  // Who acts for whom, as this article says ("Russian president X": X represents Russia)
  for (size_t k = 0; k < resolved.entities.size(); ++k)
    if (const int to = resolved.entities[k].acts_for; to >= 0) local(ent_iri[k], vocab::kRepresents, ent_iri[static_cast<size_t>(to)]);

  // Mentions (left out on request: they are most of the triples, and events and entities do
  // not need them)
  for (size_t i = 0; ctx.mentions && i < tagged.mentions.size(); ++i) {
    const int e = resolved.mention_entity[i];
    if (e < 0) continue;
    const ner::Mention& mm = tagged.mentions[i];
    Term s = Term::iri_unchecked(art + "#mention-" + std::to_string(mm.begin) + "-" + std::to_string(mm.end));
    local(s, vocab::kType, I(vocab::kMention));
    local(s, vocab::kMentionOf, ent_iri[static_cast<size_t>(e)]);
    span(s, mm.begin, mm.end);
  }

  // Events
  auto ent_of = [&](int mention) -> const Term* {
    if (mention < 0) return nullptr;
    const int e = resolved.mention_entity[static_cast<size_t>(mention)];
    return e < 0 ? nullptr : &ent_iri[static_cast<size_t>(e)];
  };
  for (const extract::Event& ev : events) {
    // a fact whose agent, or a meeting whose sides and mediators, name no entity we keep is not
    // written (the shapes require them)
    if (ev.cls == mappings::EventClass::kMeeting) {
      auto known = [&](size_t p) { return ent_of(static_cast<int>(p)) != nullptr; };
      // a meeting is a side's: a state, a body or a group, or a person the article or the
      // gazetteer shows acting for one (a Wikidata link, an office, a title, a represents link);
      // "a boy's journey to meet Santa Claus", "She will now meet Venus Williams", "met her in
      // a club" name no one acting for anyone
      auto public_side = [&](size_t p) {
        const int e = resolved.mention_entity[p];
        if (e < 0) return false;
        const resolve::Entity& en = resolved.entities[static_cast<size_t>(e)];
        if (en.type == mappings::EntityType::kPerson)
          return !en.qid.empty() || en.acts_for >= 0 || !en.actor_code.empty() ||
                 std::any_of(en.mentions.begin(), en.mentions.end(),
                             [&](size_t k) { return !tagged.mentions[k].title.empty(); });
        return en.type != mappings::EntityType::kLocation;
      };
      const bool any = std::any_of(ev.participants.begin(), ev.participants.end(), known) ||
                       std::any_of(ev.mediators.begin(), ev.mediators.end(), known);
      if (!any) continue;
      if (ev.mediators.empty() && !std::any_of(ev.participants.begin(), ev.participants.end(), public_side)) continue;
      // a visit is the visitor's and its host's: with one side alone it names no meeting ("the
      // two million tourists who visit Cuba", "Iranian envoys toured Gulf Arab states"); a capital
      // it is made to is its state's ("X's visit to Cairo")
      if (ev.kind == "visit" && ev.mediators.empty()) {
        std::set<int> sides;
        for (size_t p : ev.participants)
          if (const int e = resolved.mention_entity[p]; e >= 0) sides.insert(e);
        if (ev.location >= 0 && tagged.mentions[static_cast<size_t>(ev.location)].kind == ner::MentionKind::kCapital)
          sides.insert(-1);
        if (sides.size() < 2) continue;
      }
    } else if (!ent_of(ev.agent)) {
      continue;
    }
    // a meeting as this article reports it; the merge graph's parley:Meeting joins the reports
    // of one meeting across articles (src/merge/)
    const char* cls = ev.cls == mappings::EventClass::kMeeting ? vocab::kMeetingReport
                      : ev.cls == mappings::EventClass::kDemand ? vocab::kDemand : vocab::kDenial;
    const char* name = ev.cls == mappings::EventClass::kMeeting ? "meeting"
                       : ev.cls == mappings::EventClass::kDemand ? "demand" : "denial";
    std::string frag = art + "#" + name + "-" + std::to_string(ev.trigger);
    if (ev.agent >= 0) frag += "-" + std::to_string(tagged.mentions[static_cast<size_t>(ev.agent)].begin);
    Term s = Term::iri_unchecked(frag);
    local(s, vocab::kType, I(cls));
    span(s, ev.begin, ev.end);
    local(s, vocab::kRule, Term::literal(ev.rule->id));
    if (!ev.rule->cameo.empty()) local(s, vocab::kCameoCode, Term::literal(ev.rule->cameo));
    if (!ev.rule->plover.empty()) local(s, vocab::kPloverType, Term::literal(ev.rule->plover));
    // what the parse says of it, and how far its rule can be trusted (rules/confidence.tsv)
    local(s, vocab::kStatus, Term::literal(ev.status));
    if (!ev.kind.empty())
      local(s, ev.cls == mappings::EventClass::kMeeting ? vocab::kMeetingKind : vocab::kDenialKind, Term::literal(ev.kind));
    if (!ev.rule->confidence.empty()) local(s, vocab::kConfidence, Term::typed(ev.rule->confidence, vocab::kXsdDecimal));
    // the date the text gives, or else the article's date as the date of the report (a
    // separate property: nobody should take one for the other), with its precision
    if (is_xsd_date(ev.date)) {
      local(s, vocab::kDate, Term::typed(ev.date->iso(), vocab::kXsdDate));
      local(s, vocab::kDatePrecision, Term::literal(ner::precision_name(ev.precision)));
    } else if (is_xsd_date(doc.date)) {
      local(s, vocab::kReportDate, Term::typed(doc.date->iso(), vocab::kXsdDate));
      local(s, vocab::kDatePrecision, Term::literal(ner::precision_name(ner::Precision::kDay)));
    } else if (const ner::DateMention* d = only_date_in(tagged, ev.begin, ev.end);
               d && d->kind == ner::DateMention::Kind::kMonthDay && d->date.month >= 1 && d->date.month <= 12 &&
               d->date.day >= 1 && d->date.day <= 31) {
      // "on March 1" in an article of unknown date: the day without the year, which the merge
      // pass weighs against other articles' dates of the same meeting
      char md[8];
      std::snprintf(md, sizeof md, "--%02d-%02d", d->date.month, d->date.day);
      local(s, vocab::kDateWithoutYear, Term::typed(md, vocab::kXsdGMonthDay));
    }
    // a mediator is not also a side (the extractor compares names; here the entities are known:
    // "Xuto" is "Manaspas Xuto", "UNCTAD" the conference it stands for)
    auto mediator = [&](const Term& t) {
      return std::any_of(ev.mediators.begin(), ev.mediators.end(), [&](size_t k) {
        const Term* m = ent_of(static_cast<int>(k));
        return m && m->value == t.value;
      });
    };
    for (size_t p : ev.participants)
      if (const Term* t = ent_of(static_cast<int>(p)); t && !mediator(*t)) {
        local(s, vocab::kParticipant, *t);
        // a person's side takes part with them ("Russian president X met Y": Russia too)
        const int e = resolved.mention_entity[p];
        if (const int to = resolved.entities[static_cast<size_t>(e)].acts_for; to >= 0)
          local(s, vocab::kParticipant, ent_iri[static_cast<size_t>(to)]);
      }
    for (size_t k = 0; k < ev.mediators.size(); ++k)
      if (const Term* t = ent_of(static_cast<int>(ev.mediators[k]))) {
        local(s, vocab::kMediatedBy, *t);
        // which rule found the mediation (duplicate triples collapse when sorted for output)
        if (k < ev.mediator_rules.size()) local(s, vocab::kMediationRule, Term::literal(ev.mediator_rules[k]->id));
      }
    if (const Term* t = ent_of(ev.location)) {
      local(s, vocab::kLocationProp, *t);
      // a state that acts elsewhere in the article is here also a place
      entity(*t, vocab::kType, I(vocab::kLocation));
    }
    if (const Term* t = ent_of(ev.agent)) local(s, vocab::kAgent, *t);
    if (const Term* t = ent_of(ev.addressee)) local(s, vocab::kAddressee, *t);
    if (!ev.content.empty()) local(s, vocab::kContent, Term::literal(ev.content));
  }
  sort_for_output(g.local);
  sort_for_output(g.entities);
  return g;
}

}  // namespace parley::graph
