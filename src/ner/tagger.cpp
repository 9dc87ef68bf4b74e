#include "ner/tagger.h"

#include <algorithm>
#include <unordered_set>

#include "core/utf8.h"
#include "core/work_counter.h"
#include "text/tokenizer.h"

namespace parley::ner {
namespace {

using mappings::GazEntry;
using mappings::NameKind;
using mappings::NameRef;
using text::Token;

class SentenceTagger {
 public:
  SentenceTagger(const text::Document& doc, const mappings::Mappings& m, size_t index,
                 const text::Sentence& s, const syntax::Sentence* tagged, std::vector<Mention>& out,
                 std::unordered_set<std::string>& not_actors, std::unordered_map<std::string, std::string>& companies)
      : t_(doc.text), date_(doc.date), m_(m), lex_(m.lexicon), index_(index), out_(out), first_(out.size()),
        not_actors_(not_actors), companies_(companies), toks_(text::tokenize(doc.text, s.begin, s.end)) {
    // each token's part of speech, where the tagged sentence has a word starting there
    upos_.assign(toks_.size(), std::string_view());
    xpos_.assign(toks_.size(), std::string_view());
    if (tagged)
      for (size_t k = 0, w = 0; k < toks_.size(); ++k) {
        while (w < tagged->words.size() && tagged->words[w].begin < toks_[k].begin) ++w;
        if (w < tagged->words.size() && tagged->words[w].begin == toks_[k].begin) {
          upos_[k] = tagged->words[w].upos;
          xpos_[k] = tagged->words[w].xpos;
        }
      }
    folded_.reserve(toks_.size());
    int words = 0, caps = 0;
    for (const Token& k : toks_) {
      folded_.push_back(fold(k.view(t_)));
      if (k.word && has_letter(k)) {
        ++words;
        if (k.all_caps) ++caps;
      }
    }
    shouting_ = words >= 3 && caps * 10 >= words * 6;
    // A title-case headline ("Karabakh Armenians Again Reject Talks In Baku"): every longer word
    // capitalised. Only names the gazetteers know are read from it.
    int longer = 0, capital = 0;
    for (size_t i = 0; i < toks_.size(); ++i) {
      const Token& k = toks_[i];
      if (!k.word || !has_letter(k) || k.end - k.begin < 4) continue;
      ++longer;
      if (k.capitalized) ++capital;
    }
    // (a sentence dense with names still ends with a full stop; a headline does not)
    const bool full_stop = !toks_.empty() && toks_.back().view(t_) == ".";
    if (longer >= 3 && capital == longer && !full_stop && toks_.size() <= 20) shouting_ = true;
    // A byline ("By Ruzanna Stepanian") names the writer, not an actor.
    byline_ = !toks_.empty() && folded_[0] == "by" && toks_.size() <= 6;
  }

  // "the unions", "rubber producers and consumers", "Tube workers": a collective side of labour,
  // trade or debt talks (lexicon/collective_sides.tsv), with the nouns before it that say which.
  // The resolver keeps one only where it takes a role in an event.
  void collectives() {
    const size_t n = toks_.size();
    // (this sentence's mentions are the last ones written: only they can cover its words)
    auto own_mention = [&](size_t k) {
      return std::find_if(own_begin(), out_.end(), [&](const Mention& m) {
        count_mention_steps(1);
        return m.begin <= toks_[k].begin && toks_[k].begin < m.end;
      });
    };
    for (size_t i = 0; i < n; ++i) {
      // lower case, or capitalised only as the sentence's first word ("Consumer demands ...";
      // "Bankers had hoped", "Unions said": a first word the tagger takes for a proper noun is
      // the side when a verb follows it)
      const bool first_subject = i == 0 && upos_[i] == "PROPN" && i + 1 < n && (upos_[i + 1] == "VERB" || upos_[i + 1] == "AUX");
      if (!toks_[i].word || (toks_[i].capitalized && i > 0) || (upos_[i] != "NOUN" && !first_subject)) continue;
      const std::string& f = folded_[i];
      std::string head;
      if (lex_.collective_sides.count(f)) head = f;
      else if (f.size() > 3 && f.back() == 's' && lex_.collective_sides.count(f.substr(0, f.size() - 1))) head = f.substr(0, f.size() - 1);
      if (head.empty()) continue;
      if (const auto own = own_mention(i); own != out_.end()) {
        // the first word read as an unknown name of its own gives way ("Bankers" is no person)
        if (i != 0 || own->kind != MentionKind::kUnknown || own->tokens != 1) continue;
        out_.erase(own);
      }
      // a modifier of another noun ("creditor banks", "union leaders", "management changes") is
      // not the side itself
      if (i + 1 < n && upos_[i + 1] == "NOUN") continue;
      size_t b = i;
      while (b > 0 && i - b < 3 && toks_[b - 1].word && (upos_[b - 1] == "NOUN" || upos_[b - 1] == "PROPN") &&
             !lex_.collective_sides.count(folded_[b - 1])) {
        // ("Tube workers" opening a sentence: the capitalised first word read as a name of its
        // own gives way; any other name stays itself: "Rotterdam port employers")
        const auto own = own_mention(b - 1);
        if (own != out_.end()) {
          if (b - 1 != 0 || own->kind != MentionKind::kUnknown || own->tokens != 1 || own->typed_by_cue) break;
          out_.erase(own);
        }
        --b;
      }
      emit(b, i + 1, MentionKind::kCollective, -1, EntityType::kGroup, true);
      out_.back().group = head;
    }
  }

