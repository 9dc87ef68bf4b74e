/// A message for the user about one input: a warning (work goes on) or an error (that input,
/// or that record, is lost and the run will exit 1).
#pragma once

#include <string>

#include "core/status.h"

namespace parley {

struct Diagnostic {
  enum class Severity { kWarning, kError };
  Severity severity = Severity::kError;
  Location where;
  std::string message;

  /// "parley: error: FILE:LINE:COL: message", control characters escaped (see printable)
  std::string str() const {
    std::string w = where.str();
    return std::string("parley: ") + (severity == Severity::kError ? "error: " : "warning: ") +
           (w.empty() ? "" : w + ": ") + printable(message);
  }
};

}  // namespace parley
