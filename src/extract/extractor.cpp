#include "extract/extractor.h"

#include "extract/event_attributes.h"
#include "extract/event_date.h"

#include <algorithm>
#include <map>
#include <set>

#include "extract/mediators.h"
#include "extract/meetings.h"
#include "extract/reference.h"
#include "extract/statements.h"
#include "syntax/word_features.h"
#include "text/tokenizer.h"

namespace parley::extract {
namespace {

using mappings::EntityType;
using mappings::Rule;
using ner::Mention;

struct Match {
  const Rule* rule;
  size_t begin, end;  // text offsets
  int word = -1;      // the meeting word, -1 for a mediation alone
};


class SentenceExtractor {
 public:
  SentenceExtractor(const text::Document& doc, const ner::Tagged& t, const mappings::Mappings& m,
                    const Reference& reference, const StatementReader& statements,
                    const MeetingReader& meeting_reader, const MediatorReader& mediator_reader, size_t si,
                    const AnchorIndex& anchors, const syntax::Sentence& sentence, std::vector<Event>& out)
      : doc_(doc), t_(t), m_(m), reference_(reference), statements_(statements), meeting_reader_(meeting_reader),
        mediator_reader_(mediator_reader), si_(si), s_(t.sentences[si]), anchors_(anchors), sentence_(sentence),
        out_(out) {
    // mentions are in text order, so by sentence: the first at or after sentence si, then its own
    const auto first = std::lower_bound(t.mentions.begin(), t.mentions.end(), si,
                                        [](const Mention& mm, size_t s) { return mm.sentence < s; });
    first_after_ = static_cast<size_t>(first - t.mentions.begin());
    for (size_t i = first_after_; i < t.mentions.size() && t.mentions[i].sentence == si; ++i) ms_.push_back(i);
  }

  void run() {
    const std::vector<MeetingHit> meet = meeting_reader_.read(si_, anchors_);
    const std::vector<MediatorHit> med = mediator_reader_.read(si_, anchors_);
    statements_.read(si_, anchors_, out_);
    if (!meet.empty() || !med.empty()) meeting(meet, med);
  }

 private:

  const Mention& mention(size_t i) const { return t_.mentions[i]; }

  // Is the word right after offset `at` (past one space) a meeting noun ("summit", "talks")?
  bool talks_word_after(size_t at) const {
    const std::string& text = doc_.text;
    if (at >= text.size() || text[at] != ' ') return false;
    size_t e = at + 1;
    while (e < text.size() && ((text[e] >= 'a' && text[e] <= 'z') || text[e] == '-')) ++e;
    std::string w = text.substr(at + 1, e - at - 1);
    if (w.empty()) return false;
    if (m_.classes.contains("talks_noun", w)) return true;
    return w.size() > 2 && w.back() == 's' && m_.classes.contains("talks_noun", w.substr(0, w.size() - 1));
  }

