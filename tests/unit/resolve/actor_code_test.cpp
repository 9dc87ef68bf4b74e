#include "resolve/actor_code.h"

#include <gtest/gtest.h>

#include <string>

#include "resolve/resolution.h"
#include "test_support.h"

namespace parley::resolve {
namespace {

// CAMEO-style actor codes (parley:actorCode) read from whole sentences: the country code of the
// state a person or body acts for (or of the state itself), then the role code of its title or
// name (mappings/lexicon/actor_roles.tsv). An empty code: nothing says a state.
struct Row {
  const char* text;
  const char* who;   // a surface form of the entity
  const char* code;  // its actor code, "" for none
};

const Row kRows[] = {
    {"British Prime Minister Tony Blair met the French president in Paris.", "Tony Blair", "GBRGOV"},
    {"Russian president Dmitry Medvedev held talks with Khaled Meshaal in Damascus.", "Dmitry Medvedev", "RUSGOV"},
    {"Khaled Meshaal, leader of the Hamas group, met Russian officials in Moscow.", "Khaled Meshaal", ""},
    {"The Serbian defence ministry denied the reports on Tuesday.", "Serbian defence ministry", "SRBGOVMIL"},
    {"The Serbian defence ministry demanded that Russian peacekeepers leave.", "Russian peacekeepers", "RUSMIL"},
    // (a state's troops are the state acting, as the annotation conventions fold them; its army,
    // police and peacekeepers are bodies with a role code)
    {"Russian troops met Georgian police near the border.", "Russian troops", "RUS"},
    {"Russian troops met Georgian police near the border.", "Georgian police", "GEOCOP"},
    {"The Turkish army rejected the claims.", "Turkish army", "TURMIL"},
    {"The Kuwaiti Foreign Ministry rejected the charges made by Iran.", "Kuwaiti Foreign Ministry", "KWTGOV"},
    {"US Secretary of State Hillary Clinton met Chinese Foreign Minister Yang Jiechi in Beijing.", "Hillary Clinton", "USAGOV"},
    {"US Secretary of State Hillary Clinton met Chinese Foreign Minister Yang Jiechi in Beijing.", "Yang Jiechi", "CHNGOV"},
    {"German Chancellor Angela Merkel met Turkish Prime Minister Recep Tayyip Erdogan in Ankara.", "Angela Merkel", "DEUGOV"},
    {"Dutch Finance Minister Onno Ruding met West German officials in Bonn.", "Onno Ruding", "NLDGOV"},
    {"Nigerian President Muhammadu Buhari met Ghanaian President Nana Akufo-Addo in Abuja.", "Nana Akufo-Addo", "GHAGOV"},
    {"Mikhail Gorbachev, the Soviet leader, met Ronald Reagan in Reykjavik.", "Mikhail Gorbachev", "SUN"},
    {"Armenia and Azerbaijan held talks in Moscow.", "Armenia", "ARM"},
    {"Kosovo and Serbia held talks in Brussels.", "Kosovo", "KSV"},
    {"Kosovo and Serbia held talks in Brussels.", "Serbia", "SRB"},
    {"Acme Holdings rejected the offer on Monday.", "Acme Holdings", ""},
    {"John Smith met officials in France on Tuesday.", "John Smith", ""},
};

TEST(ActorCode, TableOfSentences) {
  const mappings::Mappings& m = unit::real_mappings();
  ASSERT_GE(std::size(kRows), 15u);
  for (const Row& row : kRows) {
    SCOPED_TRACE(std::string(row.text) + " | " + row.who);
    const Resolution res = resolve_text(row.text, text::Date{2004, 6, 1});
    const ner::Tagged& t = res.tagged;
    const Resolved& r = res.r;
    // the entity a mention of `who` names (the whole surface form, not a state inside it)
    int who = -1;
    for (size_t i = 0; i < t.mentions.size() && who < 0; ++i) {
      const std::string surface = res.surface(i);
      if (surface.find(row.who) != std::string::npos || std::string(row.who).find(surface) != std::string::npos)
        if (r.mention_entity[i] >= 0 && (surface.size() >= std::string(row.who).size() || t.mentions[i].type != mappings::EntityType::kState))
          who = r.mention_entity[i];
    }
    if (*row.code == '\0' && who < 0) continue;  // nothing kept: no code either
    ASSERT_GE(who, 0) << "no entity named \"" << row.who << "\"";
    const Entity& e = r.entities[static_cast<size_t>(who)];
    EXPECT_EQ(e.actor_code, row.code) << e.key;
    EXPECT_EQ(actor_code(r, static_cast<size_t>(who), t, m), e.actor_code) << e.key;
  }
}

// The role alone: the longest term wins, plurals match, and a word not in the table gives none.
TEST(ActorCode, RoleCodes) {
  const mappings::Lexicon& lex = unit::real_mappings().lexicon;
  const std::pair<const char*, const char*> kRoles[] = {
      {"prime minister", "GOV"},      {"Foreign Minister", "GOV"},   {"defence ministry", "GOVMIL"},
      {"Defense Minister", "GOVMIL"}, {"troops", "MIL"},             {"peacekeepers", "MIL"},
      {"armed forces", "MIL"},        {"police", "COP"},             {"Supreme Court", "JUD"},
      {"parliament", "LEG"},          {"opposition leader", "OPP"},  {"spokesman", ""},
      {"leader", ""},                 {"", ""},                      {"secretary of state", "GOV"},
  };
  for (const auto& [words, role] : kRoles) EXPECT_EQ(role_code(words, lex), role) << words;
}

}  // namespace
}  // namespace parley::resolve
