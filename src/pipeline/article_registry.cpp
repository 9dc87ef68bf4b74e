#include "pipeline/article_registry.h"

namespace parley::pipeline {

Status ArticleRegistry::claim(const std::string& id, const std::string& key, const Location& where) {
  if (auto seen = where_.find(id); seen != where_.end())
    return Status::error("duplicate article id \"" + id + "\" (first read from " + seen->second + "); skipped",
                         where);
  // Distinct ids have distinct keys unless their 64-bit hashes collide (graph::article_key).
  if (auto other = owner_.find(key); other != owner_.end())
    return Status::error("article id \"" + id + "\" would get the IRI of article \"" + other->second +
                             "\" (read from " + where_.at(other->second) + "); skipped",
                         where);
  where_.emplace(id, where.str());
  owner_.emplace(key, id);
  return {};
}

}  // namespace parley::pipeline
