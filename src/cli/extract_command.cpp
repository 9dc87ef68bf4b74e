// parley extract: articles in, RDF out.
#include <sched.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <boost/program_options.hpp>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "cli/commands.h"
#include "cli/graph_copy.h"
#include "cli/progress.h"
#include "cli/syntax_support.h"
#include "graph/builder.h"
#include "graph/term.h"
#include "graph/vocab.h"
#include "mappings/mappings.h"
#include "merge/merger.h"
#include "pipeline/article_registry.h"
#include "pipeline/ordered_runner.h"
#include "pipeline/pipeline.h"
#include "rdf/writer.h"
#include "text/reader.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kExtractUsage =
    "Usage: parley extract [--format turtle|ntriples|nquads|trig] [-o FILE|-] [--date YYYY-MM-DD]\n"
    "                      [--base IRI] [--mappings DIR] [--model FILE] [--id ID]\n"
    "                      [--max-article-bytes N] [--disable-rule ID]... [--no-mentions]\n"
    "                      [--no-merge] [--update FILE.nq] [-j N] [-v|-q] INPUT...\n"
    "\n"
    "INPUT is a text file (one article), a .jsonl file (one article per line: id, text, and\n"
    "optionally date, title, url, category) or - for standard input. The run ends with parley\n"
    "merge (the merge graph) unless --no-merge; --update FILE.nq adds the inputs to that output,\n"
    "replacing the graphs of articles it already holds. On a terminal a progress line shows\n"
    "articles, MB/s and the time left, and a summary ends the run; piped, parley is silent (but\n"
    "for warnings and errors) unless -v. -j N extracts N articles at a time (default: the cores\n"
    "available); the output is the same bytes whatever N.\n";

// The cores this process may run on (its affinity mask), at least 1.
unsigned available_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1u, std::thread::hardware_concurrency());
}

// One article on its way through the runner, and what came out.
struct ArticleJob {
  text::Document doc;
  Location at;
  std::optional<uint64_t> end_of_file;  // no article: the end of an input file of this size
};
struct ArticleResult {
  graph::ArticleGraph graph;
  std::string error;  // the pipeline threw (out of memory): the article is reported, not written
};

}  // namespace

