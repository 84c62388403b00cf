// Expected texts are what coreutils 9.1 `ln` printed for these names (LC_ALL=C).
#include "domain/core/coreutils_quote.hpp"

#include <gtest/gtest.h>

namespace gfsd::domain {
namespace {

TEST(CoreutilsQuote, AlwaysSingleQuoted) {
  EXPECT_EQ(coreutils_quote("/sysroot/l"), "'/sysroot/l'");
  EXPECT_EQ(coreutils_quote("a b"), "'a b'");
  EXPECT_EQ(coreutils_quote("a\\b"), "'a\\b'");
  EXPECT_EQ(coreutils_quote(""), "''");
}

TEST(CoreutilsQuote, ControlAndNonAsciiBytesInDollarRuns) {
  EXPECT_EQ(coreutils_quote("/n/a\nb\tc"), R"('/n/a'$'\n''b'$'\t''c')");
  EXPECT_EQ(coreutils_quote("/n/\xc3\xa9\x01z"), R"('/n/'$'\303\251\001''z')");
  EXPECT_EQ(coreutils_quote("/n/\x7f"), R"('/n/'$'\177')");
  EXPECT_EQ(coreutils_quote("\x7f"), R"(''$'\177')");
}

TEST(CoreutilsQuote, SingleQuotes) {
  // Nothing else odd: C-style double quotes.
  EXPECT_EQ(coreutils_quote("/n/a'b"), R"("/n/a'b")");
  EXPECT_EQ(coreutils_quote("n/it's a b"), R"("n/it's a b")");
  // Something double quotes would not keep as is: '\'' inside single quotes.
  EXPECT_EQ(coreutils_quote("n/a'b$"), R"('n/a'\''b$')");
  EXPECT_EQ(coreutils_quote("n/xa'\nb"), R"('n/xa'\'''$'\n''b')");
  EXPECT_EQ(coreutils_quote("n/\n'"), R"('n/'$'\n'\''')");
}

// A name with a single quote that ends inside a $'...' run: 9.1 starts the
// text with a stray '' (its second pass inherits the first one's state).
TEST(CoreutilsQuote, TheStrayQuotesOfCoreutils91) {
  EXPECT_EQ(coreutils_quote("n/a'\n"), R"('''n/a'\'''$'\n')");
  EXPECT_EQ(coreutils_quote("n/'\n"), R"('''n/'\'''$'\n')");
  EXPECT_EQ(coreutils_quote("n/a'b'\n"), R"('''n/a'\''b'\'''$'\n')");
  EXPECT_EQ(coreutils_quote("\na'\n"), R"('\n''a'\'''$'\n')");
}

TEST(CoreutilsQuoteIfNeeded, BareWhenTheShellReadsItAsIs) {
  EXPECT_EQ(coreutils_quote_if_needed("/sysroot/d/sub"), "/sysroot/d/sub");
  EXPECT_EQ(coreutils_quote_if_needed("/d/.."), "/d/..");
  EXPECT_EQ(coreutils_quote_if_needed("dd/a@b,c%d+e"), "dd/a@b,c%d+e");
  EXPECT_EQ(coreutils_quote_if_needed("dd/a#b~"), "dd/a#b~");
  EXPECT_EQ(coreutils_quote_if_needed("dd/#x"), "dd/#x");
  EXPECT_EQ(coreutils_quote_if_needed("dd/{"), "dd/{");
}

TEST(CoreutilsQuoteIfNeeded, QuotedOtherwise) {
  EXPECT_EQ(coreutils_quote_if_needed(""), "''");
  EXPECT_EQ(coreutils_quote_if_needed("dd/a:b"), "'dd/a:b'");
  EXPECT_EQ(coreutils_quote_if_needed("dd/a b"), "'dd/a b'");
  EXPECT_EQ(coreutils_quote_if_needed("dd/a*"), "'dd/a*'");
  EXPECT_EQ(coreutils_quote_if_needed("#x"), "'#x'");
  EXPECT_EQ(coreutils_quote_if_needed("{"), "'{'");
  EXPECT_EQ(coreutils_quote_if_needed("a'b"), R"("a'b")");
  EXPECT_EQ(coreutils_quote_if_needed("a\nb"), R"('a'$'\n''b')");
}

}  // namespace
}  // namespace gfsd::domain
