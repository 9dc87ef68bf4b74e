// Messages are printed on terminals: control characters from the input must not reach them.
#include "core/diagnostic.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(Diagnostic, ControlCharactersAreEscapedWhenPrinted) {
  EXPECT_EQ(printable("plain ü text"), "plain ü text");
  EXPECT_EQ(printable("a\x1b[31mred\x07"), "a\\x1b[31mred\\x07");
  EXPECT_EQ(printable("new\nline\ttab\x7f"), "new\\x0aline\\x09tab\\x7f");
  EXPECT_EQ(printable("csi \xC2\x9B" "2J"), "csi \\u009b2J");  // C1 CSI as UTF-8
  EXPECT_EQ(printable("nbsp \xC2\xA0"), "nbsp \xC2\xA0");       // U+00A0 is text
  const Diagnostic d{Diagnostic::Severity::kWarning, Location{"odd\nname.jsonl", 3, 0},
                     "ignoring \"date\": found \"\x1b]0;title\x07\""};
  EXPECT_EQ(d.str(), "parley: warning: odd\\x0aname.jsonl:3: ignoring \"date\": found \"\\x1b]0;title\\x07\"");
  EXPECT_EQ(Status::error("bad \x1b", Location{"f"}).str(), "f: bad \\x1b");
}

}  // namespace
}  // namespace parley