  void meeting(const std::vector<MeetingHit>& meet, const std::vector<MediatorHit>& med) {
    std::vector<size_t> mediators;
    std::vector<const Rule*> mediator_rules;
    for (const MediatorHit& h : med)
      for (size_t k : h.mediators) {
        mediators.push_back(k);
        mediator_rules.push_back(h.rule);
      }
    // a mediator two rules found is listed once, with the first rule that is switched on (so that
    // switching one of them off leaves the other's finding)
    for (size_t k = mediators.size(); k-- > 0;)
      for (size_t j = 0; j < k; ++j)
        if (mediators[j] == mediators[k]) {
          if (!mediator_rules[j]->enabled && mediator_rules[k]->enabled) mediator_rules[j] = mediator_rules[k];
          mediators.erase(mediators.begin() + static_cast<long>(k));
          mediator_rules.erase(mediator_rules.begin() + static_cast<long>(k));
          break;
        }
    int location = -1;
    for (size_t i : ms_) {
      const Mention& mm = mention(i);
      if (mm.place_position && location < 0 &&
          (mm.type == EntityType::kLocation || mm.type == EntityType::kState ||
           mm.kind == ner::MentionKind::kCapital))
        location = static_cast<int>(i);
    }
    // "a Brussels summit", "the Geneva talks": a city or place named on the meeting word
    for (size_t i : ms_) {
      const Mention& mm = mention(i);
      if (location >= 0) break;
      if ((mm.type == EntityType::kLocation || mm.kind == ner::MentionKind::kCapital) && talks_word_after(mm.end))
        location = static_cast<int>(i);
    }
    // the sides the grammar gives each meeting word: actors, not the mediators
    auto sides_of = [&](const MeetingHit& h, std::vector<size_t>& into) {
      for (size_t i : h.hosts)
        if (std::find(into.begin(), into.end(), i) == into.end()) into.push_back(i);
      for (size_t i : h.sides) {
        const Mention& mm = mention(i);
        if (!actor_eligible(mm)) continue;
        if (std::any_of(mediators.begin(), mediators.end(), [&](size_t k) { return mention(k).key == mm.key; }))
          continue;
        if (std::find(into.begin(), into.end(), i) == into.end()) into.push_back(i);
      }
    };
    // a meeting named inside what is demanded or denied ("called for talks", "rejected talks")
    // has not happened; one criticised (CAMEO 11x: "met Y, prompting criticism from Z") has
    std::vector<Match> real;
    std::vector<size_t> participants, joining;
    bool joins = false;
    for (const MeetingHit& h : meet) {
      if (h.rule->join) {
        // (a switched-off join adds no one)
        if (h.rule->enabled) {
          joins = true;
          sides_of(h, joining);
        }
        continue;
      }
      const bool inside = std::any_of(out_.begin(), out_.end(), [&](const Event& ev) {
        return ev.sentence == si_ && ev.cls != EventClass::kMeeting && !ev.rule->cameo.starts_with("11") &&
               ev.content_begin <= h.begin && h.begin < ev.content_end;
      });
      if (inside) continue;
      real.push_back(Match{h.rule, h.begin, h.end, h.trigger});
      sides_of(h, participants);
    }
    std::sort(participants.begin(), participants.end());
    // "X will represent the UK", "X also attended the talks": sides of the meeting just told
    if (joins && (real.empty() || meeting_reader_.anaphoric(si_, real.front().word))) join_latest(joining);
    if (real.empty() && med.empty()) return;
    // (a mediation alone names the meeting it belongs to by its trigger)
    Match mediation{};
    if (real.empty()) {
      mediation = Match{med.front().rule, med.front().begin, med.front().end, -1};
      // "X mediated between A and B", "a mediator between A and B": the sides the mediation names
      sides_of(MeetingHit{med.front().rule, med.front().trigger, med.front().begin, med.front().end,
                          meeting_reader_.sides(si_, med.front().trigger), {}},
               participants);
    }
    const Match* trigger = real.empty() ? &mediation : &real.front();
    // "the meeting", "Friday's meeting", "such talks": a meeting already told. It adds its
    // mediators, place and date to the latest meeting of the article, not a meeting of its own.
    const std::string det = trigger->word < 0 ? std::string() : meeting_reader_.determiner(si_, trigger->word);
    const int ordinal = trigger->word < 0 ? 0 : meeting_reader_.ordinal(si_, trigger->word);
    // "the previous negotiations", "the last October talks": a meeting before the one the
    // article tells, not that one again; where this sentence names no side, its sides are the
    // states, bodies and groups of the meeting just told (the same parties met before; who
    // spoke for them then the text does not say)
    const bool earlier = trigger->word >= 0 && meeting_reader_.earlier(si_, trigger->word);
    if (earlier && participants.empty() && meeting_reader_.anaphoric(si_, trigger->word))
      for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
        if (it->cls != EventClass::kMeeting || it->earlier) continue;
        if (it->last_told + 6 >= si_)
          for (size_t p : it->participants)
            if (mention(p).type != EntityType::kPerson &&
                std::none_of(mediators.begin(), mediators.end(), [&](size_t k) { return mention(k).key == mention(p).key; }))
              participants.push_back(p);
        break;
      }
    if (!earlier && (real.empty() || meeting_reader_.anaphoric(si_, trigger->word))) {
      // "such talks" speaks of a kind of meeting: it refers back or names none
      if (det == "such" &&
          std::none_of(out_.begin(), out_.end(), [](const Event& o) { return o.cls == EventClass::kMeeting; }))
        return;
      const size_t told = static_cast<size_t>(std::count_if(
          out_.begin(), out_.end(), [](const Event& o) { return o.cls == EventClass::kMeeting; }));
      // (a meeting told as an earlier one is not what "the talks" means, unless the article has
      // told no other in the sentences before)
      const bool current_told = std::any_of(out_.begin(), out_.end(), [&](const Event& o) {
        return o.cls == EventClass::kMeeting && !o.earlier && o.last_told + 6 >= si_;
      });
      for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
        if (it->cls != EventClass::kMeeting || (it->earlier && current_told)) continue;
        // (a meeting last told more than six sentences before is not the one meant, and this one
        // is told anew, unless it is the only meeting the article has told: "An international
        // conference in London ... Yemen's economy was also on the meeting's agenda")
        if (it->last_told + 6 < si_ && told > 1) break;
        for (size_t k = 0; k < mediators.size(); ++k)
          if (std::find(it->mediators.begin(), it->mediators.end(), mediators[k]) == it->mediators.end()) {
            it->mediators.push_back(mediators[k]);
            it->mediator_rules.push_back(mediator_rules[k]);
          }
        if (it->location < 0) it->location = location;
        if (!it->date) {
          // the date this sentence gives the meeting it points back to ("the talks, which
          // started in September 2008"), read from its own trigger
          const EventDate when = event_date(doc_, t_, sentence_, si_, trigger->word, trigger->begin, m_.classes);
          it->date = when.day;
          it->precision = when.precision;
        }
        if (!it->ordinal) it->ordinal = ordinal;
        it->last_told = si_;
        // a meeting told before its sides ("The meeting took place at ...") takes them from here,
        // unless this sentence says who was not there ("X was not involved with these talks")
        if (!(trigger->word >= 0 && meeting_reader_.denied(si_, trigger->word)))
          for (size_t p : participants)
            if (std::none_of(it->mediators.begin(), it->mediators.end(),
                             [&](size_t k) { return mention(k).key == mention(p).key; }))
              it->participants.push_back(p);
        return;
      }
    }
    // a meeting with no named participant yet is kept for the sentences after it to name them
    // ("X will represent the UK"); if none does, it is not reported
    Event e;
    e.cls = EventClass::kMeeting;
    e.rule = trigger->rule;
    e.sentence = si_;
    e.last_told = si_;
    e.ordinal = ordinal;
    e.earlier = earlier;
    e.definite = det == "the" || det == "these" || det == "those";
    e.trigger = trigger->begin;
    e.begin = s_.begin;
    e.end = s_.end;
    e.participants = participants;
    e.mediators = mediators;
    e.mediator_rules = mediator_rules;
    e.location = location;
    const EventDate when = event_date(doc_, t_, sentence_, si_, trigger->word, trigger->begin, m_.classes);
    e.date = when.day;
    e.precision = when.precision;
    e.status = event_status(sentence_, trigger->word, m_.event_kinds, /*meeting=*/true);
    e.kind = event_kind(sentence_, trigger->word, m_.event_kinds, mappings::EventKinds::kMeetingKind);
    // "Mr Blair is at a summit in Brussels", "they are holding talks"
    if (!e.date && trigger->word >= 0 && meeting_reader_.ongoing(si_, trigger->word)) e.date = doc_.date;
    out_.push_back(std::move(e));
  }

