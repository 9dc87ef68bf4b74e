#include "extract/grammar.h"

#include <algorithm>
#include <string>

#include "syntax/word_features.h"

namespace parley::extract::grammar {

namespace {

using syntax::ascii_lower;

std::string lemma_of(const Sentence& s, int w) {
  return ascii_lower(s.words[w].lemma.empty() ? s.words[w].form : s.words[w].lemma);
}

bool has_child(const Sentence& s, int w, std::string_view rel, std::initializer_list<std::string_view> lemmas) {
  for (int c : s.children(w, rel)) {
    const std::string l = lemma_of(s, c);
    for (std::string_view x : lemmas)
      if (l == x) return true;
  }
  return false;
}

bool relative_pronoun(const Sentence& s, int w) {
  const std::string l = lemma_of(s, w);
  return l == "who" || l == "which" || l == "that" || l == "whom";
}

bool quantifier(const Sentence& s, int w) {
  static constexpr std::string_view kQuantifiers[] = {"both", "all", "each", "either", "neither", "none",
                                                      "some", "many", "most", "one", "two", "several"};
  const std::string l = lemma_of(s, w);
  return std::find(std::begin(kQuantifiers), std::end(kQuantifiers), l) != std::end(kQuantifiers);
}

bool relative_clause(const Sentence& s, int v) {
  return s.words[static_cast<size_t>(v)].deprel == "acl:relcl" || s.words[static_cast<size_t>(v)].deprel == "advcl:relcl";
}

// Does clause `x` say what the noun it hangs on holds ("allegations (that) he pressured the
// auditors"), rather than describe it ("the charges, which he denies", "the claims he made")?
// A relative clause leaves a gap where the noun goes; a parse that calls a clause with its own
// subject and object and no relative word a relative clause has read a content clause.
bool content_clause(const Sentence& s, int x) {
  const std::string& rel = s.words[static_cast<size_t>(x)].deprel;
  if (rel == "acl" || s.universal_deprel(x) == "ccomp") return true;
  if (rel != "acl:relcl") return false;
  bool subject = false, object = false;
  for (int c : s.children(x)) {
    if (relative_pronoun(s, c) || lemma_of(s, c) == "where" || lemma_of(s, c) == "when" || lemma_of(s, c) == "whose")
      return false;
    const std::string_view r = s.universal_deprel(c);
    subject = subject || r == "nsubj";
    object = object || r == "obj" || r == "ccomp" || r == "xcomp";
  }
  return subject && object;
}

Subject subject_at(const Sentence& s, int v, int depth) {
  if (v < 0 || depth > s.size()) return {};
  // A passive's doer is its "by" phrase, whatever relation the parse gives its subject; so is
  // a participle's ("talks mediated by Qatar").
  if (const int a = s.child(v, "obl:agent"); a >= 0) return {a, SubjectVia::kByAgent};
  // a participle's "by" phrase, however labelled or tagged ("talks ... brokered by Turkey")
  bool has_subject = false;
  for (int c : s.children(v)) has_subject = has_subject || s.universal_deprel(c) == "nsubj";
  if (s.child(v, "aux") < 0 && !has_subject && (s.words[v].xpos == "VBN" || s.words[v].xpos == "VBD"))
    for (int c : s.children(v, "obl"))
      if (has_child(s, c, "case", {"by"})) return {c, SubjectVia::kByAgent};
  // "the talks, chaired by Anna Berg, ended": where the parse reads the "by" right after a
  // participle as the marker of the clause that follows, the subject it gives that clause is the
  // participle's doer
  if (s.child(v, "aux") < 0 && !has_subject && s.words[v].xpos == "VBN" && v + 1 < s.size() &&
      lemma_of(s, v + 1) == "by" && s.universal_deprel(v + 1) == "mark") {
    const int clause = s.words[v + 1].head;
    if (clause > v + 1 && s.words[clause].head == v)
      for (int c : s.children(clause))
        if (s.universal_deprel(c) == "nsubj" && c > v + 1) return {c, SubjectVia::kByAgent};
  }
  if (passive(s, v)) {
    if (const int a = s.child(v, "obl:agent"); a >= 0) return {a, SubjectVia::kByAgent};
    for (int c : s.children(v, "obl"))
      if (has_child(s, c, "case", {"by"})) return {c, SubjectVia::kByAgent};
    return {-1, SubjectVia::kPassiveWithoutAgent};
  }
  // The subject nearest the verb: where a misparse gives two ("Foreign Secretary Dominic Raab
  // urged" with Secretary and Dominic both nsubj), the name next to the verb is its head.
  int subj = -1;
  for (int c : s.children(v)) {
    const std::string& rel = s.words[c].deprel;
    if ((rel == "nsubj" || rel.rfind("nsubj:", 0) == 0) && (rel != "nsubj:pass" || active_read_as_passive(s, v)) &&
        (subj < 0 || c < v))
      subj = c;
  }
  // "Iran had earlier rejected": a parse that hangs the subject on the auxiliary before the verb
  if (subj < 0)
    for (int a : s.children(v, "aux"))
      for (int c : s.children(a))
        if (c < a && s.universal_deprel(c) == "nsubj") subj = c;
  if (subj >= 0) {
    // "the US, which opposed", "both of which called" ("It was Hungary that asked": a cleft's
    // relative clause, advcl:relcl in EWT)
    if (const int a = relative_antecedent(s, subj); a >= 0) return {a, SubjectVia::kRelativeHead};
    // a pseudo-cleft: "All we need to do is ask her", "What Iran wants is talks": the subject of
    // the clause that describes "all" or "what"
    if (const std::string l = lemma_of(s, subj); l == "all" || l == "what")
      for (int c : s.children(subj, "acl:relcl"))
        for (int k : s.children(c))
          if (s.universal_deprel(k) == "nsubj") return {k, SubjectVia::kSubject};
    return {subj, SubjectVia::kSubject};
  }
  const int h = s.words[v].head;
  if (h < 0) return {};
  const std::string_view rel = s.universal_deprel(v);
  if (rel == "xcomp") {
    // object control: "urged Iran to stop" (Iran stops); "Iran was urged to stop" (the same)
    for (int c : s.children(h))
      if (c != v && (s.words[c].deprel == "obj" || s.words[c].deprel == "iobj" || s.words[c].deprel == "nsubj:pass"))
        return {c, SubjectVia::kObjectController};
    Subject up = subject_at(s, h, depth + 1);
    if (up.word >= 0) up.via = SubjectVia::kController;
    return up;
  }
  if (rel == "conj") {
    const std::string& hu = s.words[h].upos;
    if (hu != "VERB" && hu != "AUX" && hu != "ADJ") return {};
    // "declared that the government was harbouring guerrillas and requested an inquiry": a past
    // tense cannot share the auxiliary of a progressive in a reported clause; it is the second
    // verb of the one who reports it
    if (s.words[v].xpos == "VBD" && s.words[h].xpos == "VBG" && s.child(v, "aux") < 0 && s.child(h, "aux") >= 0 &&
        s.universal_deprel(h) == "ccomp" && s.words[h].head >= 0) {
      Subject up = subject_at(s, s.words[h].head, depth + 1);
      if (up.word >= 0) {
        up.via = SubjectVia::kSharedSubject;
        return up;
      }
    }
    Subject up = subject_at(s, h, depth + 1);
    if (up.word >= 0) up.via = SubjectVia::kSharedSubject;
    return up;
  }
  if (s.words[v].deprel == "acl:relcl") {
    for (int c : s.children(v))
      if (c < v && relative_pronoun(s, c))
        if (const int a = relative_antecedent(s, c); a >= 0) return {a, SubjectVia::kRelativeHead};
    return {h, SubjectVia::kRelativeHead};
  }
  if (rel == "acl") {
    // "Iran's decision to reject": the noun's owner; "officials opposing the plan": the noun
    if (has_child(s, v, "mark", {"to"})) {
      // "a chairman, X, to preside over": a person noun does it; "Iran's decision to reject":
      // the noun's owner does
      const std::string& hu = s.words[static_cast<size_t>(h)].upos;
      if (hu == "PROPN" || s.child(h, "appos") >= 0) return {h, SubjectVia::kModifiedNoun};
      if (const int poss = s.child(h, "nmod:poss"); poss >= 0) return {poss, SubjectVia::kController};
      Subject up = subject_at(s, clause_head(s, h), depth + 1);
      if (up.word >= 0) up.via = SubjectVia::kController;
      return up;
    }
    return {h, SubjectVia::kModifiedNoun};
  }
  if (rel == "advcl") {
    // "criticised SATS for refusing", "accused Iran of supplying": the object does it
    // ("The China Daily quoted He as saying", "cited officials as saying": the one quoted says it)
    if (has_child(s, v, "mark", {"for", "of"}) ||
        (has_child(s, v, "mark", {"as"}) && (lemma_of(s, h) == "quote" || lemma_of(s, h) == "cite")))
      for (int c : s.children(h))
        if (c != v && s.words[c].deprel == "obj") return {c, SubjectVia::kObjectController};
    // "X was summoned to confer", "X was scheduled to meet" (an infinitive the parse makes
    // adverbial): the passive's subject does it
    if (has_child(s, v, "mark", {"to"}))
      if (const int c = s.child(h, "nsubj:pass"); c >= 0) return {c, SubjectVia::kObjectController};
    // "... unravelled as Mr Thorpe's colleagues refused to support him": a subordinator read as a
    // preposition leaves the clause's subject hanging, with it, on the main verb, right before the
    // finite verb of the clause
    const std::string& vx = s.words[static_cast<size_t>(v)].xpos;
    if (vx == "VBD" || vx == "VBZ" || vx == "VBP")
      for (int c : s.children(h)) {
        if (s.universal_deprel(c) != "obl" || s.subtree(c).second != v - 1) continue;
        const std::string& cu = s.words[static_cast<size_t>(c)].upos;
        if ((cu == "NOUN" || cu == "PROPN" || cu == "PRON") &&
            has_child(s, c, "case", {"as", "while", "because", "since", "when", "after", "before", "until", "once"}))
          return {c, SubjectVia::kSubject};
      }
    // a finite clause has a subject of its own, which the parse lost ("reported that hedge funds
    // were planning to demand", with "funds" read as a verb): a finite auxiliary, a present tense,
    // or a past tense a subordinator opens; a participle or an infinitive shares the main
    // clause's subject ("..., saying", "Asked about the plan, he")
    bool finite = vx == "VBZ" || vx == "VBP" || (vx == "VBD" && s.child(v, "mark") >= 0 && !has_child(s, v, "mark", {"to"}));
    for (int a : s.children(v))
      if (s.universal_deprel(a) == "aux" || s.universal_deprel(a) == "cop") {
        const std::string& ax = s.words[static_cast<size_t>(a)].xpos;
        finite = finite || ax == "VBD" || ax == "VBZ" || ax == "VBP" || ax == "MD";
      }
    if (finite) return {};
    Subject up = subject_at(s, h, depth + 1);
    if (up.word >= 0) up.via = SubjectVia::kParticiple;
    return up;
  }
  return {};
}

}  // namespace

bool negated(const Sentence& s, int w) {
  if (has_child(s, w, "advmod", {"not", "never", "n't"})) return true;
  // "neither admits nor denies the allegations", "would neither confirm nor deny"
  if (has_child(s, w, "cc", {"neither", "nor"})) return true;
  // "can cut crime without asking people to pay more taxes"
  if (has_child(s, w, "mark", {"without"})) return true;
  for (int o : s.children(w, "obj"))
    if (has_child(s, o, "det", {"no"})) return true;
  // a subject that says no one did it: "None of the members has asked for a meeting", "No
  // country has called for sanctions", "Neither side rejected the plan"
  for (int c : s.children(w, "nsubj")) {
    const std::string l = lemma_of(s, c);
    if (l == "none" || l == "nobody" || l == "neither" || l == "nothing" || l == "noone") return true;
    if (has_child(s, c, "det", {"no", "neither"})) return true;
  }
  return false;
}

bool under_negated_verb(const Sentence& s, int w) {
  int x = w;
  for (int steps = 0; x >= 0 && steps <= s.size(); ++steps) {
    const std::string_view rel = s.universal_deprel(x);
    const int h = s.words[static_cast<size_t>(x)].head;
    if (h < 0) return false;
    // ("it is not fair to ask X to pay", "I don't think it is right to ask": a clause that is the
    // subject of a negated predicate is not asserted either)
    if ((rel == "ccomp" || rel == "csubj") && negated(s, h)) return true;
    // (not through conj: "does not believe that X would be enough, and that Y must be fought"
    // says the second clause; the parse hangs it on the first)
    if (rel != "aux" && rel != "xcomp" && rel != "ccomp" && rel != "csubj") return false;
    x = h;
  }
  return false;
}

bool alleged(const Sentence& s, int w, const syntax::ClassTest& in_class) {
  using Key = syntax::Pattern::Key;
  int x = w;
  for (int steps = 0; x >= 0 && steps <= s.size(); ++steps) {
    const std::string_view rel = s.universal_deprel(x);
    const int h = s.words[static_cast<size_t>(x)].head;
    if (h < 0) return false;
    const std::string& hu = s.words[static_cast<size_t>(h)].upos;
    if (hu == "NOUN" && content_clause(s, x)) {
      if (in_class("allegation_noun", Key::kLemma, s, h)) return true;
      // any report a denial denies: "denied reports that the envoys had met", "reports that
      // ... were denied"
      const int v = s.words[static_cast<size_t>(h)].head;
      const std::string& hr = s.words[static_cast<size_t>(h)].deprel;
      if (v >= 0 && (hr == "obj" || hr == "nsubj:pass") &&
          (in_class("deny", Key::kLemma, s, v) || in_class("reject", Key::kLemma, s, v)))
        return true;
    }
    if (hu == "VERB" && (in_class("deny", Key::kLemma, s, h) || in_class("accuse", Key::kLemma, s, h))) {
      if (rel == "ccomp") return true;
      if (rel == "advcl" && has_child(s, x, "mark", {"of"})) return true;
    }
    // the parse may hang the noun's clause on the verb beside it: "rejected allegations he
    // pressured ..." (allegations: obj, pressured: ccomp of "rejected")
    if (rel == "ccomp" && x > h)
      for (int c : s.children(h))
        if (c < x && s.universal_deprel(c) == "obj" && s.words[static_cast<size_t>(c)].upos == "NOUN" &&
            in_class("allegation_noun", Key::kLemma, s, c))
          return true;
    if (rel != "aux" && rel != "xcomp" && rel != "ccomp") return false;
    x = h;
  }
  return false;
}

bool passive(const Sentence& s, int w) {
  if (active_read_as_passive(s, w)) return false;
  for (int c : s.children(w)) {
    const std::string& rel = s.words[c].deprel;
    if (rel == "nsubj:pass" || rel == "csubj:pass" || rel == "aux:pass") return true;
  }
  return false;
}

bool active_read_as_passive(const Sentence& s, int w) {
  // "The president, in his address, once again ruled out any integration process": a past
  // tense the tagger took for a participle, with a passive subject but no passive auxiliary,
  // and an object no passive has
  return s.child(w, "nsubj:pass") >= 0 && s.child(w, "aux:pass") < 0 && s.child(w, "obj") >= 0;
}

bool hypothetical(const Sentence& s, int w) {
  int x = w;
  // a noun is in the clause of the verb it is an argument of: "whether to start talks", "if
  // they hold a meeting"
  const std::string& u = s.words[static_cast<size_t>(w)].upos;
  const bool nominal = u == "NOUN" || u == "PROPN";
  for (int steps = 0; x >= 0 && steps <= s.size(); ++steps) {
    if (has_child(s, x, "mark", {"if", "unless", "whether"})) return true;
    const std::string_view rel = s.universal_deprel(x);
    if (s.words[x].head < 0) {
      // the main clause of a question
      for (int k = s.size() - 1; k >= 0; --k) {
        if (s.words[k].upos != "PUNCT") break;
        if (s.words[k].form == "?") return true;
      }
      return false;
    }
    const bool argument = x == w && nominal && (rel == "obj" || rel == "obl" || rel == "nsubj");
    if (rel != "xcomp" && rel != "ccomp" && rel != "conj" && rel != "aux" && !argument) return false;
    x = s.words[x].head;
  }
  return false;
}

Subject subject(const Sentence& s, int v) { return subject_at(s, v, 0); }

int relative_antecedent(const Sentence& s, int w) {
  if (w < 0 || w >= s.size()) return -1;
  // the pronoun: `w` itself, or the one a quantifier governs or stands before ("both of which")
  int pronoun = relative_pronoun(s, w) && s.words[static_cast<size_t>(w)].upos != "SCONJ" ? w : -1;
  const bool quantified = pronoun < 0 && quantifier(s, w);
  if (quantified && w + 2 < s.size() && lemma_of(s, w + 1) == "of" && relative_pronoun(s, w + 2)) pronoun = w + 2;
  if (pronoun < 0) return -1;
  // the relative clause it opens
  int v = pronoun;
  for (int steps = 0; v >= 0 && !relative_clause(s, v) && steps <= s.size(); ++steps) v = s.words[static_cast<size_t>(v)].head;
  if (v < 0 || !relative_clause(s, v)) return -1;
  const int attached = s.words[static_cast<size_t>(v)].head;
  // the noun right before the clause, less commas
  int k = std::min(s.subtree(v).first, w) - 1;
  // ("..., both of which": the parse may leave the quantifier outside the clause)
  bool quantified_before = false;
  if (k >= 0 && k + 2 == pronoun && lemma_of(s, k + 1) == "of" && quantifier(s, k)) {
    quantified_before = true;
    --k;
  }
  while (k >= 0 && s.words[static_cast<size_t>(k)].upos == "PUNCT") --k;
  if (k < 0) return attached;
  const std::string& u = s.words[static_cast<size_t>(k)].upos;
  if (u != "NOUN" && u != "PROPN" && u != "PRON" && u != "NUM") return attached;
  // a name's head ("Roy Chaderton": Roy heads the flat name); an "of" phrase's owner
  while (s.words[static_cast<size_t>(k)].deprel == "flat" && s.words[static_cast<size_t>(k)].head >= 0)
    k = s.words[static_cast<size_t>(k)].head;
  for (int steps = 0; steps <= s.size(); ++steps) {
    const int h = s.words[static_cast<size_t>(k)].head;
    if (h < 0) break;
    const std::string_view rel = s.universal_deprel(k);
    if (rel == "nmod" && case_of(s, k) == "of" && h < k) {
      k = h;
      continue;
    }
    // "A and B, which": both when a quantifier says so or the parse hangs the clause on A
    bool up = false;
    if (rel == "conj" && (quantified || quantified_before || attached == h)) up = true;
    if (!up) break;
    k = h;
  }
  return k;
}

std::string case_of(const Sentence& s, int w) {
  const int c = s.child(w, "case");
  return c < 0 ? std::string() : lemma_of(s, c);
}

int owner(const Sentence& s, int w) {
  if (const int p = s.child(w, "nmod:poss"); p >= 0) return p;
  // past the modifiers in front of the noun ("continuing", "formal", "peace") to the word before
  int a = w - 1;
  while (a >= 0 && s.words[a].head == w &&
         (s.universal_deprel(a) == "amod" || s.universal_deprel(a) == "compound" || s.universal_deprel(a) == "nummod"))
    a = s.subtree(a).first - 1;
  if (a < 1) return -1;
  const std::string& f = s.words[a].form;
  if (f != "'" && f != "\xE2\x80\x99") return -1;
  // (an apostrophe right after a plural noun that is not inside the noun's own phrase already)
  const int n = a - 1;
  const syntax::Word& nw = s.words[n];
  if ((nw.xpos != "NNS" && nw.xpos != "NNPS") || nw.form.empty() || (nw.form.back() != 's' && nw.form.back() != 'S'))
    return -1;
  if (s.subtree(w).first <= n) return -1;
  return n;
}

std::vector<int> conjuncts(const Sentence& s, int w) {
  std::vector<int> out;
  for (int c : s.children(w, "conj")) out.push_back(c);
  return out;
}

std::string_view personal_pronoun(const Sentence& s, int w) {
  if (s.words[w].upos != "PRON") return {};
  static const std::string_view kPronouns[][2] = {
      {"he", "he"}, {"him", "he"}, {"she", "she"}, {"her", "she"}, {"it", "it"},
      {"they", "they"}, {"them", "they"}, {"we", "we"}, {"us", "we"}, {"i", "i"}, {"me", "i"}};
  const std::string f = ascii_lower(s.words[w].form);
  for (const auto& p : kPronouns)
    if (f == p[0]) return p[1];
  return {};
}

std::pair<size_t, size_t> phrase_span(const Sentence& s, int w) {
  auto [first, last] = s.subtree(w);
  // A modifier the parse hangs on the verb rather than on the phrase right before it ("would
  // not accept [a coalition] [with the far right]", "bow to [demands] [to recognise]"): the
  // verb's obl, nmod or xcomp that follows the phrase directly belongs to it.
  if (const int h = s.words[static_cast<size_t>(w)].head; h >= 0 && h < w && s.universal_deprel(w) != "ccomp") {
    for (bool grew = true; grew;) {
      grew = false;
      for (int c : s.children(h)) {
        const std::string& rel = s.words[static_cast<size_t>(c)].deprel;
        const bool infinitive = rel == "advcl" && has_child(s, c, "mark", {"to"});
        // "denied [reports] [that its troops had crossed]": a that-clause right after a noun
        // is the noun's content, wherever the parse hangs it
        // ("denied [the decision] [would suggest ...]": a clause with no subject of its own right
        // after a noun read as the object has that noun for its subject)
        bool subjectless = rel == "ccomp";
        for (int k : s.children(c)) subjectless = subjectless && s.universal_deprel(k) != "nsubj";
        const bool content_clause = (rel == "ccomp" || rel == "advcl") && s.words[static_cast<size_t>(w)].upos == "NOUN" &&
                                    (has_child(s, c, "mark", {"that"}) || subjectless);
        if (rel != "obl" && rel != "nmod" && rel != "xcomp" && !infinitive && !content_clause) continue;
        if (has_child(s, c, "case", {"by", "from"})) continue;  // who, not what: "condemnations of X from Y"
        const auto [cf, cl] = s.subtree(c);
        if (cf == last + 1) {
          last = cl;
          grew = true;
        }
      }
    }
  }
  // "..., he said" / "..., said the minister" at the end reports the phrase; it is not part of it
  for (int c : s.children(w)) {
    if (s.universal_deprel(c) != "parataxis" || c < w) continue;
    const int from = s.subtree(c).first;
    if (from > w && from <= last) last = from - 1;
  }
  auto is_marker = [&](int k) {
    const std::string_view rel = s.universal_deprel(k);
    return s.words[k].head == w && (rel == "mark" || rel == "case");
  };
  while (first < last && (s.words[first].upos == "PUNCT" || is_marker(first))) ++first;
  while (last > first && s.words[last].upos == "PUNCT") --last;
  return {s.words[first].begin, s.words[last].end};
}

int clause_head(const Sentence& s, int w) {
  int x = w;
  for (int steps = 0; x >= 0 && steps <= s.size(); ++steps) {
    const std::string& u = s.words[x].upos;
    if (u == "VERB" || u == "AUX" || s.words[x].head < 0) return x;
    const std::string_view rel = s.universal_deprel(x);
    if (rel == "ccomp" || rel == "advcl" || rel == "xcomp" || rel == "acl" || rel == "parataxis") return x;
    x = s.words[x].head;
  }
  return w;
}

Tense tense(const Sentence& s, int v) {
  if (v < 0 || v >= s.size() || !s.parsed) return Tense::kUnknown;
  // an infinitive or participle takes the time of the clause it completes ("agreed to meet":
  // past; "plans to meet" is present here, and the status, not the tense, says it is planned)
  int x = v;
  for (int steps = 0; steps < 4 && x >= 0; ++steps) {
    if (has_child(s, x, "aux", {"will", "shall", "'ll", "wo"})) return Tense::kFuture;
    // "is to meet", "is going to meet" (the parse hangs "is" on the infinitive, or the
    // infinitive on "is"/"going")
    if (has_child(s, x, "mark", {"to"}) && (has_child(s, x, "aux", {"be"}) || has_child(s, x, "cop", {"be"})))
      return Tense::kFuture;
    if (has_child(s, x, "mark", {"to"})) {
      const int h = s.words[static_cast<size_t>(x)].head;
      if (h >= 0 && (lemma_of(s, h) == "go" || lemma_of(s, h) == "be") && s.words[static_cast<size_t>(h)].xpos != "VBD" &&
          s.words[static_cast<size_t>(h)].xpos != "VBN")
        return Tense::kFuture;
    }
    for (int c : s.children(x)) {
      const std::string_view rel = s.universal_deprel(c);
      if (rel != "aux" && rel != "cop") continue;
      const std::string& t = s.words[static_cast<size_t>(c)].xpos;
      if (t == "VBD") return Tense::kPast;
      // "has met", "have held": a present perfect tells what happened
      if ((t == "VBZ" || t == "VBP") && lemma_of(s, c) == "have") return Tense::kPast;
      if (t == "VBZ" || t == "VBP") return Tense::kPresent;
    }
    const std::string& t = s.words[static_cast<size_t>(x)].xpos;
    if (t == "VBD") return Tense::kPast;
    if (t == "VBZ" || t == "VBP") return Tense::kPresent;
    const std::string_view rel = s.universal_deprel(x);
    if (rel != "xcomp" && rel != "conj") return Tense::kUnknown;
    x = s.words[static_cast<size_t>(x)].head;
  }
  return Tense::kUnknown;
}

}  // namespace parley::extract::grammar
