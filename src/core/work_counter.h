/// A count of the steps the article-wide stages take over mentions, so that a test can hold
/// the work per article linear in its length (no timed tests: counts do not depend on the machine).
///
///   reset_mention_steps();
///   pipeline.run(doc);
///   const uint64_t steps = mention_steps();   // grows in proportion to the article
///
/// The tagger, the reference reader and the resolver add one step for each mention they look
/// at while searching for another (a covering name, an antecedent, a role's holder). The count
/// is per thread and costs one increment of a thread-local integer; nothing reads it but tests
/// and benchmarks.
#pragma once

#include <cstdint>

namespace parley {

namespace detail {
inline thread_local std::uint64_t mention_steps = 0;
}  // namespace detail

inline void count_mention_steps(std::uint64_t n) { detail::mention_steps += n; }
inline std::uint64_t mention_steps() { return detail::mention_steps; }
inline void reset_mention_steps() { detail::mention_steps = 0; }

}  // namespace parley
