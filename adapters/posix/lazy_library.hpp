// A shared library loaded on first use (dlopen) with a table of its functions,
// so that a library only some actions need (augeas, hivex, librpm: inspection
// and the aug_* / hivex_* actions) is neither mapped nor relocated at every
// daemon start: less start-up time and memory for every session that never
// inspects. Shared by the augeas, hivex and rpm adapters (check_layers allows it).
//
// An adapter lists the library's functions in an X-macro and declares, in its
// anonymous namespace, the table type, library() (loads on first get()) and
// lib() (the table, once library().get() has succeeded):
//
//   #define MY_FUNCTIONS(X) X(lib_open) X(lib_close)
//   GFSD_LAZY_API(MyApi, MY_FUNCTIONS, "libmy.so.1")
//   ... if (auto api = library().get(); !api) return forward(api.error());
//   ... lib().lib_open(...)
#pragma once

#include <dlfcn.h>

#include <mutex>
#include <string>

#include "ports/result.hpp"

namespace gfsd::adapters::lazy {

template <class Api>
class Library {
 public:
  explicit Library(const char* soname) : soname_(soname) {}

  // The table, the library loaded the first time (from any thread, once);
  // the error names the library and what failed.
  Result<const Api*> get() {
    std::call_once(once_, [this] { load(); });
    if (!error_.empty()) return fail(error_);
    return &api_;
  }
  // The table once get() has succeeded.
  const Api& loaded() const { return api_; }

 private:
  void load() {
    // Never closed: the functions stay in use for the daemon's life.
    void* handle = ::dlopen(soname_, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      error_ = std::string("cannot load ") + soname_ + ": " + ::dlerror();
      return;
    }
    std::string missing;
    if (!api_.bind(handle, missing)) error_ = std::string(soname_) + " has no " + missing;
  }

  const char* soname_;
  std::once_flag once_;
  std::string error_;
  Api api_;
};

template <class Pointer>
bool bind_symbol(void* handle, const char* name, Pointer& out, std::string& missing) {
  out = reinterpret_cast<Pointer>(::dlsym(handle, name));
  if (!out && missing.empty()) missing = name;
  return out != nullptr;
}

}  // namespace gfsd::adapters::lazy

#define GFSD_LAZY_MEMBER(f) decltype(&::f) f = nullptr;
#define GFSD_LAZY_BIND(f) ok = ::gfsd::adapters::lazy::bind_symbol(handle, #f, f, missing) && ok;
#define GFSD_LAZY_API(API, LIST, SONAME)                      \
  struct API {                                               \
    LIST(GFSD_LAZY_MEMBER)                                   \
    bool bind(void* handle, std::string& missing) {          \
      bool ok = true;                                        \
      LIST(GFSD_LAZY_BIND)                                   \
      return ok;                                             \
    }                                                        \
  };                                                         \
  ::gfsd::adapters::lazy::Library<API>& library() {          \
    static ::gfsd::adapters::lazy::Library<API> lib(SONAME); \
    return lib;                                              \
  }                                                          \
  const API& lib() { return library().loaded(); }
