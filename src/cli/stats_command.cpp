// parley stats: summary figures of a parley graph.
#include <boost/program_options.hpp>
#include <iostream>

#include "analysis/stats.h"
#include "cli/commands.h"
#include "cli/graph_input.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kStatsUsage =
    "Usage: parley stats [--format text|tsv] [--top N] [-o FILE|-] GRAPH...\n"
    "\n"
    "Prints the figures of parley's RDF output (GRAPH: .ttl, .nt, .nq or .trig; several files are\n"
    "read as one graph): articles, events per class, per article and per category, actors and\n"
    "places and the share linked to Wikidata, the most active actors (events taken part in,\n"
    "in any role) and the pairs of actors that meet most. Each figure counts distinct nodes, as a\n"
    "SPARQL COUNT(DISTINCT ...) over the same graph would.\n";

}  // namespace

int stats_main(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()
      ("format,f", po::value<std::string>()->default_value("text"), "text (for reading) or tsv (measure, key, label, class, value)")
      ("top", po::value<std::string>()->default_value("20"), "rows in each list (articles, actors, pairs); 0 for all")
      ("output,o", po::value<std::string>()->default_value("-"), "output file, - for stdout")
      ("help,h", "print this help");
  po::variables_map vm;
  if (const int status = parse_arguments(args, opts, "input", kStatsUsage, vm); status >= 0) return status;
  std::string format = vm["format"].as<std::string>();
  for (char& c : format) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (format != "text" && format != "tsv")
    return usage_error("--format: unknown stats format \"" + format + "\"; expected text or tsv");
  const std::string top = vm["top"].as<std::string>();
  const auto rows = parse_count(top, 0, 999999999);
  if (!rows)
    return usage_error("--top: expected a number of rows (0 for all), found \"" + top + "\"");
  if (!vm.count("input")) return usage_error("no GRAPH given (parley's RDF output: .ttl, .nt, .nq or .trig)");

  analysis::Corpus corpus;
  const bool read_ok = load_corpus(vm["input"].as<std::vector<std::string>>(), corpus);
  std::string text;
  analysis::write_stats(analysis::compute_stats(corpus), corpus,
                        format == "tsv" ? analysis::StatsFormat::kTsv : analysis::StatsFormat::kText,
                        static_cast<size_t>(*rows), text);
  if (!write_or_report(vm["output"].as<std::string>(), text)) return 1;
  return read_ok ? 0 : 1;
}

}  // namespace parley::cli
