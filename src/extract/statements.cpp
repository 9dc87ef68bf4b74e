#include "extract/statements.h"

#include "extract/event_attributes.h"
#include "extract/event_date.h"

#include <algorithm>

#include "extract/grammar.h"
#include "extract/rule_engine.h"
#include "syntax/word_features.h"
#include "text/tokenizer.h"

namespace parley::extract {

namespace {

using mappings::EventClass;
using mappings::Rule;
using syntax::ascii_lower;
using syntax::Sentence;

bool is_quote(std::string_view f) {
  return f == "\"" || f == "\xE2\x80\x9C" || f == "\xE2\x80\x9D" || f == "``" || f == "''";
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Quotes, spaces and sentence punctuation trimmed from both ends.
std::string clean(std::string_view c) {
  for (bool changed = true; changed;) {
    changed = false;
    while (!c.empty() && (space(c.front()) || c.front() == ',' || c.front() == ':' || c.front() == '"' || c.front() == '\'')) {
      c.remove_prefix(1);
      changed = true;
    }
    while (!c.empty() && (space(c.back()) || c.back() == '.' || c.back() == ',' || c.back() == '"' || c.back() == ';' ||
                          c.back() == ':' || c.back() == '\'')) {
      c.remove_suffix(1);
      changed = true;
    }
    for (std::string_view q : {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99"}) {
      if (c.size() >= 3 && c.substr(0, 3) == q) { c.remove_prefix(3); changed = true; }
      if (c.size() >= 3 && c.substr(c.size() - 3) == q) { c.remove_suffix(3); changed = true; }
    }
  }
  return std::string(c);
}

// Is the content only a pronoun that points back ("this", "it")?
bool pronoun_back(const Sentence& s, int w) {
  const std::string f = ascii_lower(s.words[static_cast<size_t>(w)].form);
  const auto [first, last] = s.subtree(w);
  return first == last && (f == "this" || f == "that" || f == "it" || f == "these" || f == "those" || f == "them");
}

}  // namespace

StatementReader::StatementReader(const text::Document& doc, const ner::Tagged& tagged,
                                 const syntax::Analysis& analysis, const mappings::Mappings& m,
                                 const Reference& ref)
    : doc_(doc), t_(tagged), a_(analysis), m_(m), ref_(ref), in_class_(class_test(m.classes)) {}

void StatementReader::read(size_t si, const AnchorIndex& anchors, std::vector<Event>& out) const {
  if (si >= a_.sentences.size() || !a_.sentences[si].parsed) return;
  const Sentence& s = a_.sentences[si];
  for (EventClass cls : {EventClass::kDemand, EventClass::kDenial})
    for (const Rule* r : m_.parse_rules[static_cast<size_t>(cls)])
      if (anchors.admits(*r))
        for (const Firing& f : fire(*r, s, in_class_)) read_one(f, si, out);
}

std::vector<size_t> StatementReader::agents(const Firing& f, size_t si) const {
  const Sentence& s = a_.sentences[si];
  const Rule& r = *f.rule;
  const int trigger = f.trigger;
  if (const int a = f.role("agent"); a >= 0) return ref_.actors_of(si, a);
  if (r.speaker_agent) {
    const int sp = ref_.speaker(si, trigger);
    if (sp < 0 || (r.public_speaker && !ref_.public_actor(static_cast<size_t>(sp)))) return {};
    if (r.person_speaker && !ref_.is_person_mention(static_cast<size_t>(sp))) return {};
    return {static_cast<size_t>(sp)};
  }
  const std::string& upos = s.words[static_cast<size_t>(trigger)].upos;
  if (upos == "NOUN" || upos == "PROPN") {
    // Whose demand: "Iran's demand", "a demand by Iran", "the EU demand", "Iran made a demand";
    // and who joins it: "X joined the calls by Y for Z" is X's demand too.
    std::vector<size_t> out = owners(si, trigger);
    const int h = s.words[static_cast<size_t>(trigger)].head;
    // ("Lavrov indicated Russia's opposition": a noun with an owner is the owner's alone, unless
    // the verb adopts it: "joined", "echoed", "seconded", "endorsed")
    if (h >= 0 && s.universal_deprel(trigger) == "obj" && in_class_("express", syntax::Pattern::Key::kLemma, s, h) &&
        (out.empty() || in_class_("adopt", syntax::Pattern::Key::kLemma, s, h))) {
      const grammar::Subject subj = grammar::subject(s, h);
      if (subj.word >= 0)
        for (size_t a : ref_.actors_of(si, subj.word))
          if (std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    }
    // "walked out in protest at the plan": whoever did what the noun qualifies
    if (out.empty() && h >= 0 && s.universal_deprel(trigger) == "obl") {
      bool in = false;
      for (int k : s.children(trigger, "case")) in = in || ascii_lower(s.words[static_cast<size_t>(k)].form) == "in";
      const grammar::Subject subj = in ? grammar::subject(s, h) : grammar::Subject{};
      if (subj.word >= 0) out = ref_.actors_of(si, subj.word);
    }
    return out;
  }
  const grammar::Subject subj = grammar::subject(s, trigger);
  if (subj.via == grammar::SubjectVia::kPassiveWithoutAgent) return {};
  if (subj.word >= 0) return ref_.actors_of(si, subj.word);
  // No subject in the sentence ("'Reject it,' he said"): whoever says it; not a verb the parse
  // hangs as a conjunct on a noun ("in [his address] ..., once again ruled out"), whose subject
  // the parse lost, not left out
  if (const int h = s.words[static_cast<size_t>(trigger)].head; h >= 0 && s.universal_deprel(trigger) == "conj") {
    const std::string& hu = s.words[static_cast<size_t>(h)].upos;
    if (hu != "VERB" && hu != "AUX" && hu != "ADJ") return {};
  }
  // (nor a verb with an auxiliary, "and a number have demanded cash payment," he said: a finite
  // clause had a subject of its own, which the parse lost; an imperative has none)
  if (s.child(trigger, "aux") >= 0) return {};
  // (nor an infinitive, whose doer is its controller: "hedge funds were planning to demand", with
  // "funds" read as a verb, is not the reporter's demand)
  for (int k : s.children(trigger, "mark"))
    if (ascii_lower(s.words[static_cast<size_t>(k)].form) == "to") return {};
  const int sp = ref_.speaker(si, trigger);
  return sp < 0 ? std::vector<size_t>{} : std::vector<size_t>{static_cast<size_t>(sp)};
}

std::vector<size_t> StatementReader::owners(size_t si, int trigger) const {
  const Sentence& s = a_.sentences[si];
  {
    for (int c : s.children(trigger, "nmod:poss"))
      if (auto a = ref_.actors_of(si, c); !a.empty()) return a;
    auto has_case = [&](int w, std::initializer_list<std::string_view> cases) {
      const std::string c = grammar::case_of(s, w);
      return std::find(cases.begin(), cases.end(), c) != cases.end();
    };
    for (int c : s.children(trigger, "nmod"))
      if (has_case(c, {"by", "from"})) {
        if (auto a = ref_.actors_of(si, c); !a.empty()) return a;
        // ("criticism from Israel": a state there is who, not where)
        if (const int st = ref_.state_at(si, c); st >= 0) return {static_cast<size_t>(st)};
      }
    // "condemnations of the coup from the AU": the parse may hang the "from" phrase on the
    // object of "of"; it names whose the noun is all the same
    for (int c : s.children(trigger, "nmod"))
      if (has_case(c, {"of"}))
        for (int d : s.children(c))
          if (d > c && (s.universal_deprel(d) == "nmod" || s.universal_deprel(d) == "obl") && has_case(d, {"by", "from"}))
            if (auto a = ref_.actors_of(si, d); !a.empty()) return a;
    // ... or on the verb that takes the noun ("drew condemnations from the EU")
    if (const int h = s.words[static_cast<size_t>(trigger)].head; h >= 0 && s.universal_deprel(trigger) == "obj")
      for (int d : s.children(h, "obl"))
        if (d > trigger && has_case(d, {"from"})) {
          if (auto a = ref_.actors_of(si, d); !a.empty()) return a;
          if (const int st = ref_.state_at(si, d); st >= 0) return {static_cast<size_t>(st)};
        }
    for (const char* rel : {"compound", "amod"})
      for (int c : s.children(trigger, rel))
        if (const int mi = ref_.mention_at(si, c); mi >= 0)
          if (auto a = ref_.actors_of(si, c); !a.empty()) return a;
    return {};
  }
}

int StatementReader::implied_addressee(size_t si, int trigger, int cw) const {
  const Sentence& s = a_.sentences[si];
  auto first_actor = [&](int w) {
    const std::vector<size_t> a = ref_.actors_of(si, w);
    return a.empty() ? -1 : static_cast<int>(a.front());
  };
  // "demanded that Armenia hand over the maps", "asked that the government of Yemen begin": the
  // one the demanded clause has act (not a passive's subject: "demanded that X be punished")
  if (cw >= 0 && cw != trigger) {
    // "conveyed this demand to the authorities", "made the demand to Russia": whom the demand was
    // taken to, wherever the parse hangs the "to" phrase (on the verb or on the noun)
    if (s.words[static_cast<size_t>(cw)].head == trigger && in_class_("demand_noun", syntax::Pattern::Key::kLemma, s, cw))
      for (int h : {trigger, cw})
        for (int c : s.children(h))
          if ((s.universal_deprel(c) == "obl" || s.universal_deprel(c) == "nmod") && grammar::case_of(s, c) == "to")
            if (const int a = first_actor(c); a >= 0) return a;
    const std::string_view rel = s.universal_deprel(cw);
    if (rel == "ccomp" || rel == "xcomp" || rel == "advcl")
      for (int c : s.children(cw))
        if (s.words[static_cast<size_t>(c)].deprel == "nsubj")
          if (const int a = first_actor(c); a >= 0) return a;
    // "the calls by UK officials asking the United States to waive": whom the demanded clause
    // itself asks
    if ((rel == "acl" || rel == "ccomp") && (in_class_("ask", syntax::Pattern::Key::kLemma, s, cw) ||
                                             in_class_("urge", syntax::Pattern::Key::kLemma, s, cw)))
      for (int c : s.children(cw))
        if (s.universal_deprel(c) == "obj" || s.universal_deprel(c) == "iobj")
          if (const int a = first_actor(c); a >= 0) return a;
    // "called for Iran's withdrawal", "called for G7 action": whose act the demanded thing is
    if (s.words[static_cast<size_t>(cw)].upos == "NOUN")
      for (int c : s.children(cw)) {
        const std::string& full = s.words[static_cast<size_t>(c)].deprel;
        if (full != "nmod:poss" && full != "compound" && full != "amod") continue;
        if (const int a = first_actor(c); a >= 0) return a;
      }
  }
  // "demanded an explanation from Israel", "asked for aid from Japan": whom a "from" phrase on
  // the verb or on what is demanded names (not "of": "both of which called for" hangs the
  // relative pronoun on the verb)
  // (a state named there is who, not where)
  auto actor_or_state = [&](int w) {
    const int a = first_actor(w);
    return a >= 0 ? a : ref_.state_at(si, w);
  };
  if (s.words[static_cast<size_t>(trigger)].upos == "VERB") {
    for (int c : s.children(trigger))
      if (s.universal_deprel(c) == "obl" && grammar::case_of(s, c) == "from")
        if (const int a = actor_or_state(c); a >= 0) return a;
    if (cw >= 0 && cw != trigger && s.words[static_cast<size_t>(cw)].upos == "NOUN")
      for (int c : s.children(cw, "nmod"))
        if (grammar::case_of(s, c) == "from")
          if (const int a = actor_or_state(c); a >= 0) return a;
  }
  // "wrote to the US Embassy asking to waive her immunity": whom the letter the request hangs on
  // went to
  if (const int h = s.words[static_cast<size_t>(trigger)].head; h >= 0 && s.universal_deprel(trigger) == "advcl")
    for (int c : s.children(h, "obl"))
      if (grammar::case_of(s, c) == "to")
        if (const int a = first_actor(c); a >= 0) return a;
  // "Sudan has rejected a demand by the IMF", "Serbia ignored the EU's calls": who answers a
  // demand is whom it was made of
  const int h = s.words[static_cast<size_t>(trigger)].head;
  if (h >= 0 && s.words[static_cast<size_t>(trigger)].upos == "NOUN" &&
      (s.universal_deprel(trigger) == "obj" || s.words[static_cast<size_t>(trigger)].deprel == "nsubj:pass")) {
    const std::string verb = ascii_lower(s.words[static_cast<size_t>(h)].lemma);
    const bool answers = in_class_("reject", syntax::Pattern::Key::kLemma, s, h) ||
                         in_class_("accept", syntax::Pattern::Key::kLemma, s, h) || verb == "ignore" ||
                         verb == "heed" || verb == "meet" || verb == "resist" || verb == "defy" || verb == "comply";
    if (answers)
      if (const grammar::Subject subj = grammar::subject(s, h); subj.word >= 0) return first_actor(subj.word);
  }
  return -1;
}

const Event* StatementReader::latest_demand(size_t si, const std::vector<Event>& out) const {
  for (auto it = out.rbegin(); it != out.rend(); ++it)
    if (it->cls == EventClass::kDemand && it->sentence < si && it->sentence + 3 >= si && it->content_end > it->content_begin)
      return &*it;
  return nullptr;
}

bool StatementReader::noun_back(const Sentence& s, int w, size_t phrase_end) const {
  if (!in_class_("demand_noun", syntax::Pattern::Key::kLemma, s, w) && !in_class_("claim_noun", syntax::Pattern::Key::kLemma, s, w))
    return false;
  bool pointer = false;
  for (int c : s.children(w)) {
    const std::string l = ascii_lower(s.words[static_cast<size_t>(c)].lemma);
    const std::string_view rel = s.universal_deprel(c);
    if (rel == "det" && (l == "this" || l == "that" || l == "these" || l == "those" || l == "such" || l == "the")) pointer = true;
    else if (rel == "amod" && (l == "similar" || l == "same")) pointer = true;
    else if (rel == "nmod" && grammar::case_of(s, c) != "of" && grammar::case_of(s, c) != "for")
      continue;  // "a similar demand on Wednesday", "the demand to Russia": when, where or of whom, not what
    else if (!(rel == "det" && l == "a") && rel != "punct") return false;
  }
  // ("rejected the claim [that its units had laid mines]": a clause the phrase takes in, wherever
  // the parse hangs it, says what the claim is)
  for (int k = w + 1; k < s.size() && s.words[static_cast<size_t>(k)].end <= phrase_end; ++k)
    if (s.words[static_cast<size_t>(k)].upos == "VERB" || s.universal_deprel(k) == "mark" ||
        s.universal_deprel(k) == "ccomp" || s.universal_deprel(k) == "acl")
      return false;
  return pointer;
}

bool StatementReader::animate(const Sentence& s, int w) const {
  if (s.words[static_cast<size_t>(w)].upos == "PRON" || s.words[static_cast<size_t>(w)].upos == "PROPN") return true;
  const std::string l = ascii_lower(s.words[static_cast<size_t>(w)].lemma);
  const auto& x = m_.lexicon;
  return x.state_nouns.count(l) || x.roles.count(l) || x.org_heads.count(l) || x.possessed_nouns.count(l);
}

bool StatementReader::meaningful(std::string_view c) const {
  size_t i = 0;
  auto letter = [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); };
  while (i < c.size()) {
    while (i < c.size() && !letter(c[i])) ++i;
    size_t j = i;
    while (j < c.size() && letter(c[j])) ++j;
    if (j - i >= 3) {
      const std::string w = text::name_key(c.substr(i, j - i));
      if (!m_.lexicon.function_words.count(w) && !m_.lexicon.titles.count(w)) return true;
    }
    i = j;
  }
  return false;
}

void StatementReader::read_one(const Firing& f, size_t si, std::vector<Event>& out) const {
  const Sentence& s = a_.sentences[si];
  const Rule& r = *f.rule;
  const int trigger = f.trigger;

  // What is demanded or denied.
  const int cw = f.role("content");
  if (cw < 0) return;
  auto [cb, ce] = grammar::phrase_span(s, cw);
  const std::string_view cf = s.words[static_cast<size_t>(cw)].form;
  if (s.words[static_cast<size_t>(trigger)].deprel == "acl:relcl" &&
      (ascii_lower(cf) == "which" || ascii_lower(cf) == "that")) {
    // "the claims, which Iran denied": the noun the relative clause describes, up to the clause
    const int h = s.words[static_cast<size_t>(trigger)].head;
    const int from = s.subtree(h).first, to = s.subtree(trigger).first - 1;
    if (h < 0 || to < from) return;
    cb = s.words[static_cast<size_t>(from)].begin;
    ce = s.words[static_cast<size_t>(to)].end;
  }

  // What is denied does not hold the denial: where the trigger hangs inside the content's
  // phrase at its end ("X met Y, prompting criticism from Z"), the content ends before that
  // branch and the punctuation ahead of it.
  if (const size_t tb = s.words[static_cast<size_t>(trigger)].begin; tb >= cb && tb < ce) {
    int branch = trigger;
    while (branch >= 0 && s.words[static_cast<size_t>(branch)].head != cw) branch = s.words[static_cast<size_t>(branch)].head;
    int last = s.subtree(cw).second;
    while (last > cw && s.words[static_cast<size_t>(last)].upos == "PUNCT") --last;
    if (branch > cw && s.subtree(branch).second >= last) {
      int e = s.subtree(branch).first - 1;
      while (e > cw && s.words[static_cast<size_t>(e)].upos == "PUNCT") --e;
      if (e >= cw) ce = s.words[static_cast<size_t>(e)].end;
    }
  }

  // A quoted clause is said whole: where the parse cuts it short ("Serbia must hand [over the
  // suspects]," she said), it runs to the closing quotation mark.
  if (const std::string& u = s.words[static_cast<size_t>(cw)].upos; u == "VERB" || u == "AUX" || u == "ADJ") {
    const int first = s.subtree(cw).first;
    const bool opened = is_quote(s.words[static_cast<size_t>(first)].form) ||
                        (first > 0 && is_quote(s.words[static_cast<size_t>(first - 1)].form));
    if (opened)
      for (int k = s.subtree(cw).second + 1; k < s.size(); ++k) {
        if (is_quote(s.words[static_cast<size_t>(k)].form)) {
          int e = k - 1;
          while (e > first && s.words[static_cast<size_t>(e)].upos == "PUNCT") --e;
          ce = std::max(ce, s.words[static_cast<size_t>(e)].end);
          break;
        }
        if (s.words[static_cast<size_t>(k)].upos == "VERB" && m_.lexicon.speech_verbs.count(ascii_lower(s.words[static_cast<size_t>(k)].form)))
          break;
      }
  }

  std::vector<size_t> who = agents(f, si);
  if (who.empty()) return;

  const bool pronoun = pronoun_back(s, cw);
  if (pronoun || noun_back(s, cw, ce)) {
    // "X accused Y of stalling, though Y denied this": what is denied was told before the
    // trigger's clause, or in the sentence before (a noun that points back with nothing before
    // it, "The claims were denied", stays what it says).
    const int first = s.subtree(grammar::clause_head(s, trigger)).first;
    const size_t e = s.words[static_cast<size_t>(first)].begin;
    // (a noun that points back points past its own sentence: "Farm credit sources said X will make
    // the request" was asked for before)
    if (pronoun && !(e < s.begin + 10 || first == 0 || t_.mentions[who.front()].sentence != si || t_.mentions[who.front()].begin < e)) {
      cb = s.begin;
      ce = e;
    } else if (const Event* earlier = pronoun || r.cls != EventClass::kDemand ? nullptr : latest_demand(si, out)) {
      // ("made a similar demand", "the call was seconded by X": the demand told just before)
      cb = earlier->content_begin;
      ce = earlier->content_end;
    } else if (si > 0) {
      cb = t_.sentences[si - 1].begin;
      ce = t_.sentences[si - 1].end;
    } else if (pronoun) {
      return;
    }
  }
  int addressee = -1;
  if (const int aw = f.role("addressee"); aw >= 0) {
    const std::vector<size_t> a = ref_.actors_of(si, aw);
    if (!a.empty()) addressee = static_cast<int>(a.front());
    // "want [the devolution] to occur", "requested [the formation] of a committee to verify":
    // only someone can be asked to do something; a thing there is part of what is demanded
    const bool object = s.words[static_cast<size_t>(aw)].head == trigger &&
                        (s.universal_deprel(aw) == "obj" || s.universal_deprel(aw) == "iobj");
    if (a.empty() && object && !animate(s, aw)) cb = std::min(cb, grammar::phrase_span(s, aw).first);
  }

  const std::string content = clean(std::string_view(doc_.text).substr(cb, ce > cb ? ce - cb : 0));
  if (!meaningful(content)) return;


  if (addressee < 0 && r.cls == EventClass::kDemand) addressee = implied_addressee(si, trigger, cw);

  const size_t at = s.words[static_cast<size_t>(trigger)].begin;
  for (size_t a : who) {
    // "Turkey must issue a statement," said Turkey's foreign minister: a demand the speaker makes of
    // her own side has no addressee
    const int of_whom = static_cast<int>(a) == addressee ? -1 : addressee;
    const bool dup = std::any_of(out.begin(), out.end(), [&](const Event& o) {
      return o.cls == r.cls && o.sentence == si && o.agent == static_cast<int>(a);
    });
    if (dup) continue;
    Event e;
    e.cls = r.cls;
    e.rule = &r;
    e.sentence = si;
    e.trigger = at;
    e.begin = t_.sentences[si].begin;
    e.end = t_.sentences[si].end;
    e.agent = static_cast<int>(a);
    e.addressee = of_whom;
    e.content = content;
    e.content_begin = cb;
    e.content_end = ce;
    e.quoted = ref_.quoted(si);
    const EventDate when = event_date(doc_, t_, s, si, trigger, at, m_.classes);
    e.date = when.day;
    e.precision = when.precision;
    e.status = event_status(s, trigger, m_.event_kinds, /*meeting=*/false);
    if (r.cls == EventClass::kDenial) e.kind = event_kind(s, trigger, m_.event_kinds, mappings::EventKinds::kDenialKind);
    out.push_back(std::move(e));
  }
}

}  // namespace parley::extract
