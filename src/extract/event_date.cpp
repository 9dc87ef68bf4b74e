#include "extract/event_date.h"

#include "extract/grammar.h"
#include "syntax/word_features.h"

namespace parley::extract {
namespace {

// Is word `a` on the path from `w` up to the root?
bool dominates(const syntax::Sentence& s, int a, int w) {
  for (int steps = 0; w >= 0 && steps <= s.size(); ++steps) {
    if (w == a) return true;
    w = s.words[static_cast<size_t>(w)].head;
  }
  return false;
}

// Does the date headed by word `w` belong to the event of word `trigger`? Walking up from the
// date, every clause met must be the trigger's own, one it depends on ("said on Tuesday that
// they had met"), or one that hangs on the trigger, its clause or a meeting noun ("held a
// meeting to discuss the corridor on Wednesday", "a summit where on Sunday they signed"). A
// clause on anything else owns the date ("the accord it signed on 12 January", "the troops
// which were occupying it since Tuesday"), and so does the subject of another clause ("China's
// admission in 2001 took 15 years and talks ... have been taking place"). Other nouns let the
// walk go on: the parse often hangs a time phrase on the noun before it.
bool attached(const syntax::Sentence& s, int w, int trigger, const mappings::LexiconClasses& classes) {
  auto meeting_noun = [&](int x) {
    const syntax::Word& word = s.words[static_cast<size_t>(x)];
    return classes.contains("talks_noun", syntax::ascii_lower(word.lemma.empty() ? word.form : word.lemma));
  };
  const int own = grammar::clause_head(s, trigger);
  int x = s.words[static_cast<size_t>(w)].head;
  for (int steps = 0; x >= 0 && steps <= s.size(); ++steps) {
    if (x == trigger) return true;
    const int h = s.words[static_cast<size_t>(x)].head;
    if (grammar::clause_head(s, x) == x) {
      if (x == own || dominates(s, x, trigger)) return true;
      if (h >= 0 && (h == trigger || h == own || meeting_noun(h))) {
        x = h;
        continue;
      }
      return false;
    }
    if (s.universal_deprel(x) == "nsubj" && h != own && !meeting_noun(x)) return false;
    x = h;
  }
  return true;  // the date is the root's own: it speaks of the whole sentence
}

}  // namespace

int date_word(const syntax::Sentence& s, const ner::DateMention& d) {
  int first = -1;
  for (int i = 0; i < s.size(); ++i) {
    const syntax::Word& w = s.words[static_cast<size_t>(i)];
    if (w.begin < d.begin || w.end > d.end) continue;
    if (first < 0) first = i;
    const int h = w.head;
    if (h < 0 || s.words[static_cast<size_t>(h)].begin < d.begin || s.words[static_cast<size_t>(h)].end > d.end) return i;
  }
  return first;
}

EventDate event_date(const text::Document& doc, const ner::Tagged& t, const syntax::Sentence& s, size_t si, int trigger,
                     size_t at, const mappings::LexiconClasses& classes) {
  const text::Sentence& span = t.sentences[si];
  const bool parsed = s.parsed && trigger >= 0 && trigger < s.size();
  const ner::DateMention* best = nullptr;
  int best_word = -1;
  size_t best_distance = 0;
  for (const ner::DateMention& d : t.dates) {
    if (d.begin < span.begin || d.end > span.end || d.dateline) continue;
    const int w = parsed ? date_word(s, d) : -1;
    if (w >= 0 && !attached(s, w, trigger, classes)) continue;
    // nearest the trigger, one just after it counting as nearer ("the meeting on March 1", not
    // "his February 23 address")
    const size_t distance = d.begin >= at ? (d.begin - at) / 2 : at - d.end;
    if (!best || distance < best_distance) {
      best = &d;
      best_word = w;
      best_distance = distance;
    }
  }
  if (!best) return {};
  ner::DateMention d = *best;
  // the tense of the clause whose verb the date modifies says which way a weekday or a month
  // lies ("said on Tuesday it will meet": Tuesday is past); "next" and "last" have said it
  // already, and a date on a noun keeps the sentence's reading ("the planned meeting March 7")
  const int h = best_word >= 0 ? s.words[static_cast<size_t>(best_word)].head : -1;
  if (h >= 0 && grammar::clause_head(s, h) == h && !d.past &&
      (d.kind == ner::DateMention::Kind::kWeekday || d.kind == ner::DateMention::Kind::kMonth ||
       d.kind == ner::DateMention::Kind::kMonthDay)) {
    const grammar::Tense tense = grammar::tense(s, h);
    if (tense == grammar::Tense::kFuture) d.future = true;
    if (tense == grammar::Tense::kPast && !d.next) d.future = false;
  }
  return {ner::resolve(d, doc.date), ner::precision(d)};
}

}  // namespace parley::extract