int extract_main(const std::vector<std::string>& args) {
  po::options_description output("Output");
  output.add_options()
      ("format,f", po::value<std::string>(), "turtle (ttl), ntriples (nt), nquads (nq) or trig; "
                                             "default: from -o's extension, else turtle")
      ("output,o", po::value<std::string>(), "output file, - for stdout (default out/parley.<ext>)")
      ("base", po::value<std::string>()->default_value("https://w3id.org/parley/id/"),
       "base IRI of the instances (ends with /, no #)")
      ("no-merge", "write the articles' graphs only, no merge graph (see parley merge)")
      ("update", po::value<std::string>(), "add the inputs to this N-Quads output of an earlier run "
                                           "(an article already in it is replaced); the output, unless -o")
      ("no-mentions", "leave out the parley:Mention of each name occurrence (most of the triples)");
  po::options_description input("Input");
  input.add_options()
      ("date", po::value<std::string>(), "publication date YYYY-MM-DD of every input")
      ("id", po::value<std::string>(), "identifier of the article read from stdin (default stdin)")
      ("max-article-bytes", po::value<std::string>(),
       "longest article (text file or JSON Lines record) read; a longer one is an error (default 67108864)")
      ("mappings", po::value<std::string>()->default_value(default_mappings_dir()), "mappings directory")
      ("model", po::value<std::string>()->default_value(default_model_path()), "syntax model file")
      ("disable-rule", po::value<std::vector<std::string>>()->composing(), "switch off a rule by id (repeatable)");
  po::options_description general("General");
  general.add_options()
      ("jobs,j", po::value<std::string>(), "articles extracted in parallel (default: the cores available)")
      ("verbose,v", "report each article (its triples) and end with a summary, also when piped")
      ("quiet,q", "no warnings, no progress line, no summary")
      ("help,h", "print this help");
  po::options_description opts;
  opts.add(output).add(input).add(general);
  po::variables_map vm;
  if (const int status = parse_arguments(args, opts, "input", kExtractUsage, vm); status >= 0) return status;

  // Check every flag before doing any work.
  if (vm.count("verbose") && vm.count("quiet")) return usage_error("--verbose and --quiet cannot be used together");
  rdf::Format format = rdf::Format::kTurtle;
  std::string out_path;
  if (vm.count("output")) out_path = vm["output"].as<std::string>();
  const std::string update = vm.count("update") ? vm["update"].as<std::string>() : "";
  if (!update.empty() && out_path.empty()) out_path = update;
  if (vm.count("format")) {
    Result<rdf::Format> f = rdf::parse_format(vm["format"].as<std::string>());
    if (!f.ok()) return usage_error("--format: " + f.status().message());
    format = f.value();
  } else if (!out_path.empty() && out_path != "-") {
    Result<rdf::Format> f = rdf::format_from_path(out_path);
    if (!f.ok()) return usage_error("-o/--output: " + f.status().message() + "; give --format");
    format = f.value();
  }
  if (out_path.empty()) out_path = std::string("out/parley.") + rdf::extension(format);
  if (!update.empty() && !rdf::has_named_graphs(format))
    return usage_error("--update and --format " + std::string(rdf::extension(format)) +
                       ": an updated output keeps each article's graph (nquads or trig)");

  text::ReadOptions ropts;
  if (vm.count("date")) {
    const std::string d = vm["date"].as<std::string>();
    ropts.date = text::Date::parse_iso(d);
    if (!ropts.date || d.size() != 10) return usage_error("--date: expected YYYY-MM-DD, found \"" + d + "\"");
  }
  if (vm.count("max-article-bytes")) {
    const std::string v = vm["max-article-bytes"].as<std::string>();
    const auto n = parse_count(v, 1, UINT64_MAX);
    if (!n) return usage_error("--max-article-bytes: expected a number of bytes above 0, found \"" + v + "\"");
    ropts.max_article_bytes = static_cast<size_t>(*n);
  }
  unsigned jobs = available_cores();
  if (vm.count("jobs")) {
    const std::string v = vm["jobs"].as<std::string>();
    const auto n = parse_count(v, 1, 1024);
    if (!n) return usage_error("-j/--jobs: expected a number of threads from 1 to 1024, found \"" + v + "\"");
    jobs = static_cast<unsigned>(*n);
  }
  if (vm.count("id")) {
    ropts.stdin_id = vm["id"].as<std::string>();
    if (ropts.stdin_id.empty()) return usage_error("--id: empty identifier");
  }
  graph::BuildContext ctx;
  ctx.base = vm["base"].as<std::string>();
  ctx.mentions = vm.count("no-mentions") == 0;
  if (Status s = graph::check_iri(ctx.base); !s.ok()) return usage_error("--base: " + s.message());
  // Article IRIs get "#..." fragments (mentions, events): the base itself cannot hold one.
  if (ctx.base.back() != '/' || ctx.base.find('#') != std::string::npos)
    return usage_error("--base: the IRI must end with '/' and hold no '#' (parley adds fragments to article IRIs)");
  if (!vm.count("input")) return usage_error("no INPUT given (a .txt or .jsonl file, or - for stdin)");
  std::vector<std::string> inputs = vm["input"].as<std::vector<std::string>>();
  if (std::count(inputs.begin(), inputs.end(), "-") > 1) return usage_error("- (stdin) given more than once");
  const bool quiet = vm.count("quiet") != 0, verbose = vm.count("verbose") != 0;
  std::vector<std::string> disabled;
  if (vm.count("disable-rule")) disabled = vm["disable-rule"].as<std::vector<std::string>>();

  // Mappings: loaded and compiled once for the whole run.
  std::vector<Diagnostic> errors;
  auto m = mappings::Mappings::load(vm["mappings"].as<std::string>(), errors, disabled);
  if (!errors.empty()) {
    for (const Diagnostic& d : errors) std::cerr << d.str() << "\n";
    std::cerr << "parley: error: the mappings have errors (run parley check-mappings); nothing was written\n";
    return 1;
  }
  ctx.mappings_version = m->version;
  Result<syntax::SyntaxModel> model = syntax::SyntaxModel::load(vm["model"].as<std::string>());
  if (!model.ok()) {
    std::cerr << "parley: error: " << model.status().str() << "; nothing was written\n";
    return 1;
  }

  Result<std::unique_ptr<rdf::Writer>> writer = rdf::Writer::open(out_path, format);
  if (!writer.ok()) {
    std::cerr << "parley: error: " << writer.status().str() << "\n";
    return 1;
  }

  // The order of the inputs does not change the output.
  std::sort(inputs.begin(), inputs.end());
  const pipeline::Pipeline pipe(*m, model.value(), ctx);
  bool failed = false;
  Status write_status;
  pipeline::ArticleRegistry seen;  // no two records become one article
  merge::MergeOptions merge_options;
  merge_options.base = ctx.base;
  merge::Merger merger(merge_options);
  std::set<std::string> extracted;  // article graphs written by this run (kept for --update only)
  // Progress on a terminal only; the summary there or with -v.
  const bool live = !quiet && ::isatty(STDERR_FILENO) == 1;
  uint64_t total_bytes = 0;
  auto file_size = [](const std::string& path) -> uint64_t {
    struct stat st {};
    return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) ? static_cast<uint64_t>(st.st_size) : 0;
  };
  for (const std::string& in : inputs) total_bytes += file_size(in);
  Progress progress(std::cerr, total_bytes, live);
  auto on_diag = [&](const Diagnostic& d) {
    if (d.severity == Diagnostic::Severity::kError) {
      failed = true;
      progress.failure();
    }
    if (d.severity == Diagnostic::Severity::kError || !quiet) {
      progress.clear();
      std::cerr << d.str() << "\n";
    }
  };
  // Articles are extracted on `jobs` threads; their graphs come back here in input order, so
  // the merger, the writer and the messages see the same sequence whatever `jobs` is.
  const bool merging = !vm.count("no-merge");
  auto work = [&pipe](ArticleJob& job) {
    ArticleResult r;
    if (job.end_of_file) return r;
    try {
      r.graph = pipe.run(job.doc);
    } catch (const std::exception& e) {
      r.graph = {};
      r.error = std::string("cannot extract the article: ") + e.what();
    }
    return r;
  };
  auto deliver = [&](ArticleJob& job, ArticleResult&& r) {
    if (!write_status.ok()) return;
    if (job.end_of_file) {
      progress.file_done(*job.end_of_file);
      return;
    }
    if (!r.error.empty()) {
      on_diag(Diagnostic{Diagnostic::Severity::kError, job.at, r.error + "; article skipped"});
      return;
    }
    const graph::ArticleGraph& g = r.graph;
    if (merging) merger.add(g);
    if (!update.empty()) extracted.insert(g.name.value);
    std::array<size_t, 3> events{};
    for (const graph::Quad& q : g.local)
      if (q.p.value == vocab::kType)
        for (size_t k = 0; k < 3; ++k)
          if (q.o.value == (k == 0 ? vocab::kMeetingReport : k == 1 ? vocab::kDemand : vocab::kDenial)) ++events[k];
    if (verbose) {
      progress.clear();
      std::cerr << "parley: " << job.at.str() << ": " << printable(job.doc.id) << ": "
                << g.local.size() + g.entities.size() << " triples, " << events[0] << " meetings, " << events[1]
                << " demands, " << events[2] << " denials\n";
    }
    write_status = writer.value()->write_article(g);
    progress.article(job.doc.text.size(), events);
  };
  pipeline::OrderedRunner<ArticleJob, ArticleResult> runner(jobs, size_t{4} * jobs, work, deliver);
  for (const std::string& in : inputs) {
    text::read_input(in, ropts, [&](text::Document&& doc) {
      if (!write_status.ok()) return;
      // A JSON Lines record is pointed at by its line (column 1); a text file by its name.
      Location at{doc.source, doc.line, doc.line > 0 ? 1 : 0};
      if (Status s = seen.claim(doc.id, graph::article_key(doc.id), at); !s.ok()) {
        on_diag(Diagnostic{Diagnostic::Severity::kError, s.where(), s.message()});
        return;
      }
      // The graph leaves out a url that is no IRI; say so here, where the record is known.
      if (!doc.url.empty())
        if (Status u = graph::check_iri(doc.url); !u.ok())
          on_diag(Diagnostic{Diagnostic::Severity::kWarning, at, "ignoring \"url\": " + u.message()});
      runner.submit(ArticleJob{std::move(doc), std::move(at), std::nullopt});
    }, on_diag);
    // (in the queue, so that the progress of a file ends when its last article is written)
    runner.submit(ArticleJob{{}, {}, file_size(in)});
    if (!write_status.ok()) break;
  }
  runner.finish();
  // --update: the earlier output's articles that this run did not read again
  if (write_status.ok() && !update.empty() && std::filesystem::exists(update))
    write_status = copy_article_graphs(update, extracted, *writer.value(), merger, merge::merge_graph_iri(ctx.base), nullptr);
  if (write_status.ok() && !vm.count("no-merge")) {
    graph::ArticleGraph mg;
    mg.name = graph::Term::iri_unchecked(merge::merge_graph_iri(ctx.base));
    mg.local = merger.finish();
    if (verbose)
      std::cerr << "parley: merge: " << mg.local.size() << " statements in the merge graph, " << merger.memory_bytes()
                << " bytes of merge keys\n";
    write_status = writer.value()->write_article(mg);
  }
  progress.clear();
  if (write_status.ok()) write_status = writer.value()->finish();
  if (!write_status.ok()) {
    std::cerr << "parley: error: " << write_status.str() << "\n";
    return 1;
  }
  if (live || verbose)
    std::cerr << progress.summary() << (out_path != "-" ? "; wrote " + printable(out_path) : std::string()) << "\n";
  return failed ? 1 : 0;
}

}  // namespace parley::cli
