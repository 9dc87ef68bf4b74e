// parley report: one self-contained HTML page about a parley graph.
#include <boost/program_options.hpp>
#include <iostream>

#include "analysis/report.h"
#include "cli/commands.h"
#include "cli/graph_input.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kReportUsage =
    "Usage: parley report [-o FILE|-] [--title TEXT] [--max-nodes N] GRAPH...\n"
    "\n"
    "Writes one HTML page (no network needed to view it) about parley's RDF output (GRAPH: .ttl,\n"
    ".nt, .nq or .trig; several files are read as one graph): the figures of parley stats, a\n"
    "network of who met whom and who mediated, a timeline of meetings, demands and denials, and\n"
    "a table per class where each event links to its evidence sentence.\n";

}  // namespace

int report_main(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()
      ("output,o", po::value<std::string>()->default_value("out/report.html"), "output file, - for stdout")
      ("title", po::value<std::string>()->default_value("parley report"), "the page's title")
      ("max-nodes", po::value<std::string>()->default_value("120"),
       "actors drawn in the network, the most active first; 0 for all")
      ("help,h", "print this help");
  po::variables_map vm;
  if (const int status = parse_arguments(args, opts, "input", kReportUsage, vm); status >= 0) return status;
  const std::string n = vm["max-nodes"].as<std::string>();
  const auto max_nodes = parse_count(n, 0, 999999999);
  if (!max_nodes)
    return usage_error("--max-nodes: expected a number of actors (0 for all), found \"" + n + "\"");
  if (!vm.count("input")) return usage_error("no GRAPH given (parley's RDF output: .ttl, .nt, .nq or .trig)");

  analysis::Corpus corpus;
  const bool read_ok = load_corpus(vm["input"].as<std::vector<std::string>>(), corpus);
  analysis::ReportOptions ro;
  ro.title = vm["title"].as<std::string>();
  ro.max_nodes = static_cast<size_t>(*max_nodes);
  std::string html;
  analysis::write_report(corpus, analysis::compute_stats(corpus), ro, html);
  const std::string out = vm["output"].as<std::string>();
  if (!write_or_report(out, html)) return 1;
  return read_ok ? 0 : 1;
}

}  // namespace parley::cli
