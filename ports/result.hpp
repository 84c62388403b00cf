// Error values travel as data: every fallible operation returns Result<T>.
// errnum == 0 means "no errno" (the wire carries an empty errno string).
#pragma once

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace gfsd {

struct Error {
  // Not an aggregate, so that Error{errnum, message} may leave path out.
  Error(int errnum_ = 0, std::string message_ = {}, std::string path_ = {})
      : errnum(errnum_), message(std::move(message_)), path(std::move(path_)) {}

  int errnum = 0;
  std::string message;
  // The guest path the error is about, as data, where a port promises it
  // (Filesystem::remove_tree), so that a caller can word its own message
  // around it instead of taking the message apart. Empty otherwise.
  std::string path;
};

template <class T = void>
class [[nodiscard]] Result : public tl::expected<T, Error> {
 public:
  using tl::expected<T, Error>::expected;
  Result(tl::unexpected<Error> e) : tl::expected<T, Error>(std::move(e)) {}  // NOLINT: implicit by design
};

// An error without errno: the library shows the message as it is.
inline tl::unexpected<Error> fail(std::string message) {
  return tl::unexpected<Error>(Error{0, std::move(message)});
}

// An error with errno, worded like perror: "<what>: <strerror(errnum)>".
inline tl::unexpected<Error> fail_errno(int errnum, const std::string& what) {
  return tl::unexpected<Error>(Error{errnum, what + ": " + std::strerror(errnum)});
}

// fail_errno(errnum, path) that also carries path as data (Error::path).
inline tl::unexpected<Error> fail_errno_at(int errnum, const std::string& path) {
  return tl::unexpected<Error>(Error{errnum, path + ": " + std::strerror(errnum), path});
}

// An error with errno but a message of our own choosing (no strerror suffix).
inline tl::unexpected<Error> fail_with(int errnum, std::string message) {
  return tl::unexpected<Error>(Error{errnum, std::move(message)});
}

// Passes an Error along unchanged, optionally prefixing its message.
inline tl::unexpected<Error> forward(const Error& e) { return tl::unexpected<Error>(e); }

}  // namespace gfsd

// Propagate the error of a Result expression, one line at the call site.
#define GFSD_TRY(expr)                                   \
  do {                                                   \
    auto gfsd_try_result_ = (expr);                      \
    if (!gfsd_try_result_) return ::gfsd::forward(gfsd_try_result_.error()); \
  } while (0)
