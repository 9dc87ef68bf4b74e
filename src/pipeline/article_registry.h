/// The articles a run has read, so that no two records become one article: a second record
/// with the same id, or with an id whose IRI key another id already has, is refused with an
/// error naming both records (never merged into the first one's graph).
///
///   ArticleRegistry seen;
///   Status s = seen.claim(doc.id, graph::article_key(doc.id), Location{doc.source, doc.line, 1});
///   if (!s.ok()) report(s);   // skip the record
///
/// Memory grows with the number of articles (two strings each). Not thread-safe.
#pragma once

#include <string>
#include <unordered_map>

#include "core/status.h"

namespace parley::pipeline {

class ArticleRegistry {
 public:
  /// Records `id`, whose article IRI key is `key`, read at `where`. An error located at `where`
  /// when the id was read before, or when another id has the same key; nothing is recorded then.
  Status claim(const std::string& id, const std::string& key, const Location& where);

 private:
  std::unordered_map<std::string, std::string> where_;  // id -> where it was read
  std::unordered_map<std::string, std::string> owner_;  // key -> the id that has it
};

}  // namespace parley::pipeline
