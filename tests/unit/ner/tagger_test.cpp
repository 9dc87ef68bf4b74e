// ner::tag with the real mappings: which spans of a sentence are names, what kind of mention each
// is, what type the cues give it and which gazetteer entry it names. Rows use real states and
// organisations and invented people, in wire, BBC and long-clause styles.
#include "ner/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "test_support.h"
#include "text/tokenizer.h"

namespace parley::ner {
namespace {

using mappings::EntityType;
using text::Date;

const char* kind_name(MentionKind k) {
  switch (k) {
    case MentionKind::kGazetteer: return "Gazetteer";
    case MentionKind::kDemonym: return "Demonym";
    case MentionKind::kCapital: return "Capital";
    case MentionKind::kUnknown: return "Unknown";
    case MentionKind::kForces: return "Forces";
    case MentionKind::kAuthority: return "Authority";
    case MentionKind::kCollective: return "Collective";
    case MentionKind::kRole: return "Role";
  }
  return "?";
}

struct Tagging {
  text::Document doc;
  Tagged tagged;

  std::string surface(const Mention& m) const { return doc.text.substr(m.begin, m.end - m.begin); }
  std::string id(const Mention& m) const {
    const auto& entries = unit::real_mappings().gazetteer.entries;
    return m.entry >= 0 && static_cast<size_t>(m.entry) < entries.size() ? entries[static_cast<size_t>(m.entry)].id
                                                                         : "";
  }
  const Mention* find(const std::string& s) const {
    for (const Mention& m : tagged.mentions)
      if (surface(m) == s) return &m;
    return nullptr;
  }
  std::string dump() const {
    std::string s = "mentions in \"" + doc.text + "\":\n";
    for (const Mention& m : tagged.mentions) {
      s += "  \"" + surface(m) + "\" " + kind_name(m.kind) + " " + mappings::type_name(m.type);
      if (!id(m).empty()) s += " " + id(m);
      if (m.acting) s += " acting";
      if (m.place_position) s += " place";
      if (!m.group.empty()) s += " group=" + m.group;
      if (!m.title.empty()) s += " title=" + m.title;
      s += "\n";
    }
    if (tagged.mentions.empty()) s += "  (none)\n";
    return s;
  }
};

Tagging tag_text(const std::string& text, std::optional<Date> date = Date{2023, 3, 1}) {
  Tagging r;
  r.doc.id = "t1";
  r.doc.text = text;
  r.doc.date = date;
  r.tagged = tag(r.doc, unit::analyze(r.doc.text), unit::real_mappings());
  return r;
}

// A mention that must be found with exactly this surface form.
struct Want {
  std::string surface;
  MentionKind kind;
  EntityType type;
  std::string id = "";     // gazetteer entry id (checked when set)
  int acting = -1;         // 0/1: checked; -1: not checked
  int place = -1;          // place_position, likewise
  std::string group = "";  // kForces group (checked when set)
  std::string title = "";  // the title before a person (checked when set)
};

struct Row {
  const char* name;
  std::string text;
  std::vector<Want> want;
  std::vector<std::string> not_in = {};  // no mention's surface may contain any of these
  bool only = false;                     // `want` lists every mention of the text
  std::optional<Date> date = Date{2023, 3, 1};
};

void expect_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.name) + ": " + row.text);
    const Tagging r = tag_text(row.text, row.date);
    for (const Want& w : row.want) {
      SCOPED_TRACE("\"" + w.surface + "\"");
      const Mention* m = r.find(w.surface);
      if (!m) {
        ADD_FAILURE() << "no mention \"" << w.surface << "\"; " << r.dump();
        continue;
      }
      EXPECT_EQ(kind_name(m->kind), std::string(kind_name(w.kind))) << r.dump();
      EXPECT_EQ(mappings::type_name(m->type), std::string(mappings::type_name(w.type))) << r.dump();
      if (!w.id.empty()) {
        EXPECT_EQ(r.id(*m), w.id) << r.dump();
      }
      if (w.acting >= 0) {
        EXPECT_EQ(m->acting, w.acting == 1) << "acting; " << r.dump();
      }
      if (w.place >= 0) {
        EXPECT_EQ(m->place_position, w.place == 1) << "place_position; " << r.dump();
      }
      if (!w.group.empty()) {
        EXPECT_EQ(m->group, w.group) << r.dump();
      }
      if (!w.title.empty()) {
        EXPECT_EQ(m->title, w.title) << r.dump();
      }
    }
    for (const std::string& s : row.not_in)
      for (const Mention& m : r.tagged.mentions)
        EXPECT_EQ(r.surface(m).find(s), std::string::npos) << "\"" << s << "\" is not a name; " << r.dump();
    if (row.only) {
      EXPECT_EQ(r.tagged.mentions.size(), row.want.size()) << r.dump();
    }
  }
}