  // "Y will represent the UK", "the delegation was led by Y": sides of the meeting told in the
  // sentences just before join it.
  void join_latest(const std::vector<size_t>& sides) {
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      // (a meeting told as an earlier one is not where a delegate speaking now sat)
      if (it->cls != EventClass::kMeeting || it->earlier) continue;
      if (it->last_told + 6 < si_) return;
      it->last_told = si_;
      for (size_t p : sides) {
        const bool known = std::any_of(it->participants.begin(), it->participants.end(),
                                       [&](size_t q) { return mention(q).key == mention(p).key; });
        if (!known) it->participants.push_back(p);
      }
      return;
    }
  }

  const text::Document& doc_;
  const ner::Tagged& t_;
  const mappings::Mappings& m_;
  const Reference& reference_;  // also says which sentences end inside a quotation
  const StatementReader& statements_;
  const MeetingReader& meeting_reader_;
  const MediatorReader& mediator_reader_;
  size_t si_;
  const text::Sentence& s_;
  const AnchorIndex& anchors_;  // the sentence's lemma keys, for the readers
  const syntax::Sentence& sentence_;  // its analysis (parsed when a rule may read it)
  std::vector<Event>& out_;
  std::vector<size_t> ms_;
  size_t first_after_ = 0;
};

}  // namespace

