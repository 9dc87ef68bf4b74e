#include "extract/extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/utf8.h"
#include "extract/mediators.h"
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
};

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// ASCII letters lower-cased; other bytes (UTF-8 included) kept as they are.
std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
  return out;
}

class SentenceExtractor {
 public:
  SentenceExtractor(const text::Document& doc, const ner::Tagged& t, const mappings::Mappings& m,
                    const Reference& reference, const StatementReader& statements,
                    const MediatorReader& mediator_reader, size_t si, std::vector<Event>& out)
      : doc_(doc), t_(t), m_(m), reference_(reference), statements_(statements), mediator_reader_(mediator_reader),
        si_(si), s_(t.sentences[si]), out_(out) {
    // mentions are in text order, so by sentence: the first at or after sentence si, then its own
    const auto first = std::lower_bound(t.mentions.begin(), t.mentions.end(), si,
                                        [](const Mention& mm, size_t s) { return mm.sentence < s; });
    first_after_ = static_cast<size_t>(first - t.mentions.begin());
    for (size_t i = first_after_; i < t.mentions.size() && t.mentions[i].sentence == si; ++i) ms_.push_back(i);
    for (const ner::DateMention& d : t.dates)
      if (d.begin >= s_.begin && d.end <= s_.end && !d.dateline) dates_.push_back(&d);
    if (!dates_.empty()) date_ = ner::resolve(*dates_.front(), doc.date);
  }

  void run() {
    std::vector<Match> meet = matches(EventClass::kMeeting);
    const std::vector<MediatorHit> med = mediator_reader_.read(si_);
    statements_.read(si_, out_);
    if (!meet.empty() || !med.empty()) meeting(meet, med);
  }

 private:
  std::string_view sv() const { return s_.view(doc_.text); }