constexpr auto kPerson = EntityType::kPerson;
constexpr auto kOrg = EntityType::kOrganization;
constexpr auto kState = EntityType::kState;
constexpr auto kLocation = EntityType::kLocation;
constexpr auto kGaz = MentionKind::kGazetteer;
constexpr auto kUnknown = MentionKind::kUnknown;
constexpr auto kDemonym = MentionKind::kDemonym;

// ---------------------------------------------------------------------------------------
// Names with non-ASCII letters and particles are found whole (STYLE.md: \b and \w are ASCII)
// ---------------------------------------------------------------------------------------

TEST(Tagger, UnicodeAndParticleNamesAreWholePersons) {
  expect_rows({
      {"umlauts after a title", "Foreign Minister Jürgen Müller arrived in Vienna on Monday.",
       {{"Jürgen Müller", kUnknown, kPerson, "", -1, -1, "", "foreign minister"}},
       {"Foreign Minister", "Monday"}},
      {"hyphenated surname", "President Ngozi Okonjo-Iweala spoke at the opening session.",
       {{"Ngozi Okonjo-Iweala", kUnknown, kPerson}}, {"President"}},
      {"Turkish letters, place after a preposition", "Shelling was reported in Şuşa on Sunday.",
       {{"Şuşa", kUnknown, kLocation, "", -1, 1}}, {"Sunday"}},
      {"a prefix particle after the given name", "Sudanese President Omar al-Bashir said the talks had failed.",
       {{"Omar al-Bashir", kUnknown, kPerson, "", 1}}, {"President"}},
      {"particles inside a name", "Ambassador Pieter van der Berg said the embassy would stay open.",
       {{"Pieter van der Berg", kUnknown, kPerson, "", 1}}, {"Ambassador"}},
      {"Vietnamese name whose last word is also an English article",
       "Nguyễn Văn An said the delegation would return to Hanoi.", {{"Nguyễn Văn An", kUnknown, kPerson, "", 1}}},
      {"particles after a title, no verb cue", "Ambassador Hendrik de Vries arrived in The Hague.",
       {{"Hendrik de Vries", kUnknown, kPerson, "", -1, -1, "", "ambassador"}}, {"Ambassador"}},
      {"bin and al- inside a name", "Sheikh Hamad bin Khalid al-Nuaimi said Qatar was ready to mediate.",
       {{"Hamad bin Khalid al-Nuaimi", kUnknown, kPerson, "", 1}, {"Qatar", kGaz, kState, "state:QA", 1}},
       {"Sheikh"}},
      {"lower-case prefix particle after a title", "Mr al-Bashir said the talks had failed.",
       {{"al-Bashir", kUnknown, kPerson, "", 1}}, {"Mr"}},
      {"Irish apostrophe, BBC style", "Mr O'Neill told the BBC that the talks were over.",
       {{"O'Neill", kUnknown, kPerson}, {"BBC", kGaz, kOrg, "org:BBC"}}, {"Mr"}},
  });
}

// ---------------------------------------------------------------------------------------
// Titles are cues, never part of the name
// ---------------------------------------------------------------------------------------

