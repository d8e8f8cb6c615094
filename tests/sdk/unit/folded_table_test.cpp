// folded_table_test.cpp: the case-insensitive (entity, action) table behind the catalog and the
// router.
#include "folded_table.hpp"

#include <gtest/gtest.h>

#include <string>

namespace mifos::hooks::detail {
namespace {

TEST(FoldedTable, FindsAKeyWhateverItsCase) {
  folded_table<int> t;
  t.get_or_insert("LOAN", "REPAYMENT") = 7;
  ASSERT_NE(t.find("loan", "Repayment"), nullptr);
  EXPECT_EQ(*t.find("loan", "Repayment"), 7);
}

TEST(FoldedTable, TellsApartKeysThatDifferOnlyWhereTheCaseBitIsNotCase) {
  // '_' | 0x20 == 0x7f == DEL | 0x20: same hash input, different names.
  folded_table<int> t;
  t.get_or_insert("A_B", "X") = 1;
  EXPECT_EQ(t.find("A\x7f"
                   "B",
                   "X"),
            nullptr);
  EXPECT_EQ(*t.find("a_b", "x"), 1);
}

TEST(FoldedTable, DoesNotSplitEntityAndActionDifferently) {
  folded_table<int> t;
  t.get_or_insert("LOANCHARGE", "PAY") = 1;
  EXPECT_EQ(t.find("LOAN", "CHARGEPAY"), nullptr);
}

TEST(FoldedTable, GetOrInsertReturnsTheExistingValue) {
  folded_table<int> t;
  t.get_or_insert("CLIENT", "CREATE") = 3;
  EXPECT_EQ(t.get_or_insert("client", "create"), 3);
  EXPECT_EQ(t.size(), 1u);
}

TEST(FoldedTable, KeepsEveryKeyThroughGrowth) {
  folded_table<int> t;
  for (int i = 0; i < 1000; ++i) t.get_or_insert("ENTITY" + std::to_string(i), "ACTION") = i;
  ASSERT_EQ(t.size(), 1000u);
  for (int i = 0; i < 1000; ++i) {
    const int* v = t.find("entity" + std::to_string(i), "action");
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, i);
  }
  EXPECT_EQ(t.find("ENTITY1000", "ACTION"), nullptr);
}

TEST(FoldedTable, AnEmptyTableFindsNothing) {
  folded_table<int> t;
  EXPECT_TRUE(t.empty());
  EXPECT_EQ(t.find("LOAN", "REPAYMENT"), nullptr);
}

}  // namespace
}  // namespace mifos::hooks::detail