bool actor_eligible(const Mention& m) {
  switch (m.kind) {
    case ner::MentionKind::kDemonym:
      return true;
    case ner::MentionKind::kCapital:
      // a capital is a place unless it acts ("Moscow said") or is a side ("between Baku and Yerevan")
      return !m.place_position && (m.acting || m.prev == "between" || m.prev == "with" || m.prev == "and");
    case ner::MentionKind::kGazetteer:
      if (m.type == EntityType::kLocation) return false;
      return !(m.type == EntityType::kState && m.place_position);
    case ner::MentionKind::kUnknown:
      // a lone capitalised word, unless it acts or is a side ("a meeting between Petrobras and ...")
      if (m.tokens < 2 && !m.typed_by_cue && !m.acting && m.prev != "between" && m.prev != "with")
        return false;
      if (m.type == EntityType::kLocation) return false;
      // a body after "to" or "from" is whom something goes to or comes from, not a place
      // ("wrote to the US Embassy", "a letter from the ministry")
      if ((m.type == EntityType::kOrganization || m.type == EntityType::kGroup) && (m.preposition == "to" || m.preposition == "from"))
        return true;
      return !m.place_position;
    case ner::MentionKind::kForces:
    case ner::MentionKind::kAuthority:
    case ner::MentionKind::kRole:
    case ner::MentionKind::kCollective:
      return true;
  }
  return false;
}