TEST(Tagger, TitlesAreStrippedAndTypeThePerson) {
  expect_rows({
      // (the demonym names the state the minister acts for; the title is no name)
      {"demonym and title", "Russian Foreign Minister Sergei Lavrov said on Tuesday that Moscow was ready.",
       {{"Russian", kDemonym, kState, "state:RU"}, {"Sergei Lavrov", kUnknown, kPerson, "", 1, -1, "", "foreign minister"}},
       {"Foreign Minister", "Tuesday"}},
      {"state acronym before a title", "UK Foreign Secretary Jack Straw met his Spanish counterpart in London.",
       {{"UK", kGaz, kState, "state:GB"}, {"Jack Straw", kUnknown, kPerson, "", -1, -1, "", "foreign secretary"}},
       {"Foreign Secretary"}},
      {"wire dateline and credit",
       "YEREVAN, March 1 (Reuters) - Armenian Prime Minister Nikol Vardanyan said on Wednesday that talks "
       "with Azerbaijan would resume.",
       {{"Nikol Vardanyan", kUnknown, kPerson, "", 1}, {"Azerbaijan", kGaz, kState, "state:AZ"}},
       {"Reuters", "Prime Minister", "Wednesday", "March"}},
      {"a title alone types a one-word name", "Later, Mr Harutyunov told reporters the road was closed.",
       {{"Harutyunov", kUnknown, kPerson}}, {"Later", "Mr"}},
  });
}

// ---------------------------------------------------------------------------------------
// Organisation head words make one Organization of the whole name
// ---------------------------------------------------------------------------------------

TEST(Tagger, OrganisationHeads) {
  expect_rows({
      // an "of"-chain is one organisation's name (the issue: "the Ministry of Foreign Affairs of
      // Artsakh"), which keeps Armenia's ministry apart from Norway's
      {"ministry of ... of <state>", "A statement by the Ministry of Foreign Affairs of Armenia said the border was calm.",
       {{"Ministry of Foreign Affairs of Armenia", kUnknown, kOrg}}},
      {"news agency named after a state", "The official Sudan News Agency said the minister had left Khartoum.",
       {{"Sudan News Agency", kGaz, kOrg, "org:SUNA"}}},
      {"lower-case ministry after a de facto state", "The Artsakh foreign ministry denied the reports.",
       {{"Artsakh foreign ministry", kUnknown, kOrg}}},
      {"news agency not in the gazetteer, named after a state",
       "The Azerbaijan State News Agency reported that the convoy had passed.",
       {{"Azerbaijan State News Agency", kUnknown, kOrg}}},
      {"long subordinate clause",
       "The envoy, who had flown in from Vienna after two days of consultations with the Organization for "
       "Security and Co-operation in Europe, said the ceasefire was holding.",
       {{"Organization for Security and Co-operation in Europe", kGaz, kOrg, "org:OSCE"}}},
      {"company named with its legal suffix after 'and'",
       "Shares of Harland and Wolff Plc rose after Brandt and Co said it would bid for the yard.",
       {{"Harland and Wolff Plc", kUnknown, kOrg}, {"Brandt and Co", kUnknown, kOrg}}},
  });
}

// ---------------------------------------------------------------------------------------
// Gazetteer names: states, demonyms, capitals, acronyms with and without dots
// ---------------------------------------------------------------------------------------

TEST(Tagger, GazetteerNames) {
  expect_rows({
      {"demonym and state noun", "Azerbaijani officials said the convoy had been stopped.",
       {{"Azerbaijani officials", MentionKind::kDemonym, kState, "state:AZ", 1}}},
      {"capital metonym, acting", "Moscow said it would send observers.",
       {{"Moscow", MentionKind::kCapital, kLocation, "city:RU", 1, 0}}},
      {"capital as a place", "The talks in Moscow ended without agreement.",
       {{"Moscow", MentionKind::kCapital, kLocation, "city:RU", 0, 1}}},
      {"dotted acronyms", "The U.S. and the U.N. issued a joint statement.",
       {{"U.S.", kGaz, kState, "state:US"}, {"U.N.", kGaz, kOrg, "org:UN"}}, {}, true},
      {"undotted acronym", "The US envoy arrived in Baku on Friday.",
       {{"US", kGaz, kState, "state:US"}, {"Baku", MentionKind::kCapital, kLocation, "city:AZ", 0, 1}}, {"Friday"}},
      {"the pronoun us is not the US", "Let us hope the talks go well, the Norwegian mediator said.", {}, {"us"}},
      {"all-caps headline", "SUDAN REJECTS IMF DEMAND",
       {{"SUDAN", kGaz, kState, "state:SD"}, {"IMF", kGaz, kOrg, "org:IMF"}}, {}, true},
      {"a capital as the goal of a visit", "The envoy's visit to Baku was cancelled.",
       {{"Baku", MentionKind::kCapital, kLocation, "city:AZ", -1, 1}}},
      {"a seat of government as metonym", "The Kremlin said the summit would go ahead.",
       {{"Kremlin", kGaz, kLocation, "place:kremlin", 1}}},
      {"longest match wins", "The United Nations Security Council met on Friday.",
       {{"United Nations Security Council", kGaz, kOrg, "org:UNSC"}}, {"Friday"}, true},
      {"BBC sentence, two states", "Mr Aliyev said Azerbaijan would not negotiate with Armenia.",
       {{"Aliyev", kUnknown, kPerson}, {"Azerbaijan", kGaz, kState, "state:AZ", 1},
        {"Armenia", kGaz, kState, "state:AM"}}},
  });
}

