#include "extract/reference.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <unordered_map>

#include "core/work_counter.h"
#include "extract/extractor.h"
#include "extract/grammar.h"
#include "syntax/word_features.h"
#include "text/tokenizer.h"

namespace parley::extract {

namespace {

using mappings::EntityType;
using ner::Mention;
using ner::MentionKind;
using syntax::ascii_lower;

// The quotation mark at byte `i` of `t`: “ opens, ” closes, " may do either.
enum class Quote { kNone, kOpen, kClose, kStraight };
Quote quote_at(std::string_view t, size_t i) {
  if (t[i] == '"') return Quote::kStraight;
  if (i + 2 < t.size() && t[i] == '\xE2' && t[i + 1] == '\x80') {
    if (t[i + 2] == '\x9C') return Quote::kOpen;
    if (t[i + 2] == '\x9D') return Quote::kClose;
  }
  return Quote::kNone;
}

bool is_person(const Mention& m) { return m.kind == MentionKind::kUnknown && m.type == EntityType::kPerson; }

bool is_state(const Mention& m) {
  return m.type == EntityType::kState || m.kind == MentionKind::kDemonym || m.kind == MentionKind::kCapital;
}

bool is_body(const Mention& m) {
  return m.kind != MentionKind::kForces && (m.type == EntityType::kOrganization || m.type == EntityType::kGroup);
}

}  // namespace

Reference::Reference(const text::Document& doc, const ner::Tagged& tagged, const syntax::Analysis& analysis,
                     const mappings::Mappings& m)
    : doc_(doc), t_(tagged), a_(analysis), m_(m) {
  word_mention_.resize(a_.sentences.size());
  size_t k = 0;
  for (size_t si = 0; si < a_.sentences.size(); ++si) {
    const syntax::Sentence& s = a_.sentences[si];
    word_mention_[si].assign(static_cast<size_t>(s.size()), -1);
    for (int w = 0; w < s.size(); ++w) {
      const size_t b = s.words[static_cast<size_t>(w)].begin;
      while (k < t_.mentions.size() && t_.mentions[k].end <= b) ++k;
      if (k < t_.mentions.size() && t_.mentions[k].begin <= b) word_mention_[si][static_cast<size_t>(w)] = static_cast<int>(k);
    }
  }
  // Curly quotes open and close, a straight one toggles; a quotation is followed at most three
  // sentences on, so that one stray mark does not quote the rest of an article.
  quote_open_.assign(t_.sentences.size(), 0);
  const std::string_view text(doc_.text);
  for (size_t j = 0; j < t_.sentences.size(); ++j) {
    bool open = false;
    for (size_t s = j >= 3 ? j - 3 : 0; s <= j; ++s)
      for (size_t i = t_.sentences[s].begin; i < t_.sentences[s].end; ++i) {
        const Quote q = quote_at(text, i);
        if (q == Quote::kStraight) open = !open;
        if (q == Quote::kOpen) open = true;
        if (q == Quote::kClose) open = false;
      }
    quote_open_[j] = open;
  }
  // where each sentence's mentions begin, so that a look back reads the sentences it may reach
  // rather than the article from its start
  first_mention_.assign(t_.sentences.size() + 1, t_.mentions.size());
  for (size_t i = t_.mentions.size(); i-- > 0;)
    if (t_.mentions[i].sentence < first_mention_.size()) first_mention_[t_.mentions[i].sentence] = i;
  for (size_t j = first_mention_.size() - 1; j-- > 0;) first_mention_[j] = std::min(first_mention_[j], first_mention_[j + 1]);
  // whom each person or body acts for, read once (the extraction reports it; "the UN chief" asks it)
  acts_for_.resize(t_.mentions.size());
  for (size_t i = 0; i < t_.mentions.size(); ++i) acts_for_[i] = find_acts_for(i);
  // the persons shown acting for someone, by the last word of their names (side_of)
  for (size_t i = 0; i < t_.mentions.size(); ++i)
    if (acts_for_[i] >= 0 && is_person(t_.mentions[i]))
      persons_by_surname_[text::last_key_word(t_.mentions[i].key)].push_back(i);
  read_genders();
}

// A person's gender as a form of address written with one of its names says it ("Mrs Quinn",
// "Sir Edward"), for every mention of that surname; a surname written with both ("Mr and Mrs
// Smith") says nothing.
void Reference::read_genders() {
  gender_.assign(t_.mentions.size(), 0);
  const std::string_view text(doc_.text);
  std::unordered_map<std::string, char> of_surname;
  auto word_before = [&](size_t at) {
    size_t e = at;
    while (e > 0 && text[e - 1] == ' ') --e;
    size_t b = e;
    while (b > 0 && (std::isalpha(static_cast<unsigned char>(text[b - 1])) || text[b - 1] == '.')) --b;
    return text.substr(b, e - b);
  };
  for (const Mention& mm : t_.mentions) {
    if (!is_person(mm) || mm.kind == MentionKind::kRole) continue;
    const std::string_view own = text.substr(mm.begin, mm.end - mm.begin);
    char g = 0;
    for (std::string_view w : {word_before(mm.begin), own.substr(0, own.find(' '))}) {
      const auto it = m_.lexicon.honorific_gender.find(text::name_key(w));
      if (it != m_.lexicon.honorific_gender.end()) g = it->second;
    }
    if (!g) continue;
    auto [it, fresh] = of_surname.emplace(text::last_key_word(mm.key), g);
    if (!fresh && it->second != g) it->second = 'x';
  }
  for (size_t i = 0; i < t_.mentions.size(); ++i) {
    const Mention& mm = t_.mentions[i];
    if (!is_person(mm) || mm.kind == MentionKind::kRole) continue;
    const auto it = of_surname.find(text::last_key_word(mm.key));
    if (it != of_surname.end() && it->second != 'x') gender_[i] = it->second;
  }
}

int Reference::mention_at(size_t si, int w) const {
  if (si >= word_mention_.size() || w < 0 || static_cast<size_t>(w) >= word_mention_[si].size()) return -1;
  return word_mention_[si][static_cast<size_t>(w)];
}

bool Reference::eligible(size_t i) const {
  const Mention& mm = t_.mentions[i];
  return actor_eligible(mm) || (mm.kind == MentionKind::kCapital && !mm.place_position);
}

bool Reference::is_person_mention(size_t m) const {
  const Mention& mm = t_.mentions[m];
  return is_person(mm) || (mm.kind == MentionKind::kRole && mm.type == EntityType::kPerson);
}

bool Reference::public_actor(size_t m) const {
  const auto known = [&](const Mention& mm) {
    return mm.kind != MentionKind::kUnknown || mm.entry >= 0 || mm.state >= 0;
  };
  const Mention& mm = t_.mentions[m];
  if (known(mm)) return true;
  if (!is_person(mm)) return false;
  if (m_.persons.names.count(mm.key)) return true;
  // (whom the article shows the person acting for decides: "TF-1 president Francis Bouygues" holds
  // no public office)
  if (const int side = side_of(m); side >= 0) return known(t_.mentions[static_cast<size_t>(side)]);
  // a public office, in the title the tagger read or in a noun the parse puts beside the name
  // ("A senior Karabakh lawmaker, Seyran Hayrapetian"): CAMEO's government, military, legislative,
  // judicial and opposition roles (lexicon/actor_roles.tsv)
  const auto office = [&](std::string_view words) {
    for (size_t b = 0; b < words.size();) {
      const size_t e = std::min(words.find(' ', b), words.size());
      if (m_.lexicon.actor_roles.count(std::string(words.substr(b, e - b)))) return true;
      b = e + 1;
    }
    return m_.lexicon.actor_roles.count(std::string(words)) > 0;
  };
  if (!mm.title.empty() && office(ascii_lower(mm.title))) return true;
  const int k = head_word(m);
  if (k < 0) return false;
  // the noun the name is in apposition to, and the nouns on it
  const syntax::Sentence& s = a_.sentences[mm.sentence];
  const int h = s.words[static_cast<size_t>(k)].head;
  std::vector<int> near = s.children(k);
  if (h >= 0 && s.universal_deprel(k) == "appos") near.push_back(h);
  for (int c : near) {
    const std::string_view rel = s.universal_deprel(c);
    if ((c == h || rel == "appos" || rel == "compound" || rel == "nmod") && s.words[static_cast<size_t>(c)].upos == "NOUN" &&
        office(ascii_lower(s.words[static_cast<size_t>(c)].lemma)))
      return true;
  }
  return false;
}

int Reference::head_word(size_t m) const {
  const size_t si = t_.mentions[m].sentence;
  if (si >= a_.sentences.size() || !a_.sentences[si].parsed) return -1;
  const syntax::Sentence& s = a_.sentences[si];
  // the word of the mention whose head lies outside it
  for (int k = 0; k < s.size(); ++k)
    if (mention_at(si, k) == static_cast<int>(m)) {
      const int h = s.words[static_cast<size_t>(k)].head;
      if (h < 0 || mention_at(si, h) != static_cast<int>(m)) return k;
    }
  return -1;
}

bool Reference::quoted(size_t si) const {
  const std::string_view s = t_.sentences[si].view(doc_.text);
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
  if (i < s.size()) {
    const Quote q = quote_at(s, i);
    if (q == Quote::kStraight || q == Quote::kOpen) return true;
  }
  return si > 0 && quote_open_[si - 1];
}

bool Reference::same_side(size_t a, size_t b) const {
  const Mention& x = t_.mentions[a];
  const Mention& y = t_.mentions[b];
  auto state = [&](const Mention& mm) {
    if (mm.entry < 0) return -1;
    const auto& g = m_.gazetteer.entries[static_cast<size_t>(mm.entry)];
    if (mm.kind == MentionKind::kCapital) return g.capital_of;
    return mm.kind == MentionKind::kGazetteer || mm.kind == MentionKind::kDemonym ? mm.entry : -1;
  };
  const int sx = state(x), sy = state(y);
  if (sx >= 0 || sy >= 0) return sx == sy;
  return x.key == y.key;
}

int Reference::state_at(size_t si, int w) const {
  const int a = mention_at(si, w);
  if (a < 0) return -1;
  const Mention& mm = t_.mentions[static_cast<size_t>(a)];
  const bool state = (mm.kind == MentionKind::kGazetteer && mm.type == EntityType::kState) || mm.kind == MentionKind::kDemonym;
  return state ? a : -1;
}

bool Reference::inside_quote(size_t si, int w) const {
  const syntax::Sentence& s = a_.sentences[si];
  const size_t from = t_.sentences[si].begin, to = s.words[static_cast<size_t>(w)].begin;
  const std::string_view t = std::string_view(doc_.text).substr(from, to - from);
  bool open = si > 0 && quote_open_[si - 1];
  for (size_t i = 0; i < t.size(); ++i) {
    const Quote q = quote_at(t, i);
    if (q == Quote::kStraight) open = !open;
    if (q == Quote::kOpen) open = true;
    if (q == Quote::kClose) open = false;
  }
  return open;
}

int Reference::actor_at(size_t si, int w, int depth) const {
  const syntax::Sentence& s = a_.sentences[si];
  if (w < 0 || w >= s.size() || depth > 3) return -1;
  const int here = mention_at(si, w);
  const bool named_here =
      here >= 0 && eligible(static_cast<size_t>(here)) && t_.mentions[static_cast<size_t>(here)].kind != MentionKind::kRole;
  // "Venezuela's representative to the OAS, Roy Chaderton, advised": an office named with its
  // state, then the holder's name set off by commas, which the parse may hang as a conjunct (no
  // "and" anywhere in the list) on a word of the phrase: the person named acts
  if (depth == 0 && s.parsed && (here < 0 || !is_person(t_.mentions[static_cast<size_t>(here)]))) {
    const auto [first, last] = s.subtree(w);
    for (int c = first; c <= last; ++c) {
      if (s.universal_deprel(c) != "conj" || c == w) continue;
      const int h = s.words[static_cast<size_t>(c)].head;
      const int from = s.subtree(c).first;
      // (the opening comma may belong to the name's phrase or to the word before it)
      bool bare = s.words[static_cast<size_t>(from)].form == "," || (from > 0 && s.words[static_cast<size_t>(from - 1)].form == ",");
      for (int k : grammar::conjuncts(s, h)) bare = bare && s.child(k, "cc") < 0;
      if (!bare || s.child(h, "cc") >= 0) continue;
      if (const int a = mention_at(si, c); a >= 0 && eligible(static_cast<size_t>(a)) && is_person(t_.mentions[static_cast<size_t>(a)]))
        return a;
    }
  }
  if (named_here) return here;
  // "US laws that demand ...": a law, treaty or rule stands for no one (class instrument_noun)
  if (s.parsed && s.words[static_cast<size_t>(w)].upos == "NOUN" &&
      m_.classes.contains("instrument_noun", ascii_lower(s.words[static_cast<size_t>(w)].lemma)))
    return -1;
  // "the US, which is opposed": a relative pronoun stands for the noun its clause describes
  if (s.parsed)
    if (const int a = grammar::relative_antecedent(s, w); a >= 0) return actor_at(si, a, depth + 1);
  if (const std::string_view p = grammar::personal_pronoun(s, w); !p.empty()) {
    if (p == "we" || p == "i") {
      // in a quotation: who says it; "we" said by one who speaks for a state or body is that
      // side ("We have sent a message," the foreign minister said: the government sent it)
      const int who = quoted(si) || inside_quote(si, w) ? speaker(si, w) : -1;
      if (p == "we" && who >= 0 && is_person(t_.mentions[static_cast<size_t>(who)]))
        if (const int side = side_of(static_cast<size_t>(who)); side >= 0) return side;
      return who;
    }
    const Want want = p == "he" ? Want::kHe : p == "she" ? Want::kShe : Want::kNonPerson;
    // "He described his meeting with Takeuchi, in which he demanded access": a second "he" of a
    // sentence whose subject is "he" is that subject's person, not the one named in between
    if (s.parsed && depth == 0 && (p == "he" || p == "she"))
      for (int k = 0; k < w; ++k)
        if (s.universal_deprel(k) == "nsubj" && grammar::personal_pronoun(s, k) == p) return actor_at(si, k, depth + 1);
    // "Turkey insisted it would not bow": the subject of a reported clause is, first, the one
    // who reports it
    if (s.parsed && s.universal_deprel(w) == "nsubj" && depth == 0) {
      const int clause = s.words[static_cast<size_t>(w)].head;
      int says = clause >= 0 && s.universal_deprel(clause) == "ccomp" ? s.words[static_cast<size_t>(clause)].head : -1;
      // ("said the elections were a referendum and they will continue": the second clause of
      // what is reported, whether the parse hangs it on the first or on the verb of saying; not
      // "he" or "she": "'I discussed it with him, but he urged me,' Giggs said")
      if (says < 0 && (p == "they" || p == "it") && clause >= 0 && s.universal_deprel(clause) == "conj") {
        const int first = s.words[static_cast<size_t>(clause)].head;
        if (first >= 0 && s.universal_deprel(first) == "ccomp") says = s.words[static_cast<size_t>(first)].head;
        if (first >= 0 && first < w && m_.lexicon.speech_verbs.count(ascii_lower(s.words[static_cast<size_t>(first)].form)))
          for (int c : s.children(first))
            if (c > first && c < clause && s.universal_deprel(c) == "ccomp") says = first;
      }
      if (says >= 0) {
        const grammar::Subject reporter = grammar::subject(s, says);
        if (reporter.word >= 0 && reporter.word != w) {
          const int a = actor_at(si, reporter.word, depth + 1);
          if (a >= 0 && fits(static_cast<size_t>(a), want)) return a;
          // "Doctors are saying they want more clarity", "analysts said they expect", "Opposition
          // parties said ... they will continue": a plural reporter that names no actor names a
          // kind of people or several bodies, and "they" stands for it, not for an actor told
          // before ("the company said it", "the college said it" are descriptions of an actor,
          // found below)
          const syntax::Word& r = s.words[static_cast<size_t>(reporter.word)];
          if (a < 0 && p == "they" && r.upos == "NOUN" && r.xpos == "NNS") return -1;
        }
      }
    }
    return antecedent(si, w, want);
  }
  if (!s.parsed) return here >= 0 && eligible(static_cast<size_t>(here)) ? here : -1;
  // "José Insulza, the head of the OAS": a description in apposition stands for the name
  if (s.words[static_cast<size_t>(w)].deprel == "appos" && depth == 0)
    if (const int hm = mention_at(si, s.words[static_cast<size_t>(w)].head); hm >= 0 && eligible(static_cast<size_t>(hm)) &&
                                                                              t_.mentions[static_cast<size_t>(hm)].kind != MentionKind::kRole)
      return hm;
  // "the head of the OAS, José Insulza,": the name in apposition, also where the parse hangs
  // it on a word inside the phrase ("the head of [the OAS, José Insulza]")
  {
    const auto [first, last] = s.subtree(w);
    for (int c = first; c <= last; ++c) {
      // ("list", or an nmod with no preposition after a comma: how the parse sometimes joins a
      // name set off by commas to the phrase before it)
      const std::string& rel = s.words[static_cast<size_t>(c)].deprel;
      const int from = s.subtree(c).first;
      const bool comma = s.words[static_cast<size_t>(from)].form == "," ||
                         (from > 0 && s.words[static_cast<size_t>(from - 1)].form == ",");
      const bool bare_nmod = rel == "nmod" && s.child(c, "case") < 0 && comma;
      // "Spain's director general for Europe, Jose Maria Pons": a name set off by a comma that
      // the parse reads as a conjunct of a word inside the phrase, with no "and" or "or" in that
      // list (a person, checked below)
      bool appos_conj = false;
      if (rel == "conj" && comma && c != w && s.child(c, "cc") < 0) {
        const int h = s.words[static_cast<size_t>(c)].head;
        const int hm = mention_at(si, h);
        appos_conj = grammar::conjuncts(s, h).size() == 1 && !(hm >= 0 && is_person(t_.mentions[static_cast<size_t>(hm)]));
      }
      if (rel != "appos" && rel != "list" && !bare_nmod && !appos_conj) continue;
      bool inside_clause = false;  // not in a relative clause of the phrase
      for (int x = s.words[static_cast<size_t>(c)].head; x >= 0 && x != w; x = s.words[static_cast<size_t>(x)].head) {
        const std::string_view r = s.universal_deprel(x);
        inside_clause = inside_clause || r == "acl" || r == "ccomp" || r == "advcl";
      }
      if (inside_clause) continue;
      const bool direct = !appos_conj && (c == w || s.words[static_cast<size_t>(c)].head == w || bare_nmod || rel == "list");
      if (const int a = actor_at(si, c, depth + 1); a >= 0 && (direct || is_person(t_.mentions[static_cast<size_t>(a)])))
        return a;
    }
  }
  // "The Secretary General of the OAS, José Insulza, asked": a name set off by commas right
  // after the phrase, which the parse hangs on the verb instead (parataxis, dep, list), is its
  // apposition
  if (const int h = s.words[static_cast<size_t>(w)].head; h >= 0 && depth == 0) {
    const int end = s.subtree(w).second;
    if (end + 1 < s.size() && s.words[static_cast<size_t>(end + 1)].form == ",")
      for (int c : s.children(h)) {
        const std::string_view r = s.universal_deprel(c);
        if (r != "parataxis" && r != "dep" && r != "list") continue;
        const auto [cf, cl] = s.subtree(c);
        // (the opening comma may belong to the name's phrase or to the verb)
        if ((cf != end + 1 && cf != end + 2) || cl + 1 >= s.size() || s.words[static_cast<size_t>(cl + 1)].form != ",")
          continue;
        if (const int a = mention_at(si, c); a >= 0 && eligible(static_cast<size_t>(a)) &&
                                              is_person(t_.mentions[static_cast<size_t>(a)]))
          return a;
      }
  }
  // "The Secretary General of the OAS, José Insulza, asked": an apposition the parse reads as a
  // conjunct (no "and" or "or" anywhere in the list) names the office holder
  if (depth == 0) {
    const std::vector<int> conj = grammar::conjuncts(s, w);
    bool coordinated = false;
    for (int c : conj) coordinated = coordinated || s.child(c, "cc") >= 0;
    if (conj.size() == 1 && !coordinated)
      if (const int a = mention_at(si, conj.front()); a >= 0 && eligible(static_cast<size_t>(a)) &&
                                                      is_person(t_.mentions[static_cast<size_t>(a)]) && mention_at(si, w) < 0)
        return a;
  }
  // "his representatives", "his party", "her government", "Mr Thorpe's colleagues": the side the
  // person acts for, where the article has shown it ("Karabakh president Arayik Harutyunyan ... his
  // representatives refused"); a body of the wrong kind ("his party" for a state) is not it
  if (const int poss = s.child(w, "nmod:poss"); poss >= 0 && depth == 0) {
    const std::string f = ascii_lower(s.words[static_cast<size_t>(poss)].form);
    const std::string lemma = ascii_lower(s.words[static_cast<size_t>(w)].lemma);
    const std::string form = ascii_lower(s.words[static_cast<size_t>(w)].form);
    const auto owned = m_.lexicon.possessed_nouns.find(lemma);
    const bool sides = m_.lexicon.state_nouns.count(form) > 0;
    // ("Mr Thorpe's colleagues": a person named as the owner, also where the parse heads the
    // name with its form of address, "Mr", and hangs the name on it)
    int named = mention_at(si, poss);
    for (int c : s.children(poss, "flat"))
      if (named < 0) named = mention_at(si, c);
    const bool named_person = named >= 0 && is_person(t_.mentions[static_cast<size_t>(named)]);
    if ((f == "his" || f == "her" || named_person) && (sides || owned != m_.lexicon.possessed_nouns.end())) {
      const int person = named_person ? named : antecedent(si, poss, f == "his" ? Want::kHe : f == "her" ? Want::kShe : Want::kPerson);
      const int side = person >= 0 ? side_of(static_cast<size_t>(person)) : -1;
      if (side >= 0) {
        const Mention& sm = t_.mentions[static_cast<size_t>(side)];
        const bool kind_fits = owned == m_.lexicon.possessed_nouns.end() ||
                               (owned->second == EntityType::kState ? is_state(sm) : is_body(sm));
        if (kind_fits) return side;
      }
    }
  }
  // "Iran's foreign minister", "US officials", "a spokesman for the ministry": an unnamed
  // office holder acts for the body or state that qualifies it
  // "Mr Chirac" parsed with "Mr" as the head: the name is a part of the phrase
  for (int c : s.children(w, "flat"))
    if (const int a = mention_at(si, c); a >= 0 && eligible(static_cast<size_t>(a))) return a;
  // "Northamptonshire's chief constable Nick Adderley" parsed with the title as the head: the
  // person named after it, before the body it holds office in
  for (int c : s.children(w)) {
    const std::string& rel = s.words[static_cast<size_t>(c)].deprel;
    if (c < w || (rel != "compound" && !(rel == "nmod" && s.child(c, "case") < 0))) continue;
    if (const int a = mention_at(si, c); a >= 0 && eligible(static_cast<size_t>(a)) && is_person(t_.mentions[static_cast<size_t>(a)]))
      return a;
  }
  // "the UN chief", "the Russian president": an office named with its state or body stands for
  // the person the article has shown holding office for it ("UN Secretary General Ban Ki-moon");
  // also "the president of Russia"
  if (depth == 0 && m_.lexicon.roles.count(ascii_lower(s.words[static_cast<size_t>(w)].lemma)))
    for (const char* rel : {"compound", "amod", "nmod:poss", "nmod"})
      for (int c : s.children(w, rel)) {
        if (std::string_view(rel) == "nmod") {
          const int k = s.child(c, "case");
          if (k < 0 || ascii_lower(s.words[static_cast<size_t>(k)].form) != "of") continue;
        }
        const int body = mention_at(si, c);
        if (body < 0) continue;
        const size_t at = s.words[static_cast<size_t>(w)].begin;
        int holder = -1;
        for (size_t i = first_mention(si, 20); i < t_.mentions.size() && t_.mentions[i].begin < at; ++i) {
          count_mention_steps(1);
          if (!is_person(t_.mentions[i]) || !eligible(i) || t_.mentions[i].sentence + 20 < si) continue;
          if (const int a = acts_for(i); a >= 0 && same_side(static_cast<size_t>(a), static_cast<size_t>(body)))
            holder = static_cast<int>(i);
        }
        if (holder >= 0) return holder;
      }
  // "a statement released by the ministry": who released it speaks through it
  for (int c : s.children(w, "acl"))
    for (int by : s.children(c, "obl:agent"))
      if (const int a = actor_at(si, by, depth + 1); a >= 0) return a;
  // ("Texaco's suppliers", "AWB customers", "the company's critics": another party, dealing
  // with the one named, not acting for it; class other_party_noun)
  // (a common noun before it says what kind they are: "its bank creditors" are banks; the class
  // is looked up only for a word that has some other modifier)
  int other_party = -1;
  for (const char* rel : {"nmod:poss", "compound", "amod", "nmod"})
    for (int c : s.children(w, rel)) {
      if (s.words[static_cast<size_t>(c)].upos != "NOUN") {
        if (other_party < 0)
          other_party = m_.classes.contains("other_party_noun", ascii_lower(s.words[static_cast<size_t>(w)].lemma)) ? 1 : 0;
        if (other_party == 1) continue;
      }
      if (std::string_view(rel) == "nmod") {
        bool by_whom = false;
        for (int k : s.children(c, "case")) {
          const std::string l = ascii_lower(s.words[static_cast<size_t>(k)].form);
          by_whom = by_whom || l == "of" || l == "for" || l == "from" || l == "at" || l == "in";
        }
        if (!by_whom) continue;
      }
      const int a = actor_at(si, c, depth + 1);
      if (a >= 0 && t_.mentions[static_cast<size_t>(a)].begin < s.words[static_cast<size_t>(w)].end + 200) return a;
    }
  // "the kingdom", "the government", "its ministry": the nearest body of that kind told before
  const std::string lemma = ascii_lower(s.words[static_cast<size_t>(w)].lemma);
  const auto body = m_.lexicon.org_heads.find(lemma);
  const auto it = m_.lexicon.possessed_nouns.find(lemma);
  if (it != m_.lexicon.possessed_nouns.end() || body != m_.lexicon.org_heads.end()) {
    const EntityType type = it != m_.lexicon.possessed_nouns.end() ? it->second : body->second;
    bool definite = false;
    for (int c : s.children(w)) {
      const std::string f = ascii_lower(s.words[static_cast<size_t>(c)].form);
      const std::string_view rel = s.words[static_cast<size_t>(c)].deprel;
      definite = definite || (rel == "det" && (f == "the" || f == "this" || f == "that")) ||
                 (rel == "nmod:poss" && (f == "its" || f == "their" || f == "his" || f == "her"));
    }
    // ("his debt-ridden country": the parse may hang "his" on the modifier; the phrase's first
    // word decides)
    if (!definite) {
      const std::string first = ascii_lower(s.words[static_cast<size_t>(s.subtree(w).first)].form);
      definite = first == "the" || first == "this" || first == "that" || first == "its" || first == "their" ||
                 first == "his" || first == "her";
    }
    // ("the opposition parties", "the ministries": several bodies, not the one told last; "the
    // authorities" is a state's)
    const bool several = s.words[static_cast<size_t>(w)].xpos == "NNS" && type != EntityType::kState;
    if (definite) {
      const int a = antecedent(si, w, type == EntityType::kState ? Want::kState : Want::kBody, lemma);
      // (several bodies are a group told before, "the banks" after "commercial banks", not
      // one body)
      if (!several || (a >= 0 && t_.mentions[static_cast<size_t>(a)].kind == MentionKind::kCollective)) return a;
    }
  }
  if (here >= 0 && eligible(static_cast<size_t>(here))) return here;  // a role: "the prime minister"
  return -1;
}

int Reference::side_of(size_t person) const {
  const Mention& p = t_.mentions[person];
  if (acts_for_[person] >= 0) return acts_for_[person];
  // the same person named in full before ("Arayik Harutyunyan" for "Harutyunyan"): the last
  // word of the name decides
  // (the latest such name before it; else the first after it)
  const auto same = persons_by_surname_.find(text::last_key_word(p.key));
  if (same == persons_by_surname_.end()) return -1;
  const std::vector<size_t>& named = same->second;
  const auto at = std::lower_bound(named.begin(), named.end(), p.begin,
                                   [&](size_t i, size_t b) { return t_.mentions[i].begin < b; });
  count_mention_steps(1);
  return acts_for_[at != named.begin() ? *(at - 1) : named.front()];
}

int Reference::find_acts_for(size_t m) const {
  const Mention& mm = t_.mentions[m];
  if (mm.type != EntityType::kPerson || mm.kind == MentionKind::kRole || mm.sentence >= a_.sentences.size()) return -1;
  const size_t si = mm.sentence;
  auto body_mention = [&](const Mention& c) {
    if (c.type == EntityType::kPerson || c.type == EntityType::kLocation || c.kind == MentionKind::kRole) return false;
    return is_state(c) || is_body(c);
  };
  // The name's title, as the tagger read it, right after a state or body ("Russian Foreign
  // Minister Sergey Lavrov", "UK Foreign Secretary Jack Straw", "Kuwait's Crown Prince and
  // Prime Minister Sheikh Saad"): between the two only the possessive and title words.
  if (!mm.title.empty() && m > 0 && t_.mentions[m - 1].sentence == si && body_mention(t_.mentions[m - 1])) {
    const std::vector<text::Token> between = text::tokenize(doc_.text, t_.mentions[m - 1].end, mm.begin);
    size_t k = 0;
    // the possessive, however the tokenizer splits it when it opens the span ("'s", "'", "s")
    while (k < between.size() && k < 2) {
      const std::string_view w = between[k].view(doc_.text);
      if (!between[k].possessive && w != "'" && w != "\xE2\x80\x99" && w != "s" && w != "'s" && w != "\xE2\x80\x99s") break;
      ++k;
    }
    bool title_words = k < between.size(), office = false;
    for (size_t j = k; j < between.size(); ++j) {
      const std::string w = text::name_key(between[j].view(doc_.text));
      const bool known = m_.lexicon.titles.count(w) || m_.lexicon.roles.count(w) || mm.title.find(w) != std::string::npos;
      office = office || known;
      title_words = title_words && between[j].word && (between[j].capitalized || w == "and" || known);
    }
    if (title_words && office) return static_cast<int>(m - 1);
  }
  const syntax::Sentence& s = a_.sentences[si];
  if (!s.parsed) return -1;
  const int head = head_word(m);
  if (head < 0) return -1;
  // a state or body named in the phrase around word w: on it, on its title words, or in an "of"
  // phrase ("leader of the Hamas group")
  auto body = [&](int x) {
    const int a = mention_at(si, x);
    if (a < 0 || a == static_cast<int>(m)) return -1;
    return body_mention(t_.mentions[static_cast<size_t>(a)]) ? a : -1;
  };
  std::function<int(int, int)> in_phrase = [&](int w, int depth) -> int {
    if (depth > 4) return -1;
    for (int c : s.children(w)) {
      const std::string& rel = s.words[static_cast<size_t>(c)].deprel;
      const bool of = (rel == "nmod" && (grammar::case_of(s, c) == "of" || grammar::case_of(s, c) == "for"));
      // (nmod:desc: "[Russian president] Dmitry Medvedev", a description before a name)
      const bool desc = rel == "nmod:desc";
      // (appos under a noun of the phrase: "member of the republican party Sinn Féin", the
      // body's name in apposition to its kind)
      const bool named = rel == "appos" && depth > 0 && s.words[static_cast<size_t>(w)].upos == "NOUN";
      if (rel != "compound" && rel != "amod" && rel != "nmod:poss" && rel != "flat" && !of && !desc && !named) continue;
      if (const int a = body(c); a >= 0) return a;
      if (rel == "compound" || rel == "flat" || of || desc)
        if (const int a = in_phrase(c, depth + 1); a >= 0) return a;
    }
    return -1;
  };
  // Only an office says whom a person acts for: a title the tagger read, or a role noun the
  // name stands in apposition to ("Japan's Nippon Steel" is a firm mistaken for a person)
  auto office = [&](int w) {
    const std::string l = ascii_lower(s.words[static_cast<size_t>(w)].lemma);
    return m_.lexicon.roles.count(l) > 0 || m_.lexicon.titles.count(l) > 0;
  };
  // a title the tagger read, or an office noun the parse hangs on the name ("Polish leader
  // Wojciech Jaruzelski": leader is a role, not a title)
  bool titled = !mm.title.empty();
  for (int c : s.children(head)) {
    const std::string& rel = s.words[static_cast<size_t>(c)].deprel;
    titled = titled || ((rel == "nmod:desc" || rel == "compound") && mention_at(si, c) < 0 && office(c));
  }
  if (titled)
    if (const int a = in_phrase(head, 0); a >= 0) return a;
  // "Patrice Talon of Benin", "Khaled Meshaal of Hamas": an "of" phrase on the name itself
  // names the state or body the person is of
  // (on any word of the name, or on the title the parse made the name's head: "Chancellor
  // Helmut Kohl of West Germany" hangs the phrase on "Kohl", flat under "Chancellor")
  for (int k = 0; k < s.size(); ++k) {
    const bool own = mention_at(si, k) == static_cast<int>(m);
    const bool title_head = k == s.words[static_cast<size_t>(head)].head && s.words[static_cast<size_t>(head)].deprel == "flat" &&
                            mention_at(si, k) < 0;
    if (!own && !title_head) continue;
    for (int c : s.children(k, "nmod"))
      if (grammar::case_of(s, c) == "of")
        if (const int a = body(c); a >= 0) return a;
  }
  // a title in apposition to the name, or the name in apposition to a title
  for (int c : s.children(head, "appos"))
    if (office(c))
      if (const int a = in_phrase(c, 1); a >= 0) return a;
  if (s.words[static_cast<size_t>(head)].deprel == "appos")
    if (const int t = s.words[static_cast<size_t>(head)].head; t >= 0 && mention_at(si, t) < 0 && office(t))
      if (const int a = in_phrase(t, 1); a >= 0) return a;
  // "The Egyptian foreign minister, Amr Moussa, met ...": the apposition as the text writes it
  // (an office noun, a comma, the name), whatever the parse made of it
  int first = -1;
  for (int k = 0; k < s.size() && first < 0; ++k)
    if (mention_at(si, k) == static_cast<int>(m)) first = k;
  // (the office noun is the phrase's head: "A spokesman for the Russian Foreign Ministry,
  // Alexander Lukashevich, said": up from the word before the comma to "spokesman")
  if (first >= 2 && s.words[static_cast<size_t>(first - 1)].form == ",") {
    int w = first - 2;
    for (int steps = 0; w >= 0 && w < first && steps < 4; ++steps) {
      if (mention_at(si, w) < 0 && office(w)) {
        if (const int a = in_phrase(w, 1); a >= 0) return a;
        break;
      }
      w = s.words[static_cast<size_t>(w)].head;
    }
  }
  return -1;
}

std::vector<size_t> Reference::pair_of(size_t si, int w) const {
  const syntax::Sentence& s = a_.sentences[si];
  if (!s.parsed || s.words[static_cast<size_t>(w)].upos != "NOUN") return {};
  // "the two leaders", "both sides", "the two countries", "the pair"
  const bool pair = ascii_lower(s.words[static_cast<size_t>(w)].lemma) == "pair";
  if (s.words[static_cast<size_t>(w)].xpos != "NNS" && !pair) return {};
  bool two = pair;
  for (int c : s.children(w)) {
    const std::string f = ascii_lower(s.words[static_cast<size_t>(c)].form);
    two = two || ((s.universal_deprel(c) == "nummod" || s.universal_deprel(c) == "det") && (f == "two" || f == "both"));
  }
  if (!two) return {};
  const std::string noun = ascii_lower(s.words[static_cast<size_t>(w)].lemma);
  Want want = Want::kNonPerson;
  for (const char* p : {"leader", "president", "minister", "premier", "man", "head", "envoy", "pair"})
    if (noun == p) want = Want::kPerson;
  for (const char* p : {"country", "nation", "state", "government", "neighbour", "neighbor", "capital"})
    if (noun == p) want = Want::kState;
  // any other noun names actors only if it is a word for sides ("both sides", "the two parties");
  // "two months", "both plans" name none
  bool sides = want != Want::kNonPerson;
  for (const char* p : {"side", "party", "camp", "group", "delegation", "rival", "power", "faction", "organisation",
                        "organization", "body", "bloc", "team", "union", "movement", "community"})
    sides = sides || noun == p;
  if (!sides) return {};
  // the nearest earlier sentence (up to five back) that names two such actors
  const size_t at = s.words[static_cast<size_t>(w)].begin;
  for (size_t j = si + 1; j-- > 0 && j + 5 >= si;) {
    std::vector<size_t> found;
    for (size_t i = first_mention(j, 0); i < t_.mentions.size() && t_.mentions[i].sentence == j; ++i) {
      count_mention_steps(1);
      const Mention& mm = t_.mentions[i];
      if (mm.begin >= at || !fits(i, want)) continue;
      if (std::none_of(found.begin(), found.end(), [&](size_t k) { return t_.mentions[k].key == mm.key; }))
        found.push_back(i);
    }
    if (found.size() >= 2) return {found[0], found[1]};
  }
  return {};
}

std::vector<size_t> Reference::actors_of(size_t si, int w) const {
  std::vector<size_t> out;
  auto add = [&](int a) {
    if (a >= 0 && std::find(out.begin(), out.end(), static_cast<size_t>(a)) == out.end()) out.push_back(static_cast<size_t>(a));
  };
  // a relative pronoun: the noun it stands for, with its conjuncts ("the AU and France, both of
  // which")
  if (si < a_.sentences.size() && a_.sentences[si].parsed)
    if (const int a = grammar::relative_antecedent(a_.sentences[si], w); a >= 0) w = a;
  const int first = actor_at(si, w, 0);
  add(first);
  if (out.empty() && si < a_.sentences.size())
    for (size_t a : pair_of(si, w)) add(static_cast<int>(a));
  if (si < a_.sentences.size() && a_.sentences[si].parsed) {
    const syntax::Sentence& s = a_.sentences[si];
    // (a title the parse reads as a conjunct of its own, "X and [British Prime Minister] [Boris
    // Johnson]", is the title of the name after it, not a second actor)
    auto title_of_next = [&](int c) {
      if (c + 1 >= s.size() || mention_at(si, c) >= 0) return false;
      const int next = mention_at(si, c + 1);
      return next >= 0 && is_person(t_.mentions[static_cast<size_t>(next)]) &&
             (m_.lexicon.roles.count(ascii_lower(s.words[static_cast<size_t>(c)].lemma)) ||
              m_.lexicon.titles.count(ascii_lower(s.words[static_cast<size_t>(c)].form)));
    };
    for (int c : grammar::conjuncts(s, w))
      if (!title_of_next(c)) add(actor_at(si, c, 0));
    // "the authorities in Stepanakert and Yerevan", "officials of Iran and Iraq": the names listed
    // with the one the phrase was read by are actors too
    if (first >= 0) {
      const auto [from, to] = s.subtree(w);
      for (int x = from; x <= to; ++x)
        if (x != w && mention_at(si, x) == first)
          for (int c : grammar::conjuncts(s, x)) add(actor_at(si, c, 0));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool Reference::fits(size_t i, Want want) const {
  const Mention& mm = t_.mentions[i];
  if (!eligible(i) || mm.kind == MentionKind::kRole) return false;
  switch (want) {
    case Want::kPerson: return is_person(mm);
    case Want::kHe: return is_person(mm) && gender_[i] != 'f';
    case Want::kShe: return is_person(mm) && gender_[i] != 'm';
    case Want::kState: return is_state(mm);
    case Want::kBody: return is_body(mm) && mm.kind != MentionKind::kCollective;  // "the ministry" is no "unions"
    case Want::kNonPerson: return !is_person(mm);
  }
  return false;
}

int Reference::antecedent(size_t si, int w, Want want, std::string_view head) const {
  auto fits = [&](size_t i) { return this->fits(i, want); };
  const bool person = want == Want::kPerson || want == Want::kHe || want == Want::kShe;
  const size_t at = a_.sentences[si].words[static_cast<size_t>(w)].begin;
  // "the commission" after "the Commission for Africa": a name with the description's noun
  if (!head.empty()) {
    int named = -1;
    for (size_t i = first_mention(si, 10); i < t_.mentions.size() && t_.mentions[i].begin < at; ++i) {
      count_mention_steps(1);
      const Mention& mm = t_.mentions[i];
      if (mm.sentence + 10 < si || !eligible(i) || mm.kind == MentionKind::kRole) continue;
      const std::string name = ascii_lower(std::string_view(doc_.text).substr(mm.begin, mm.end - mm.begin));
      if (name.find(head) != std::string::npos) named = static_cast<int>(i);
    }
    if (named >= 0) return named;
    if (want == Want::kBody) return -1;  // "the council" names no body it does not name
  }
  // The nearest before the word, in this sentence; for states and bodies, in the three before.
  int best = -1;
  for (size_t i = first_mention(si, 3); i < t_.mentions.size() && t_.mentions[i].begin < at; ++i, count_mention_steps(1))
    if ((t_.mentions[i].sentence == si || (!person && t_.mentions[i].sentence + 3 >= si)) && fits(i))
      best = static_cast<int>(i);
  if (best >= 0 || !person) return best;
  // "he", "she": the person a sentence before is about, its subject, else its first person
  // named (what a sentence is about comes first).
  // A person a form of address gives the pronoun's gender comes before one of unknown gender
  // ("Mrs Quinn" for "she" before "BBC Radio Sheffield" read as a name).
  const char gender = want == Want::kHe ? 'm' : want == Want::kShe ? 'f' : 0;
  for (size_t j = si; j-- > 0 && j + 3 >= si;) {
    int first = -1, subj = -1, agreeing = -1, agreeing_subj = -1;
    const syntax::Sentence& s = a_.sentences[j];
    for (int k = 0; k < s.size(); ++k) {
      const int mi = mention_at(j, k);
      if (mi < 0 || !fits(static_cast<size_t>(mi))) continue;
      const bool agrees = gender && gender_[static_cast<size_t>(mi)] == gender;
      const bool subject = s.parsed && s.universal_deprel(k) == "nsubj";
      if (first < 0) first = mi;
      if (subject && subj < 0) subj = mi;
      if (agrees && agreeing < 0) agreeing = mi;
      if (agrees && subject && agreeing_subj < 0) agreeing_subj = mi;
    }
    for (int pick : {agreeing_subj, agreeing, subj, first})
      if (pick >= 0) return pick;
  }
  return -1;
}

int Reference::sayer(size_t si, int verb) const {
  const syntax::Sentence& s = a_.sentences[si];
  // "..., as quoted by Al Jazeera", "the paper quoted the minister as saying", "he was quoted as
  // saying": the one quoted says it, not the one who quotes
  if (ascii_lower(s.words[static_cast<size_t>(verb)].lemma) == "quote") {
    for (const char* rel : {"obj", "nsubj:pass"})
      for (int c : s.children(verb, rel)) {
        const std::vector<size_t> a = actors_of(si, c);
        if (!a.empty()) return static_cast<int>(a.front());
      }
    return -1;
  }
  const grammar::Subject subj = grammar::subject(s, verb);
  int who = subj.word;
  // "...," explained the ministry: after a quotation the parse may take the inverted subject
  // for an object
  if (who < 0 && subj.via != grammar::SubjectVia::kPassiveWithoutAgent)
    for (int c : s.children(verb, "obj"))
      if (c > verb) who = c;
  if (who < 0) return -1;
  const std::vector<size_t> a = actors_of(si, who);
  return a.empty() ? -1 : static_cast<int>(a.front());
}

int Reference::attribution(size_t si) const {
  const syntax::Sentence& s = a_.sentences[si];
  if (!s.parsed) return -1;
  for (int k = 0; k < s.size(); ++k) {
    if (!m_.lexicon.speech_verbs.count(ascii_lower(s.words[static_cast<size_t>(k)].form))) continue;
    if (const int a = sayer(si, k); a >= 0) return a;
  }
  return -1;
}

int Reference::speaker(size_t si, int w) const {
  if (asking_ > 2) return -1;
  struct Guard {
    int& n;
    explicit Guard(int& x) : n(++x) {}
    ~Guard() { --n; }
  } guard(asking_);
  const syntax::Sentence& s = a_.sentences[si];
  if (s.parsed) {
    // Up from the word: the verb of saying whose report holds it.
    for (int x = w, steps = 0; x >= 0 && steps <= s.size(); ++steps) {
      const int h = s.words[static_cast<size_t>(x)].head;
      if (h < 0) break;
      const std::string_view rel = s.universal_deprel(x);
      if (rel != "ccomp" && rel != "parataxis" && rel != "xcomp" && rel != "advcl") {
        x = h;
        continue;
      }
      // (a verb of thought, class think, holds the clause for its own subject: "Some people think
      // that the women should be confined ... - absolutely wrong," he said is no one's demand)
      const std::string hl = ascii_lower(s.words[static_cast<size_t>(h)].lemma);
      const bool thought = rel == "ccomp" && m_.classes.contains("think", hl);
      if (thought || m_.lexicon.speech_verbs.count(ascii_lower(s.words[static_cast<size_t>(h)].form))) {
        if (hl == "quote") {
          if (const int a = sayer(si, h); a >= 0) return a;
          x = h;
          continue;
        }
        const grammar::Subject subj = grammar::subject(s, h);
        if (subj.word >= 0 && subj.word != w) {
          const std::vector<size_t> a = actors_of(si, subj.word);
          if (!a.empty()) return static_cast<int>(a.front());
          // (one who names no actor says or thinks it: "some people", "analysts", "critics";
          // not whoever reports them)
          if (grammar::personal_pronoun(s, subj.word).empty() && s.words[static_cast<size_t>(subj.word)].upos == "NOUN")
            return -1;
        }
        if (subj.word < 0 && subj.via != grammar::SubjectVia::kPassiveWithoutAgent) {
          // the parse lost the verb's subject ("X, the EU's ambassador, said"): the last actor
          // named before the verb, outside what is reported
          const auto [rf, rl] = s.subtree(x);
          // (not a name inside a phrase of place or medium: "Denman, in an Op-Ed piece in
          // today's Washington Post, said")
          const auto in_obl = [&](int k) {
            for (int y = k, n = 0; y >= 0 && y != h && n <= s.size(); ++n, y = s.words[static_cast<size_t>(y)].head)
              if (s.universal_deprel(y) == "obl") return true;
            return false;
          };
          int last = -1;
          for (int k = 0; k < h; ++k) {
            if ((k >= rf && k <= rl) || in_obl(k)) continue;
            const int mi = mention_at(si, k);
            if (mi >= 0 && eligible(static_cast<size_t>(mi))) last = mi;
          }
          if (last >= 0) return last;
        }
      }
      x = h;
    }
    // "The plan is wrong, he said": the verb of saying hangs on the reported clause
    for (int r : s.roots())
      for (int c : s.children(r, "parataxis"))
        if (m_.lexicon.speech_verbs.count(ascii_lower(s.words[static_cast<size_t>(c)].form))) {
          const grammar::Subject subj = grammar::subject(s, c);
          if (subj.word < 0 || subj.word == w) continue;
          const std::vector<size_t> a = actors_of(si, subj.word);
          if (!a.empty()) return static_cast<int>(a.front());
        }
  }
  // The sentence's own attribution, where the parse does not hang the clause under it
  // ("X reacted by saying Europe needed to ...", "X said ..., and that corruption must be ...")
  if (const int a = attribution(si); a >= 0) return a;
  if (!quoted(si)) return -1;
  // A quotation that runs over several sentences: the one that closes it says who speaks, or
  // failing that the one that opens it.
  for (size_t j = si; j < t_.sentences.size() && j <= si + 3; ++j) {
    if (j > si && !quote_open_[j - 1]) break;
    if (const int a = attribution(j); a >= 0 && j != si) return a;
    if (!quote_open_[j]) break;
  }
  for (size_t j = si; j-- > 0 && j + 3 >= si && quote_open_[j];)
    if (const int a = attribution(j); a >= 0) return a;
  return -1;
}

}  // namespace parley::extract
