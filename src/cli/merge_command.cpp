// parley merge: per-article graphs (N-Quads) in, the same graphs plus a recomputed merge graph out.
#include <algorithm>
#include <boost/program_options.hpp>
#include <iostream>

#include "cli/commands.h"
#include "cli/graph_copy.h"
#include "graph/builder.h"
#include "graph/term.h"
#include "merge/merger.h"
#include "rdf/reader.h"
#include "rdf/writer.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kMergeUsage =
    "Usage: parley merge [--format nquads|trig] [-o FILE|-] [--base IRI] [--drop ID]... [--no-merge]\n"
    "                    [-v|-q] INPUT.nq...\n"
    "\n"
    "Reads per-article graphs (parley extract --format nquads, one or several files, in any\n"
    "order), and writes them again with a new merge graph <BASE>graph/merge: one parley:Meeting\n"
    "per meeting however many articles report it, and a parley:Merge record for every merge\n"
    "(docs/merge.md). A merge graph found in the input is replaced. --drop ID leaves out the\n"
    "article with that identifier; --no-merge writes no merge graph (undoes every merge).\n";

}  // namespace

Status copy_article_graphs(const std::string& path, const std::set<std::string>& skip, rdf::Writer& writer,
                           merge::Merger& merger, const std::string& merge_graph, std::set<std::string>* written) {
  graph::ArticleGraph piece;
  auto flush = [&]() -> Status {
    if (piece.local.empty()) return {};
    graph::sort_for_output(piece.local);  // parley's own files are sorted already
    Status s = writer.write_article(piece);
    piece.local.clear();
    return s;
  };
  Status s = rdf::read_file(path, rdf::Format::kNQuads, [&](graph::Quad&& q) -> Status {
    if (q.g.value.empty())
      return Status::error("a triple in the default graph: parley merge reads per-article named graphs "
                           "(parley extract --format nquads)", Location{path});
    if (q.g.value == merge_graph || skip.count(q.g.value)) return {};
    if (q.g.value != piece.name.value) {
      PARLEY_TRY(flush());
      piece.name = q.g;
      if (written) written->insert(q.g.value);
    }
    merger.add(q);
    piece.local.push_back(std::move(q));
    return {};
  });
  PARLEY_TRY(s);
  return flush();
}

int merge_main(const std::vector<std::string>& args) {
  po::options_description output("Output");
  output.add_options()
      ("format,f", po::value<std::string>(), "nquads (nq) or trig; default: from -o's extension, else nquads")
      ("output,o", po::value<std::string>(), "output file, - for stdout (default out/parley.nq)")
      ("base", po::value<std::string>()->default_value("https://w3id.org/parley/id/"),
       "base IRI the articles were extracted with")
      ("drop", po::value<std::vector<std::string>>()->composing(), "leave out the article with this identifier (repeatable)")
      ("no-merge", "write the article graphs only, no merge graph");
  po::options_description general("General");
  general.add_options()("verbose,v", "report merge statistics")("quiet,q", "no warnings")("help,h", "print this help");
  po::options_description options;
  options.add(output).add(general);
  po::variables_map vm;
  if (const int status = parse_arguments(args, options, "input", kMergeUsage, vm); status >= 0) return status;
  if (vm.count("verbose") && vm.count("quiet")) return usage_error("--verbose and --quiet cannot be used together");
  std::string out_path = vm.count("output") ? vm["output"].as<std::string>() : "";
  rdf::Format format = rdf::Format::kNQuads;
  if (vm.count("format")) {
    Result<rdf::Format> f = rdf::parse_format(vm["format"].as<std::string>());
    if (!f.ok()) return usage_error("--format: " + f.status().message());
    format = f.value();
  } else if (!out_path.empty() && out_path != "-") {
    Result<rdf::Format> f = rdf::format_from_path(out_path);
    if (!f.ok()) return usage_error("-o/--output: " + f.status().message() + "; give --format");
    format = f.value();
  }
  if (!rdf::has_named_graphs(format))
    return usage_error("--format: parley merge writes N-Quads or TriG (the article graphs stay apart); "
                       "for Turtle or N-Triples run parley extract");
  if (out_path.empty()) out_path = std::string("out/parley.") + rdf::extension(format);
  const std::string base = vm["base"].as<std::string>();
  if (Status s = graph::check_iri(base); !s.ok()) return usage_error("--base: " + s.message());
  if (base.back() != '/' || base.find('#') != std::string::npos)
    return usage_error("--base: the IRI must end with '/' and hold no '#'");
  if (!vm.count("input")) return usage_error("no INPUT given (N-Quads files written by parley extract)");
  std::vector<std::string> inputs = vm["input"].as<std::vector<std::string>>();
  std::set<std::string> skip;
  if (vm.count("drop"))
    for (const std::string& id : vm["drop"].as<std::vector<std::string>>()) skip.insert(base + "article/" + graph::article_key(id));

  Result<std::unique_ptr<rdf::Writer>> writer = rdf::Writer::open(out_path, format);
  if (!writer.ok()) {
    std::cerr << "parley: error: " << writer.status().str() << "\n";
    return 1;
  }
  // The order of the inputs does not change the output.
  std::sort(inputs.begin(), inputs.end());
  merge::MergeOptions opts;
  opts.base = base;
  merge::Merger merger(opts);
  const std::string merge_graph = merge::merge_graph_iri(base);
  std::set<std::string> written;
  for (const std::string& in : inputs) {
    Status s = copy_article_graphs(in, skip, *writer.value(), merger, merge_graph, &written);
    if (!s.ok()) {
      std::cerr << "parley: error: " << s.str() << "; nothing was written\n";
      return 1;
    }
  }
  if (!vm.count("no-merge")) {
    graph::ArticleGraph mg;
    mg.name = graph::Term::iri_unchecked(merge_graph);
    mg.local = merger.finish();
    if (vm.count("verbose"))
      std::cerr << "parley: merge: " << written.size() << " graphs, " << mg.local.size() << " merge statements, "
                << merger.memory_bytes() << " bytes of merge keys\n";
    if (Status s = writer.value()->write_article(mg); !s.ok()) {
      std::cerr << "parley: error: " << s.str() << "\n";
      return 1;
    }
  }
  if (Status s = writer.value()->finish(); !s.ok()) {
    std::cerr << "parley: error: " << s.str() << "\n";
    return 1;
  }
  return 0;
}

}  // namespace parley::cli