namespace {

std::set<std::string> content_words(std::string_view c) {
  std::set<std::string> w;
  std::string cur;
  for (char ch : c) {
    const char l = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    if ((l >= 'a' && l <= 'z') || (ch & 0x80)) {
      cur += l;
    } else {
      if (cur.size() >= 3) w.insert(cur);
      cur.clear();
    }
  }
  if (cur.size() >= 3) w.insert(cur);
  return w;
}

// A statement told twice (a headline, then the body; a summary, then the quote) is one: a later
// statement of the same class and agent whose content words mostly repeat an earlier one's. A
// headline's statement is the lead's told short ("UK urges US to waive immunity for diplomat's
// wife" over "... asking the United States to waive diplomatic immunity for Anne Sacoolas"): two
// content words in common are enough, and the body's, told in full, is the one kept.
void merge_repeats(std::vector<Event>& events, const std::vector<int>& entity_of, const Reference& reference,
                   bool headline) {
  // the side a mention's actor stands for: itself, or the state or body the person acts for
  const auto side = [&](int m) {
    const int f = reference.acts_for(static_cast<size_t>(m));
    return entity_of[static_cast<size_t>(f >= 0 ? f : m)];
  };
  std::vector<Event> kept;
  for (Event& e : events) {
    if (e.cls == EventClass::kMeeting) { kept.push_back(std::move(e)); continue; }
    const std::set<std::string> w = content_words(e.content);
    const auto repeat = std::find_if(kept.begin(), kept.end(), [&](const Event& k) {
      if (k.cls != e.cls || k.agent < 0 || e.agent < 0) return false;
      // (a headline may name the side the lead's person acts for)
      if (entity_of[static_cast<size_t>(k.agent)] != entity_of[static_cast<size_t>(e.agent)] &&
          !(headline && k.sentence == 0 && e.sentence > 0 && side(k.agent) == side(e.agent)))
        return false;
      // "The ministry denied those reports. 'The talks did not discuss ...,' it said": the quote
      // that follows a denial words that denial again
      if (e.cls == EventClass::kDenial && e.quoted && !k.quoted && k.sentence < e.sentence &&
          k.sentence + 2 >= e.sentence)
        return true;
      const std::set<std::string> kw = content_words(k.content);
      size_t common = 0;
      for (const std::string& x : w) common += kw.count(x);
      const size_t smaller = std::min(w.size(), kw.size());
      if (headline && k.sentence == 0 && e.sentence > 0 && common >= 2) return true;
      return smaller > 0 && common * 10 >= smaller * 6;
    });
    if (repeat == kept.end()) {
      kept.push_back(std::move(e));
    } else if (headline && repeat->sentence == 0 && e.sentence > 0) {
      *repeat = std::move(e);
    }
  }
  events = std::move(kept);
}

// How many sides a meeting has (a side named twice counts once).
size_t sides(const Event& a, const std::vector<int>& entity_of) {
  std::set<int> v;
  for (size_t x : a.participants) v.insert(entity_of[x]);
  return v.size();
}

// How many sides two meetings have in common.
size_t shared_sides(const Event& a, const Event& b, const std::vector<int>& entity_of) {
  std::set<int> shared;
  for (size_t x : a.participants)
    for (size_t y : b.participants)
      if (entity_of[x] == entity_of[y]) shared.insert(entity_of[x]);
  return shared.size();
}

// Folds meeting `from` into meeting `into`: its sides, mediators, and place and date where
// `into` has none.
void absorb(Event& into, const Event& from, const std::vector<int>& entity_of) {
  for (size_t p : from.participants) {
    const bool known = std::any_of(into.participants.begin(), into.participants.end(),
                                   [&](size_t q) { return entity_of[q] == entity_of[p]; });
    if (!known) into.participants.push_back(p);
  }
  into.mediators.insert(into.mediators.end(), from.mediators.begin(), from.mediators.end());
  into.mediator_rules.insert(into.mediator_rules.end(), from.mediator_rules.begin(), from.mediator_rules.end());
  if (into.location < 0) into.location = from.location;
  if (!into.date) {
    into.date = from.date;
    into.precision = from.precision;
  }
  if (!into.ordinal) into.ordinal = from.ordinal;
}

// Folds each meeting into an earlier one when `same(earlier, later)` says they are one.
template <typename Same>
void merge_meetings(std::vector<Event>& events, const std::vector<int>& entity_of, Same same) {
  std::vector<Event> kept;
  for (Event& e : events) {
    Event* into = nullptr;
    // (a meeting told as an earlier one is another meeting)
    if (e.cls == EventClass::kMeeting && !e.earlier)
      for (Event& k : kept)
        if (k.cls == EventClass::kMeeting && !k.earlier && same(k, e)) into = &k;
    if (into) {
      absorb(*into, e, entity_of);
    } else {
      kept.push_back(std::move(e));
    }
  }
  events = std::move(kept);
}

// Two meetings of one article on the same day with sides in common are one meeting told twice
// ("A similar discussion was held on Friday ..." and "... represented Azerbaijan during talks on
// Friday").
void merge_same_day_meetings(std::vector<Event>& events, const std::vector<int>& entity_of) {
  merge_meetings(events, entity_of, [&](const Event& k, const Event& e) {
    if (!e.date || k.date != e.date) return false;
    const size_t shared = shared_sides(k, e, entity_of);
    return shared >= 2 || (shared == 1 && std::min(sides(k, entity_of), sides(e, entity_of)) <= 2);
  });
}

// A meeting told over two sentences ("A meeting was held between A and B ..." then "A and B
// met in X on Wednesday") is one: meetings in adjacent sentences sharing two sides merge.
void merge_told_twice(std::vector<Event>& events, const std::vector<int>& entity_of) {
  merge_meetings(events, entity_of, [&](const Event& k, const Event& e) {
    if (e.sentence > k.sentence + 1) return false;
    if (k.date && e.date && k.date != e.date) return false;
    return shared_sides(k, e, entity_of) >= 2;
  });
}

// "The first meeting between A and B" and, later, "the first negotiation between A and B": an
// article numbers one meeting once, so meetings with the same ordinal and a side in common are one.
void merge_same_ordinal(std::vector<Event>& events, const std::vector<int>& entity_of) {
  merge_meetings(events, entity_of, [&](const Event& k, const Event& e) {
    if (!k.ordinal || k.ordinal != e.ordinal) return false;
    if (k.date && e.date && k.date != e.date) return false;
    return shared_sides(k, e, entity_of) >= 1 || k.participants.empty() || e.participants.empty();
  });
}

// "The negotiations between Baku and Stepanakert mean ..." after those talks were told: a definite
// meeting with no date of its own, all of whose sides an earlier meeting has, is that meeting
// (or the process it belongs to), not a new one.
void merge_definite_repeat(std::vector<Event>& events, const std::vector<Mention>& mentions,
                           const std::vector<int>& entity_of) {
  merge_meetings(events, entity_of, [&](const Event& k, const Event& e) {
    if (!e.definite || e.date || e.participants.empty() || !e.mediators.empty()) return false;
    // every named side of e (a bare role such as "the government" is not yet anyone) is a side of k
    std::set<int> of_k;
    for (size_t p : k.participants) of_k.insert(entity_of[p]);
    size_t named = 0;
    for (size_t p : e.participants) {
      if (mentions[p].kind == ner::MentionKind::kRole) continue;
      if (!of_k.count(entity_of[p])) return false;
      ++named;
    }
    return named > 0;
  });
}

// Do mentions a and b name one actor (one person named in full, then by surname: "Manaspas
// Xuto", "Xuto")?
bool same_actor(size_t a, size_t b, const std::vector<Mention>& mentions, const std::vector<int>& entity_of) {
  if (entity_of[a] == entity_of[b]) return true;
  const Mention& x = mentions[a];
  const Mention& y = mentions[b];
  if (x.type != mappings::EntityType::kPerson || y.type != mappings::EntityType::kPerson) return false;
  return (x.key.find(' ') == std::string::npos && x.key == text::last_key_word(y.key)) ||
         (y.key.find(' ') == std::string::npos && y.key == text::last_key_word(x.key));
}

// "X was appointed chairman to preside over future meetings. ... meetings between the employers
// and unions": a meeting told with its mediator or chair but no side, and then, in the next two
// sentences, with its sides and no mediator, is one meeting (the mediator's meeting names its
// sides there). Not a meeting told as an earlier one.
void merge_mediation_into_sides(std::vector<Event>& events, const std::vector<Mention>& mentions,
                                const std::vector<int>& entity_of) {
  for (size_t i = 0; i < events.size(); ++i) {
    const Event& k = events[i];
    // (a meeting whose rule is switched off gives nothing, its mediators included)
    if (k.cls != EventClass::kMeeting || !k.rule->enabled || k.earlier || k.mediators.empty()) continue;
    // (no side but its mediators, named again: "Xuto said in his consultations")
    const bool sideless = std::all_of(k.participants.begin(), k.participants.end(), [&](size_t p) {
      return std::any_of(k.mediators.begin(), k.mediators.end(),
                         [&](size_t m) { return same_actor(p, m, mentions, entity_of); });
    });
    if (!sideless) continue;
    for (size_t j = i + 1; j < events.size(); ++j) {
      Event& e = events[j];
      if (e.cls != EventClass::kMeeting) continue;
      if (e.sentence > k.last_told + 2) break;
      if (e.earlier || e.participants.empty() || !e.mediators.empty()) continue;
      absorb(e, k, entity_of);
      events.erase(events.begin() + static_cast<long>(i));
      --i;
      break;
    }
  }
}

// A meeting in the headline is the meeting the body tells: its sides join the body's first
// meeting rather than make a meeting of their own.
void merge_headline_meeting(std::vector<Event>& events, const ner::Tagged& tagged,
                            const text::Document& doc, const std::vector<int>& entity_of) {
  if (doc.title.empty() || tagged.sentences.empty()) return;
  const text::Sentence& first = tagged.sentences.front();
  if (first.view(doc.text) != doc.title) return;
  auto head = std::find_if(events.begin(), events.end(), [](const Event& e) {
    return e.cls == EventClass::kMeeting && e.sentence == 0;
  });
  if (head == events.end()) return;
  auto body = std::find_if(events.begin(), events.end(), [](const Event& e) {
    return e.cls == EventClass::kMeeting && e.sentence > 0 && !e.participants.empty();
  });
  if (body == events.end()) return;
  absorb(*body, *head, entity_of);
  events.erase(head);
}

// "X, the chairman of the conference, ..." then "He will start consultations with producers and
// consumers": one the article has named the mediator or chair of a meeting keeps that part in the
// talks he holds afterwards between two or more others. He is their mediator, by the rule that
// named him, not a side.
void keep_mediators_mediating(std::vector<Event>& events, const std::vector<Mention>& mentions,
                              const std::vector<int>& entity_of, const Reference& reference) {
  auto same = [&](size_t a, size_t b) { return same_actor(a, b, mentions, entity_of); };
  for (size_t i = 0; i < events.size(); ++i) {
    Event& e = events[i];
    if (e.cls != EventClass::kMeeting) continue;
    for (size_t k = 0; k < e.participants.size();) {
      const size_t who = e.participants[k];
      const Rule* named_by = nullptr;
      for (size_t j = 0; j < i && !named_by; ++j) {
        const Event& before = events[j];
        if (before.cls != EventClass::kMeeting || before.sentence >= e.sentence) continue;
        for (size_t q = 0; q < before.mediators.size(); ++q)
          if (same(before.mediators[q], who) && before.mediator_rules[q]->enabled) named_by = before.mediator_rules[q];
      }
      // (the sides besides him: a person and the state or body he acts for are one side)
      std::set<int> others;
      for (size_t p : e.participants)
        if (!same(p, who)) others.insert(entity_of[p]);
      for (size_t p : e.participants)
        if (const int f = reference.acts_for(p); f >= 0 && !same(p, who) && others.count(entity_of[p]))
          others.erase(entity_of[static_cast<size_t>(f)]);
      if (!named_by || others.size() < 2) {
        ++k;
        continue;
      }
      e.mediators.push_back(e.participants[k]);
      e.mediator_rules.push_back(named_by);
      e.participants.erase(e.participants.begin() + static_cast<long>(k));
    }
  }
}

}  // namespace