  // "the prime minister", "the Karabakh president": an office holder named by the role alone.
  void roles() {
    const size_t n = toks_.size();
    for (size_t i = 0; i < n; ++i) {
      if (!toks_[i].word) continue;
      // "the Prime Minister said", "the Queen": news capitalises an office after "the" (a role
      // that every one of its words capitalises, outside a headline, and names no one after it)
      const bool capital = toks_[i].capitalized;
      if (capital && (shouting_ || i == 0 || folded_[i - 1] != "the")) continue;
      size_t best = i;
      for (size_t e = i + 1; e <= std::min(n, i + 3); ++e)
        if (lex_.roles.count(key(i, e))) best = e;
      if (capital) {
        bool all = best > i;
        for (size_t k = i; k < best; ++k) all = all && toks_[k].capitalized;
        // ("the King of Belgium", "the Mayor of London": whose office the "of" phrase says is
        // not for the article's last holder of the title to fill)
        if (!all || (best < n && folded_[best] == "of")) continue;
      }
      if (best == i) {
        // "the ministry said", "the government denied": an organisation named by its head word
        const auto h = lex_.org_heads.find(folded_[i]);
        const bool government = lex_.state_nouns.count(folded_[i]) && folded_[i] == "government";
        // "the ministry", or with one lower-case modifier: "the foreign ministry"
        const bool the_before = i > 0 && (folded_[i - 1] == "the" ||
                                          (i > 1 && folded_[i - 2] == "the" && toks_[i - 1].word &&
                                           !toks_[i - 1].capitalized && h != lex_.org_heads.end()));
        if ((h != lex_.org_heads.end() || government) && the_before &&
            !(i + 1 < n && (folded_[i + 1] == "of" || starts_name(i + 1)))) {
          const bool covered = std::any_of(own_begin(), out_.end(), [&](const Mention& m) {
            count_mention_steps(1);
            return m.sentence == index_ && m.begin <= toks_[i].begin && toks_[i].begin < m.end;
          });
          if (!covered) {
            emit(i, i + 1, MentionKind::kRole, -1,
                 government ? EntityType::kState : h->second, true);
            out_.back().title = folded_[i];
          }
        }
        continue;
      }
      if (best < n && starts_name(best)) { i = best; continue; }  // a title before a name
      size_t b = i;
      // a known place or people before the role belongs to it ("the Karabakh president")
      if (b > 0 && toks_[b - 1].capitalized) {
        const std::vector<NameRef>* refs = nullptr;
        for (size_t k = b; k-- > 0 && b - k <= 3;)
          if (gaz_match(k, b, &refs) == b) { b = k; break; }
      }
      if (b == 0 || (folded_[b - 1] != "the" && folded_[b - 1] != "its" && folded_[b - 1] != "his" &&
                     folded_[b - 1] != "her" && folded_[b - 1] != "their" && !toks_[b - 1].possessive)) {
        i = best;
        continue;
      }
      // "the president's spokeswoman": the role qualifies another and names no one
      if (best < n && toks_[best].possessive) { i = best; continue; }
      // only where no name covers these words already; a place before the role is part of it
      // ("the Karabakh president"), so its mention gives way
      const size_t begin = toks_[b].begin, end = toks_[best - 1].end;
      if (b < i)
        out_.erase(std::remove_if(own_begin(), out_.end(), [&](const Mention& m) {
                     count_mention_steps(1);
                     return m.sentence == index_ && m.begin >= begin && m.end <= toks_[i].begin &&
                            m.kind == MentionKind::kGazetteer && m.type == EntityType::kLocation;
                   }), out_.end());
      const bool covered = std::any_of(own_begin(), out_.end(), [&](const Mention& m) {
        count_mention_steps(1);
        return m.sentence == index_ && m.begin < end && begin < m.end;
      });
      if (!covered) {
        emit(b, best, MentionKind::kRole, -1, EntityType::kPerson, true);
        out_.back().title = key(i, best);
      }
      i = best;
    }
  }

