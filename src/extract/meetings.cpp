#include "extract/meetings.h"

#include <algorithm>

#include "extract/grammar.h"
#include "syntax/word_features.h"

namespace parley::extract {
namespace {

using syntax::Sentence;
using grammar::case_of;

std::string lower_lemma(const Sentence& s, int w) { return syntax::ascii_lower(s.words[static_cast<size_t>(w)].lemma); }

// Prepositions whose phrase names sides of a meeting.
bool side_case(const std::string& c) { return c == "between" || c == "with" || c == "among" || c == "alongside"; }

// Prepositions whose phrase says what, where or when, not who ("talks on Gibraltar", "in Doha").
bool topic_or_place_case(const std::string& c) {
  static const char* kCases[] = {"on", "about", "over", "regarding", "concerning", "in", "at", "near", "during",
                                 "after", "before", "since", "until", "under", "outside", "inside", "into",
                                 "across", "through", "within", "towards", "toward", "against", "for", "despite"};
  return std::any_of(std::begin(kCases), std::end(kCases), [&](const char* k) { return c == k; });
}

int ordinal_value(const std::string& w) {
  static const char* kOrdinals[] = {"first", "second", "third", "fourth", "fifth",
                                    "sixth", "seventh", "eighth", "ninth", "tenth"};
  for (int i = 0; i < 10; ++i)
    if (w == kOrdinals[i]) return i + 1;
  return 0;
}

// "between A and B" names two sides. Where the parse leaves A without a conjunct and hangs
// "and B" elsewhere ("Talks between Moldova and the Transnistrian authorities were held", B read
// as the verb's subject), B is the phrase that starts right after the "and" that follows A.
int second_of_between(const Sentence& s, int a) {
  if (!s.children(a, "conj").empty()) return -1;
  const int and_word = s.subtree(a).second + 1;
  if (and_word + 1 >= s.size() || s.words[static_cast<size_t>(and_word)].upos != "CCONJ") return -1;
  // the word heading the largest phrase that starts at the word after "and" and stays inside it
  int b = and_word + 1;
  for (int h = s.words[static_cast<size_t>(b)].head; h >= 0 && s.subtree(h).first == and_word + 1;
       h = s.words[static_cast<size_t>(h)].head)
    b = h;
  const std::string& upos = s.words[static_cast<size_t>(b)].upos;
  return upos == "NOUN" || upos == "PROPN" || upos == "PRON" ? b : -1;
}

// "an AU summit where Presidents A of X and B of Y signed the accord": the words naming who acts
// in a "where" clause right after the meeting noun `t` (its subject), or none. Not "a summit in
// Brussels, where Iraq is on the agenda": a clause whose predicate is no verb names no doer.
std::vector<int> where_subjects(const Sentence& s, int t) {
  int k = t + 1;
  if (k < s.size() && s.words[static_cast<size_t>(k)].form == ",") ++k;
  if (k >= s.size() || lower_lemma(s, k) != "where") return {};
  // the clause as the parse gives it: "where" on its verb
  const int v = s.words[static_cast<size_t>(k)].head;
  if (v > k && s.universal_deprel(k) == "advmod") {
    if (s.words[static_cast<size_t>(v)].upos != "VERB" || s.child(v, "cop") >= 0) return {};
    // (a name or a noun: "where we will be looking to the participants to adopt" says who
    // hopes, not who is there)
    for (int c : s.children(v))
      if (s.universal_deprel(c) == "nsubj" && c > k && c < v && s.words[static_cast<size_t>(c)].upos != "PRON") return {c};
    return {};
  }
  // where the parse breaks the clause ("where" read as a copula): the noun phrases between
  // "where" and the clause's verb, less phrases of time or place ("on Sunday")
  int end = k + 1;
  while (end < s.size() && s.words[static_cast<size_t>(end)].upos != "VERB" &&
         s.words[static_cast<size_t>(end)].upos != "AUX" && s.words[static_cast<size_t>(end)].upos != "SCONJ")
    ++end;
  if (end >= s.size() || s.words[static_cast<size_t>(end)].upos != "VERB") return {};
  std::vector<int> out;
  for (int w = k + 1; w < end; ++w) {
    const syntax::Word& x = s.words[static_cast<size_t>(w)];
    if (x.head > k && x.head < end) continue;  // inside a phrase of the span
    if (x.upos != "NOUN" && x.upos != "PROPN") continue;
    const std::string c = case_of(s, w);
    if (!c.empty() && c != "of") continue;
    out.push_back(w);
  }
  return out;
}

// Is the clause of word `t` the "then" part of an "if ... then" sentence (its verb has "then",
// and an "if" or "unless" marks a clause before it)?
bool consequent(const Sentence& s, int t) {
  const int v = grammar::clause_head(s, t);
  if (v < 0) return false;
  bool then = false;
  for (int c : s.children(v, "advmod")) then = then || (c < v && lower_lemma(s, c) == "then");
  if (!then) return false;
  for (int k = 0; k < v; ++k) {
    const std::string l = lower_lemma(s, k);
    if ((l == "if" || l == "unless") && s.universal_deprel(k) == "mark") return true;
  }
  return false;
}

}  // namespace

MeetingReader::MeetingReader(const syntax::Analysis& analysis, const ner::Tagged& tagged, const mappings::Mappings& m,
                             const Reference& ref)
    : a_(analysis), t_(tagged), m_(m), ref_(ref), in_class_(class_test(m.classes)) {}

std::vector<MeetingHit> MeetingReader::read(size_t si, const AnchorIndex& anchors) const {
  std::vector<MeetingHit> out;
  if (si >= a_.sentences.size() || !a_.sentences[si].parsed) return out;
  const Sentence& s = a_.sentences[si];
  const auto& rules = m_.parse_rules[static_cast<size_t>(mappings::EventClass::kMeeting)];
  std::vector<char> vetoed(static_cast<size_t>(s.size()), 0);
  for (const mappings::Rule* r : rules)
    if (r->block && r->enabled && anchors.admits(*r))
      for (const Firing& f : fire(*r, s, in_class_)) vetoed[static_cast<size_t>(f.trigger)] = 1;
  for (const mappings::Rule* r : rules) {
    if (r->block || !anchors.admits(*r)) continue;
    for (const Firing& f : fire(*r, s, in_class_)) {
      const int t = f.trigger;
      if (vetoed[static_cast<size_t>(t)]) continue;
      if (std::any_of(out.begin(), out.end(), [&](const MeetingHit& h) { return h.trigger == t; })) continue;
      // a meeting word inside a name ("United Nations Conference on Trade") names no meeting
      if (const int mi = ref_.mention_at(si, t); mi >= 0) {
        const ner::Mention& mm = t_.mentions[static_cast<size_t>(mi)];
        const bool descriptive = mm.kind == ner::MentionKind::kDemonym || mm.kind == ner::MentionKind::kAuthority ||
                                 mm.kind == ner::MentionKind::kRole;
        if (!descriptive && (mm.tokens >= 2 || mm.kind != ner::MentionKind::kUnknown)) continue;
      }
      // "Therefore, recognising Artsakh and negotiating with them is considered a win": a gerund
      // no one is the subject or controller of names a kind of act, not a meeting
      if (!r->join && s.words[static_cast<size_t>(t)].xpos == "VBG" && s.child(t, "aux") < 0 &&
          grammar::subject(s, t).word < 0) {
        // (only a gerund that opens its sentence, alone or listed with another: "touring South
        // East Asia, X praised" and "kept talking with them" have a doer the parse misses)
        int g = t;
        if (s.universal_deprel(g) == "conj" && s.words[static_cast<size_t>(g)].head >= 0) g = s.words[static_cast<size_t>(g)].head;
        int first = 0;
        while (first < s.size() && (s.words[static_cast<size_t>(first)].upos == "PUNCT" ||
                                    s.words[static_cast<size_t>(first)].upos == "ADV" ||
                                    s.words[static_cast<size_t>(first)].upos == "CCONJ"))
          ++first;
        if (g == first) continue;
      }
      // "if we can't resolve it then of course I will be raising it with the White House": the
      // consequent of a condition, which the parse may hang beside the verb rather than on it
      if (!r->join && consequent(s, t)) continue;
      MeetingHit h{r, t, s.words[static_cast<size_t>(t)].begin, s.words[static_cast<size_t>(t)].end, {}, {}};
      // where a visit goes: the object of the verb, the "to" phrase of the noun
      const bool visit_verb = in_class_("visit", syntax::Pattern::Key::kLemma, s, t) &&
                              s.words[static_cast<size_t>(t)].upos == "VERB";
      const bool visit_noun = in_class_("visit_noun", syntax::Pattern::Key::kLemma, s, t) &&
                              s.words[static_cast<size_t>(t)].upos == "NOUN";
      // (or the "to" phrase the parse hangs on the verb that makes the visit: "made a visit with
      // Y to the troops in Latvia")
      std::vector<int> around = s.children(t);
      if (const int maker = s.words[static_cast<size_t>(t)].head; visit_noun && maker >= 0 && s.universal_deprel(t) == "obj")
        for (int c : s.children(maker, "obl"))
          if (c > t) around.push_back(c);
      for (int c : around) {
        const std::string_view rel = s.universal_deprel(c);
        const bool destination = (visit_verb && rel == "obj") ||
                                 (visit_noun && (rel == "nmod" || rel == "obl") && case_of(s, c) == "to");
        if (!destination) continue;
        const auto [first, last] = s.subtree(c);
        for (int k = first; k <= last; ++k)
          if (const int mi = ref_.mention_at(si, k); mi >= 0) {
            const ner::Mention& mm = t_.mentions[static_cast<size_t>(mi)];
            // (a state; a capital visited stays the city: "visited Baku" is where, and the dev
            // annotations keep such a capital a place)
            const bool state = mm.kind == ner::MentionKind::kGazetteer && mm.type == mappings::EntityType::kState;
            if (state && std::find(h.hosts.begin(), h.hosts.end(), static_cast<size_t>(mi)) == h.hosts.end())
              h.hosts.push_back(static_cast<size_t>(mi));
          }
      }
      if (const int p = f.role("participant"); p >= 0) {
        actors_in(si, p, t, h.sides);
        // (a state the rule names as a side is one, although the text names it after "to" as a
        // place would be: "dispatched a delegation to talk to Sudan")
        if (const int sm = ref_.state_at(si, p); sm >= 0 &&
            std::find(h.hosts.begin(), h.hosts.end(), static_cast<size_t>(sm)) == h.hosts.end())
          h.hosts.push_back(static_cast<size_t>(sm));
      }
      if (r->join && f.role("participant") >= 0) {
        // (a join rule that names its side: "X told the assembly that ...", X alone, not the
        // names of what X told it)
      } else if (r->join) {
        // a sentence that says who was there lists sides in all of its clause ("Delegates
        // present at the conference were from Yemen, the UK and the US")
        int top = t;
        while (s.words[static_cast<size_t>(top)].head >= 0) {
          const std::string_view rel = s.universal_deprel(top);
          if (rel == "ccomp" || rel == "parataxis" || rel == "advcl" || rel == "conj" ||
              s.words[static_cast<size_t>(top)].deprel == "acl:relcl")
            break;
          top = s.words[static_cast<size_t>(top)].head;
        }
        actors_in(si, top, -1, h.sides, true);
      } else {
        for (int w : side_words(s, t)) actors_in(si, w, t, h.sides);
      }
      out.push_back(std::move(h));
    }
  }
  std::sort(out.begin(), out.end(), [](const MeetingHit& a, const MeetingHit& b) { return a.trigger < b.trigger; });
  return out;
}

int MeetingReader::measure_of(const Sentence& s, int t) const {
  const int m = s.words[static_cast<size_t>(t)].head;
  return m >= 0 && s.universal_deprel(t) == "nmod" && case_of(s, t) == "of" &&
                 in_class_("partitive_noun", syntax::Pattern::Key::kLemma, s, m)
             ? m
             : t;
}

std::vector<int> MeetingReader::side_words(const Sentence& s, int t) const {
  std::vector<int> out;
  auto add = [&](int w) {
    if (w < 0 || w == t) return;
    out.push_back(w);
    for (int c : grammar::conjuncts(s, w)) out.push_back(c);
  };
  // "with B", "between A and B", "among them" hanging on `h`
  auto phrases = [&](int h) {
    for (int c : s.children(h)) {
      const std::string_view rel = s.universal_deprel(c);
      if (rel != "obl" && rel != "nmod") continue;
      const std::string cc = case_of(s, c);
      if (side_case(cc)) {
        add(c);
        if (cc == "between") add(second_of_between(s, c));
      } else if (topic_or_place_case(cc)) {
        // "talks had been held in recent weeks between A and B", "talks on trade between A and
        // B": a "between" or "among" phrase the parse hangs on the time, place or topic phrase
        // before it still names the sides
        for (int g : s.children(c, "nmod")) {
          const std::string gc = case_of(s, g);
          if (gc != "between" && gc != "among") continue;
          add(g);
          if (gc == "between") add(second_of_between(s, g));
        }
      }
    }
  };
  // the subject, objects, side phrases and passive "by" phrase of a verb
  auto verb_sides = [&](int v) {
    const grammar::Subject subj = grammar::subject(s, v);
    if (subj.word != t) add(subj.word);
    for (int c : s.children(v)) {
      const std::string_view rel = s.universal_deprel(c);
      if (rel == "obj" || rel == "iobj") add(c);
      // a bare noun phrase the parse files as an oblique ("met Prime Minister X" read as obl)
      if (rel == "obl" && s.child(c, "case") < 0) add(c);
      if (rel == "nsubj" && c != subj.word) add(c);  // "X was received" (nsubj:pass) beside a "by" agent
    }
    phrases(v);
  };
  const std::string& upos = s.words[static_cast<size_t>(t)].upos;
  if (upos != "NOUN" && upos != "PROPN") {
    verb_sides(t);
    // "X was summoned by the ministry to confer with Y", "X was sent by Y to negotiate with Z":
    // whoever a passive's "by" phrase names as sending or calling the one who meets is a side
    const int h = s.words[static_cast<size_t>(t)].head;
    const std::string_view rel = s.universal_deprel(t);
    if (h >= 0 && (rel == "xcomp" || rel == "advcl") && s.child(t, "mark") >= 0 &&
        lower_lemma(s, s.child(t, "mark")) == "to" && grammar::passive(s, h)) {
      const grammar::Subject agent = grammar::subject(s, h);
      if (agent.via == grammar::SubjectVia::kByAgent) add(agent.word);
    }
    return out;
  }
  phrases(t);
  // "an hour of talks with B", "two days of talks", "a round of negotiations with B": the
  // sentence hangs the verb (and sometimes the side phrase) on the measure, the sides on the
  // talks; the trigger may be either (meeting-round makes the round the meeting)
  const int anchor = measure_of(s, t);
  if (anchor != t) phrases(anchor);
  if (in_class_("partitive_noun", syntax::Pattern::Key::kLemma, s, t))
    for (int c : s.children(t, "nmod"))
      if (case_of(s, c) == "of" && in_class_("talks_noun", syntax::Pattern::Key::kLemma, s, c)) phrases(c);
  // "talks with Russia and Saudi Arabia have been taking place": a side phrase right after the
  // noun is its own, wherever the parse hangs it (also where it reads the preposition as the
  // marker of a clause: "within hours of his final talks with Mr X, Y told the nation")
  if (t + 1 < s.size() && (s.universal_deprel(t + 1) == "case" || s.universal_deprel(t + 1) == "mark") &&
      side_case(lower_lemma(s, t + 1))) {
    int np = s.words[static_cast<size_t>(t + 1)].head;
    if (s.universal_deprel(t + 1) == "mark" && t + 2 < s.size()) {
      // (the marker's clause is not the side: the phrase that starts right after it is)
      np = t + 2;
      for (int h = s.words[static_cast<size_t>(np)].head; h >= 0 && s.subtree(h).first == t + 2;
           h = s.words[static_cast<size_t>(h)].head)
        np = h;
      const std::string& side_upos = s.words[static_cast<size_t>(np)].upos;
      if (side_upos != "PROPN" && side_upos != "NOUN" && side_upos != "PRON") np = -1;
    }
    if (np > t + 1 && s.words[static_cast<size_t>(np)].head != t && np != t) {
      add(np);
      if (lower_lemma(s, t + 1) == "between") add(second_of_between(s, np));
    }
  }
  // "an AU summit where A of X and B of Y signed the accord": who acts at the meeting
  for (int w : where_subjects(s, t)) add(w);
  // "Putin's talks", "the peacekeepers' negotiations"
  add(grammar::owner(s, t));
  for (int c : s.children(t)) {
    const std::string_view rel = s.universal_deprel(c);
    const std::string& full = s.words[static_cast<size_t>(c)].deprel;
    // "Azerbaijani-Armenian talks", "EU-Russia summit", "a meeting of the foreign ministers"
    if (full == "nmod:poss") continue;
    if (rel == "amod" || rel == "compound" || (rel == "nmod" && case_of(s, c) == "of"))
      add(c);
    // "Mr Blair is at a summit", "X was in talks with Y": the subject of the meeting as predicate
    if (rel == "nsubj") add(c);
  }
  // the verb the meeting noun belongs to: "A held talks with B", "A attended the summit", "a
  // meeting was held between A and B", "at the talks, A said"
  // (a conjunct stands where the first of its list stands: "in his address and during the
  // cabinet meeting, X ruled out")
  int first = anchor;
  while (s.universal_deprel(first) == "conj" && s.words[static_cast<size_t>(first)].head >= 0)
    first = s.words[static_cast<size_t>(first)].head;
  const int h = s.words[static_cast<size_t>(first)].head;
  if (h < 0) return out;
  const std::string_view rel = s.universal_deprel(first);
  const std::string& full = s.words[static_cast<size_t>(first)].deprel;
  const bool holds = in_class_("hold_meeting", syntax::Pattern::Key::kLemma, s, h);
  // (a clause said at, during, on or after a meeting places its subject there: "after a meeting
  // in Khartoum, X said", "at the talks, X told reporters", "on a visit to Y, X said")
  const std::string c = case_of(s, anchor);
  const bool there = c == "at" || c == "during" || c == "after" || c == "following" || c == "in" || c == "on";
  // ("arrived for talks between A and B": talks named with their two sides are theirs, not the
  // traveller's; a host of such talks is a mediator rule's to read)
  bool between = false;
  for (int k : s.children(t)) between = between || (s.universal_deprel(k) == "nmod" && case_of(s, k) == "between");
  if ((rel == "obj" && holds) || (rel == "obl" && (holds || there))) {
    if (!between) add(grammar::subject(s, h).word);
    phrases(h);
    // "X represented Azerbaijan during the talks", "Y led the Iranian delegation at the
    // summit": whom one stands for at the meeting is a side of it
    if (rel == "obl" && in_class_("represent_side", syntax::Pattern::Key::kLemma, s, h))
      for (int o : s.children(h, "obj")) add(o);
  } else if (full == "nsubj:pass" || (rel == "nsubj" && (holds || lower_lemma(s, h) == "take"))) {
    phrases(h);  // "a meeting was held between A and B", "talks took place with B"
  } else if (rel == "nsubj" && in_class_("gather", syntax::Pattern::Key::kLemma, s, h)) {
    for (int o : s.children(h, "obj")) add(o);  // "the talks brought together A and B"
  }
  // "talks involving A and B"
  for (int a : s.children(t, "acl"))
    if (in_class_("gather", syntax::Pattern::Key::kLemma, s, a))
      for (int o : s.children(a, "obj")) add(o);
  return out;
}

void MeetingReader::actors_in(size_t si, int w, int trigger, std::vector<size_t>& out, bool clauses) const {
  const Sentence& s = a_.sentences[si];
  auto keep = [&](size_t m) {
    if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
  };
  for (size_t m : ref_.actors_of(si, w)) keep(m);
  // the phrase below w: modifiers naming whom a side acts for ("Armenian envoy X", "the foreign
  // minister of Y", "representatives of Z"), not its topics, places, times or clauses
  std::vector<int> stack;
  for (int c : s.children(w)) stack.push_back(c);
  while (!stack.empty()) {
    const int x = stack.back();
    stack.pop_back();
    if (x == trigger) continue;
    const std::string_view rel = s.universal_deprel(x);
    if (rel == "punct" || rel == "dep" || rel == "list") continue;
    // (a join's clause: "X, head of the EC delegation, told Reuters ...": the news outlet spoken
    // to is no side)
    if (clauses && in_class_("news_outlet", syntax::Pattern::Key::kLemma, s, x)) continue;
    // "a meeting of the commission, which includes Bob Geldof": the members a relative clause
    // of class gather names are sides with the body
    if (!clauses && rel == "acl" && in_class_("gather", syntax::Pattern::Key::kLemma, s, x)) {
      for (int o : s.children(x, "obj")) actors_in(si, o, trigger, out, false);
      continue;
    }
    if (!clauses && (rel == "acl" || rel == "advcl" || rel == "ccomp" || rel == "parataxis" || rel == "csubj")) continue;
    // names listed inside the phrase ("representatives of Artsakh and Azerbaijan"), not a clause
    // coordinated with it
    if (!clauses && rel == "conj" &&
        (s.words[static_cast<size_t>(x)].upos == "VERB" || s.words[static_cast<size_t>(x)].upos == "AUX"))
      continue;
    if ((rel == "nmod" || rel == "obl") && topic_or_place_case(case_of(s, x))) continue;
    if (const int mi = ref_.mention_at(si, x); mi >= 0) keep(static_cast<size_t>(mi));
    for (int c : s.children(x)) stack.push_back(c);
  }
  std::sort(out.begin(), out.end());
}

std::string MeetingReader::determiner(size_t si, int trigger) const {
  const Sentence& s = a_.sentences[si];
  if (grammar::owner(s, trigger) >= 0) return "'s";
  const int d = s.child(trigger, "det");
  return d < 0 ? std::string() : lower_lemma(s, d);
}

bool MeetingReader::anaphoric(size_t si, int trigger) const {
  const Sentence& s = a_.sentences[si];
  const std::string d = determiner(si, trigger);
  if (d != "the" && d != "this" && d != "that" && d != "these" && d != "those" && d != "such" && d != "'s")
    return false;
  // "the talks between A and B", "the meeting with B" tell the sides anew
  for (int c : s.children(trigger)) {
    const std::string_view rel = s.universal_deprel(c);
    if (rel == "nmod" && side_case(case_of(s, c))) return false;
    // "the meeting of the foreign ministers" names sides; "the second meeting of its kind" refers back
    if (rel == "nmod" && case_of(s, c) == "of") {
      const int dd = s.child(c, "det");
      const int poss = s.child(c, "nmod:poss");
      const std::string x = dd >= 0 ? lower_lemma(s, dd) : poss >= 0 ? lower_lemma(s, poss) : "";
      if (x != "its" && x != "their" && x != "this" && x != "that" && x != "such" && x != "they" && x != "it")
        return false;
    }
  }
  return true;
}

std::vector<size_t> MeetingReader::sides(size_t si, int w) const {
  std::vector<size_t> out;
  if (si >= a_.sentences.size() || !a_.sentences[si].parsed) return out;
  for (int x : side_words(a_.sentences[si], w)) actors_in(si, x, w, out);
  return out;
}

bool MeetingReader::denied(size_t si, int trigger) const {
  const Sentence& s = a_.sentences[si];
  return grammar::negated(s, grammar::clause_head(s, trigger));
}

bool MeetingReader::ongoing(size_t si, int trigger) const {
  const Sentence& s = a_.sentences[si];
  auto present_be = [&](int w) {
    for (int c : s.children(w))
      if ((s.universal_deprel(c) == "cop" || s.universal_deprel(c) == "aux") && lower_lemma(s, c) == "be" &&
          (s.words[static_cast<size_t>(c)].xpos == "VBZ" || s.words[static_cast<size_t>(c)].xpos == "VBP"))
        return true;
    return false;
  };
  // "X is at a summit", "they are in talks"
  const std::string c = case_of(s, trigger);
  if ((c == "at" || c == "in") && present_be(trigger)) return true;
  // "they are holding talks", "X is attending the summit"
  const int h = s.words[static_cast<size_t>(trigger)].head;
  return h >= 0 && s.words[static_cast<size_t>(h)].xpos == "VBG" && present_be(h) &&
         in_class_("hold_meeting", syntax::Pattern::Key::kLemma, s, h);
}

bool MeetingReader::earlier(size_t si, int trigger) const {
  const Sentence& s = a_.sentences[si];
  // "three previous rounds of talks": the adjective is on the measure
  const int n = measure_of(s, trigger);
  // ("the last October negotiations"; not "the last round", which may be the final one to come)
  bool named_time = false;
  for (int c : s.children(n, "compound")) {
    static const char* kTimes[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                                   "september", "october", "november", "december", "week", "month", "year",
                                   "weekend", "spring", "summer", "autumn", "winter"};
    const std::string l = lower_lemma(s, c);
    named_time = named_time || std::any_of(std::begin(kTimes), std::end(kTimes), [&](const char* k) { return l == k; });
  }
  for (int c : s.children(n, "amod")) {
    const std::string l = lower_lemma(s, c);
    if (l == "previous" || l == "earlier" || l == "past" || l == "prior" || l == "former") return true;
    if (l == "last" && named_time) return true;
  }
  return false;
}

int MeetingReader::ordinal(size_t si, int trigger) const {
  const Sentence& s = a_.sentences[si];
  // "the second round of talks": the ordinal is on the measure
  const int n = measure_of(s, trigger);
  for (int c : s.children(n, "amod"))
    if (const int v = ordinal_value(syntax::ascii_lower(s.words[static_cast<size_t>(c)].form)); v > 0) return v;
  return 0;
}

}  // namespace parley::extract
