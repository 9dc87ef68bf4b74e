// parley: news text in, RDF knowledge graph of meetings, mediators, demands and denials out.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/output_file.h"

namespace {

constexpr const char* kUsage =
    "Usage: parley <command> [options]\n"
    "\n"
    "Commands:\n"
    "  extract [options] INPUT...   read articles (.txt, .jsonl, - for stdin), write RDF\n"
    "  merge [options] INPUT.nq...  merge the articles' graphs: one node per meeting, with a record of why\n"
    "  shard -n N [options] INPUT...  split a corpus into N JSON Lines shards (one extract each)\n"
    "  check-mappings [--mappings DIR]\n"
    "                               load and validate every data file under mappings/\n"
    "  parse [options] INPUT...     words, lemmas, tags and dependency trees in CoNLL-U\n"
    "  eval-syntax GOLD.conllu...   score the syntax model against a treebank\n"
    "  train-syntax --train FILE -o MODEL\n"
    "                               train the syntax model on a Universal Dependencies treebank\n"
    "  table [options] GRAPH...     one row per event of parley's RDF output, as CSV or TSV\n"
    "  stats [options] GRAPH...     events per class and article, linked actors, top actors and pairs\n"
    "  report [options] GRAPH...    one self-contained HTML page: network, timeline, evidence tables\n"
    "\n"
    "  parley --help | parley <command> --help | parley --version\n";

}  // namespace

int main(int argc, char** argv) {
  parley::install_signal_cleanup();  // an interrupted run leaves no temporary output behind
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string cmd = args.front();
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (cmd == "--version") {
    std::cout << "parley " PARLEY_VERSION "\n";
    return 0;
  }
  args.erase(args.begin());
  if (cmd == "extract") return parley::cli::extract_main(args);
  if (cmd == "merge") return parley::cli::merge_main(args);
  if (cmd == "shard") return parley::cli::shard_main(args);
  if (cmd == "check-mappings") return parley::cli::check_mappings_main(args);
  if (cmd == "parse") return parley::cli::parse_main(args);
  if (cmd == "eval-syntax") return parley::cli::eval_syntax_main(args);
  if (cmd == "train-syntax") return parley::cli::train_syntax_main(args);
  if (cmd == "table") return parley::cli::table_main(args);
  if (cmd == "stats") return parley::cli::stats_main(args);
  if (cmd == "report") return parley::cli::report_main(args);
  return parley::cli::usage_error("unknown command \"" + cmd + "\"; expected extract, merge, shard, check-mappings, parse, eval-syntax, train-syntax, table, stats or report (see parley --help)");
}