// A capital several states have had: the row whose years hold the article date, else the
// current state (mappings/README.md, "Period-dependent names and shared capitals").
TEST(Tagger, FormerStatesAreChosenByTheArticleDate) {
  expect_rows({
      {"1990: Yugoslavia", "Belgrade said it would not attend.",
       {{"Belgrade", MentionKind::kCapital, kLocation, "city:YUCS"}}, {}, false, Date{1990, 6, 1}},
      {"2020: Serbia", "Belgrade said it would not attend.",
       {{"Belgrade", MentionKind::kCapital, kLocation, "city:RS"}}, {}, false, Date{2020, 6, 1}},
      {"no date: the current state", "Belgrade said it would not attend.",
       {{"Belgrade", MentionKind::kCapital, kLocation, "city:RS"}}, {}, false, std::nullopt},
      {"1985: Soviet Union", "Moscow rejected the proposal.",
       {{"Moscow", MentionKind::kCapital, kLocation, "city:SUHH"}}, {}, false, Date{1985, 1, 10}},
      {"2023: Russia", "Moscow rejected the proposal.",
       {{"Moscow", MentionKind::kCapital, kLocation, "city:RU"}}, {}, false, Date{2023, 1, 10}},
  });
}

// ---------------------------------------------------------------------------------------
// Capitalised words that are not names
// ---------------------------------------------------------------------------------------

TEST(Tagger, NotNames) {
  expect_rows({
      {"sentence-initial adverb", "However, Norway said it would host the talks.",
       {{"Norway", kGaz, kState, "state:NO", 1}}, {"However"}, true},
      {"sentence-initial common noun before of", "Representatives of Norway met the delegation on Monday.",
       {{"Norway", kGaz, kState, "state:NO"}, {"delegation", MentionKind::kRole, kPerson}},
       {"Representatives", "Monday", "met"}, true},
      {"sentence-initial office noun before a body's name",
       "Leaders of African Union member states met in Niamey on Sunday.",
       {{"African Union", kGaz, kOrg, "org:AU"}, {"Niamey", MentionKind::kCapital, kLocation, "city:NE"}}, {"Leaders"}, true},
      {"sentence-initial common noun alone", "Delegations from Chad and Sudan began talks in Doha.",
       {{"Chad", kGaz, kState, "state:TD"}, {"Sudan", kGaz, kState, "state:SD"},
        {"Doha", MentionKind::kCapital, kLocation, "city:QA"}}, {"Delegations"}, true},
      {"weekdays and months", "The talks resumed on Tuesday, March 14, and ended in April.", {}, {}, true},
      {"Reuter sign-off", "Armenia said it would attend the meeting.\n Reuter\n",
       {{"Armenia", kGaz, kState, "state:AM"}}, {"Reuter"}, true},
      {"byline", "By John Smith\n\nArmenia said it would attend the meeting.",
       {{"Armenia", kGaz, kState, "state:AM"}}, {"John", "Smith"}, true},
      {"title-case headline", "Karabakh Armenians Again Reject Talks In Baku\n\nThe talks were postponed.", {},
       {"Again", "Reject", "Talks In"}},
      {"title-case headline with known names", "Armenia And Azerbaijan Agree To Hold Talks In Moscow",
       {{"Armenia", kGaz, kState, "state:AM"}, {"Azerbaijan", kGaz, kState, "state:AZ"},
        {"Moscow", MentionKind::kCapital, kLocation, "city:RU"}},
       {"Agree", "Hold", "Talks"}, true},
      {"lower-case common noun that is a state's name", "Protesters waved a turkey and a chad at the rally.", {},
       {"turkey", "chad"}, true},
            {"treaty and its acronym",
       "Producers signed the International Tin Agreement (ITA) in 1981.\n\n"
       "The ITA collapsed in 1985, and Malaysia said the ITA was dead.",
       {{"Malaysia", kGaz, kState, "state:MY"}}, {"Tin Agreement", "ITA"}},
      {"interview question opener", "Asked whether Armenia would attend, the spokesman declined to comment.",
       {{"Armenia", kGaz, kState, "state:AM"}}, {"Asked"}},
      {"time zone", "The talks in Geneva ended at 0300 UTC on Friday, and resumed at 1400 BST.", {}, {"UTC", "BST"}},
      {"stock ticker", "The deal was signed by Fenwick Holdings <FENW.L> and Armenia's central bank.", {},
       {"FENW"}},
      {"title with a lower-case word", "The Iranian Charge d'Affaires Reza Karimi was summoned on Monday.",
       {{"Reza Karimi", kUnknown, kPerson, "", -1, -1, "", "charge d'affaires"}}, {"Charge"}},
      {"portfolio word before a title", "He met Foreign Undersecretary Omar Haddad in Amman.",
       {{"Omar Haddad", kUnknown, kPerson, "", -1, -1, "", "undersecretary"}}, {"Foreign"}},
      {"plural title", "Presidents Ana Ruiz and Pavel Novak met in Quito.",
       {{"Ana Ruiz", kUnknown, kPerson, "", -1, -1, "", "presidents"}}, {"Presidents"}},
      {"sentence-initial verb before a name", "Ask Pavel Novak what he thinks, the minister said.",
       {{"Pavel Novak", kUnknown, kPerson}}, {"Ask"}},
      {"sentence-initial adverb and pronoun", "Somehow I never met him.", {}, {"Somehow", "I"}, true},
      {"single letters", "Talks between C and W and the ministry ended on Monday.", {}, {"C", "W"}},
  });
}

