/// The `parley` subcommands. Each returns the process exit status: 0 all fine, 1 some input
/// failed (the rest still written), 2 usage error before any work.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace parley::cli {

int extract_main(const std::vector<std::string>& args);
int merge_main(const std::vector<std::string>& args);
int shard_main(const std::vector<std::string>& args);
int check_mappings_main(const std::vector<std::string>& args);
int parse_main(const std::vector<std::string>& args);
int eval_syntax_main(const std::vector<std::string>& args);
int train_syntax_main(const std::vector<std::string>& args);
int table_main(const std::vector<std::string>& args);
int stats_main(const std::vector<std::string>& args);
int report_main(const std::vector<std::string>& args);

/// The mappings directory compiled in (the source tree's mappings/).
std::string default_mappings_dir();

/// Prints "parley: error: <message>" and returns 2.
int usage_error(const std::string& message);

/// An option's whole number: digits only (no sign, exponent or space, so "-1" and "1e9" cannot
/// wrap or round into a value nobody asked for), from `min` to `max`; nothing otherwise.
std::optional<uint64_t> parse_count(const std::string& value, uint64_t min, uint64_t max);

/// Reads a subcommand's arguments into `vm`: the options `opts` and, as positional arguments,
/// the values of `positional`. Returns -1 when the command goes on; otherwise the exit status:
/// 0 after printing `usage` and `opts` for --help, 2 after reporting a usage error.
int parse_arguments(const std::vector<std::string>& args, const boost::program_options::options_description& opts,
                    const char* positional, const char* usage, boost::program_options::variables_map& vm);

}  // namespace parley::cli
