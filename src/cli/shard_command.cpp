// parley shard: a corpus split into N JSON Lines files by article, for one extract per shard.
#include <algorithm>
#include <boost/program_options.hpp>
#include <cstdio>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/commands.h"
#include "core/output_file.h"
#include "graph/builder.h"
#include "pipeline/article_registry.h"
#include "text/json_line.h"
#include "text/reader.h"

namespace parley::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kShardUsage =
    "Usage: parley shard -n N [--prefix PREFIX] [--max-article-bytes N] [-v|-q] INPUT...\n"
    "\n"
    "Splits the articles of the INPUTs (.txt files and .jsonl files, read as parley extract reads\n"
    "them, in the same order) into N JSON Lines files PREFIX-0001.jsonl ... PREFIX-000N.jsonl of\n"
    "consecutive articles, as many in each as can be (the first ones get one more). Extract each\n"
    "shard with --no-merge --format nquads and parley merge the outputs, named in the shards'\n"
    "order: the bytes of one parley extract run over the INPUTs (docs/merge.md, scripts/slurm/).\n"
    "A bad record or a duplicate id is an error (FILE:LINE:COL) and left out of every shard; the\n"
    "others are still written. The default PREFIX is out/shard.\n";

constexpr int kMaxShards = 9999;  // four digits keep the names in the shards' order

// A record that parley's reader turns back into the same Document (the text as repaired, the
// headline a text file's first line gave, the date and the optional members as read).
std::string record(const text::Document& d) {
  std::string r = "{\"id\":" + text::json_string(d.id) + ",\"text\":" + text::json_string(d.text);
  if (!d.title.empty()) r += ",\"title\":" + text::json_string(d.title);
  if (d.date) r += ",\"date\":" + text::json_string(d.date->iso());
  if (!d.url.empty()) r += ",\"url\":" + text::json_string(d.url);
  if (!d.category.empty()) r += ",\"category\":" + text::json_string(d.category);
  r += "}\n";
  return r;
}

}  // namespace

int shard_main(const std::vector<std::string>& args) {
  po::options_description output("Output");
  output.add_options()
      ("shards,n", po::value<std::string>(), "number of shards (1 to 9999)")
      ("prefix", po::value<std::string>()->default_value("out/shard"), "shard files are PREFIX-0001.jsonl, ...");
  po::options_description input("Input");
  input.add_options()
      ("max-article-bytes", po::value<std::string>(),
       "longest article (text file or JSON Lines record) read; a longer one is an error (default 67108864)");
  po::options_description general("General");
  general.add_options()("verbose,v", "say how many articles each shard holds")("quiet,q", "errors only")
      ("help,h", "print this help");
  po::options_description opts;
  opts.add(output).add(input).add(general);
  po::variables_map vm;
  if (const int status = parse_arguments(args, opts, "input", kShardUsage, vm); status >= 0) return status;
  if (vm.count("verbose") && vm.count("quiet")) return usage_error("--verbose and --quiet cannot be used together");
  if (!vm.count("shards")) return usage_error("-n: the number of shards is required");
  const std::string nv = vm["shards"].as<std::string>();
  const auto shard_count = parse_count(nv, 1, kMaxShards);
  if (!shard_count)
    return usage_error("-n: expected a number of shards from 1 to " + std::to_string(kMaxShards) + ", found \"" + nv + "\"");
  const int shards = static_cast<int>(*shard_count);
  text::ReadOptions ropts;
  if (vm.count("max-article-bytes")) {
    const std::string v = vm["max-article-bytes"].as<std::string>();
    const auto n = parse_count(v, 1, UINT64_MAX);
    if (!n) return usage_error("--max-article-bytes: expected a number of bytes above 0, found \"" + v + "\"");
    ropts.max_article_bytes = static_cast<size_t>(*n);
  }
  if (!vm.count("input")) return usage_error("no INPUT given (.txt or .jsonl files)");
  std::vector<std::string> inputs = vm["input"].as<std::vector<std::string>>();
  if (std::count(inputs.begin(), inputs.end(), "-"))
    return usage_error("- (stdin): parley shard reads its inputs twice (to count, then to split); give files");
  const std::string prefix = vm["prefix"].as<std::string>();
  const bool quiet = vm.count("quiet") != 0, verbose = vm.count("verbose") != 0;
  // The order parley extract reads them in.
  std::sort(inputs.begin(), inputs.end());

  // Pass 1: count the articles extract would read (bad records and duplicates left out).
  size_t total = 0;
  {
    pipeline::ArticleRegistry seen;
    for (const std::string& in : inputs)
      text::read_input(in, ropts, [&](text::Document&& d) {
        if (seen.claim(d.id, graph::article_key(d.id), Location{d.source, d.line, d.line > 0 ? 1 : 0}).ok()) ++total;
      }, [](const Diagnostic&) {});
  }

  // Pass 2: write them, consecutive articles per shard, each file whole or not at all.
  bool failed = false, write_failed = false;
  std::vector<std::unique_ptr<OutputFile>> files;
  std::vector<size_t> counts(static_cast<size_t>(shards), 0);
  for (int k = 1; k <= shards; ++k) {
    char name[32];
    std::snprintf(name, sizeof name, "-%04d.jsonl", k);
    Result<std::unique_ptr<OutputFile>> f = OutputFile::open(prefix + name);
    if (!f.ok()) {
      std::cerr << "parley: error: " << f.status().str() << "; nothing was written\n";
      return 1;
    }
    files.push_back(std::move(f.value()));
  }
  const size_t per = total / static_cast<size_t>(shards), extra = total % static_cast<size_t>(shards);
  size_t shard = 0, in_shard = 0;
  pipeline::ArticleRegistry seen;
  auto on_diag = [&](const Diagnostic& d) {
    if (d.severity == Diagnostic::Severity::kError) failed = true;
    if (d.severity == Diagnostic::Severity::kError || !quiet) std::cerr << d.str() << "\n";
  };
  for (const std::string& in : inputs)
    text::read_input(in, ropts, [&](text::Document&& d) {
      if (Status s = seen.claim(d.id, graph::article_key(d.id), Location{d.source, d.line, d.line > 0 ? 1 : 0});
          !s.ok()) {
        on_diag(Diagnostic{Diagnostic::Severity::kError, s.where(), s.message()});
        return;
      }
      while (shard + 1 < files.size() && in_shard == per + (shard < extra ? 1 : 0)) {
        ++shard;
        in_shard = 0;
      }
      const std::string r = record(d);
      if (std::fwrite(r.data(), 1, r.size(), files[shard]->stream()) != r.size()) write_failed = true;
      ++in_shard;
      ++counts[shard];
    }, on_diag);
  if (write_failed) {
    std::cerr << "parley: error: write error on the shards under " << printable(prefix) << "; nothing was written\n";
    return 1;
  }
  for (size_t k = 0; k < files.size(); ++k) {
    if (Status s = files[k]->commit(); !s.ok()) {
      std::cerr << "parley: error: " << s.str() << "\n";
      return 1;
    }
    if (verbose) std::cerr << "parley: " << printable(files[k]->path()) << ": " << counts[k] << " articles\n";
  }
  return failed ? 1 : 0;
}

}  // namespace parley::cli