TEST(Tagger, TheSeatOfABodyIsAPlace) {
  expect_rows({
      {"headquarters of", "The talks were held at the headquarters of the Russian peacekeeping forces in Karabakh.",
       {{"headquarters of the Russian peacekeeping forces", kUnknown, kLocation}}},
      {"possessive", "Officials met at NATO's headquarters on Monday.", {{"NATO's headquarters", kUnknown, kLocation}}},
      {"not a state's or a person's", "Israel's headquarters and Smith's headquarters were closed.", {},
       {"Israel's headquarters", "Smith's headquarters"}},
      {"a delegation in a capital is not the capital's government",
       "They sent a message to the Colombian trade delegation in Caracas on Monday.",
       {{"Caracas", MentionKind::kCapital, kLocation, "city:VE"}}},
      {"an owner after a place preposition is no place", "Talks begin at Pavel Novak's country residence.",
       {{"Pavel Novak", kUnknown, kPerson}}},
  });
}

TEST(Tagger, OrganisationNamesRunThroughDashesAndOfPhrases) {
  expect_rows({
      {"en dash before the head word", "The African Export\u2013Import Bank lent Ghana $1 billion.",
       {{"African Export\u2013Import Bank", kUnknown, kOrg}, {"Ghana", kGaz, kState, "state:GH"}}},
      {"hyphen before the head word", "The Anglo-Irish Bank collapsed in 2009.",
       {{"Anglo-Irish Bank", kUnknown, kOrg}}},
      {"of the, for the", "Soldiers of the Supreme Council for the Restoration of Democracy seized the palace.",
       {{"Supreme Council for the Restoration of Democracy", kUnknown, kOrg}}},
      {"possessive and for", "Brazil's National Institute for Space Research reported more fires.",
       {{"Brazil's National Institute for Space Research", kUnknown, kOrg}}},
      {"known name, head word and of", "The family left on advice from the Armenia Ministry of Emergency Situations.",
       {{"Armenia Ministry of Emergency Situations", kUnknown, kOrg}}},
      {"a dash between two known names stays two names", "The Armenia\u2013Azerbaijan Commission met in Moscow.",
       {{"Armenia", kGaz, kState, "state:AM"}}},
  });
}

// ---------------------------------------------------------------------------------------
// A state's forces and a place's authorities
// ---------------------------------------------------------------------------------------

