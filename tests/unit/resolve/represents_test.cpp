#include "resolve/resolver.h"

#include <gtest/gtest.h>

#include <string>

#include "resolve/resolution.h"
#include "test_support.h"

namespace parley::resolve {
namespace {

// Who acts for whom (parley:represents), in the styles news copy writes it: titles before and
// after names, appositions (parsed as such or not), "of X", possessives, demonyms, lower-case
// titles, ministries and foreign offices, organisation offices, former states, wire copy with a
// dateline. Each row: the sentence, a surface form of the person or body, the key of the
// entity it must represent, and the article date (the persons gazetteer links office holders by
// date). No row names a person or place in the code: they are the test's data.
struct Row {
  const char* text;
  const char* who;
  const char* represents;
  const char* date;
};

const Row kRows[] = {
      {"British Prime Minister Tony Blair met the French president in Paris.", "Tony Blair", "entity/state/GB", "2004-06-01"},
      {"Russian president Dmitry Medvedev held talks with Khaled Meshaal in Damascus.", "Dmitry Medvedev", "entity/state/RU", "2004-06-01"},
      {"Tony Blair, the British prime minister, met Gerhard Schroeder in Berlin.", "Tony Blair", "entity/state/GB", "2004-06-01"},
      {"Patrice Talon of Benin met Muhammadu Buhari of Nigeria in Niamey.", "Patrice Talon", "entity/state/BJ", "2004-06-01"},
      {"Patrice Talon of Benin met Muhammadu Buhari of Nigeria in Niamey.", "Muhammadu Buhari", "entity/state/NG", "2004-06-01"},
      {"Khaled Meshaal, leader of the Hamas group, met Russian officials in Moscow.", "Khaled Meshaal", "entity/org/HAMAS", "2004-06-01"},
      {"Kuwait's Crown Prince Sheikh Saad al-Abdulla al-Sabah met Iraqi envoys in Kuwait City.", "Saad al-Abdulla al-Sabah", "entity/state/KW", "2004-06-01"},
      {"The Kuwaiti Foreign Ministry rejected the charges made by Iran.", "Kuwaiti Foreign Ministry", "entity/state/KW", "2004-06-01"},
      {"The Serbian defence ministry denied the reports on Tuesday.", "Serbian defence ministry", "entity/state/RS", "2004-06-01"},
      {"US Secretary of State Hillary Clinton met Chinese Foreign Minister Yang Jiechi in Beijing.", "Hillary Clinton", "entity/state/US", "2004-06-01"},
      {"US Secretary of State Hillary Clinton met Chinese Foreign Minister Yang Jiechi in Beijing.", "Yang Jiechi", "entity/state/CN", "2004-06-01"},
      {"Iranian Foreign Minister Ali Akbar Velayati rejected the proposal of Iraq.", "Ali Akbar Velayati", "entity/state/IR", "2004-06-01"},
      {"German Chancellor Angela Merkel met Turkish Prime Minister Recep Tayyip Erdogan in Ankara.", "Angela Merkel", "entity/state/DE", "2004-06-01"},
      {"German Chancellor Angela Merkel met Turkish Prime Minister Recep Tayyip Erdogan in Ankara.", "Recep Tayyip Erdogan", "entity/state/TR", "2004-06-01"},
      {"Japanese Prime Minister Yasuhiro Nakasone met President Ronald Reagan in Washington.", "Yasuhiro Nakasone", "entity/state/JP", "2004-06-01"},
      {"The Egyptian foreign minister, Amr Moussa, met Israeli officials in Cairo.", "Amr Moussa", "entity/state/EG", "2004-06-01"},
      {"Jack Straw, the Foreign Secretary, held talks with Spanish Foreign Minister Miguel Angel Moratinos.", "Miguel Angel Moratinos", "entity/state/ES", "2004-06-01"},
      {"Brazil's finance minister Dilson Funaro met bankers in New York.", "Dilson Funaro", "entity/state/BR", "2004-06-01"},
      {"Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Brussels.", "Nikol Pashinyan", "entity/state/AM", "2004-06-01"},
      {"Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Brussels.", "Ilham Aliyev", "entity/state/AZ", "2004-06-01"},
      {"The UN Secretary General Ban Ki-moon met Greek Cypriot leader Demetris Christofias in Nicosia.", "Ban Ki-moon", "entity/org/UN", "2004-06-01"},
      {"Javier Perez de Cuellar, the United Nations Secretary General, met Iranian envoys in Geneva.", "Javier Perez de Cuellar", "entity/org/UN", "2004-06-01"},
      {"Venezuelan President Hugo Chavez accused Colombian President Alvaro Uribe of lying.", "Hugo Chavez", "entity/state/VE", "2004-06-01"},
      {"Venezuelan President Hugo Chavez accused Colombian President Alvaro Uribe of lying.", "Alvaro Uribe", "entity/state/CO", "2004-06-01"},
      {"Israeli Prime Minister Benjamin Netanyahu rejected the demands of the Palestinian Authority.", "Benjamin Netanyahu", "entity/state/IL", "2004-06-01"},
      {"The French Foreign Ministry condemned the attack.", "French Foreign Ministry", "entity/state/FR", "2004-06-01"},
      {"Indian Prime Minister Rajiv Gandhi met Pakistani President Zia ul-Haq in New Delhi.", "Rajiv Gandhi", "entity/state/IN", "2004-06-01"},
      {"Indian Prime Minister Rajiv Gandhi met Pakistani President Zia ul-Haq in New Delhi.", "Zia ul-Haq", "entity/state/PK", "2004-06-01"},
      {"Saudi Oil Minister Hisham Nazer said there were no plans for an emergency OPEC meeting.", "Hisham Nazer", "entity/state/SA", "2004-06-01"},
      {"Dutch Finance Minister Onno Ruding met West German officials in Bonn.", "Onno Ruding", "entity/state/NL", "2004-06-01"},
      {"Nigerian President Muhammadu Buhari met Ghanaian President Nana Akufo-Addo in Abuja.", "Muhammadu Buhari", "entity/state/NG", "2004-06-01"},
      {"Nigerian President Muhammadu Buhari met Ghanaian President Nana Akufo-Addo in Abuja.", "Nana Akufo-Addo", "entity/state/GH", "2004-06-01"},
      {"Mikhail Gorbachev, the Soviet leader, met Ronald Reagan in Reykjavik.", "Mikhail Gorbachev", "entity/state/SUHH", "2004-06-01"},
      {"Australian Foreign Minister Bill Hayden held talks with Indonesian officials in Jakarta.", "Bill Hayden", "entity/state/AU", "2004-06-01"},
      {"South Korean President Moon Jae-in met North Korean leader Kim Jong-un in Panmunjom.", "Moon Jae-in", "entity/state/KR", "2004-06-01"},
      {"Philippine President Corazon Aquino met Japanese officials in Manila.", "Corazon Aquino", "entity/state/PH", "2004-06-01"},
      {"President Vladimir Putin of Russia met Turkish President Recep Tayyip Erdogan in Sochi.", "Vladimir Putin", "entity/state/RU", "2004-06-01"},
      {"President Vladimir Putin of Russia met Turkish President Recep Tayyip Erdogan in Sochi.", "Recep Tayyip Erdogan", "entity/state/TR", "2004-06-01"},
      {"Chinese Premier Li Peng held talks with Thai Prime Minister Chatichai Choonhavan in Bangkok.", "Li Peng", "entity/state/CN", "2004-06-01"},
      {"Chinese Premier Li Peng held talks with Thai Prime Minister Chatichai Choonhavan in Bangkok.", "Chatichai Choonhavan", "entity/state/TH", "2004-06-01"},
      {"The spokesman of the Iranian Foreign Ministry denied the reports.", "Iranian Foreign Ministry", "entity/state/IR", "2004-06-01"},
      {"Greek Prime Minister Andreas Papandreou met Turkish Prime Minister Turgut Ozal in Davos.", "Andreas Papandreou", "entity/state/GR", "2004-06-01"},
      {"Greek Prime Minister Andreas Papandreou met Turkish Prime Minister Turgut Ozal in Davos.", "Turgut Ozal", "entity/state/TR", "2004-06-01"},
      {"Canadian Prime Minister Brian Mulroney met US President Ronald Reagan in Ottawa.", "Brian Mulroney", "entity/state/CA", "2004-06-01"},
      {"Canadian Prime Minister Brian Mulroney met US President Ronald Reagan in Ottawa.", "Ronald Reagan", "entity/state/US", "2004-06-01"},
      {"Argentine Economy Minister Juan Sourrouille met IMF officials in Washington.", "Juan Sourrouille", "entity/state/AR", "2004-06-01"},
      {"The Mexican finance minister, Gustavo Petricioli, met creditor banks in New York.", "Gustavo Petricioli", "entity/state/MX", "2004-06-01"},
      {"Polish leader Wojciech Jaruzelski met Pope John Paul II in Warsaw.", "Wojciech Jaruzelski", "entity/state/PL", "2004-06-01"},
      {"Syrian President Hafez al-Assad met Lebanese Prime Minister Rashid Karami in Damascus.", "Hafez al-Assad", "entity/state/SY", "2004-06-01"},
      {"Syrian President Hafez al-Assad met Lebanese Prime Minister Rashid Karami in Damascus.", "Rashid Karami", "entity/state/LB", "2004-06-01"},
      {"British Foreign Secretary Geoffrey Howe met Soviet Foreign Minister Eduard Shevardnadze in London.", "Geoffrey Howe", "entity/state/GB", "2004-06-01"},
      {"British Foreign Secretary Geoffrey Howe met Soviet Foreign Minister Eduard Shevardnadze in London.", "Eduard Shevardnadze", "entity/state/SUHH", "2004-06-01"},
      {"Irish premier Brian Cowen met United Kingdom prime minister Gordon Brown at Hillsborough.", "Brian Cowen", "entity/state/IE", "2004-06-01"},
      {"Irish premier Brian Cowen met United Kingdom prime minister Gordon Brown at Hillsborough.", "Gordon Brown", "entity/state/GB", "2004-06-01"},
      {"The Italian Foreign Ministry said Rome would host the talks.", "Italian Foreign Ministry", "entity/state/IT", "2004-06-01"},
      {"KUWAIT, June 2 - Kuwait's Oil Minister Ali al-Khalifa al-Sabah said the emirate rejected the charges.", "Ali al-Khalifa al-Sabah", "entity/state/KW", "1987-06-02"},
      {"CAIRO, March 24 - Sudanese Finance Minister Beshir Omer said Sudan rejected the IMF demand.", "Beshir Omer", "entity/state/SD", "1987-06-02"},
      {"TOKYO, April 2 - Japanese Foreign Minister Tadashi Kuranari met U.S. officials on Thursday.", "Tadashi Kuranari", "entity/state/JP", "1987-06-02"},
      {"Sheikh Ahmed Zaki Yamani, Saudi Arabia's oil minister, rejected the proposal.", "Ahmed Zaki Yamani", "entity/state/SA", "1987-06-02"},
      {"The Pakistani Foreign Office denied the reports on Monday.", "Pakistani Foreign Office", "entity/state/PK", "1987-06-02"},
      {"Turkish Foreign Minister Abdullah Gul met EU officials in Brussels.", "Abdullah Gul", "entity/state/TR", "1987-06-02"},
      {"GENEVA, March 9 - The chairman of the conference, Manaspas Xuto of Thailand, said talks would resume.", "Manaspas Xuto", "entity/state/TH", "1987-03-09"},
      {"Chancellor Helmut Kohl of West Germany met President Francois Mitterrand of France in Paris.", "Helmut Kohl", "entity/state/X-FRG", "1987-06-02"},
      {"Chancellor Helmut Kohl of West Germany met President Francois Mitterrand of France in Paris.", "Francois Mitterrand", "entity/state/FR", "1987-06-02"},
      {"A spokesman for the Russian Foreign Ministry, Alexander Lukashevich, denied the claims.", "Alexander Lukashevich", "entity/organization/state/RU/foreign_ministry", "2012-06-02"},
      {"A spokesman for the Russian Foreign Ministry, Alexander Lukashevich, denied the claims.", "Russian Foreign Ministry", "entity/state/RU", "2012-06-02"},
};

TEST(Represents, TableOfStyles) {
  ASSERT_GE(std::size(kRows), 40u);
  for (const Row& row : kRows) {
    SCOPED_TRACE(std::string(row.text) + " | " + row.who);
    const Resolution res = resolve_text(row.text, text::Date::parse_iso(row.date));
    const ner::Tagged& t = res.tagged;
    const Resolved& r = res.r;
    // the entity a mention of `who` names
    int who = -1;
    for (size_t i = 0; i < t.mentions.size() && who < 0; ++i) {
      const std::string surface = res.surface(i);
      if (surface.find(row.who) != std::string::npos || std::string(row.who).find(surface) != std::string::npos)
        if (r.mention_entity[i] >= 0 && r.entities[static_cast<size_t>(r.mention_entity[i])].type != mappings::EntityType::kState &&
            r.entities[static_cast<size_t>(r.mention_entity[i])].type != mappings::EntityType::kLocation)
          who = r.mention_entity[i];
    }
    ASSERT_GE(who, 0) << "no person or body entity named \"" << row.who << "\"";
    const Entity& e = r.entities[static_cast<size_t>(who)];
    ASSERT_GE(e.acts_for, 0) << e.key << " represents nothing";
    EXPECT_EQ(r.entities[static_cast<size_t>(e.acts_for)].key, row.represents) << e.key;
  }
}

// A name with no office, no "of" phrase and no apposition represents nothing: the table above
// is not passed by linking every person to the nearest state.
TEST(Represents, NoOfficeNoLink) {
  for (const char* text : {"John Smith met officials in France on Tuesday.",
                           "Maria Lopez, who lives in Spain, criticised the plan."}) {
    SCOPED_TRACE(text);
    const Resolution res = resolve_text(text, text::Date{2004, 6, 1});
    for (const Entity& e : res.r.entities)
      if (e.type == mappings::EntityType::kPerson) {
        EXPECT_LT(e.acts_for, 0) << e.key;
      }
  }
}

}  // namespace
}  // namespace parley::resolve