Extraction extract(const text::Document& doc, const ner::Tagged& tagged, const syntax::Analysis& analysis,
                   const mappings::Mappings& m) {
  std::vector<Event> out;
  const Reference reference(doc, tagged, analysis, m);
  const StatementReader statements(doc, tagged, analysis, m, reference);
  const MeetingReader meetings(analysis, tagged, m, reference);
  const MediatorReader mediators(analysis, m, reference);
  for (size_t i = 0; i < tagged.sentences.size(); ++i)
  {
    // the lemma keys of a parsed sentence, computed once for the three readers
    const bool parsed = i < analysis.sentences.size() && analysis.sentences[i].parsed;
    const AnchorIndex anchors = parsed ? AnchorIndex(analysis.sentences[i]) : AnchorIndex();
    static const syntax::Sentence kUnanalysed;
    const syntax::Sentence& sentence = i < analysis.sentences.size() ? analysis.sentences[i] : kUnanalysed;
    SentenceExtractor(doc, tagged, m, reference, statements, meetings, mediators, i, anchors, sentence, out).run();
  }
  // agents compared by name key: entities are resolved later, names are enough to spot a repeat
  std::vector<int> entity_of(tagged.mentions.size());
  std::map<std::string, int> ids;
  for (size_t i = 0; i < tagged.mentions.size(); ++i) {
    const Mention& mm = tagged.mentions[i];
    int entry = mm.entry;
    // "Baku" acting is Azerbaijan
    if (mm.kind == ner::MentionKind::kCapital && entry >= 0 && actor_eligible(mm) &&
        m.gazetteer.entries[static_cast<size_t>(entry)].capital_of >= 0)
      entry = m.gazetteer.entries[static_cast<size_t>(entry)].capital_of;
    const std::string key = entry >= 0 ? "g" + std::to_string(entry) : "u" + mm.key;
    entity_of[i] = ids.emplace(key, static_cast<int>(ids.size())).first->second;
  }
  const bool headline = !doc.title.empty() && !tagged.sentences.empty() &&
                        tagged.sentences.front().view(doc.text) == doc.title;
  merge_repeats(out, entity_of, reference, headline);
  merge_same_day_meetings(out, entity_of);
  merge_told_twice(out, entity_of);
  merge_same_ordinal(out, entity_of);
  merge_definite_repeat(out, tagged.mentions, entity_of);
  merge_mediation_into_sides(out, tagged.mentions, entity_of);
  merge_headline_meeting(out, tagged, doc, entity_of);
  keep_mediators_mediating(out, tagged.mentions, entity_of, reference);
  // Switched-off rules took part in reading the text; their facts are not written. A meeting
  // that no sentence gave a side or a mediator is not reported.
  std::vector<Event> kept;
  for (Event& e : out) {
    if (!e.rule->enabled) continue;
    std::vector<size_t> meds;
    std::vector<const Rule*> rules;
    for (size_t k = 0; k < e.mediators.size(); ++k)
      if (e.mediator_rules[k]->enabled) {
        meds.push_back(e.mediators[k]);
        rules.push_back(e.mediator_rules[k]);
      }
    e.mediators = std::move(meds);
    e.mediator_rules = std::move(rules);
    if (e.cls == EventClass::kMeeting && e.participants.empty() && e.mediators.empty()) continue;
    kept.push_back(std::move(e));
  }
  Extraction x{std::move(kept), std::vector<int>(tagged.mentions.size(), -1)};
  for (size_t i = 0; i < tagged.mentions.size(); ++i) x.acts_for[i] = reference.acts_for(i);
  return x;
}

}  // namespace parley::extract

namespace parley::extract {

bool wants_parse(const syntax::Sentence& s, const mappings::Mappings& m) {
  if (m.parse_any) return true;
  for (const syntax::Word& w : s.words) {
    const std::vector<std::string> keys = lemma_keys(w);  // lemma, form, inflection bases
    if (m.lexicon.speech_verbs.count(keys[1])) return true;
    // an office ("the leader of the Green Party", "Kuwait's foreign minister") says whom its
    // holder acts for, which the rules of later sentences ask ("his party rejected")
    if (m.lexicon.roles.count(keys[1])) return true;
    for (const std::string& k : keys)
      if (m.anchor_lemmas.count(k)) return true;
  }
  return false;
}

void parse_for_rules(syntax::Analysis& a, const syntax::Parser& parser, const mappings::Mappings& m) {
  for (syntax::Sentence& s : a.sentences)
    if (!s.parsed && wants_parse(s, m)) parser.parse(s);
}

}  // namespace parley::extract