TEST(Tagger, ForcesAndAuthorities) {
  expect_rows({
      {"demonym + force noun", "Russian peacekeepers escorted the convoy to Stepanakert.",
       {{"Russian peacekeepers", MentionKind::kForces, kOrg, "state:RU", -1, -1, "peacekeepers"}}},
      {"several-word force noun", "The Russian peacekeeping contingent said the road was open.",
       {{"Russian peacekeeping contingent", MentionKind::kForces, kOrg, "state:RU", -1, -1, "peacekeepers"}}},
      {"place + state noun", "Karabakh officials said the road was closed.",
       {{"Karabakh officials", MentionKind::kAuthority, kOrg, "place:nagorno-karabakh", 1}}},
  });
}

// A collective side of talks (lexicon/collective_sides.tsv) is a group, also when it opens the
// sentence and the tagger takes the capitalised plural for a proper noun.
TEST(Tagger, CollectiveSides) {
  expect_rows({
      {"lower case", "The bankers said telexes will be sent today.",
       {{"bankers", MentionKind::kCollective, EntityType::kGroup, "", -1, -1, "banker"}}},
      {"first word", "Bankers had hoped that they could secure a longer deal.",
       {{"Bankers", MentionKind::kCollective, EntityType::kGroup, "", -1, -1, "banker"}}, {}, true},
      {"first word with a modifier", "Rubber producers met consumers in Geneva.",
       {{"Rubber producers", MentionKind::kCollective, EntityType::kGroup, "", -1, -1, "producer"},
        {"consumers", MentionKind::kCollective, EntityType::kGroup, "", -1, -1, "consumer"}}},
      {"a name stays a name", "Creditors of Petrobras met in Rio de Janeiro.",
       {{"Creditors", MentionKind::kCollective, EntityType::kGroup, "", -1, -1, "creditor"}}},
  });
}

// Whatever the text, mentions are in text order, do not overlap and lie inside their sentence.
const char* const kBusyArticle =
      "BAKU, March 1 (Reuters) - Azerbaijani President Ilham Rahimov said on Wednesday that talks with "
      "Armenia, which the European Union has offered to host in Brussels, could start in April.\n\n"
      "Russian peacekeepers and Karabakh officials said the Lachin corridor was open. The president added "
      "that the U.S. and the U.N. were welcome.";

TEST(Tagger, MentionsAreInsideTheirSentence) {
  const Tagging r = tag_text(kBusyArticle);
  ASSERT_FALSE(r.tagged.mentions.empty());
  for (const Mention& m : r.tagged.mentions) {
    SCOPED_TRACE(r.surface(m));
    EXPECT_LT(m.begin, m.end);
    ASSERT_LT(m.sentence, r.tagged.sentences.size());
    const text::Sentence& s = r.tagged.sentences[m.sentence];
    EXPECT_GE(m.begin, s.begin);
    EXPECT_LE(m.end, s.end);
    EXPECT_EQ(m.key, text::name_key(r.surface(m)));
  }
}

// tagger.h: "in text order, non-overlapping".
void expect_text_order(const std::string& text) {
  const Tagging r = tag_text(text);
  size_t last_end = 0;
  for (const Mention& m : r.tagged.mentions) {
    SCOPED_TRACE(r.surface(m));
    EXPECT_GE(m.begin, last_end) << r.dump();
    last_end = m.end;
  }
}

TEST(Tagger, MentionsAreInTextOrder) {
  expect_text_order("Azerbaijani officials said Moscow and the U.N. had been told. Mr Aliyev flew to Geneva.");
}

TEST(Tagger, PlacesAfterRolesAndLongerOrganisationNames) {
  expect_rows({
      {"Azerbaijani place after a role noun", "The mayor of Ağdam said the town had been rebuilt.",
       {{"Ağdam", kUnknown, kLocation}}},
      {"a national security council is not the UN one",
       "The president convened the National Security Council after the shelling.",
       {{"National Security Council", kUnknown, kOrg}}, {"President"}},
  });
}

// Roles are found after the names of their sentence; they are put back in text order ("The
// president added that the U.S. ...": "president" before "U.S.").
TEST(Tagger, RolesAreInTextOrder) { expect_text_order(kBusyArticle); }

}  // namespace
}  // namespace parley::ner
