#include "pipeline/article_registry.h"

#include <gtest/gtest.h>

#include "core/hash.h"
#include "graph/builder.h"

namespace parley::pipeline {
namespace {

TEST(ArticleRegistry, DistinctIdsAreClaimed) {
  ArticleRegistry r;
  for (const char* id : {"a", "b", "a b", "a/b"})
    EXPECT_TRUE(r.claim(id, graph::article_key(id), Location{"in.jsonl", 1, 1}).ok()) << id;
}

TEST(ArticleRegistry, ADuplicateIdNamesTheFirstRecord) {
  ArticleRegistry r;
  ASSERT_TRUE(r.claim("x", "x", Location{"one.jsonl", 3, 1}).ok());
  const Status s = r.claim("x", "x", Location{"two.jsonl", 7, 1});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.str(), "two.jsonl:7:1: duplicate article id \"x\" (first read from one.jsonl:3:1); skipped");
}

// Two different ids whose keys are equal (as two ids whose 64-bit hashes collided would be):
// the second is refused with both records named, not merged into the first one's article.
TEST(ArticleRegistry, ASharedKeyIsAnErrorNamingBothRecords) {
  ArticleRegistry r;
  const std::string key = "a-b~" + hex64(fnv1a64("a b"));
  ASSERT_TRUE(r.claim("a b", key, Location{"one.jsonl", 1, 1}).ok());
  const Status s = r.claim("a?b", key, Location{"two.jsonl", 2, 1});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().str(), "two.jsonl:2:1");
  EXPECT_NE(s.message().find("\"a?b\" would get the IRI of article \"a b\" (read from one.jsonl:1:1)"),
            std::string::npos)
      << s.message();
  // the refused id was not recorded: it can still be refused again, and named correctly
  EXPECT_FALSE(r.claim("a?b", key, Location{"two.jsonl", 3, 1}).ok());
  EXPECT_TRUE(r.claim("c", "c", Location{"two.jsonl", 4, 1}).ok());
}

// The ids that shared an article IRI in release cf9935c, where a plain id spelled as another
// id's slug, '-' and hash took that id's key: now every one has its own key.
TEST(ArticleRegistry, IdsThatCollidedInCf9935cAreDistinct) {
  const std::string hash = hex64(fnv1a64("a b"));
  ArticleRegistry r;
  for (const std::string& id : {std::string("a b"), "a-b-" + hash, "a-b~" + hash}) {
    const Status s = r.claim(id, graph::article_key(id), Location{"k.jsonl", 1, 1});
    EXPECT_TRUE(s.ok()) << id << ": " << s.str();
  }
}

}  // namespace
}  // namespace parley::pipeline
