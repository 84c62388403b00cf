// Doubles of ports::SleuthKit: a GoogleMock SleuthKit and image, and a
// scripted filesystem that plays a list of names to the walk.
// A test sets ctx.tsk = &mock.
#pragma once

#include <gmock/gmock.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ports/sleuthkit.hpp"

namespace gfsd::mocks {

class MockSleuthKit : public ports::SleuthKit {
 public:
  ~MockSleuthKit() override;
  MOCK_METHOD(bool, available, (), (override));
  MOCK_METHOD(Result<std::unique_ptr<ports::TskImage>>, open_image, (const std::string& device),
              (override));
};

class MockTskImage : public ports::TskImage {
 public:
  ~MockTskImage() override;
  MOCK_METHOD(Result<std::unique_ptr<ports::TskFilesystem>>, open_filesystem, (), (override));
};

// One name of a scripted walk, owning its strings.
struct ScriptedName {
  std::string parent;
  std::string name;
  uint64_t inode = 0;
  ports::TskEntry::Type type = ports::TskEntry::Type::Reg;
  bool is_root = false;
  bool unallocated = false;
  std::optional<ports::TskEntry::Meta> meta;  // its link view is replaced by `link`
  std::string link;
};

// Plays `names` in order; a failing visit stops it. With `tsk_error`, libtsk
// fails after the last name with that message. Counts walks, and tells
// `closed` when it is destroyed (the adapter closes libtsk's handle then).
class ScriptedTskFilesystem : public ports::TskFilesystem {
 public:
  explicit ScriptedTskFilesystem(std::vector<ScriptedName> names, bool* closed = nullptr)
      : names_(std::move(names)), closed_(closed) {}
  ~ScriptedTskFilesystem() override {
    if (closed_) *closed_ = true;
  }

  Result<void> walk(const Visit& visit) override {
    ++walks;
    for (const auto& n : names_) {
      ports::TskEntry e;
      e.parent = n.parent;
      e.name = n.name;
      e.inode = n.inode;
      e.type = n.type;
      e.is_root = n.is_root;
      e.unallocated = n.unallocated;
      std::optional<ports::TskEntry::Meta> meta = n.meta;
      if (meta) {
        meta->link = n.link;
        e.meta = &*meta;
      }
      auto r = visit(e);
      if (!r) return r;
    }
    if (tsk_error) return fail(*tsk_error);
    return {};
  }

  std::optional<std::string> tsk_error;
  int walks = 0;

 private:
  std::vector<ScriptedName> names_;
  bool* closed_;
};

// A MockTskImage handing out `fs` once.
inline std::unique_ptr<MockTskImage> image_with(std::unique_ptr<ports::TskFilesystem> fs) {
  auto image = std::make_unique<MockTskImage>();
  auto shared = std::make_shared<std::unique_ptr<ports::TskFilesystem>>(std::move(fs));
  EXPECT_CALL(*image, open_filesystem())
      .WillOnce([shared]() -> Result<std::unique_ptr<ports::TskFilesystem>> {
        return std::move(*shared);
      });
  return image;
}

}  // namespace gfsd::mocks
