/// The `parley` subcommands. Each returns the process exit status: 0 all fine, 1 some input
/// failed (the rest still written), 2 usage error before any work.
#pragma once

#include <string>
#include <vector>

namespace parley::cli {

int extract_main(const std::vector<std::string>& args);
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

}  // namespace parley::cli
