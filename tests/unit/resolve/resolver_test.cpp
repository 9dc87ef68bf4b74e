// resolve::resolve through the real stages (ner::tag, extract::extract) with the real mappings:
// one entity per real thing within an article, the best full form as its label and the other
// surface forms as aliases; things that share a word but are different stay apart; a state or
// capital is an Actor only when it acts (../shared/eval/dev/README.md, "Annotation conventions").
#include "resolve/resolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/hash.h"
#include "resolve/resolution.h"
#include "test_support.h"

namespace parley::resolve {
namespace {

using mappings::EntityType;

// ---------------------------------------------------------------------------------------
// Merging: the same thing named several ways is one entity
// ---------------------------------------------------------------------------------------

// `forms` all name one entity labelled `label`, whose aliases are the other forms.
struct MergeRow {
  const char* name;
  std::string text;
  std::vector<std::string> forms;  // surface forms; the first is the label unless `label` is set
  EntityType type;
  std::string label = "";
  std::string key = "";            // entity key, checked when set
};

void expect_merged(const std::vector<MergeRow>& rows) {
  for (const MergeRow& row : rows) {
    SCOPED_TRACE(std::string(row.name) + ": " + row.text);
    const Resolution x = resolve_text(row.text);
    const Entity* first = x.of(row.forms.front());
    ASSERT_NE(first, nullptr) << "\"" << row.forms.front() << "\" names no entity; " << x.dump();
    const std::string label = row.label.empty() ? row.forms.front() : row.label;
    EXPECT_EQ(first->label, label) << x.dump();
    EXPECT_EQ(mappings::type_name(first->type), std::string(mappings::type_name(row.type))) << x.dump();
    EXPECT_EQ(first->actor, row.type != EntityType::kLocation) << x.dump();
    if (!row.key.empty()) {
      EXPECT_EQ(first->key, row.key) << x.dump();
    }
    for (const std::string& f : row.forms) {
      EXPECT_EQ(x.of(f), first) << "\"" << f << "\" is not resolved to " << first->key << "; " << x.dump();
      if (f != label) {
        EXPECT_TRUE(first->aliases.count(f)) << "\"" << f << "\" is not an alias; " << x.dump();
      }
    }
    EXPECT_FALSE(first->aliases.count(label)) << "the label is not its own alias; " << x.dump();
  }
}

TEST(Resolver, SameThingNamedSeveralWaysIsOneEntity) {
  expect_merged({
      {"a body's head word alone after its name",
       "\"We reject the claims,\" the Foreign Ministry said in a statement. The envoy was summoned by the Ministry on Monday.",
       {"Foreign Ministry", "Ministry"}, EntityType::kOrganization},
      {"an acronym that skips the small words of the name",
       "The Movement for Democratic Change (MDC) met ruling party officials in Harare. The MDC said the talks went well.",
       {"Movement for Democratic Change", "MDC"}, EntityType::kGroup},
      {"an acronym without the small word, for a statistics office", "The Office for National Statistics said prices rose. The ONS said they would rise again.",
       {"Office for National Statistics", "ONS"}, EntityType::kOrganization},
      {"surname less its Arabic article", "Foreign Undersecretary Omar al-Haddad met the envoy. Haddad said the talks went well.",
       {"Omar al-Haddad", "Haddad"}, EntityType::kPerson},
      {"a family name first", "UN Secretary General Ban Ki-moon arrived on Sunday. Ban said a deal was within reach.",
       {"Ban Ki-moon", "Ban"}, EntityType::kPerson},
      {"surname after the full name",
       "Russian Foreign Minister Sergey Lavrov arrived in Yerevan on Monday. Lavrov said Moscow was ready to help.",
       {"Sergey Lavrov", "Lavrov"}, EntityType::kPerson, "", "entity/person/Q58217"},
      // a person the gazetteer knows is named by the gazetteer, whatever the spelling: one node
      // for every article that names the person
      {"another spelling of a given name",
       "Foreign Minister Sergei Lavrov arrived in Baku on Monday. Lavrov said Moscow was ready to help.",
       {"Sergei Lavrov", "Lavrov"}, EntityType::kPerson, "Sergey Lavrov", "entity/person/Q58217"},
      {"another transliteration of the surname",
       "Karabakh leader Arayik Harutiunian said on Friday that the talks had failed. Harutiunian left for Yerevan.",
       {"Arayik Harutiunian", "Harutiunian"}, EntityType::kPerson, "Arayik Harutyunyan", "entity/person/Q440824"},
      // a body named with its state is the state's, whichever way the article names the state
      {"a ministry named with a demonym, then by its own words",
       "The Kuwaiti Foreign Ministry said on Sunday that the envoy had left. The Foreign Ministry gave no reason.",
       {"Kuwaiti Foreign Ministry", "Foreign Ministry"}, EntityType::kOrganization, "",
       "entity/organization/state/KW/foreign_ministry"},
      {"a ministry named with its state's possessive",
       "Kuwait's Foreign Ministry summoned the ambassador on Sunday.",
       {"Kuwait's Foreign Ministry"}, EntityType::kOrganization, "", "entity/organization/state/KW/foreign_ministry"},
      {"a ministry named with a region its de facto state governs",
       "A statement released by the Karabakh Foreign Ministry insisted on talks.",
       {"Karabakh Foreign Ministry"}, EntityType::kOrganization, "", "entity/organization/state/X-ARTSAKH/foreign_ministry"},
      {"a ministry by its own words under a wire dateline is the dateline state's",
       "KUWAIT, June 2 - Kuwait today rejected the charges.\n    \"These vessels were out fishing,\" the Foreign "
       "Ministry said in a statement. The Foreign Ministry summoned the envoy.",
       {"Foreign Ministry"}, EntityType::kOrganization, "", "entity/organization/state/KW/foreign_ministry"},
      {"a short form of the given name",
       "Sir Edward Heath met the Liberal leader on Saturday. \"I am very close to Ted,\" the leader said.",
       {"Edward Heath", "Ted"}, EntityType::kPerson},
      {"surname of several words",
       "UN Secretary-General Javier Perez de Cuellar met the two foreign ministers in Geneva on Tuesday.\n\n"
       "Perez de Cuellar said the talks had been useful.",
       {"Javier Perez de Cuellar", "Perez de Cuellar"}, EntityType::kPerson},
      {"gazetteer acronym with its expansion",
       "The Sudan News Agency (SUNA) reported the talks on Monday. SUNA said the minister had left for Cairo.",
       {"Sudan News Agency", "SUNA"}, EntityType::kOrganization, "", "entity/org/SUNA"},
      {"acronym of a name no gazetteer knows",
       "The Northern Mountains Liberation Front (NMLF) rejected the proposal on Monday. The NMLF said it would "
       "not attend the talks.",
       {"Northern Mountains Liberation Front", "NMLF"}, EntityType::kGroup},
      {"capital metonym folds its place use into the state",
       "Baku said it was ready for talks. A visit to Baku by the envoy is planned for April.",
       {"Baku", "Baku"}, EntityType::kState, "Azerbaijan", "entity/state/AZ"},
      {"state named as a place and acting", "Talks were held in Norway last week. Norway said they had been useful.",
       {"Norway"}, EntityType::kState, "", "entity/state/NO"},
      {"capital metonym first, then the state",
       "Yerevan rejected the proposal on Monday. Armenia said talks could resume in May.", {"Armenia", "Yerevan"},
       EntityType::kState, "", "entity/state/AM"},
      {"three spellings of one state",
       "The United States said on Monday it would attend. Talks with the U.S. will begin on Friday, and the US "
       "envoy will lead them.",
       {"United States", "U.S.", "US"}, EntityType::kState, "", "entity/state/US"},
      {"gazetteer organisation, full name and acronym",
       "The International Monetary Fund urged Sudan to cut subsidies. The IMF said the reforms were overdue.",
       {"International Monetary Fund", "IMF"}, EntityType::kOrganization, "", "entity/org/IMF"},
      {"state, demonym and capital", "Azerbaijani officials said on Monday that Baku had rejected the plan. "
       "Azerbaijan also denied the reports.",
       {"Azerbaijan", "Azerbaijani officials", "Baku"}, EntityType::kState, "", "entity/state/AZ"},
      {"a body described and then named by a gazetteer name, without a comma",
       "The official Sudanese News Agency SUNA said on Monday the minister had left. The Sudanese News Agency "
       "gave no reason.",
       {"Sudanese News Agency", "SUNA", "Sudanese News Agency"}, EntityType::kOrganization, "Sudan News Agency",
       "entity/org/SUNA"},
      {"a body named and then given an acronym its initials do not spell",
       "The Rotterdam Port Employers Association SVZ said it would not negotiate. The SVZ wrote to the unions.",
       {"Rotterdam Port Employers Association", "SVZ"}, EntityType::kOrganization},
      {"a state's forces are its peacekeepers where the article names those",
       "Russian peacekeepers escorted the convoy on Monday. Russian forces later left the checkpoint.",
       {"Russian peacekeepers", "Russian forces"}, EntityType::kOrganization, "", "entity/forces/state/RU/peacekeepers"},
      {"a place named again by the first word of its name",
       "The ministers met in Rio de Janeiro on Monday, and the talks will resume in Rio next month.",
       {"Rio de Janeiro", "Rio"}, EntityType::kLocation, "", "entity/place/rio-de-janeiro"},
  });
}

// A name first met where no person's name stands is the person the article names by it later.
TEST(Resolver, ANameInAThingsPlaceIsWhomTheArticleNamesLater) {
  const Resolution x = resolve_text(
      "Officials were assessing what Qaramanli's forces would do next. On Friday Qaramanli said that he "
      "would negotiate.");
  const Entity* first = x.of("Qaramanli", 0);
  const Entity* later = x.of("Qaramanli", 1);
  ASSERT_NE(later, nullptr) << x.dump();
  EXPECT_EQ(first, later) << x.dump();
  EXPECT_EQ(later->type, EntityType::kPerson) << x.dump();
}

// A party name other countries' parties share names the gazetteer's party (and its QID) only in
// an article whose leading state is the party's (organizations.tsv `scope`).
TEST(Resolver, SharedPartyNamesNeedTheirStatesArticle) {
  const Resolution uk = resolve_text(
      "Labour said on Monday it would oppose the bill. British ministers met in London, and Downing Street "
      "said Britain would not change course.");
  const Entity* labour = uk.of("Labour");
  ASSERT_NE(labour, nullptr) << uk.dump();
  EXPECT_EQ(labour->key, "entity/org/UK-LABOUR") << uk.dump();
  EXPECT_EQ(labour->qid, "Q9630");

  const Resolution au = resolve_text(
      "Labour said on Monday it would oppose the bill. Australian ministers met in Canberra, and Australia "
      "said it would not change course.");
  const Entity* other = au.of("Labour");
  ASSERT_NE(other, nullptr) << au.dump();
  EXPECT_NE(other->key, "entity/org/UK-LABOUR") << au.dump();
  EXPECT_EQ(other->qid, "") << au.dump();
  EXPECT_EQ(other->type, EntityType::kGroup);

  // no state named, but an office holder the persons gazetteer knows, and a seat of government
  const Resolution pm = resolve_text(
      "Labour said on Monday it would oppose the bill. Tony Blair told MPs at Westminster he would not change course.",
      text::Date{2004, 6, 1});
  const Entity* his = pm.of("Labour");
  ASSERT_NE(his, nullptr) << pm.dump();
  EXPECT_EQ(his->key, "entity/org/UK-LABOUR") << pm.dump();

  // no state named at all: no leading state, so no gazetteer party either
  const Resolution none = resolve_text("The Republicans said on Monday they would oppose the bill.");
  const Entity* rep = none.of("Republicans");
  ASSERT_NE(rep, nullptr) << none.dump();
  EXPECT_EQ(rep->qid, "") << none.dump();
}

// A name no gazetteer knows and no cue types is a person's by default; but after an article, or
// modifying a noun, a name whose first word opens no one's name (lexicon/given_names.tsv) is a
// thing's, and no entity.
TEST(Resolver, NamesThatCannotBeAPersons) {
  const struct {
    const char* text;
    const char* name;
    std::optional<EntityType> type;  // nullopt: no entity
  } cases[] = {
      {"The failed Christmas Day plot prompted the talks, officials in Aden said.", "Christmas Day", std::nullopt},
      {"Witnesses said a Volvo XC90 had struck the car near the base.", "Volvo XC90", std::nullopt},
      {"The report will be released on 11 March - Comic Relief day, the minister has said.", "Comic Relief", std::nullopt},
      {"Police said the Volvo had come from the air base.", "Volvo", std::nullopt},
      {"One of Earth's greatest wonders is on fire, the minister said.", "Earth", std::nullopt},
      // persons all the same
      {"Fumio Watanabe has acted as mediator between the two groups since January.", "Fumio Watanabe",
       EntityType::kPerson},
      {"Samvel Sharamanyan attended the talks in Khojaly on Wednesday. Sharamanyan left early.",
       "Samvel Sharamanyan", EntityType::kPerson},
      {"The president met with the Khaled Meshaal, leader of the group, earlier this week.", "Khaled Meshaal",
       EntityType::kPerson},
      {"The government has denied Colombian journalist Hollman Morris entry into the country.", "Hollman Morris",
       EntityType::kPerson},
      {"Officials said Wyclef Jean today confirmed that he would stand.", "Wyclef Jean", EntityType::kPerson},
  };
  for (const auto& c : cases) {
    const Resolution x = resolve_text(c.text);
    const Entity* e = x.of(c.name);
    if (!c.type) {
      EXPECT_EQ(e, nullptr) << c.text << "\n" << x.dump();
      for (const Entity& other : x.r.entities) EXPECT_NE(other.type, EntityType::kPerson) << c.text << "\n" << x.dump();
      continue;
    }
    ASSERT_NE(e, nullptr) << c.text << "\n" << x.dump();
    EXPECT_EQ(e->type, *c.type) << c.text << "\n" << x.dump();
  }
}

TEST(Resolver, TheNameWithItsFormOfAddressIsAnAlias) {
  const Resolution x = resolve_text(
      "Kuwaiti Oil Minister Sheikh Ali al-Khalifa al-Sabah said on Sunday output was steady. Sheikh Ali said "
      "prices would rise. Foreign Minister Ahmed Nasser said he agreed.");
  const Entity* ali = x.of("Ali al-Khalifa al-Sabah");
  ASSERT_NE(ali, nullptr) << x.dump();
  EXPECT_EQ(ali->label, "Ali al-Khalifa al-Sabah") << x.dump();
  EXPECT_TRUE(ali->aliases.count("Sheikh Ali al-Khalifa al-Sabah")) << x.dump();
  EXPECT_TRUE(ali->aliases.count("Sheikh Ali")) << x.dump();
  // an office is no form of address
  const Entity* nasser = x.of("Ahmed Nasser");
  ASSERT_NE(nasser, nullptr) << x.dump();
  EXPECT_TRUE(nasser->aliases.empty()) << x.dump();
}

TEST(Resolver, CapitalMetonymHasTheCapitalAsAlias) {
  const Resolution x = resolve_text("Baku said it was ready for talks. A visit to Baku by the envoy is planned.");
  const Entity* az = x.by_key("entity/state/AZ");
  ASSERT_NE(az, nullptr) << x.dump();
  EXPECT_TRUE(az->actor);
  EXPECT_EQ(az->qid, "Q227");
  EXPECT_TRUE(az->aliases.count("Baku")) << x.dump();
  EXPECT_EQ(x.by_key("entity/city/AZ"), nullptr) << "the place use is folded into the state; " << x.dump();
}

// "Arayik Harutyunyan, the Karabakh president, said ... The president added": the role mentions
// stand for the person, who keeps the full name as label.
struct RoleRow {
  const char* name;
  const char* text;
  const char* person;
  const char* other = "";  ///< a role mention that stands for someone else
};

void expect_roles(const std::vector<RoleRow>& rows) {
  for (const RoleRow& row : rows) {
    SCOPED_TRACE(std::string(row.name) + ": " + row.text);
    const Resolution x = resolve_text(row.text);
    const Entity* person = x.of(row.person);
    ASSERT_NE(person, nullptr) << x.dump();
    EXPECT_EQ(person->type, EntityType::kPerson);
    size_t roles = 0;
    for (size_t i = 0; i < x.tagged.mentions.size(); ++i) {
      if (x.tagged.mentions[i].kind != ner::MentionKind::kRole) continue;
      if (!std::string_view(row.other).empty() && x.surface(i) == row.other) {
        // a role that stands for someone else
        const int e = x.r.mention_entity[i];
        EXPECT_FALSE(e >= 0 && &x.r.entities[static_cast<size_t>(e)] == person) << row.other << "; " << x.dump();
        continue;
      }
      ++roles;
      const int e = x.r.mention_entity[i];
      EXPECT_TRUE(e >= 0 && &x.r.entities[static_cast<size_t>(e)] == person)
          << "role \"" << x.surface(i) << "\" is not " << row.person << "; " << x.dump();
    }
    EXPECT_GE(roles, 1u) << x.dump();
    EXPECT_EQ(person->label, row.person) << x.dump();
  }
}

TEST(Resolver, RolesResolveToTheTitledPerson) {
  expect_roles({
      {"title before the name, then the role",
       "Armenian Prime Minister Nikol Vardanyan met his Georgian counterpart in Tbilisi on Monday. The prime "
       "minister said the meeting had been constructive.",
       "Nikol Vardanyan", "Georgian counterpart"},
      {"apposition with a plain role", "Ramin Mamedov, the spokesman, said the convoy had been stopped.",
       "Ramin Mamedov"},
      {"the role capitalised after 'the'",
       "Prime Minister Nikol Vardanyan spoke in Gyumri on Monday. Later the Prime Minister met Armenian students.",
       "Nikol Vardanyan"},
      {"a deputy is not the office holder",
       "Deputy Prime Minister Arman Petrosyan spoke in Yerevan on Monday. The deputy prime minister said the "
       "prime minister would travel to Moscow.",
       "Arman Petrosyan", "prime minister"},
      {"a shadow minister holds no office",
       "Shadow Foreign Secretary Daniel Morrow spoke in Leeds on Monday. The shadow foreign secretary said the "
       "foreign secretary had failed.",
       "Daniel Morrow", "foreign secretary"},
      {"nor does a vice-president hold the presidency",
       "Vice-President Ilona Sargsyan arrived in Paris on Monday. The vice-president said the president was ill.",
       "Ilona Sargsyan", "president"},
  });
}

// ---------------------------------------------------------------------------------------
// Must not merge: different things that share a word
// ---------------------------------------------------------------------------------------

struct ApartRow {
  const char* name;
  std::string text;
  std::vector<std::pair<std::string, size_t>> forms;  // surface form, which occurrence (0-based)
};

void expect_apart(const std::vector<ApartRow>& rows) {
  for (const ApartRow& row : rows) {
    SCOPED_TRACE(std::string(row.name) + ": " + row.text);
    const Resolution x = resolve_text(row.text);
    std::set<const Entity*> seen;
    for (const auto& [form, nth] : row.forms) {
      const Entity* e = x.of(form, nth);
      ASSERT_NE(e, nullptr) << "\"" << form << "\" #" << nth << " names no entity; " << x.dump();
      EXPECT_TRUE(seen.insert(e).second) << "\"" << form << "\" #" << nth << " merged with another; " << x.dump();
    }
  }
}

TEST(Resolver, DifferentThingsSharingAWordStayApart) {
  expect_apart({
      {"two people with one surname",
       "Gordon Brown met Sarah Brown in London on Monday. Brown said the talks had been useful.",
       {{"Gordon Brown", 0}, {"Sarah Brown", 0}}},
      {"two titled people with one surname",
       "President John Smith of Ghana met Prime Minister Peter Smith of Malta in Valletta on Friday.",
       {{"John Smith", 0}, {"Peter Smith", 0}, {"Ghana", 0}, {"Malta", 0}}},
      {"two ministries with one head word, after two demonyms",
       "The Norwegian Foreign Ministry said on Monday it would send an observer. The Swedish Foreign Ministry "
       "said it would not.",
       {{"Norwegian Foreign Ministry", 0}, {"Swedish Foreign Ministry", 0}}},
      {"a later titled surname does not join two people",
       "President John Smith of Ghana met Prime Minister Peter Smith of Malta in Valletta on Friday. Later, "
       "Prime Minister Smith said the talks had gone well.",
       {{"John Smith", 0}, {"Peter Smith", 0}}},
      {"a state and its capital used only as a place", "Azerbaijan said talks will be held in Baku.",
       {{"Azerbaijan", 0}, {"Baku", 0}}},
  });
}

// The bare surname of two people may name either or neither, but never joins them.
TEST(Resolver, BareSharedSurnameDoesNotJoinTwoPeople) {
  const Resolution x =
      resolve_text("Gordon Brown met Sarah Brown in London on Monday. Brown said the talks had been useful.");
  const Entity* gordon = x.of("Gordon Brown");
  const Entity* sarah = x.of("Sarah Brown");
  ASSERT_NE(gordon, nullptr) << x.dump();
  ASSERT_NE(sarah, nullptr) << x.dump();
  EXPECT_NE(gordon, sarah) << x.dump();
  EXPECT_EQ(gordon->label, "Gordon Brown");
  EXPECT_EQ(sarah->label, "Sarah Brown");
  EXPECT_FALSE(gordon->aliases.count("Sarah Brown")) << x.dump();
  EXPECT_FALSE(sarah->aliases.count("Gordon Brown")) << x.dump();
}

TEST(Resolver, CapitalOnlyAsAPlaceStaysALocation) {
  const Resolution x = resolve_text("Azerbaijan said talks will be held in Baku.");
  const Entity* az = x.by_key("entity/state/AZ");
  ASSERT_NE(az, nullptr) << x.dump();
  EXPECT_TRUE(az->actor);
  EXPECT_FALSE(az->aliases.count("Baku")) << x.dump();
  const Entity* city = x.by_key("entity/city/AZ");
  ASSERT_NE(city, nullptr) << x.dump();
  EXPECT_FALSE(city->actor);
  EXPECT_EQ(city->type, EntityType::kLocation);
  EXPECT_EQ(city->label, "Baku");
  EXPECT_EQ(city->qid, "Q9248");
}

// ---------------------------------------------------------------------------------------
// State or Location: a country only named as a place is a Location; acting makes it an Actor;
// named otherwise (listed, an object) it is both
// ---------------------------------------------------------------------------------------

TEST(Resolver, StateOrLocation) {
  const struct {
    const char* name;
    const char* text;
    const char* key;
    bool actor;
    int place = -1;  // 0/1: checked (also named or listed as a place); -1: not checked
  } kRows[] = {
      // a state named neither as a place nor acting is both: a polity and a territory
      {"a state listed as a member", "The group of seven countries, the United States, Canada and Japan, will meet.",
       "entity/state/CA", true, 1},
      {"a state as an object", "The ministers discussed sanctions on Norway.", "entity/state/NO", true, 1},
      {"a state that speaks and is no place", "Norway said it would host the talks.", "entity/state/NO", true, 0},
      {"a state only as a place", "The talks will be held in Norway next month.", "entity/state/NO", false},
      {"a state that speaks", "Norway said it would host the talks.", "entity/state/NO", true},
      // the verb after a person's "of" phrase is the person's: the state is named, not speaking
      {"a state in a person's of-phrase before the person's verb",
       "President Omar Haddad of Norway said the talks would go ahead.", "entity/state/NO", true, 1},
      {"a state's government in an of-phrase speaks for it", "The government of Norway said the talks would go ahead.",
       "entity/state/NO", true, 0},
      {"a state that acts once, named as a place first",
       "The envoys arrived in Norway on Monday. On Tuesday Norway said the talks would go ahead.",
       "entity/state/NO", true},
      {"a capital only as a place", "The envoy will pay a visit to Baku next week.", "entity/city/AZ", false},
      // the host of a visit is a side of it: a state it goes to acts
      {"a state a visit goes to", "The envoy will pay a visit to Azerbaijan next week.", "entity/state/AZ", true},
      {"a capital that speaks", "Baku said the envoy was welcome.", "entity/state/AZ", true},
      {"a host state that mediates", "Qatar mediated the talks between Sudan and Chad in Doha.", "entity/state/QA",
       true},
      {"a disputed region as a place", "Fighting broke out in Nagorno-Karabakh on Sunday. Karabakh officials said "
       "two soldiers had been killed.", "entity/place/nagorno-karabakh", false},
      {"the region's officials act for its de facto state", "Fighting broke out in Nagorno-Karabakh on Sunday. "
       "Karabakh officials said two soldiers had been killed.", "entity/state/X-ARTSAKH", true},
      {"the place of a meeting between others", "Qatar mediated the talks between Sudan and Chad in Doha.",
       "entity/city/QA", false},
  };
  for (const auto& row : kRows) {
    SCOPED_TRACE(std::string(row.name) + ": " + row.text);
    const Resolution x = resolve_text(row.text);
    const Entity* e = x.by_key(row.key);
    ASSERT_NE(e, nullptr) << x.dump();
    EXPECT_EQ(e->actor, row.actor) << x.dump();
    if (row.place >= 0) {
      EXPECT_EQ(e->place, row.place == 1) << x.dump();
    }
    if (!row.actor) {
      EXPECT_FALSE(e->actor && e->type == EntityType::kLocation);
    }
  }
}

// Entities are sorted by key and every mention's entity lists that mention.
TEST(Resolver, EntitiesAreSortedAndListTheirMentions) {
  const Resolution x = resolve_text(
      "Russian Foreign Minister Sergey Lavrov met Azerbaijani and Armenian officials in Moscow on Monday. "
      "Lavrov said Baku and Yerevan must respect the ceasefire. The UN welcomed the talks.");
  ASSERT_FALSE(x.r.entities.empty());
  for (size_t i = 1; i < x.r.entities.size(); ++i) EXPECT_LT(x.r.entities[i - 1].key, x.r.entities[i].key);
  ASSERT_EQ(x.r.mention_entity.size(), x.tagged.mentions.size());
  for (size_t i = 0; i < x.tagged.mentions.size(); ++i) {
    const int e = x.r.mention_entity[i];
    if (e < 0) continue;
    const Entity& ent = x.r.entities[static_cast<size_t>(e)];
    EXPECT_NE(std::find(ent.mentions.begin(), ent.mentions.end(), i), ent.mentions.end()) << x.dump();
  }
}

// ---------------------------------------------------------------------------------------
// iri_segment
// ---------------------------------------------------------------------------------------

TEST(Resolver, IriSegment) {
  const struct {
    const char* label;
    const char* segment;
  } kRows[] = {
      {"Ramin Mamedov", "Ramin_Mamedov"},
      {"Jürgen Müller", "Jürgen_Müller"},
      {"Nguyễn Văn An", "Nguyễn_Văn_An"},
      {"Şuşa", "Şuşa"},
      {"Ngozi Okonjo-Iweala", "Ngozi_Okonjo-Iweala"},
      {"U.S.", "U.S"},
      {"  two   spaces ", "two_spaces"},
      {"\"Quoted\" Name", "Quoted_Name"},
      {"RFE/RL", "RFERL"},
      {"<Angle> Brackets", "Angle_Brackets"},
      {"O'Neill", "ONeill"},
      {"Back\\slash", "Backslash"},
  };
  for (const auto& row : kRows) EXPECT_EQ(iri_segment(row.label), row.segment) << row.label;
}

TEST(Resolver, IriSegmentOfNothingUsableIsAHash) {
  for (const char* label : {"", "\"\"", "<>", "///", "'"}) {
    SCOPED_TRACE(label);
    const std::string s = iri_segment(label);
    EXPECT_EQ(s, "x" + hex64(fnv1a64(label)).substr(0, 12));
  }
  EXPECT_NE(iri_segment("\"\""), iri_segment("<>"));  // different labels, different segments
}

TEST(Resolver, TitleOnlyReferencesWithAPlace) {
  expect_roles({
      {"apposition with a place in the role",
       "Arayik Harutyunyan, the Karabakh president, said the road had been closed for a week. The president "
       "added that talks with Baku would continue.",
       "Arayik Harutyunyan"},
  });
}

TEST(Resolver, NamesBrokenAcrossLinesGetOneSpaceInTheirLabel) {
  const Resolution x = resolve_text(
      "REFINERS SEE LOWER DEMAND\n    HOUSTON, April 2 - The National Petroleum Refiners\nAssociation said on Thursday that "
      "demand had fallen.");
  const Entity* e = x.of("National Petroleum Refiners\nAssociation", 0);
  ASSERT_NE(e, nullptr) << x.dump();
  EXPECT_EQ(e->label, "National Petroleum Refiners Association");
}

TEST(Resolver, TwoKnownOrganisationsJoinedByAndStayTwo) {
  const Resolution x = resolve_text("Zambia held talks with the World Bank\nand International Monetary Fund on Monday.");
  const Entity* bank = x.of("World Bank", 0);
  const Entity* fund = x.of("International Monetary Fund", 0);
  ASSERT_NE(bank, nullptr) << x.dump();
  ASSERT_NE(fund, nullptr) << x.dump();
  EXPECT_NE(bank, fund);
}

TEST(Resolver, SpellingVariantsOfASurname) {
  const Resolution x = resolve_text(
      "Karabakh leader Arayik Harutyunyan dismissed the minister on Monday. Harutiunian said the decision was final.");
  const Entity* full = x.of("Arayik Harutyunyan", 0);
  const Entity* variant = x.of("Harutiunian", 0);
  ASSERT_NE(full, nullptr) << x.dump();
  EXPECT_EQ(full, variant) << x.dump();
  // a different surname of the same length is not a variant
  const Resolution y = resolve_text("Gordon Brown spoke first. Browne said nothing.");
  EXPECT_NE(y.of("Gordon Brown", 0), y.of("Browne", 0)) << y.dump();
}

}  // namespace
}  // namespace parley::resolve
