#include "syntax/spelling.h"

#include <array>

namespace parley::syntax {

namespace {

struct Rewrite {
  std::string_view british;   // an ending of the British spelling
  std::string_view american;  // what it becomes
};

// Endings with their inflections; longer endings before the shorter ones they contain.
constexpr std::array<Rewrite, 38> kRewrites{{
    // -ise / -ize, -yse / -yze: "criticised", "organisation", "analysed"
    {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"},
    {"ises", "izes"}, {"isers", "izers"}, {"iser", "izer"}, {"ise", "ize"},
    {"ysing", "yzing"}, {"ysed", "yzed"}, {"yses", "yzes"}, {"yse", "yze"},
    // doubled l before a suffix: "travelled", "cancelling", "counsellor", "traveller"
    {"llers", "lers"}, {"ller", "ler"}, {"lled", "led"}, {"lling", "ling"}, {"llor", "lor"},
    {"llors", "lors"},
    // -our / -or: "labour", "favourite", "honoured", "neighbours"
    {"ourite", "orite"}, {"ourable", "orable"}, {"oured", "ored"}, {"ouring", "oring"},
    {"ours", "ors"}, {"our", "or"},
    // -tre / -ter: "centre", "theatres", "centred"
    {"tres", "ters"}, {"tred", "tered"}, {"tre", "ter"},
    // -ence / -ense: "defence", "offences", "licence"
    {"ences", "enses"}, {"ence", "ense"},
    // -ogue / -og: "catalogue"
    {"ogues", "ogs"}, {"ogue", "og"},
    // -amme / -am: "programme", "programmes"
    {"ammes", "ams"}, {"amme", "am"},
    // -ement after g: "judgement", "acknowledgement"
    {"gements", "gments"}, {"gement", "gment"},
    // a kept e before -ing: "ageing", "queueing"
    {"eing", "ing"},
    // -ae- in Greek and Latin words: "paediatric", "anaemia" (tried last)
    {"aemia", "emia"}, {"aedia", "edia"},
}};

}  // namespace

std::vector<std::string> american_spellings(std::string_view lower) {
  std::vector<std::string> out;
  for (const Rewrite& r : kRewrites) {
    if (lower.size() < r.british.size() + 2 || !lower.ends_with(r.british)) continue;
    std::string a(lower.substr(0, lower.size() - r.british.size()));
    a += r.american;
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace parley::syntax
