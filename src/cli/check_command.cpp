// parley check-mappings: load and validate every data file.
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/commands.h"
#include "core/status.h"
#include "mappings/mappings.h"

namespace parley::cli {
namespace po = boost::program_options;

std::string default_mappings_dir() { return PARLEY_DEFAULT_MAPPINGS; }

int usage_error(const std::string& message) {
  std::cerr << "parley: error: " << printable(message) << "\n";  // argv may hold escapes
  return 2;
}

std::optional<uint64_t> parse_count(const std::string& value, uint64_t min, uint64_t max) {
  if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const uint64_t n = std::stoull(value);
  if (n < min || n > max) return std::nullopt;
  return n;
}

int parse_arguments(const std::vector<std::string>& args, const po::options_description& opts,
                    const char* positional, const char* usage, po::variables_map& vm) {
  po::options_description hidden;
  hidden.add_options()(positional, po::value<std::vector<std::string>>(), positional);
  po::options_description all;
  all.add(opts).add(hidden);
  po::positional_options_description pos;
  pos.add(positional, -1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    std::cout << usage << "\n" << opts;
    return 0;
  }
  return -1;
}

int check_mappings_main(const std::vector<std::string>& args) {
  po::options_description opts("check-mappings options");
  opts.add_options()("help,h", "print this help")(
      "mappings", po::value<std::string>()->default_value(default_mappings_dir()), "mappings directory");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(opts).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return usage_error(e.what());
  }
  if (vm.count("help")) {
    std::cout << "Usage: parley check-mappings [--mappings DIR]\n\n" << opts;
    return 0;
  }
  const std::string dir = vm["mappings"].as<std::string>();
  std::vector<Diagnostic> errors;
  auto m = mappings::Mappings::load(dir, errors);
  for (const Diagnostic& d : errors) std::cerr << d.str() << "\n";
  if (!errors.empty()) {
    std::cerr << "parley: " << errors.size() << " error(s) in " << printable(dir) << "\n";
    return 1;
  }
  size_t enabled = 0, over_parse = 0;
  for (const auto& r : m->rules) {
    enabled += r->enabled && !r->block;
    over_parse += r->match != nullptr;
  }
  size_t members = 0;
  for (const auto& [cls, lemmas] : m->classes.members) members += lemmas.size();
  std::cout << "parley: " << dir << ": OK: " << m->gazetteer.entries.size() << " gazetteer entries, " << m->persons.entries.size() << " persons, "
            << m->gazetteer.names.size() << " names, " << m->classes.members.size() << " lexicon classes ("
            << members << " members), " << m->rules.size() << " rules (" << enabled << " enabled triggers, "
            << over_parse << " over the parse), version " << m->version << "\n";
  return 0;
}

}  // namespace parley::cli