  // Matches of the enabled meeting rules (none when a block rule matches).
  std::vector<Match> matches(EventClass cls) {
    std::vector<Match> out;
    const mappings::RuleSet& rs = m_.rule_sets[static_cast<size_t>(cls)];
    if (!rs.set) return out;
    std::vector<int> hits;
    if (!rs.set->Match(sv(), &hits)) return out;
    std::sort(hits.begin(), hits.end());
    for (int h : hits)
      if (rs.rules[static_cast<size_t>(h)]->block) return {};
    for (int h : hits) {
      const Rule* r = rs.rules[static_cast<size_t>(h)];
      re2::StringPiece g;
      size_t pos = 0;
      const std::string_view text = sv();
      while (pos <= text.size() && r->re->Match(text, pos, text.size(), RE2::UNANCHORED, &g, 1)) {
        Match x{r, s_.begin + static_cast<size_t>(g.data() - text.data()), 0};
        x.end = x.begin + g.size();
        // a trigger inside a name ("United Nations Conference on Trade") triggers nothing
        const bool in_name = std::any_of(ms_.begin(), ms_.end(), [&](size_t i) {
          const Mention& mm = mention(i);
          // a name, not a lone capitalised word; "the Armenian delegation was led by" is no name
          const bool descriptive = mm.kind == ner::MentionKind::kDemonym || mm.kind == ner::MentionKind::kAuthority ||
                                   mm.kind == ner::MentionKind::kRole;
          const bool name = !descriptive && (mm.tokens >= 2 || mm.kind != ner::MentionKind::kUnknown);
          return name && mm.begin <= x.begin && x.begin < mm.end;
        });
        if (!in_name) out.push_back(x);
        pos = x.end - s_.begin + (g.empty() ? 1 : 0);
      }
    }
    // Where two rules read the same words, the one listed first in its file wins: the trigger
    // of a later rule may not overlap an earlier one's.
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) {
      return a.rule->line != b.rule->line ? a.rule->line < b.rule->line : a.begin < b.begin;
    });
    std::vector<Match> kept;
    for (const Match& x : out) {
      const bool overlap = std::any_of(kept.begin(), kept.end(), [&](const Match& k) {
        if (k.rule->join != x.rule->join) return false;  // "attended the talks": both readings hold
        return x.begin < k.end && k.begin < x.end;
      });
      if (!overlap) kept.push_back(x);
    }
    std::sort(kept.begin(), kept.end(), [](const Match& a, const Match& b) {
      return a.begin != b.begin ? a.begin < b.begin : a.rule->line < b.rule->line;
    });
    return kept;
  }

  const Mention& mention(size_t i) const { return t_.mentions[i]; }

  // Does the sentence hold a negation ("not", "never", "n't")?
  bool negated() const {
    const std::string l = " " + lower_ascii(sv()) + " ";
    for (const char* w : {" not ", " never ", "n't ", "n\xe2\x80\x99t ", " no longer "})
      if (l.find(w) != std::string::npos) return true;
    return false;
  }

  // Is `inner` inside a descriptive apposition right after `head` ("Fritz Leutwiler, the former
  // head of the Swiss National Bank,")?
  bool in_apposition(const Mention& head, const Mention& inner) const {
    const std::string_view t(doc_.text);
    size_t p = head.end;
    if (p >= s_.end || t[p] != ',' || inner.begin <= p) return false;
    ++p;
    while (p < s_.end && space(t[p])) ++p;
    // an apposition opens with a determiner ("X, Y and Z" is a list; "X, brought together" a clause)
    const std::string first = next_word(p);
    if (first != "the" && first != "a" && first != "an" && first != "former") return false;
    const size_t close = t.find(',', p);
    return inner.end <= std::min(close == std::string_view::npos ? s_.end : close, s_.end);
  }

  // Is the text between two offsets "of" or "of the"?
  bool separator_of(size_t b, size_t e) const {
    const std::string w = lower_ascii(std::string_view(doc_.text).substr(b, e - b));
    std::string squeezed;
    for (char c : w)
      if (!space(c)) squeezed += c;
    return squeezed == "of" || squeezed == "ofthe";
  }

  // A lone capitalised word that opens its sentence, known to no gazetteer and typed by no cue,
  // and never written capitalised inside a sentence: a common word, not a name.
  bool common_word_opening(const Mention& mm) const {
    if (mm.kind != ner::MentionKind::kUnknown || mm.tokens >= 2 || !mm.sentence_initial || mm.typed_by_cue)
      return false;
    return std::none_of(t_.mentions.begin(), t_.mentions.end(),
                        [&](const Mention& o) { return o.key == mm.key && !o.sentence_initial; });
  }

  // Is the text between two offsets only a list separator (", ", " and ", " & ")?
  bool separator(size_t b, size_t e) const {
    std::string_view between = std::string_view(doc_.text).substr(b, e - b);
    std::string w;
    for (char c : between)
      if (!space(c)) w += static_cast<char>(c | 0x20);
    return w == "," || w == "and" || w == ",and" || w == "&" || w == "" || w == "'s";
  }

  // The agents of a statement whose verb starts at `at`: the subject of that verb. Adverbs and
  // auxiliaries before the verb are skipped ("has also rejected"), and so is an apposition
  // (", a member of the Azerbaijani parliament,"); a pronoun subject stands for the nearest
  // earlier actor. Actors listed with the subject ("Germany and France called for") are agents too.
  std::vector<size_t> agents_before(size_t at) const {
    std::vector<size_t> v;
    const std::string_view t(doc_.text);
    size_t p = at;
    for (int steps = 0; steps < 4; ++steps) {
      size_t e = p;
      while (e > s_.begin && space(t[e - 1])) --e;
      size_t b = e;
      while (b > s_.begin && !space(t[b - 1]) && t[b - 1] != ',') --b;
      const std::string w = lower_ascii(t.substr(b, e - b));
      const bool adverb = w.size() > 4 && w.substr(w.size() - 2) == "ly";
      if (b < e && (adverb || m_.lexicon.auxiliaries.count(w) || w == "also" || w == "not" || w == "again" || w == "once" ||
                    w == "never" || w == "later" || w == "then" || w == "still")) {
        p = b;
        continue;
      }
      // "X declared that ... and requested Y": a second verb of the sentence's speaker (not
      // "Germany and France called", where a name ends right before "and")
      if (w == "and" && !in_speaker_ && std::none_of(ms_.begin(), ms_.end(), [&](size_t k) {
            const Mention& mm = mention(k);
            return mm.end <= b && actor_eligible(mm) && separator(mm.end, e);
          })) {
        in_speaker_ = true;
        const int sp = speaker_in_sentence();
        in_speaker_ = false;
        if (sp >= 0 && static_cast<size_t>(mention(static_cast<size_t>(sp)).end) <= b) {
          v.push_back(static_cast<size_t>(sp));
          return v;
        }
        break;
      }
      // "his government", "their debt-burdened country": the body of someone just named
      if (const int body = possessed_body(b, w); body != kNoPossessive) {
        if (body >= 0) v.push_back(static_cast<size_t>(body));
        return v;
      }
      if (w == "he" || w == "she" || w == "it" || w == "they") {
        const int a = antecedent(w == "he" || w == "she");
        if (a >= 0) v.push_back(static_cast<size_t>(a));
        return v;
      }
      // ", an adviser to X," before the verb: the subject is before the apposition
      // (a name between the commas is the subject itself: "The head of the OAS, José Insulza, asked")
      if (e > s_.begin && t[e - 1] == ',') {
        const size_t open = t.substr(0, e - 1).rfind(',');
        if (open != std::string_view::npos && open > s_.begin) {
          size_t f = open + 1;
          while (f < e && space(t[f])) ++f;
          const bool descriptive = f < e && !(t[f] >= 'A' && t[f] <= 'Z');
          p = descriptive ? open : e - 1;
        }
      }
      break;
    }
    int last = -1;
    for (size_t i : ms_)
      if (mention(i).end <= p && actor_eligible(mention(i))) last = static_cast<int>(i);
    if (last < 0) return v;
    // "Ali Mujawar, the Prime Minister of Yemen, received ... but said": the person the apposition
    // describes, not a name inside it
    for (size_t k : ms_) {
      const Mention& head = mention(k);
      if (head.end >= mention(static_cast<size_t>(last)).begin) break;
      if (head.kind == ner::MentionKind::kUnknown && head.type == EntityType::kPerson && actor_eligible(head) &&
          in_apposition(head, mention(static_cast<size_t>(last)))) {
        last = static_cast<int>(k);
        break;
      }
    }
    // "Manaspas Xuto of Thailand said": the person, not where the person is from
    if (auto it = std::find(ms_.begin(), ms_.end(), static_cast<size_t>(last)); it != ms_.begin()) {
      const Mention& before = mention(*std::prev(it));
      if (before.kind == ner::MentionKind::kUnknown && before.type == EntityType::kPerson &&
          actor_eligible(before) && separator_of(before.end, mention(static_cast<size_t>(last)).begin))
        last = static_cast<int>(*std::prev(it));
    }
    v.push_back(static_cast<size_t>(last));
    size_t cur = static_cast<size_t>(last);
    // a list ends in "and" ("Germany, France and Italy called"); a comma alone before the subject
    // opens an apposition ("the head of the OAS, José Insulza, asked"), not a list
    bool seen_and = false;
    for (auto it = std::find(ms_.begin(), ms_.end(), cur); it != ms_.begin();) {
      --it;
      if (!actor_eligible(mention(*it)) || !separator(mention(*it).end, mention(cur).begin)) break;
      const std::string_view gap = t.substr(mention(*it).end, mention(cur).begin - mention(*it).end);
      const bool comma_only = gap.find("and") == std::string_view::npos && gap.find('&') == std::string_view::npos;
      if (comma_only && !seen_and) break;
      seen_and = true;
      v.push_back(*it);
      cur = *it;
    }
    return v;
  }

  static constexpr int kNoPossessive = -2;

  // For a noun `w` starting at `b` that follows "his", "her", "its" or "their" (perhaps with one
  // modifier between: "his debt-burdened country") and stands for a body (possessed_nouns.tsv):
  // the nearest mention before it of that kind of body, in this sentence or the three before, or
  // -1 when there is none. kNoPossessive when `w` is no such noun.
  int possessed_body(size_t b, std::string w) const {
    while (!w.empty() && !(w.back() >= 'a' && w.back() <= 'z')) w.pop_back();
    const auto it = m_.lexicon.possessed_nouns.find(w);
    if (it == m_.lexicon.possessed_nouns.end()) return kNoPossessive;
    auto pronoun = [](const std::string& x) { return x == "his" || x == "her" || x == "its" || x == "their"; };
    size_t pb = 0;
    std::string d = word_before(b, &pb);
    if (!pronoun(d) && pb < b) d = word_before(pb, &pb);
    if (!pronoun(d)) return kNoPossessive;
    const EntityType want = it->second;
    for (size_t k = first_after_ + ms_.size(); k-- > 0;) {
      const Mention& mm = t_.mentions[k];
      if (mm.begin >= pb) continue;
      if (mm.sentence + 3 < si_) break;
      if (mm.kind == ner::MentionKind::kRole) continue;
      const bool state = mm.type == EntityType::kState || mm.kind == ner::MentionKind::kDemonym ||
                         mm.kind == ner::MentionKind::kCapital;
      const bool body = mm.kind != ner::MentionKind::kForces &&
                        (mm.type == EntityType::kOrganization || mm.type == EntityType::kGroup);
      if (want == EntityType::kState ? state : body) return static_cast<int>(k);
    }
    return -1;
  }

  // Who says this sentence: a name followed by a verb of saying ("Lavrov said", "the ministry
  // added"), one after it ("said Insulza"), or a pronoun that does ("he said") standing for the
  // nearest earlier person (he, she) or other actor (it, they).
  int speaker() const {
    const int here = speaker_in_sentence();
    if (here >= 0) return here;
    return speaker_later();
  }

  int speaker_in_sentence() const {
    const auto& speech = m_.lexicon.speech_verbs;
    const std::string_view t(doc_.text);
    size_t i = s_.begin;
    while (i < s_.end) {
      while (i < s_.end && !((t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z'))) ++i;
      size_t j = i;
      while (j < s_.end && ((t[j] >= 'a' && t[j] <= 'z') || (t[j] >= 'A' && t[j] <= 'Z'))) ++j;
      const std::string w = lower_ascii(t.substr(i, j - i));
      // "its proposed program", "the reported talks": after a determiner the word is no verb
      const std::string det = j > i ? word_before(i) : std::string();
      const bool adjective = det == "its" || det == "his" || det == "her" || det == "their" || det == "the" ||
                             det == "a" || det == "an" || det == "our";
      if (j > i && speech.count(w) && !adjective) {
        // "...," said Insulza: the name after the verb, when a closing quote comes before it
        size_t b = i;
        while (b > s_.begin && space(t[b - 1])) --b;
        const bool after_quote = b > s_.begin && (t[b - 1] == '"' || t[b - 1] == '\'' ||
                                                 static_cast<unsigned char>(t[b - 1]) == 0x9D);
        // ("..., explained the foreign ministry": up to two lower-case words between)
        if (after_quote) {
          for (size_t k : ms_) {
            if (mention(k).begin < j || !actor_eligible(mention(k))) continue;
            const std::string_view gap = t.substr(j, mention(k).begin - j);
            int words = 0;
            bool lower = true;
            for (size_t g = 0; g < gap.size(); ++g) {
              if (space(gap[g])) continue;
              if (!(gap[g] >= 'a' && gap[g] <= 'z')) { lower = false; break; }
              if (g == 0 || space(gap[g - 1])) ++words;
            }
            // "said a statement issued by the foreign ministry"
            const bool by = gap.find(" by ") != std::string_view::npos || gap.substr(0, 3) == "by ";
            if (lower && (words <= 2 || (by && words <= 6))) return static_cast<int>(k);
            break;
          }
          // the one who says it comes after the verb, not before (that is inside the quote)
          i = j;
          continue;
        }
        // "Lavrov said", "Nelly Baghdasaryan, an adviser to ..., told", "he said"
        const std::vector<size_t> subject = agents_before(i);
        if (!subject.empty()) return static_cast<int>(subject.front());
      }
      i = j;
    }
    return -1;
  }

  int speaker_later() const {
    // a quotation that runs on into the next sentences is said by whoever the sentence that
    // closes it names ("To help Yemen we must do more. And so must its government," she said.)
    if (reference_.quote_open(si_))
      for (size_t j = si_ + 1; j < t_.sentences.size() && j <= si_ + 3; ++j)
        if (!reference_.quote_open(j)) {
          const int sp = SentenceExtractor(doc_, t_, m_, reference_, statements_, mediator_reader_, j, out_).speaker_in_sentence();
          if (sp >= 0) return sp;
          break;
        }
    // or by whoever the sentence that opened it names ("... by saying, "It has been ... It is
    // vital to tackle its root causes."")
    size_t j = si_;
    while (j > 0 && j + 3 > si_ && reference_.quote_open(j - 1)) --j;
    if (j < si_) return SentenceExtractor(doc_, t_, m_, reference_, statements_, mediator_reader_, j, out_).speaker_in_sentence();
    return -1;
  }

  // The nearest actor mentioned before this sentence: a person, or anything but a person.
  int antecedent(bool person) const {
    auto is_person = [](const Mention& mm) {
      return mm.kind == ner::MentionKind::kUnknown && mm.type == EntityType::kPerson;
    };
    if (person) {
      // "he", "she": the person a sentence before is about, its first person named ("Mr Blair has
      // been closer to President Bush ... He said"); a sentence that opens with "He" or "She"
      // continues the same person, so look past it
      const size_t first = ms_.empty() ? first_after_ : ms_.front();
      for (size_t j = si_; j-- > 0 && j + 3 >= si_;) {
        std::string opener = lower_ascii(t_.sentences[j].view(doc_.text).substr(0, 4));
        if (opener == "he " || opener == "she ") continue;
        int found = -1;
        for (size_t k = first; k-- > 0;) {
          const Mention& mm = t_.mentions[k];
          if (mm.sentence < j) break;
          if (mm.sentence == j && actor_eligible(mm) && mm.kind != ner::MentionKind::kRole && is_person(mm))
            found = static_cast<int>(k);
        }
        if (found >= 0) return found;
      }
      return -1;
    }
    for (size_t k = ms_.empty() ? first_after_ : ms_.front(); k-- > 0;) {
      const Mention& mm = t_.mentions[k];
      if (mm.sentence + 3 < si_) break;
      if (!actor_eligible(mm)) continue;
      if (mm.kind == ner::MentionKind::kRole) continue;  // a role may name no one we know
      if (!is_person(mm)) return static_cast<int>(k);
    }
    return -1;
  }

  // The folded word starting after byte offset `at` (skipping spaces), "" when none.
  std::string next_word(size_t at) const {
    const std::string_view t(doc_.text);
    size_t b = at;
    while (b < s_.end && space(t[b])) ++b;
    size_t e = b;
    while (e < s_.end && ((t[e] >= 'a' && t[e] <= 'z') || (t[e] >= 'A' && t[e] <= 'Z'))) ++e;
    return lower_ascii(t.substr(b, e - b));
  }

  // The lower-cased word (up to white space) that ends before `at`, past spaces; its start in
  // `*start` when asked. Empty at the start of the sentence.
  std::string word_before(size_t at, size_t* start = nullptr) const {
    const std::string_view t(doc_.text);
    size_t e = at;
    while (e > s_.begin && space(t[e - 1])) --e;
    size_t b = e;
    while (b > s_.begin && !space(t[b - 1])) --b;
    if (start) *start = b;
    return lower_ascii(t.substr(b, e - b));
  }

  // The word before `at` as word_before gives it, less an opening quote or bracket ("“Such
  // discussions" gives "such").
  std::string determiner_before(size_t at, size_t* start = nullptr) const {
    std::string w = word_before(at, start);
    while (!w.empty() && !((w.front() >= 'a' && w.front() <= 'z') || (w.front() >= '0' && w.front() <= '9')))
      w.erase(0, 1);
    return w;
  }

  void meeting(const std::vector<Match>& meet, const std::vector<MediatorHit>& med) {
    std::vector<size_t> mediators;
    std::vector<const Rule*> mediator_rules;
    for (const MediatorHit& h : med)
      for (size_t k : h.mediators) {
        mediators.push_back(k);
        mediator_rules.push_back(h.rule);
      }
    // a mediator two rules found is listed once, with the first rule
    for (size_t k = mediators.size(); k-- > 0;)
      for (size_t j = 0; j < k; ++j)
        if (mediators[j] == mediators[k]) {
          mediators.erase(mediators.begin() + static_cast<long>(k));
          mediator_rules.erase(mediator_rules.begin() + static_cast<long>(k));
          break;
        }
    std::vector<size_t> participants;
    int location = -1;
    for (size_t i : ms_) {
      const Mention& mm = mention(i);
      if (mm.place_position && location < 0 &&
          (mm.type == EntityType::kLocation || mm.type == EntityType::kState ||
           mm.kind == ner::MentionKind::kCapital))
        location = static_cast<int>(i);
      if (!actor_eligible(mm)) continue;
      if (std::any_of(mediators.begin(), mediators.end(), [&](size_t k) {
            // a mediator is not a side, nor is where the mediator comes from ("X of Thailand") or what
            // an apposition says of the mediator ("X, the former head of the Swiss National Bank,")
            return mention(k).key == mm.key || (mention(k).end < mm.begin && separator_of(mention(k).end, mm.begin)) ||
                   in_apposition(mention(k), mm);
          }))
        continue;
      // "talks on Gibraltar", "talks about Kosovo": a topic, not a side
      if (mm.prev == "on" || mm.prev == "about" || mm.prev == "over" || mm.prev == "regarding" ||
          mm.prev == "concerning")
        continue;
      // "at the headquarters of X": X names where, not who; "the future of X": what is discussed
      if (mm.prev == "of") {
        size_t of = 0;
        word_before(mm.begin, &of);
        const std::string w = word_before(of);
        if (m_.lexicon.place_heads.count(w) || m_.lexicon.topic_nouns.count(w)) continue;
      }
      // speakers reporting on the meeting are not in it
      if (speaker_outside(mm)) continue;
      // a source ("according to X", "cited by X", "quoted by X") reports the meeting
      if (mm.prev == "by" || mm.prev == "to") {
        const std::string_view t(doc_.text);
        const size_t from = mm.begin > s_.begin + 24 ? mm.begin - 24 : s_.begin;
        const std::string_view lead = t.substr(from, mm.begin - from);
        bool source = false;
        for (std::string_view cue : {"according to", "cited by", "quoted by", "monitored by", "provided by",
                                     "reported by", "told the", "told "})
          source = source || lead.find(cue) != std::string_view::npos;
        if (source) continue;
      }

      participants.push_back(i);
    }
    // a meeting named inside what is demanded or denied ("called for talks") has not happened
    std::vector<Match> real, joins;
    for (const Match& x : meet) {
      if (x.rule->join) {
        joins.push_back(x);
        continue;
      }
      const bool inside = std::any_of(out_.begin(), out_.end(), [&](const Event& ev) {
        return ev.sentence == si_ && ev.cls != EventClass::kMeeting && ev.content_begin <= x.begin &&
               x.begin < ev.content_end;
      });
      if (!inside) real.push_back(x);
    }
    // "X will represent the UK", "X also attended the talks": sides of the meeting just told
    if (!joins.empty() && joins.front().rule->enabled && (real.empty() || is_anaphoric(real.front())))
      join_latest(participants);
    if (real.empty() && med.empty()) return;
    // (a mediation alone names the meeting it belongs to by its trigger)
    Match mediation{};
    if (real.empty()) mediation = Match{med.front().rule, med.front().begin, med.front().end};
    const Match* trigger = real.empty() ? &mediation : &real.front();
    // "the meeting", "Friday's meeting", "such talks": a meeting already told. It adds its
    // mediators, place and date to the latest meeting of the article, not a meeting of its own.
    if (is_anaphoric(*trigger) || (real.empty() && !med.empty())) {
      // "such talks" speaks of a kind of meeting: it refers back or names none
      if (determiner_before(trigger->begin) == "such" &&
          std::none_of(out_.begin(), out_.end(), [](const Event& o) { return o.cls == EventClass::kMeeting; }))
        return;
      for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
        if (it->cls != EventClass::kMeeting) continue;
        for (size_t k = 0; k < mediators.size(); ++k)
          if (std::find(it->mediators.begin(), it->mediators.end(), mediators[k]) == it->mediators.end()) {
            it->mediators.push_back(mediators[k]);
            it->mediator_rules.push_back(mediator_rules[k]);
          }
        if (it->location < 0) it->location = location;
        if (!it->date) it->date = date_;
        if (!it->ordinal) it->ordinal = ordinal_of(*trigger);
        it->last_told = si_;
        // a meeting told before its sides ("The meeting took place at ...") takes them from here,
        // unless this sentence says who was not there ("X was not involved with these talks")
        if (it->participants.empty() && !negated())
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
    e.ordinal = ordinal_of(*trigger);
    {
      const std::string det = determiner_before(trigger->begin);
      e.definite = det == "the" || det == "these" || det == "those";
    }
    e.trigger = trigger->begin;
    e.begin = s_.begin;
    e.end = s_.end;
    e.participants = participants;
    e.mediators = mediators;
    e.mediator_rules = mediator_rules;
    e.location = location;
    e.date = date_near(doc_, t_, si_, trigger->begin);
    if (!e.date && ongoing(trigger->begin)) e.date = doc_.date;  // "Mr Blair is at a summit in Brussels"
    out_.push_back(std::move(e));
  }

  // "Y will represent the UK", "the delegation was led by Y": sides of the meeting told in the
  // sentences just before join it.
  void join_latest(const std::vector<size_t>& sides) {
    for (auto it = out_.rbegin(); it != out_.rend(); ++it) {
      if (it->cls != EventClass::kMeeting) continue;
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

  // Is `mm` someone reporting on a meeting rather than someone in it? A speaker is left out,
  // unless the sentence places the speaker at the meeting ("Leaving a Brussels summit Mr Blair
  // said", "X said after the meeting", "at the talks, X said").
  bool speaker_outside(const Mention& mm) const {
    const bool speaks = m_.lexicon.speech_verbs.count(next_word(mm.end)) || m_.lexicon.speech_verbs.count(mm.prev);
    if (!speaks) return false;
    const std::string_view t(doc_.text);
    const std::string_view sentence = t.substr(s_.begin, s_.end - s_.begin);
    const std::string lower = lower_ascii(sentence);
    for (std::string_view cue : {"leaving ", "after meeting", "after talks with"})
      if (lower.find(cue) != std::string::npos) return false;
    // "at the meeting", "during the talks", "in an extraordinary session", "after a meeting in ...":
    // the sentence places the speaker there
    static const RE2 kAtMeeting(
        "\\b(?:at|during|in|after)\\s+(?:the|a|an|this|that|its|their|his|her)\\s+(?:\\S+\\s+){0,3}?"
        "(?:meeting|talks|session|summit|conference|negotiations|consultations)\\b");
    return !RE2::PartialMatch(lower, kAtMeeting);
  }

  // Does the sentence place the meeting now ("X is at a summit", "they are holding talks")?
  bool ongoing(size_t at) const {
    const std::string_view t(doc_.text);
    const size_t from = at > s_.begin + 40 ? at - 40 : s_.begin;
    const std::string_view lead = t.substr(from, at - from);
    for (std::string_view cue : {" is at ", " are at ", " is in ", " are in ", " is holding ", " are holding ",
                                 " is hosting ", " are hosting ", " is attending ", " are attending "})
      if (lead.find(cue) != std::string_view::npos) return true;
    return false;
  }

  // Is the meeting named by a definite phrase ("the meeting", "this meeting", "Friday's talks",
  // "such discussions") with no sides of its own ("the talks between A and B" tells them anew)?
  bool is_anaphoric(const Match& x) const {
    size_t at = 0;
    static const char* kDefinite[] = {"the", "this", "that", "these", "those", "such", "its", "their", "his", "her"};
    std::string w = determiner_before(x.begin, &at);
    // one modifier between: hyphenated ("the two-day summit") or an ordinal ("the second meeting")
    if (w.find('-') != std::string::npos || ordinal_word(w) > 0) w = word_before(at);
    const bool possessive = w.size() > 2 && (w.substr(w.size() - 2) == "'s" || (w.size() > 4 && w.substr(w.size() - 4) == "\xe2\x80\x99s"));
    bool definite = possessive;
    for (const char* d : kDefinite) definite = definite || w == d;
    if (!definite) return false;
    const std::string next = next_word(x.end);
    if (next == "of") {
      // "the second meeting of its kind" refers back; "a meeting of the foreign ministers" names sides
      size_t of = x.end;
      while (of < s_.end && space(doc_.text[of])) ++of;
      const std::string after = next_word(of + 2);
      return after == "its" || after == "their" || after == "this" || after == "that" || after == "such";
    }
    return next != "between" && next != "with" && next != "among";
  }

  // 1 for "first", 2 for "second", ... 10 for "tenth"; 0 for any other word.
  static int ordinal_word(const std::string& w) {
    static const char* kOrdinals[] = {"first", "second", "third", "fourth", "fifth",
                                      "sixth", "seventh", "eighth", "ninth", "tenth"};
    for (int i = 0; i < 10; ++i)
      if (w == kOrdinals[i]) return i + 1;
    return 0;
  }

  // The ordinal a meeting is named with ("the first meeting", "the second round of talks"), or 0.
  int ordinal_of(const Match& x) const {
    size_t at = 0;
    std::string w = word_before(x.begin, &at);
    if (w.find('-') != std::string::npos) w = word_before(at);  // "the first face-to-face meeting"
    return ordinal_word(w);
  }

  const text::Document& doc_;
  const ner::Tagged& t_;
  const mappings::Mappings& m_;
  const Reference& reference_;  // also says which sentences end inside a quotation
  const StatementReader& statements_;
  const MediatorReader& mediator_reader_;
  size_t si_;
  const text::Sentence& s_;
  std::vector<Event>& out_;
  std::vector<size_t> ms_;
  size_t first_after_ = 0;
  mutable bool in_speaker_ = false;  // agents_before is asking for the speaker (no recursion)
  std::optional<text::Date> date_;              // the sentence's first date
  std::vector<const ner::DateMention*> dates_;  // every date of the sentence
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
      return m.type != EntityType::kLocation && !m.place_position;
    case ner::MentionKind::kForces:
    case ner::MentionKind::kAuthority:
    case ner::MentionKind::kRole:
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
// statement of the same class and agent whose content words mostly repeat an earlier one's.
void merge_repeats(std::vector<Event>& events, const std::vector<Mention>& mentions,
                   const std::vector<int>& entity_of) {
  std::vector<Event> kept;
  for (Event& e : events) {
    if (e.cls == EventClass::kMeeting) { kept.push_back(std::move(e)); continue; }
    const std::set<std::string> w = content_words(e.content);
    const bool repeat = std::any_of(kept.begin(), kept.end(), [&](const Event& k) {
      if (k.cls != e.cls || k.agent < 0 || e.agent < 0) return false;
      if (entity_of[static_cast<size_t>(k.agent)] != entity_of[static_cast<size_t>(e.agent)]) return false;
      // "The ministry denied those reports. 'The talks did not discuss ...,' it said": the quote
      // that follows a denial words that denial again
      if (e.cls == EventClass::kDenial && e.quoted && !k.quoted && k.sentence < e.sentence &&
          k.sentence + 2 >= e.sentence)
        return true;
      const std::set<std::string> kw = content_words(k.content);
      size_t common = 0;
      for (const std::string& x : w) common += kw.count(x);
      const size_t smaller = std::min(w.size(), kw.size());
      return smaller > 0 && common * 10 >= smaller * 6;
    });
    if (!repeat) kept.push_back(std::move(e));
  }
  events = std::move(kept);
  (void)mentions;
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
  if (!into.date) into.date = from.date;
  if (!into.ordinal) into.ordinal = from.ordinal;
}

// Folds each meeting into an earlier one when `same(earlier, later)` says they are one.
template <typename Same>
void merge_meetings(std::vector<Event>& events, const std::vector<int>& entity_of, Same same) {
  std::vector<Event> kept;
  for (Event& e : events) {
    Event* into = nullptr;
    if (e.cls == EventClass::kMeeting)
      for (Event& k : kept)
        if (k.cls == EventClass::kMeeting && same(k, e)) into = &k;
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

}  // namespace

std::vector<Event> extract(const text::Document& doc, const ner::Tagged& tagged, const syntax::Analysis& analysis,
                           const mappings::Mappings& m) {
  std::vector<Event> out;
  const Reference reference(doc, tagged, analysis, m);
  const StatementReader statements(doc, tagged, analysis, m, reference);
  const MediatorReader mediators(analysis, m, reference);
  for (size_t i = 0; i < tagged.sentences.size(); ++i)
    SentenceExtractor(doc, tagged, m, reference, statements, mediators, i, out).run();
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
  merge_repeats(out, tagged.mentions, entity_of);
  merge_same_day_meetings(out, entity_of);
  merge_told_twice(out, entity_of);
  merge_same_ordinal(out, entity_of);
  merge_definite_repeat(out, tagged.mentions, entity_of);
  merge_headline_meeting(out, tagged, doc, entity_of);
  // Switched-off rules took part in reading the text; their facts are not written. A meeting
  // that no sentence gave a side is not reported.
  std::vector<Event> kept;
  for (Event& e : out) {
    if (!e.rule->enabled) continue;
    if (e.cls == EventClass::kMeeting && e.participants.empty()) continue;
    std::vector<size_t> meds;
    std::vector<const Rule*> rules;
    for (size_t k = 0; k < e.mediators.size(); ++k)
      if (e.mediator_rules[k]->enabled) {
        meds.push_back(e.mediators[k]);
        rules.push_back(e.mediator_rules[k]);
      }
    e.mediators = std::move(meds);
    e.mediator_rules = std::move(rules);
    kept.push_back(std::move(e));
  }
  return kept;
}

}  // namespace parley::extract

namespace parley::extract {

bool wants_parse(const syntax::Sentence& s, const mappings::Mappings& m) {
  if (m.parse_any) return true;
  for (const syntax::Word& w : s.words)
    if (m.anchor_lemmas.count(syntax::ascii_lower(w.lemma)) || m.lexicon.speech_verbs.count(syntax::ascii_lower(w.form)))
      return true;
  return false;
}

void parse_for_rules(syntax::Analysis& a, const syntax::Parser& parser, const mappings::Mappings& m) {
  for (syntax::Sentence& s : a.sentences)
    if (!s.parsed && wants_parse(s, m)) parser.parse(s);
}

}  // namespace parley::extract
