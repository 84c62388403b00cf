#include "domain/augeas/aug_actions.hpp"

#include <cerrno>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/mock_ports.hpp"

namespace gfsd::domain {
namespace {

using mocks::MockAugeasTree;
using mocks::MockPorts;
using testing::_;
using testing::ElementsAre;
using testing::NiceMock;
using testing::Return;

// Installs a mock tree as the open one; returns it for expectations.
MockAugeasTree* open_tree(MockPorts& m) {
  auto tree = std::make_unique<NiceMock<MockAugeasTree>>();
  auto* raw = tree.get();
  m.state.augeas = std::move(tree);
  return raw;
}

std::string message_of(const Error& e) { return e.message; }

TEST(AugInit, OpensOnTheSysrootPathAndReplacesTheOldTree) {
  MockPorts m;
  open_tree(m);
  EXPECT_CALL(m.augeas, open("/sysroot/", 32)).WillOnce([](const std::string&, int32_t) {
    return Result<std::unique_ptr<ports::AugeasTree>>(std::make_unique<NiceMock<MockAugeasTree>>());
  });
  auto ctx = m.ctx();
  EXPECT_TRUE(aug_init(ctx, "/", 32));
  EXPECT_TRUE(m.state.augeas);
}

TEST(AugInit, ErrorsAreWordedLikeTheOriginal) {
  MockPorts m;
  open_tree(m);
  EXPECT_CALL(m.augeas, open("/sysroot/etc", 0))
      .WillOnce(Return(fail("Cannot find lens: Lens not found")))
      .WillOnce(Return(fail_with(ENOMEM, "")))
      .WillOnce(Return(fail("")));
  auto ctx = m.ctx();
  EXPECT_EQ(message_of(aug_init(ctx, "/etc", 0).error()),
            "aug_init: /etc (flags 0): Cannot find lens: Lens not found");
  // The old tree is gone even though the new one failed.
  EXPECT_FALSE(m.state.augeas);
  EXPECT_EQ(message_of(aug_init(ctx, "/etc", 0).error()),
            "aug_init: /etc (flags 0): augeas out of memory");
  EXPECT_EQ(message_of(aug_init(ctx, "/etc", 0).error()), "augeas initialization failed");
}

TEST(AugActions, NeedAnOpenTreeNamingTheCFunction) {
  MockPorts m;
  auto ctx = m.ctx();
  EXPECT_EQ(message_of(aug_get(ctx, "/x").error()),
            "do_aug_get: you must call 'aug-init' first to initialize Augeas");
  EXPECT_EQ(message_of(aug_ls(ctx, "/x").error()),
            "do_aug_ls: you must call 'aug-init' first to initialize Augeas");
  EXPECT_EQ(message_of(aug_close(ctx).error()),
            "do_aug_close: you must call 'aug-init' first to initialize Augeas");
  EXPECT_EQ(aug_close(ctx).error().errnum, 0);
}

TEST(AugGet, NoMatchNullValueAndErrors) {
  MockPorts m;
  auto* tree = open_tree(m);
  ports::AugeasValue none, null_value{true, std::nullopt}, value{true, std::string("v")};
  EXPECT_CALL(*tree, get("/p"))
      .WillOnce(Return(none))
      .WillOnce(Return(null_value))
      .WillOnce(Return(value))
      .WillOnce(Return(fail("Multiple matches for path expression")));
  auto ctx = m.ctx();
  EXPECT_EQ(message_of(aug_get(ctx, "/p").error()), "no matching node");
  EXPECT_EQ(message_of(aug_get(ctx, "/p").error()), "Augeas returned NULL match");
  EXPECT_EQ(*aug_get(ctx, "/p"), "v");
  EXPECT_EQ(message_of(aug_get(ctx, "/p").error()),
            "aug_get: /p: Multiple matches for path expression");
}

TEST(AugSet, ClearSetsNoValue) {
  MockPorts m;
  auto* tree = open_tree(m);
  EXPECT_CALL(*tree, set("/a", std::optional<std::string>("1"))).WillOnce(Return(Result<void>{}));
  EXPECT_CALL(*tree, set("/a", std::optional<std::string>()))
      .WillOnce(Return(fail("Invalid path expression")));
  auto ctx = m.ctx();
  EXPECT_TRUE(aug_set(ctx, "/a", "1"));
  EXPECT_EQ(message_of(aug_clear(ctx, "/a").error()), "aug_clear: /a: Invalid path expression");
}

TEST(AugLs, RejectsTrailingSelectorsAndSorts) {
  MockPorts m;
  auto* tree = open_tree(m);
  EXPECT_CALL(*tree, match("/files/etc/*"))
      .WillOnce(Return(std::vector<std::string>{"/files/etc/b", "/files/etc/a", "/files/etc/B"}));
  EXPECT_CALL(*tree, match("/*")).WillOnce(Return(std::vector<std::string>{"/files", "/augeas"}));
  auto ctx = m.ctx();
  for (const char* bad : {"/files/", "/files/*", "/x[1]"})
    EXPECT_EQ(message_of(aug_ls(ctx, bad).error()),
              "don't use aug-ls with a path that ends with / ] *");
  EXPECT_THAT(*aug_ls(ctx, "/files/etc"), ElementsAre("/files/etc/B", "/files/etc/a", "/files/etc/b"));
  EXPECT_THAT(*aug_ls(ctx, "/"), ElementsAre("/augeas", "/files"));
}

TEST(AugMatch, KeepsAugeasOrderAndWordsErrors) {
  MockPorts m;
  auto* tree = open_tree(m);
  EXPECT_CALL(*tree, match("/z"))
      .WillOnce(Return(std::vector<std::string>{"/z/2", "/z/1"}))
      .WillOnce(Return(fail("Invalid path expression: illegal character")));
  auto ctx = m.ctx();
  EXPECT_THAT(*aug_match(ctx, "/z"), ElementsAre("/z/2", "/z/1"));
  EXPECT_EQ(message_of(aug_match(ctx, "/z").error()),
            "aug_match: /z: Invalid path expression: illegal character");
}

TEST(AugVars, DefvarWithoutExpressionAndDefnode) {
  MockPorts m;
  auto* tree = open_tree(m);
  EXPECT_CALL(*tree, defvar("v", std::optional<std::string>())).WillOnce(Return(fail("bad")));
  EXPECT_CALL(*tree, defnode("n", "/x", "1"))
      .WillOnce(Return(std::pair<int32_t, bool>(1, true)));
  auto ctx = m.ctx();
  EXPECT_EQ(message_of(aug_defvar(ctx, "v", std::nullopt).error()), "aug_defvar: v: (null): bad");
  EXPECT_EQ(*aug_defnode(ctx, "n", "/x", "1"), (api::IntBool{1, 1}));
}

TEST(AugOthers, InsertMvRmLabelSetmTransform) {
  MockPorts m;
  auto* tree = open_tree(m);
  EXPECT_CALL(*tree, insert("/a", "b", true)).WillOnce(Return(fail("no match")));
  EXPECT_CALL(*tree, mv("/a", "/b")).WillOnce(Return(fail("x")));
  EXPECT_CALL(*tree, rm("/a")).WillOnce(Return(3));
  EXPECT_CALL(*tree, label("/a"))
      .WillOnce(Return(std::optional<std::string>()))
      .WillOnce(Return(std::optional<std::string>("lbl")));
  EXPECT_CALL(*tree, setm("/b", std::optional<std::string>(), "v")).WillOnce(Return(fail("y")));
  EXPECT_CALL(*tree, transform("Hosts", "/etc/h", true)).WillOnce(Return(fail("z")));
  EXPECT_CALL(*tree, transform("Hosts", "/etc/h", false)).WillOnce(Return(Result<void>{}));
  auto ctx = m.ctx();
  EXPECT_EQ(message_of(aug_insert(ctx, "/a", "b", true).error()), "aug_insert: /a: b [before=1]: no match");
  EXPECT_EQ(message_of(aug_mv(ctx, "/a", "/b").error()), "aug_mv: /a: /b: x");
  EXPECT_EQ(*aug_rm(ctx, "/a"), 3);
  EXPECT_EQ(message_of(aug_label(ctx, "/a").error()), "no matching nodes found");
  EXPECT_EQ(*aug_label(ctx, "/a"), "lbl");
  EXPECT_EQ(message_of(aug_setm(ctx, "/b", std::nullopt, "v").error()), "aug_setm: /b: (null): v: y");
  api::opt::aug_transform remove;
  remove.remove = true;
  EXPECT_EQ(message_of(aug_transform(ctx, "Hosts", "/etc/h", remove).error()),
            "aug_transform: Hosts: /etc/h: excl: z");
  EXPECT_TRUE(aug_transform(ctx, "Hosts", "/etc/h", {}));
}

TEST(AugClose, DropsTheTree) {
  MockPorts m;
  open_tree(m);
  auto ctx = m.ctx();
  EXPECT_TRUE(aug_close(ctx));
  EXPECT_FALSE(m.state.augeas);
}

}  // namespace
}  // namespace gfsd::domain