  void run() {
    if (byline_) return;
    // a lone word on its own line ("Reuter") is a sign-off, not a sentence
    size_t words = 0;
    for (const Token& k : toks_) words += k.word ? 1 : 0;
    if (words < 2) return;
    const size_t n = toks_.size();
    size_t i = 0;
    while (i < n) {
      if (!starts_name(i)) { ++i; continue; }
      // "Cable and Wireless <CAWL.L>": a stock ticker in angle brackets names no one new
      if (i > 0 && i + 1 < n && toks_[i - 1].view(t_) == "<" && toks_[i + 1].view(t_) == ">" &&
          toks_[i].view(t_).find('.') != std::string_view::npos) {
        i += 2;
        continue;
      }
      if (!shouting_) {
        // a known name may hold lower-case words ("United Nations Conference on Trade and Development")
        const std::vector<NameRef>* refs = nullptr;
        const size_t g = gaz_match(i, n, &refs);
        size_t run_end = i + 1;
        while (run_end < n && starts_name(run_end)) ++run_end;
        if (g > run_end) {
          gazetteer_hit(i, g, g, *refs);
          i = g;
          continue;
        }
      }
      size_t j = i + 1;
      while (j < n) {
        if (starts_name(j)) { ++j; continue; }
        // "the African Export–Import Bank": a dash with no space either side joins two words of
        // an organisation's name (its head word follows); "Israel–Hamas talks" stays two names
        if (j + 1 < n && toks_[j].end - toks_[j].begin <= 3 && toks_[j].begin == toks_[j - 1].end &&
            toks_[j + 1].begin == toks_[j].end && starts_name(j + 1) && is_dash(toks_[j].view(t_))) {
          size_t q = j + 1;
          while (q < n && starts_name(q)) ++q;
          if (has_org_head(j + 1, q) && !gaz_match_at(i, j)) {
            j = q;
            continue;
          }
        }
        // particles and "of"/"for" inside a name are allowed when a capitalised word follows
        // "van der Berg": a chain of particles before a capitalised word
        if (toks_[j].word && lex_.name_particles.count(folded_[j])) {
          size_t q = j;
          while (q < n && toks_[q].word && lex_.name_particles.count(folded_[q]) && !toks_[q].capitalized) ++q;
          if (q > j && q < n && starts_name(q)) {
            j = q;
            continue;
          }
        }
        // "the Supreme Council for the Restoration of Democracy": an organisation's name goes on
        // through "of the" and "for the"
        if (lex_.org_heads.count(folded_[j - 1]))
          if (const size_t tail = org_tail(j, n); tail > j) {
            j = tail;
            continue;
          }
        if (toks_[j].word && j + 1 < n && starts_name(j + 1) &&
            (lex_.name_particles.count(folded_[j]) || folded_[j] == "of" || folded_[j] == "for" ||
             folded_[j] == "and" || folded_[j] == "the")) {
          if ((folded_[j] == "and" || folded_[j] == "the") && !(j > i && folded_[j - 1] == "of")) {
            // ("Cable and Wireless Plc", "Mitsui and Co": a company named with its suffix)
            if (folded_[j] == "and" && !has_org_head(i, j) && !company_suffix_after(j + 1) && !known_company(i, j + 1))
              break;
            if (folded_[j] == "the") break;
          }
          ++j;
          continue;
        }
        break;
      }
      // "RFE/RL's Armenian Service", "Queen's University": an organisation named with a possessive
      if (j + 1 < n && toks_[j].possessive && starts_name(j + 1) && !shouting_ && !lex_.not_names.count(folded_[i])) {
        size_t k = j + 1;
        while (k < n && starts_name(k)) ++k;
        if (k - (j + 1) >= 2 && lex_.org_heads.count(folded_[k - 1])) {
          auto h = lex_.org_heads.find(folded_[k - 1]);
          k = std::max(k, org_tail(k, n));  // "Brazil's National Institute for Space Research"
          emit(i, k, MentionKind::kUnknown, -1, h->second, true);
          out_.back().state = state_named(i, j);  // "Kuwait's Foreign Ministry"
          out_.back().body_begin = toks_[j + 1].begin;
          i = k;
          continue;
        }
      }
      run_of_names(i, j);
      i = j;
    }
    roles();
    collectives();
    // roles are found after the names: put the sentence's mentions back in text order
    std::stable_sort(own_begin(), out_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
    if (seats()) std::stable_sort(own_begin(), out_.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  }

  // "the headquarters of the Russian peacekeeping forces", "the UN headquarters", "NATO's
  // headquarters": the seat of a body named with it (lexicon/seat_nouns.tsv) is a place of its
  // own, where talks are held; the body's mention gives way to it. Whether any was made.
  bool seats() {
    const size_t n = toks_.size();
    bool made = false;
    // the token a mention of this sentence begins at (or ends at), or n
    auto token_at = [&](size_t offset, bool end) {
      for (size_t k = 0; k < n; ++k)
        if ((end ? toks_[k].end : toks_[k].begin) == offset) return k;
      return n;
    };
    for (size_t h = 0; h < n; ++h) {
      if (!toks_[h].word || toks_[h].capitalized || !lex_.seat_nouns.count(folded_[h])) continue;
      const bool of = h + 2 < n && folded_[h + 1] == "of";
      size_t q = of ? h + 2 : h;  // where the body's name begins (after "of") or ends (before)
      if (of && folded_[q] == "the" && q + 1 < n) ++q;
      if (!of && q > 0 && (toks_[q - 1].possessive || toks_[q - 1].view(t_) == "'" || toks_[q - 1].view(t_) == "\xE2\x80\x99")) --q;
      if (!of && q == 0) continue;
      auto body = std::find_if(own_begin(), out_.end(), [&](const Mention& m) {
        count_mention_steps(1);
        return of ? m.begin == toks_[q].begin : m.end == toks_[q - 1].end;
      });
      if (body == out_.end()) continue;
      const size_t first = token_at(body->begin, false), last = token_at(body->end, true);
      // (a body's name, not "the company's headquarters", "police headquarters")
      if (first >= n || last >= n || !toks_[first].capitalized || body->type == EntityType::kPerson ||
          body->type == EntityType::kLocation || body->type == EntityType::kState ||
          body->kind == MentionKind::kRole || body->kind == MentionKind::kCollective)
        continue;
      const size_t b = of ? h : first, e = of ? last + 1 : h + 1;
      out_.erase(body);
      emit(b, e, MentionKind::kUnknown, -1, EntityType::kLocation, true);
      made = true;
    }
    return made;
  }

 private:
  // This sentence's mentions: the ones written since it began (earlier sentences' mentions come
  // first and are never touched again, so nothing here scans the whole article).
  std::vector<Mention>::iterator own_begin() { return out_.begin() + static_cast<std::ptrdiff_t>(first_); }

  bool has_letter(const Token& k) const {
    std::string_view w = k.view(t_);
    for (size_t q = 0; q < w.size();)
      if (is_letter(decode_utf8(w, q))) return true;
    return false;
  }
  bool starts_name(size_t i) const {
    const Token& k = toks_[i];
    return k.word && (k.capitalized || (shouting_ && k.all_caps)) && has_letter(k);
  }
  // After an organisation's head word at h - 1: the end of the "of"/"for" phrase that completes
  // its name ("Council for the Restoration of Democracy", "Institute for Space Research",
  // "Department of State"), at most `limit`; h when none follows.
  size_t org_tail(size_t h, size_t limit) const {
    size_t end = h;
    for (size_t q = h; q < limit;) {
      if (folded_[q] != "of" && folded_[q] != "for") break;
      size_t r = q + 1;
      if (r < limit && folded_[r] == "the") ++r;
      if (r >= limit || !starts_name(r)) break;
      while (r < limit && starts_name(r)) ++r;
      end = q = r;
    }
    return end;
  }
  static bool is_dash(std::string_view w) {
    return w == "-" || w == "\xE2\x80\x93" || w == "\xE2\x80\x94";  // hyphen, en dash, em dash
  }
  // Does a gazetteer name end exactly at e, starting anywhere from b on?
  bool gaz_match_at(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k) {
      const std::vector<NameRef>* r = nullptr;
      if (gaz_match(k, e, &r) == e) return true;
    }
    return false;
  }
  bool has_org_head(size_t b, size_t e) const {
    for (size_t k = b; k < e; ++k)
      if (lex_.org_heads.count(folded_[k])) return true;
    return false;
  }
  std::string key(size_t b, size_t e) const {
    std::string k;
    for (size_t i = b; i < e; ++i) {
      if (!k.empty()) k += ' ';
      k += folded_[i];
    }
    return k;
  }
  // Longest gazetteer name starting at b and ending at or before limit; returns its end or b.
  size_t gaz_match(size_t b, size_t limit, const std::vector<NameRef>** refs) const {
    size_t best = b;
    const size_t max = std::min(limit, b + m_.gazetteer.max_tokens);
    for (size_t e = b + 1; e <= max; ++e) {
      if (const auto* r = m_.gazetteer.find(key(b, e))) {
        best = e;
        *refs = r;
      }
    }
    return best;
  }
  size_t title_match(size_t b, size_t limit) const {
    size_t best = b;
    const size_t max = std::min(limit, b + lex_.max_title_tokens);
    for (size_t e = b + 1; e <= max; ++e) {
      std::string k = key(b, e);
      if (!k.empty() && k.back() == '.') k.pop_back();
      if (lex_.titles.count(k) || lex_.titles.count(key(b, e))) best = e;
    }
    return best;
  }

  // Is the run of capitalised words from k a word and a company's legal suffix, or the suffix
  // alone ("Wolff Plc", "Co"; lexicon/company_suffixes.tsv)?
  bool company_suffix_after(size_t k) const {
    // (one word before the suffix at most: "MCA and Cineplex Odeon Corp" are two companies)
    size_t e = k;
    while (e < toks_.size() && e < k + 2 && toks_[e].word && toks_[e].capitalized) ++e;
    return e > k && lex_.company_suffixes.count(folded_[e - 1]) > 0 && (e == toks_.size() || !toks_[e].capitalized);
  }

  // Does the name from b, through the capitalised words from k, name a company the article has
  // named with its legal suffix ("Cable and Wireless" after "Cable and Wireless Plc", "C and W")?
  bool known_company(size_t b, size_t k) const {
    if (companies_.empty()) return false;
    size_t e = k;
    while (e < toks_.size() && e < k + 3 && toks_[e].word && toks_[e].capitalized) ++e;
    return e > k && companies_.count(key(b, e));
  }
  // A company named with its legal suffix: its name without it, and its initials, part by part
  // around "and" ("Cable and Wireless Plc": "cable and wireless", "c and w"), name it again.
  void remember_company(size_t b, size_t e) {
    if (e - b < 2 || !lex_.company_suffixes.count(folded_[e - 1])) return;
    const std::string full = key(b, e);
    size_t s = e - 1;
    while (s > b + 1 && lex_.company_suffixes.count(folded_[s - 1])) --s;  // "Co Ltd"
    companies_.emplace(key(b, s), full);
    std::string letters, part;
    bool parts_ok = true;
    size_t parts = 0;
    for (size_t k = b; k <= s; ++k) {
      if (k == s || folded_[k] == "and") {
        parts_ok = parts_ok && !part.empty();
        letters += (letters.empty() ? "" : " and ") + part;
        part.clear();
        ++parts;
        continue;
      }
      if (toks_[k].word && toks_[k].capitalized) part += folded_[k].substr(0, 1);
    }
    if (parts >= 2 && parts_ok) companies_.emplace(letters, full);
  }

  bool place_position(size_t b) const {
    size_t p = b;
    while (p > 0) {
      --p;
      if (folded_[p] == "the") continue;
      return lex_.place_prepositions.count(folded_[p]) != 0;
    }
    return false;
  }
  // A role in apposition after the name: "Ramin Mamedov, the spokesman,", "X, a senior Karabakh
  // lawmaker, said" (lexicon/roles.tsv, past an article and two words that qualify it).
  bool apposed_role(size_t e) const {
    const size_t n = toks_.size();
    if (e + 1 >= n || toks_[e].view(t_) != ",") return false;
    size_t k = e + 1;
    if (folded_[k] == "the" || folded_[k] == "a" || folded_[k] == "an") ++k;
    for (size_t from = k; from < std::min(n, k + 3); ++from) {
      if (!toks_[from].word) return false;
      for (size_t len = 1; len <= 3 && from + len <= n; ++len)
        if (lex_.roles.count(key(from, from + len))) return true;
    }
    return false;
  }
  // A common noun right after the name, which the name modifies ("Comic Relief day"); not a
  // day word the tagger reads as a noun ("Wyclef Jean today confirmed").
  bool modifies(size_t e) const {
    static const std::unordered_set<std::string> kDayWords = {"today", "yesterday", "tomorrow", "tonight"};
    return e < toks_.size() && toks_[e].word && !toks_[e].capitalized && upos_[e] == "NOUN" &&
           !kDayWords.count(folded_[e]);
  }
  // An article opens the noun phrase the name stands in, past at most two adjectives or
  // participles: "a Volvo", "the failed Christmas Day plot".
  bool determined(size_t b) const {
    size_t p = b;
    // ("the late Ahmed Shah Massoud" is a person's name)
    while (p > 0 && b - p < 2 && toks_[p - 1].word && !toks_[p - 1].capitalized && folded_[p - 1] != "late" &&
           (upos_[p - 1] == "ADJ" || (upos_[p - 1] == "VERB" && xpos_[p - 1] == "VBN")))
      --p;
    return p > 0 && (folded_[p - 1] == "the" || folded_[p - 1] == "a" || folded_[p - 1] == "an");
  }
  bool acting_after(size_t e) const {
    if (e >= toks_.size()) return false;
    if (toks_[e].possessive) return true;
    if (lex_.speech_verbs.count(folded_[e]) || lex_.auxiliaries.count(folded_[e]) ||
        lex_.action_verbs.count(folded_[e]))
      return true;
    // "X has said", "X also said", "X on Monday said" is left to later stages
    if (e + 1 < toks_.size() && (folded_[e] == "has" || folded_[e] == "have" || folded_[e] == "also" ||
                                 folded_[e] == "had") && lex_.speech_verbs.count(folded_[e + 1]))
      return true;
    return false;
  }

  void emit(size_t b, size_t e, MentionKind kind, int entry, EntityType type, bool cue) {
    // "BELGRADE, March 1 (Reuters) -", "STEPANAKERT (Azatutyun) —": a credit in a dateline
    if (b > 0 && e + 1 < toks_.size() && toks_[b - 1].view(t_) == "(" && toks_[e].view(t_) == ")") {
      const std::string_view dash = toks_[e + 1].view(t_);
      if (dash == "-" || dash == "\xE2\x80\x94" || dash == "\xE2\x80\x93") return;
    }
    Mention mm;
    mm.begin = toks_[b].begin;
    mm.end = toks_[e - 1].end;
    mm.sentence = index_;
    mm.kind = kind;
    mm.entry = entry;
    mm.type = type;
    mm.typed_by_cue = cue;
    mm.place_position = place_position(b);
    // "officials from the Congo", "delegates of Rwanda": who they act for, not where
    {
      size_t q = b;
      if (q > 0 && folded_[q - 1] == "the") --q;
      if (q >= 2 && (folded_[q - 1] == "from" || folded_[q - 1] == "of") && lex_.state_nouns.count(folded_[q - 2]))
        mm.place_position = false;
    }
    // "in the Palestinian territories and Jordan": a place listed with a place ("the envoy to the OAS, Ana
    // Ruiz,": a full name after a comma is an apposition, not a place)
    const bool comma = b > 0 && toks_[b - 1].view(t_) == ",";
    const bool full_name = kind == MentionKind::kUnknown && type == EntityType::kPerson && e - b >= 2;
    if (!mm.place_position && b > 0 && (folded_[b - 1] == "and" || (comma && !full_name)) &&
        !out_.empty() && out_.back().sentence == index_ && out_.back().place_position &&
        mm.begin >= out_.back().end && mm.begin - out_.back().end <= 6)
      mm.place_position = true;
    mm.acting = acting_after(e);
    // "President Abdel Fattah el-Sisi of Egypt said": the verb is the president's, not the "of"
    // phrase's (but "the government of Egypt said" is the state's)
    if (mm.acting && b >= 2 && folded_[b - 1] == "of" && !lex_.state_nouns.count(folded_[b - 2]) &&
        !(e < toks_.size() && toks_[e].possessive))
      mm.acting = false;
    // "sensitivity to South Africa's apartheid regime": the state's government, not a place
    if (e < toks_.size() && toks_[e].possessive &&
        ((e + 1 < toks_.size() && lex_.state_nouns.count(folded_[e + 1])) ||
         (e + 2 < toks_.size() && lex_.state_nouns.count(folded_[e + 2]))))
      mm.place_position = false;
    mm.sentence_initial = b == 0 || (b == 1 && !toks_[0].word);
    if (b > 0) mm.prev = folded_[b - 1];
    // the preposition that opens the phrase, past an article ("to the US Embassy": "to")
    mm.preposition = mm.prev;
    if ((mm.prev == "the" || mm.prev == "a" || mm.prev == "an") && b > 1) mm.preposition = folded_[b - 2];
    if (lex_.speech_verbs.count(mm.prev)) mm.acting = true;  // "said Insulza"
    if (kind == MentionKind::kCapital && mm.prev == "by" && !mm.place_position) mm.acting = true;  // "brokered by Moscow"
    // "the government of Baku", "the authorities of Stepanakert": the capital stands for its state
    if (kind == MentionKind::kCapital && mm.prev == "of" && b >= 2 && lex_.state_nouns.count(folded_[b - 2]))
      mm.acting = true;
    mm.key = text::name_key(t_.substr(mm.begin, mm.end - mm.begin));
    for (size_t k = b; k < e; ++k) mm.tokens += toks_[k].word ? 1 : 0;
    out_.push_back(std::move(mm));
  }

  // A gazetteer hit b..e; may grow into an organisation name ("Sudan News Agency") or take a
  // state noun ("Azerbaijani officials").
  // Of the entries a name may have, the one of the article's time: a former state only when the
  // article date falls in its years, a current one otherwise ("Belgrade" is Serbia's capital today).
  const NameRef& choose(const std::vector<NameRef>& refs) const {
    const int year = date_ ? date_->year : 0;
    const NameRef* best = &refs.front();
    int best_score = -1;
    for (const NameRef& r : refs) {
      const GazEntry& g = m_.gazetteer.entries[static_cast<size_t>(r.entry)];
      int score = 1;
      if (g.to_year == 0) score = year ? 2 : 3;
      if (g.to_year != 0 && year >= g.from_year && year <= g.to_year) score = 4;
      if (score > best_score) { best = &r; best_score = score; }
    }
    return *best;
  }

  void gazetteer_hit(size_t b, size_t e, size_t run_end, const std::vector<NameRef>& refs) {
    const NameRef& r = choose(refs);
    const GazEntry& g = m_.gazetteer.entries[static_cast<size_t>(r.entry)];
    const bool statelike = r.kind != NameKind::kName || g.type == EntityType::kState;
    if (r.kind == NameKind::kDemonym && e < toks_.size()) {
      // "Russian peacekeepers", "the Russian peacekeeping contingent": the state's forces
      size_t best = e;
      std::string group;
      for (size_t f = e + 1; f <= std::min(toks_.size(), e + lex_.max_force_tokens); ++f) {
        if (toks_[f - 1].capitalized) break;
        auto it = lex_.force_nouns.find(key(e, f));
        if (it != lex_.force_nouns.end()) { best = f; group = it->second; }
      }
      if (best > e) {
        emit(b, best, MentionKind::kForces, r.entry, EntityType::kOrganization, true);
        out_.back().group = group;
        return;
      }
    }
    const bool place = !statelike && g.type == EntityType::kLocation;
    const int state_entry = r.kind == NameKind::kCapital ? g.capital_of : r.entry;
    // The government of a state, or the authorities of another place, named by a noun after it.
    auto government = [&](size_t from, size_t to) {
      if (statelike && state_entry >= 0) {
        emit(from, to, MentionKind::kDemonym, state_entry, EntityType::kState, true);
      } else {
        emit(from, to, MentionKind::kAuthority, r.entry, EntityType::kOrganization, true);
      }
      out_.back().acting = true;
    };
    if (statelike || place) {
      const size_t n = toks_.size();
      // "Karabakh's leadership", "Russia's government"
      if (e + 1 < n && toks_[e].possessive && !toks_[e + 1].capitalized && lex_.state_nouns.count(folded_[e + 1])) {
        government(b, e + 2);
        return;
      }
      // "the authorities in Stepanakert" (not "the Colombian trade delegation in Caracas", "US
      // diplomats in Moscow": a side named before the noun is who they are; the place is where)
      bool named_side = false;
      for (size_t k = b >= 2 ? b - 2 : 0; k > 0 && k + 5 > b && toks_[k - 1].word && folded_[k - 1] != "the" &&
                                          folded_[k - 1] != "a" && folded_[k - 1] != "an";
           --k)
        named_side = named_side || toks_[k - 1].capitalized;
      if (b >= 2 && folded_[b - 1] == "in" && !toks_[b - 2].capitalized && lex_.state_nouns.count(folded_[b - 2]) &&
          !named_side) {
        government(b - 2, e);
        return;
      }
      // "Azerbaijani officials", "Artsakh political officials", "Karabakh Armenians"
      if (e < n && plural_demonym(e)) {
        government(b, e + 1);
        return;
      }
      // "Azerbaijani and Karabakh officials": the noun after the second name serves both
      if (e + 2 < n && folded_[e] == "and" && toks_[e + 1].capitalized) {
        for (size_t k = e + 2; k < n && k <= e + 4; ++k) {
          if (!toks_[k].capitalized && lex_.state_nouns.count(folded_[k])) {
            government(b, e);
            return;
          }
          if (!toks_[k].capitalized) break;
        }
      }
      for (size_t f = e; f < n && f < e + 3; ++f) {
        // ("the British Government": a state noun may be capitalised right after the name)
        const bool capital_noun = f == e && toks_[f].capitalized && lex_.state_nouns.count(folded_[f]);
        if (toks_[f].word && (!toks_[f].capitalized || capital_noun) && lex_.state_nouns.count(folded_[f])) {
          government(b, f + 1);
          return;
        }
        if (!toks_[f].word || toks_[f].capitalized || lex_.auxiliaries.count(folded_[f]) ||
            lex_.speech_verbs.count(folded_[f]) || lex_.action_verbs.count(folded_[f]) ||
            lex_.not_names.count(folded_[f]) || lex_.place_prepositions.count(folded_[f]))
          break;
        // "the Artsakh foreign ministry", "Azerbaijan's environmental protection ministry"
        auto h = lex_.org_heads.find(folded_[f]);
        // (acting: "... ministry denied", or named as the one who says: "said the ... ministry",
        // "a statement issued by the ... ministry")
        size_t q = b;
        if (q > 0 && folded_[q - 1] == "the") --q;
        const bool says = q > 0 && (lex_.speech_verbs.count(folded_[q - 1]) || folded_[q - 1] == "by");
        if (h != lex_.org_heads.end() && statelike && (acting_after(f + 1) || says)) {
          emit(b, f + 1, MentionKind::kUnknown, -1, h->second, true);
          out_.back().state = state_entry;  // "the Artsakh foreign ministry"
          out_.back().body_begin = toks_[e < f && toks_[e].possessive ? e + 1 : e].begin;
          return;
        }
      }
    }
    if (r.kind == NameKind::kDemonym) {
      // a modifier; before a title it says whom the person acts for ("Russian Foreign Minister
      // Sergey Lavrov", "Syrian president Bashar al-Assad"); not before other names ("the Saudi
      // Arabian capital")
      auto demonym_at = [&](size_t k) {
        bool is = false;
        if (k < toks_.size() && toks_[k].capitalized)
          if (const auto* found = m_.gazetteer.find(folded_[k]))
            for (const NameRef& n : *found) is = is || n.kind == NameKind::kDemonym;
        return is;
      };
      // ("the Russian and Ukrainian foreign ministers": the office after the second demonym is
      // both states')
      const size_t after = e + 1 < toks_.size() && (folded_[e] == "and" || folded_[e] == "or") && demonym_at(e + 1) ? e + 2 : e;
      size_t t = after;  // ("Chinese counterpart Minister Li": a role noun before the title)
      while (t < toks_.size() && t < after + 2 && !toks_[t].capitalized && lex_.roles.count(folded_[t])) ++t;
      // (not the first of two: "Greek Cypriot leader X" does not act for Greece)
      const bool second_demonym = t == after && demonym_at(t);
      // ("his Iraqi counterpart", "the Chinese envoy": an unnamed office holder acts for the state)
      if (state_entry >= 0 && m_.gazetteer.entries[static_cast<size_t>(state_entry)].type == EntityType::kState && !second_demonym &&
          (t > after || (t < toks_.size() && title_match(t, toks_.size()) > t)))
        emit(b, e, MentionKind::kDemonym, state_entry, EntityType::kState, true);
      return;
    }
    emit(b, e, r.kind == NameKind::kCapital ? MentionKind::kCapital : MentionKind::kGazetteer, r.entry,
         g.type, true);
    (void)run_end;
  }

  // The state a known name at [b, e) names, as a name, demonym or capital, or -1.
  int state_named(size_t b, size_t e) const {
    const std::vector<NameRef>* refs = nullptr;
    if (gaz_match(b, e, &refs) != e || !refs) return -1;
    for (const NameRef& r : *refs) {
      const GazEntry& g = m_.gazetteer.entries[static_cast<size_t>(r.entry)];
      if (r.kind == NameKind::kCapital) return g.capital_of;
      if (g.type == EntityType::kState) return r.entry;
      // a place with a de facto government ("the Karabakh Foreign Ministry")
      if (g.authority >= 0 && m_.gazetteer.entries[static_cast<size_t>(g.authority)].type == EntityType::kState)
        return g.authority;
    }
    return -1;
  }

  // "Armenians", "Azerbaijanis": a people, named by the plural of a demonym.
  bool plural_demonym(size_t i) const {
    const std::string& f = folded_[i];
    if (f.size() < 4 || f.back() != 's') return false;
    for (const std::string& stem : {f.substr(0, f.size() - 1), f.size() > 5 ? f.substr(0, f.size() - 2) : std::string()}) {
      if (stem.empty()) continue;
      const auto* refs = m_.gazetteer.find(stem);
      if (refs)
        for (const NameRef& r : *refs)
          if (r.kind == NameKind::kDemonym) return true;
    }
    return false;
  }

  // "South Africans", "Americans": the plural of a demonym starting at b, one or more words long.
  // Returns its end, or b.
  size_t plural_demonym_at(size_t b, size_t limit) const {
    for (size_t e = std::min(limit, b + m_.gazetteer.max_tokens); e > b; --e) {
      const std::string& last = folded_[e - 1];
      if (last.size() < 4 || last.back() != 's') continue;
      std::string k = key(b, e);
      k.pop_back();
      const auto* refs = m_.gazetteer.find(k);
      if (refs)
        for (const NameRef& r : *refs)
          if (r.kind == NameKind::kDemonym) return e;
    }
    return b;
  }

  // A people named by a plural demonym: the state when it is "the Americans" (a side), a group
  // that acts otherwise ("Gibraltarians rejected").
  void people(size_t b, size_t e) {
    std::string k = key(b, e);
    k.pop_back();
    const auto* refs = m_.gazetteer.find(k);
    const NameRef* demonym = nullptr;
    if (refs)
      for (const NameRef& r : *refs)
        if (r.kind == NameKind::kDemonym) demonym = &r;
    const GazEntry* g = demonym ? &m_.gazetteer.entries[static_cast<size_t>(demonym->entry)] : nullptr;
    if (g && g->type == EntityType::kState && b > 0 && folded_[b - 1] == "the") {
      emit(b, e, MentionKind::kDemonym, demonym->entry, EntityType::kState, true);
      return;
    }
    emit(b, e, MentionKind::kUnknown, -1, EntityType::kGroup, true);
  }

  // "Armenia-Artsakh", "Turkey-EU": a compound of known names is a modifier; its parts are places.
  bool compound(size_t i) {
    const std::string_view w = toks_[i].view(t_);
    if (w.find('-') == std::string_view::npos) return false;
    std::vector<std::pair<size_t, size_t>> parts;
    size_t p = 0;
    bool any = false;
    while (p <= w.size()) {
      size_t q = w.find('-', p);
      if (q == std::string_view::npos) q = w.size();
      parts.emplace_back(p, q);
      if (m_.gazetteer.find(text::name_key(w.substr(p, q - p)))) any = true;
      p = q + 1;
    }
    if (!any || parts.size() < 2) return false;
    for (const auto& [pb, pe] : parts) {
      const auto* refs = m_.gazetteer.find(text::name_key(w.substr(pb, pe - pb)));
      if (!refs) continue;
      const NameRef& r = choose(*refs);
      if (r.kind == NameKind::kDemonym) continue;
      const GazEntry& g = m_.gazetteer.entries[static_cast<size_t>(r.entry)];
      Mention mm;
      mm.begin = toks_[i].begin + pb;
      mm.end = toks_[i].begin + pe;
      mm.sentence = index_;
      mm.kind = r.kind == NameKind::kCapital ? MentionKind::kCapital : MentionKind::kGazetteer;
      mm.entry = r.entry;
      mm.type = g.type;
      mm.typed_by_cue = true;
      mm.place_position = true;  // a modifier: the place, not the actor
      mm.tokens = 1;
      mm.key = text::name_key(w.substr(pb, pe - pb));
      out_.push_back(std::move(mm));
    }
    return true;
  }

  // A title right before position b, whatever its case ("prime minister Gordon Brown"); its key.
  std::string title_before(size_t b) const {
    for (size_t k = std::min(b, lex_.max_title_tokens); k >= 1; --k) {
      std::string t = key(b - k, b);
      if (!t.empty() && t.back() == '.') t.pop_back();
      if (lex_.titles.count(t)) return t;
    }
    return "";
  }

  static bool opens_clause(std::string_view upos) {
    return upos == "VERB" || upos == "ADV" || upos == "PRON" || upos == "AUX" || upos == "SCONJ" || upos == "INTJ";
  }

  void unknown(size_t b, size_t e, bool title_cue) {
    std::string title = title_before(b);
    if (!title.empty()) title_cue = true;
    // leading words that are never names ("The", "However") are not part of it
    // ("US Embassy": an all-capitals "US" is the state, not the pronoun)
    while (b < e && lex_.not_names.count(folded_[b]) && !(toks_[b].all_caps && b + 1 < e)) ++b;
    // "Accompany Mamedov", "Somehow I": a verb, adverb or pronoun that opens the sentence is
    // capitalised for that alone (the tagger says which)
    if (b < e && (b == 0 || !toks_[b - 1].word) && !toks_[b].all_caps && opens_clause(upos_[b])) {
      ++b;
      while (b < e && !toks_[b].capitalized) ++b;  // and the "for" of "Saying for Michigan"
    }
    while (e > b && (folded_[e - 1] == "of" || folded_[e - 1] == "for" || folded_[e - 1] == "and" ||
                     folded_[e - 1] == "the"))
      --e;
    if (b >= e) return;
    // a company the article has named with its legal suffix, named again without it
    if (const auto c = companies_.empty() ? companies_.end() : companies_.find(key(b, e)); c != companies_.end()) {
      emit(b, e, MentionKind::kUnknown, -1, EntityType::kOrganization, true);
      out_.back().key = c->second;
      return;
    }
    // a single letter ("I") names no one
    if (e - b == 1 && toks_[b].end - toks_[b].begin == 1) return;
    if (e - b == 1 && compound(b)) return;
    if (e - b == 1 && not_actors_.count(folded_[b])) return;
    // "Delegations from Chad ...": a common noun capitalised only because it opens the sentence
    if (e - b == 1 && upos_[b] == "NOUN" && !toks_[b].all_caps && (b == 0 || !toks_[b - 1].word) && !title_cue) return;
    if (e - b >= 2 && lex_.work_heads.count(folded_[e - 1])) {
      // "the International Tin Agreement (ITA)": a document, and so is its acronym
      std::string initials;
      for (size_t k = b; k < e; ++k)
        if (toks_[k].capitalized) initials += folded_[k][0];
      not_actors_.insert(initials);
      if (e + 2 < toks_.size() && toks_[e].view(t_) == "(") not_actors_.insert(folded_[e + 1]);
      return;
    }
    if (e - b == 1 && plural_demonym(b)) {
      people(b, e);  // kept only when it acts
      return;
    }
    EntityType type = EntityType::kPerson;
    bool cue = false;
    // organisation head word anywhere ("Artsakh National Security Council", "Ministry of ...")
    for (size_t k = b; k < e; ++k) {
      auto h = lex_.org_heads.find(folded_[k]);
      if (h != lex_.org_heads.end() && (e - b >= 2)) {
        type = h->second;
        cue = true;
      }
    }
    // "the Army", "the Ministry": a capitalised head word alone, with an article before it
    if (!cue && e - b == 1 && b > 0 && folded_[b - 1] == "the") {
      auto h = lex_.org_heads.find(folded_[b]);
      if (h != lex_.org_heads.end()) {
        type = h->second;
        cue = true;
      }
    }
    size_t end = e;
    bool acting_cue = false;
    if (!cue) {
      if (lex_.place_heads.count(folded_[e - 1]) && e - b >= 2) {
        type = EntityType::kLocation;
        cue = true;
      } else if (e < toks_.size() && !toks_[e].capitalized && lex_.place_heads.count(folded_[e])) {
        // "the Kashen mine", "the Lachin corridor"
        type = EntityType::kLocation;
        cue = true;
        end = e + 1;
      } else if (title_cue || apposed_role(e)) {
        type = EntityType::kPerson;
        cue = true;
      } else if ((place_position(b) && !(e < toks_.size() && toks_[e].possessive)) ||
                 (e - b == 1 && b >= 2 && folded_[b - 1] == "of" && lex_.roles.count(folded_[b - 2]))) {
        // "in Ağdam", "the mayor of Ağdam" (not "at Jack Straw's country residence": an owner)
        type = EntityType::kLocation;
        cue = true;
      } else if (e - b == 1 && toks_[b].all_caps && !shouting_ && toks_[b].end - toks_[b].begin <= 6) {
        type = EntityType::kOrganization;  // an acronym
        cue = true;
      } else if (acting_after(e) && e - b <= 4) {
        type = EntityType::kPerson;
        cue = true;
        acting_cue = true;
      } else if (e - b >= 2) {
        // an "of" phrase without an organisation head is two names, not one
        for (size_t k = b + 1; k + 1 < e; ++k)
          if (folded_[k] == "of" || folded_[k] == "for") {
            unknown(b, k, title_cue);
            unknown(k + 1, e, false);
            return;
          }
      }
    }
    // where a person's name does not stand (Mention::thing_position), unless its first word
    // opens people's names (lexicon/given_names.tsv: "met with the Khaled Meshaal")
    // or a noun that describes the one named before it ("journalist Hollman Morris")
    const bool described = b > 0 && toks_[b - 1].word && !toks_[b - 1].capitalized && upos_[b - 1] == "NOUN";
    // A single word whose one sign of a person is the possessive after it ("one of Earth's
    // greatest wonders") is no one new either, unless the persons gazetteer knows it ("Putin's")
    const bool possessive_only = acting_cue && e - b == 1 && e < toks_.size() && toks_[e].possessive &&
                                 !m_.persons.names.count(folded_[b]) && !m_.persons.surnames.count(folded_[b]);
    const bool thing = type == EntityType::kPerson && !title_cue && !described &&
                       !lex_.given_names.count(folded_[b]) &&
                       (determined(b) || possessive_only || (!cue && e - b >= 2 && modifies(e)));
    emit(b, end, MentionKind::kUnknown, -1, type, cue);
    remember_company(b, end);
    out_.back().thing_position = thing;
    if (type == EntityType::kPerson) out_.back().title = title;
  }

  void run_of_names(size_t b, size_t e) {
    if (shouting_) {
      // an all-capitals headline: only names the gazetteers know
      for (size_t k = b; k < e;) {
        const std::vector<NameRef>* refs = nullptr;
        const size_t g = gaz_match(k, e, &refs);
        if (g > k) {
          gazetteer_hit(k, g, e, *refs);
          k = g;
        } else {
          ++k;
        }
      }
      return;
    }
    size_t k = b;
    bool title_cue = false;
    while (k < e) {
      // "Leaders of African Union member states met", "Shares of Harland and Wolff Plc rose": an
      // office or side noun, or any plural common noun, that opens the sentence, and its "of", are
      // not part of the name after them
      if (k + 2 < e && (k == 0 || !toks_[k - 1].word) && upos_[k] == "NOUN" && folded_[k + 1] == "of" &&
          (lex_.roles.count(folded_[k]) || lex_.state_nouns.count(folded_[k]) || xpos_[k] == "NNS")) {
        k += 2;
        continue;
      }
      const std::vector<NameRef>* refs = nullptr;
      const size_t g = gaz_match(k, e, &refs);
      // "US" and "WHO" are names; "Us" and "Who" are not
      // ("Labour Minister X": a title that runs past a known name is the title)
      if (g > k && !(g - k == 1 && lex_.not_names.count(folded_[k]) && !toks_[k].all_caps) && title_match(k, e) <= g) {
        // a known name followed by an organisation head is an organisation of its own
        size_t h = g;
        size_t head_end = 0;
        while (h < e && title_match(h, e) == h) {
          // ("the United States Department of State": the "of" phrase after the head word is
          // part of the name)
          if (head_end == h && (folded_[h] == "of" || folded_[h] == "for")) {
            head_end = std::max(head_end, org_tail(h, e));
            break;
          }
          if (folded_[h] == "and" || folded_[h] == "of" || folded_[h] == "for") break;
          const std::vector<NameRef>* r3 = nullptr;
          // another known name begins (but "Artsakh National Security Council" stays whole)
          if (const size_t g3 = h > g ? gaz_match(h, e, &r3) : h; g3 > h && !lex_.org_heads.count(folded_[g3 - 1]))
            break;
          if (lex_.org_heads.count(folded_[h])) head_end = h + 1;
          ++h;
        }
        if (head_end && !(head_end == g + 1 && lex_.state_nouns.count(folded_[g]))) {
          const size_t before = out_.size();
          unknown(k, head_end, false);
          // "the US Embassy", "the Kuwaiti Foreign Ministry": a body of the state its name begins with
          if (out_.size() > before && out_.back().begin == toks_[k].begin) {
            out_.back().state = state_named(k, g);
            out_.back().body_begin = toks_[g].begin;
          }
          k = head_end;
          title_cue = false;
          continue;
        }
        const size_t before = out_.size();
        gazetteer_hit(k, g, e, *refs);
        k = g;
        // ("the British Government is": the state's mention took the capitalised noun too)
        if (out_.size() > before)
          while (k < e && toks_[k].begin < out_.back().end) ++k;
        title_cue = false;
        continue;
      }
      // a title may run on past the capitalised words ("Charge d'Affaires"): the name after it
      // reads its title itself
      if (const size_t whole = title_match(k, toks_.size()); whole > e) return;
      // "Foreign Undersecretary X": a portfolio word before a title is part of it
      if (k + 1 < e && title_match(k, e) == k && title_match(k + 1, e) > k + 1 && lex_.title_starts.count(folded_[k])) {
        title_cue = true;
        k = title_match(k + 1, e);
        continue;
      }
      const size_t t = title_match(k, e);
      if (t > k) {
        title_cue = true;
        k = t;
        continue;
      }
      if (const size_t pd = plural_demonym_at(k, e); pd > k) {
        people(k, pd);
        k = pd;
        title_cue = false;
        continue;
      }
      size_t s = k + 1;
      while (s < e) {
        const std::vector<NameRef>* r2 = nullptr;
        const size_t g2 = gaz_match(s, e, &r2);
        // "National Security Council": a known name ending in an organisation head word, after
        // other capitalised words, is part of a longer name
        if (g2 > s && lex_.org_heads.count(folded_[g2 - 1]) && !lex_.not_names.count(folded_[k]) &&
            title_match(k, e) == k) {
          s = g2;
          continue;
        }
        if (g2 > s || title_match(s, e) > s) break;
        ++s;
      }
      // "the Foreign Ministry of Norway": an organisation's name takes the state after its "of"
      if (s < e && s >= k + 2 && folded_[s - 1] == "of" && has_org_head(k, s - 1)) {
        const std::vector<NameRef>* r2 = nullptr;
        const size_t g2 = gaz_match(s, e, &r2);
        if (g2 > s) {
          unknown(k, g2, title_cue);
          title_cue = false;
          k = g2;
          continue;
        }
      }
      unknown(k, s, title_cue);
      title_cue = false;
      k = s;
    }
  }

  const std::string& t_;
  const std::optional<text::Date>& date_;
  const mappings::Mappings& m_;
  const mappings::Lexicon& lex_;
  size_t index_;
  std::vector<Mention>& out_;
  size_t first_;  // out_'s size when this sentence began: its own mentions are out_[first_, end)
  std::unordered_set<std::string>& not_actors_;  // article-wide: names and acronyms of documents
  // article-wide: a company named with its legal suffix, by its name without it and by its
  // initials ("cable and wireless", "c and w" -> "cable and wireless plc")
  std::unordered_map<std::string, std::string>& companies_;
  std::vector<Token> toks_;
  std::vector<std::string> folded_;
  std::vector<std::string_view> upos_;  // per token: the tagger's part of speech, "" when unknown
  std::vector<std::string_view> xpos_;  // per token: the tagger's Penn Treebank tag, "" when unknown
  bool shouting_ = false;
  bool byline_ = false;
};

}  // namespace

std::string without_prefix_particle(const std::string& surname, const mappings::Lexicon& lex) {
  const size_t dash = surname.find('-');
  if (dash == std::string::npos || dash + 3 > surname.size() || !lex.name_particles.count(text::name_key(surname.substr(0, dash + 1))))
    return "";
  return surname.substr(dash + 1);
}

Tagged tag(const text::Document& doc, const syntax::Analysis& analysis, const mappings::Mappings& m) {
  Tagged t;
  t.sentences.reserve(analysis.sentences.size());
  for (const syntax::Sentence& s : analysis.sentences) t.sentences.push_back(text::Sentence{s.begin, s.end});
  std::unordered_set<std::string> not_actors;
  std::unordered_map<std::string, std::string> companies;
  for (size_t i = 0; i < t.sentences.size(); ++i) {
    SentenceTagger(doc, m, i, t.sentences[i], i < analysis.sentences.size() ? &analysis.sentences[i] : nullptr,
                   t.mentions, not_actors, companies).run();
    for (DateMention& d : find_dates(doc.text, t.sentences[i])) {
      // "LONDON, March 24 - ..." / "GENEVA, May 14 (Reuters) -": a dateline, not an event's date
      const std::string_view before = std::string_view(doc.text).substr(t.sentences[i].begin, d.begin - t.sentences[i].begin);
      const std::string_view after = std::string_view(doc.text).substr(d.end, std::min<size_t>(16, doc.text.size() - d.end));
      bool upper_words = !before.empty() && before.find(',') != std::string_view::npos;
      for (char c : before) upper_words = upper_words && !(c >= 'a' && c <= 'z');
      const size_t dash = after.find_first_of("-\xE2");
      if (upper_words && dash != std::string_view::npos && dash <= 12) d.dateline = true;
      t.dates.push_back(d);
    }
  }
  // A lone word that is a part of a person's name told in full before ("Mihai Dobre ... Dobre
  // held talks") names a person: typed by the earlier name, whatever follows it (which person
  // is the resolver's to say).
  // ("Ban" after "Ban Ki-moon": a family name may come first, so the first word counts too)
  std::unordered_set<std::string> surnames;
  for (Mention& mm : t.mentions) {
    if (mm.kind != MentionKind::kUnknown) continue;
    if (mm.tokens >= 2 && mm.type == EntityType::kPerson && mm.typed_by_cue) {
      const std::string last = text::last_key_word(mm.key);
      surnames.insert(last);
      surnames.insert(mm.key.substr(0, mm.key.find(' ')));
      // ("al-Shaheen": "Shaheen" too)
      if (std::string bare = without_prefix_particle(last, m.lexicon); !bare.empty()) surnames.insert(bare);
    } else if (mm.tokens == 1 && !mm.typed_by_cue && surnames.count(mm.key)) {
      mm.type = EntityType::kPerson;
      mm.typed_by_cue = true;
    }
  }
  return t;
}

}  // namespace parley::ner
