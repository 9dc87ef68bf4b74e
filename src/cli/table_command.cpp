// parley table: one row per event of a parley graph, as CSV or TSV.
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>

#include "analysis/table.h"
#include "cli/commands.h"
#include "cli/graph_input.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kTableUsage =
    "Usage: parley table [--format csv|tsv] [-o FILE|-] GRAPH...\n"
    "\n"
    "Writes one row per meeting, demand and denial of parley's RDF output (GRAPH: .ttl, .nt, .nq\n"
    "or .trig; several files are read as one graph): article, dates, class, CAMEO and PLOVER\n"
    "codes, rule, agent and what it represents, participants, addressee, mediators and place\n"
    "(IRIs, labels, Wikidata QIDs), content, evidence sentence and its byte offsets. Several\n"
    "entities in one role are separated by \"; \", in the same order in the IRI, label and QID\n"
    "columns.\n";

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

int table_main(const std::vector<std::string>& args) {
  po::options_description opts("Options");
  opts.add_options()
      ("format,f", po::value<std::string>(), "csv or tsv; default: from -o's extension, else csv")
      ("output,o", po::value<std::string>()->default_value("-"), "output file, - for stdout")
      ("help,h", "print this help");
  po::variables_map vm;
  if (const int status = parse_arguments(args, opts, "input", kTableUsage, vm); status >= 0) return status;
  const std::string out = vm["output"].as<std::string>();
  std::string format = "csv";
  if (vm.count("format")) {
    format = lower(vm["format"].as<std::string>());
  } else if (out != "-") {
    const std::string ext = lower(std::filesystem::path(out).extension().string());
    if (ext == ".tsv" || ext == ".tab") format = "tsv";
  }
  if (format != "csv" && format != "tsv")
    return usage_error("--format: unknown table format \"" + format + "\"; expected csv or tsv");
  if (!vm.count("input")) return usage_error("no GRAPH given (parley's RDF output: .ttl, .nt, .nq or .trig)");

  analysis::Corpus corpus;
  const bool read_ok = load_corpus(vm["input"].as<std::vector<std::string>>(), corpus);
  std::string text;
  analysis::write_table(corpus, format == "tsv" ? analysis::TableFormat::kTsv : analysis::TableFormat::kCsv, text);
  if (!write_or_report(out, text)) return 1;
  return read_ok ? 0 : 1;
}

}  // namespace parley::cli
