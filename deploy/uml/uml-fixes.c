/* Preloaded into Debian 12's UML kernel (/usr/bin/linux, 6.1) by uml-hv: two fixes of
 * that kernel, made from the outside since the kernel is a host program.
 *
 * 1. FPU state on newer CPUs.
 *
 * Why: UML keeps each guest task's FPU state in a fixed 832-byte buffer (legacy area,
 * XSAVE header, AVX) and hands that buffer to PTRACE_SETREGSET(NT_X86_XSTATE). Newer host
 * kernels accept that request only with the host's whole user XSAVE size (about 2.7 KiB
 * with AVX-512, 11 KiB with AMX) and answer EFAULT otherwise, so on such CPUs the first
 * guest process dies ("ptrace set fp regs failed, errno = 14") and the kernel panics.
 *
 * What: every XSTATE GET fills a full-size shadow buffer kept per UML buffer address and
 * copies UML's share out of it; every XSTATE SET writes UML's share over that shadow (or,
 * for a buffer never read before, over the process's current state) and sets the whole
 * state. So each guest task keeps all of its register state, AVX-512 and AMX included.
 * Every other ptrace request goes to libc unchanged.
 *
 * 2. Serial input that stops for good.
 *
 * Why: when the guest's tty buffer fills (a reader slower than a burst of more than about
 * 4 KiB, such as an upload's chunks), the tty layer throttles the line; the UML line
 * driver's throttle removes the host descriptor from its interrupt set, and its unthrottle
 * reads once what is pending but never puts the descriptor back. From then on nothing
 * reads that line until the next throttle, which never comes: the daemon waits forever
 * for a request that sits in the host socket.
 *
 * What: the driver's throttle function becomes a plain return. Nothing is lost by that:
 * the driver only takes a byte from the host when the tty's flip buffer has room (64 KiB),
 * and retries every tick while it has none. The function is found by its exact machine
 * code next to its unthrottle twin (the same structure offsets in both); if this kernel
 * build does not have that code, nothing is patched and a warning says so.
 *
 * 3. Serial input one byte per system call.
 *
 * Why: the driver's reader takes one byte per read() of the host descriptor, so the
 * library's uploads came in at about 1.7 MB/s.
 *
 * What: one-byte reads of the channel's descriptor (UML_FIXES_CHANNEL_FD, set by uml-hv)
 * are served from a 64 KiB buffer that one read() fills. The driver still sees EAGAIN
 * only when the buffer and the socket are both empty, so its edge-triggered interrupts
 * stay right; the buffer has one reader at a time (fix 2 makes the reader exclusive).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/types.h>
#include <signal.h>
#include <sys/uio.h>

#ifndef NT_X86_XSTATE
#define NT_X86_XSTATE 0x202
#endif

typedef long (*ptrace_fn)(int, pid_t, void *, void *);

enum { kMaxXstate = 64 * 1024, kSlots = 4096 };

struct slot {
  void *key;
  unsigned char *full;
};

static struct slot slots[kSlots];
static size_t full_size;

static ptrace_fn real_ptrace(void) {
  static ptrace_fn fn;
  if (!fn) fn = (ptrace_fn)dlsym(RTLD_NEXT, "ptrace");
  return fn;
}

/* A scratch buffer and the shadows come from mmap: UML may call ptrace with signals
 * blocked in odd places, and malloc is not ours to use there. */
static unsigned char *scratch(void) {
  static unsigned char *buf;
  if (!buf) {
    void *p = mmap(NULL, kMaxXstate, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p != MAP_FAILED) buf = p;
  }
  return buf;
}

static struct slot *find_slot(void *key, int create) {
  size_t h = ((uintptr_t)key >> 4) % kSlots;
  for (size_t n = 0; n < kSlots; n++, h = (h + 1) % kSlots) {
    if (slots[h].key == key) return &slots[h];
    if (slots[h].key == NULL) {
      if (!create || full_size == 0) return NULL;
      void *p = mmap(NULL, full_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      if (p == MAP_FAILED) return NULL;
      slots[h].key = key;
      slots[h].full = p;
      return &slots[h];
    }
  }
  return NULL;
}

/* The kernel shortens iov_len to the regset's size: a big buffer tells the full size. */
static long get_full(pid_t pid, unsigned char *buf) {
  struct iovec iov = {buf, kMaxXstate};
  long r = real_ptrace()(PTRACE_GETREGSET, pid, (void *)(uintptr_t)NT_X86_XSTATE, &iov);
  if (r == 0) full_size = iov.iov_len;
  return r;
}

long ptrace(enum __ptrace_request request, ...) {
  va_list ap;
  va_start(ap, request);
  pid_t pid = va_arg(ap, pid_t);
  void *addr = va_arg(ap, void *);
  void *data = va_arg(ap, void *);
  va_end(ap);

  if ((request == PTRACE_GETREGSET || request == PTRACE_SETREGSET) &&
      (uintptr_t)addr == NT_X86_XSTATE && data != NULL && scratch() != NULL) {
    struct iovec *uml = data;
    unsigned char *buf = scratch();
    int saved = errno;
    if (get_full(pid, buf) == 0 && uml->iov_len < full_size) {
      errno = saved;
      if (request == PTRACE_GETREGSET) {
        struct slot *s = find_slot(uml->iov_base, 1);
        if (s) memcpy(s->full, buf, full_size);
        memcpy(uml->iov_base, buf, uml->iov_len);
        return 0;
      }
      struct slot *s = find_slot(uml->iov_base, 0);
      unsigned char *base = s ? s->full : buf;
      memcpy(base, uml->iov_base, uml->iov_len);
      struct iovec iov = {base, full_size};
      return real_ptrace()(PTRACE_SETREGSET, pid, addr, &iov);
    }
    errno = saved;
  }
  return real_ptrace()(request, pid, addr, data);
}

/* ---- 2. the line driver's throttle ---------------------------------------------------- */

/* One byte of the code, or a wildcard (-1). */
static const int throttle_code[] = {
    /* line_throttle: line = tty->driver_data; deactivate_chan(line->chan_in, line->read_irq);
       line->throttled = 1; */
    0x55, 0x48, 0x89, 0xe5, 0x53, 0x50, 0x48, 0x8b, 0x9f, -1, -1, -1, -1,      /* 0 */
    0x48, 0xb8, -1, -1, -1, -1, -1, -1, -1, -1,                               /* 13 */
    0x8b, 0xb3, -1, -1, -1, -1, 0x48, 0x8b, 0xbb, -1, -1, -1, -1,             /* 23 */
    0xff, 0xd0, 0xc7, 0x83, -1, -1, -1, -1, 0x01, 0x00, 0x00, 0x00,           /* 36 */
    0x5a, 0x5b, 0x5d, 0xc3,                                                   /* 48 */
    /* line_unthrottle: line->throttled = 0; chan_interrupt(line, line->read_irq); */
    0x55, 0x48, 0x8b, 0xbf, -1, -1, -1, -1, 0x31, 0xc0, 0x89, 0x87, -1, -1, -1, -1, /* 52 */
    0x8b, 0xb7, -1, -1, -1, -1, 0x48, 0xb8, -1, -1, -1, -1, -1, -1, -1, -1,   /* 68 */
    0x48, 0x89, 0xe5, 0xff, 0xd0, 0x5d, 0xc3,                                 /* 84 */
};
enum { kCodeLen = sizeof throttle_code / sizeof throttle_code[0] };

static int is_line_throttle(const unsigned char *p) {
  for (int i = 0; i < kCodeLen; i++)
    if (throttle_code[i] >= 0 && p[i] != throttle_code[i]) return 0;
  /* The same fields in both functions: driver_data, throttled, read_irq. */
  return memcmp(p + 9, p + 56, 4) == 0 && memcmp(p + 40, p + 64, 4) == 0 &&
         memcmp(p + 25, p + 70, 4) == 0;
}

typedef void (*chan_interrupt_fn)(void *line, int irq);
static chan_interrupt_fn chan_interrupt;

/* The driver reads the host descriptor from three places: its interrupt handler, its
 * unthrottle and a timer (when the tty's buffer was full). The last two run in process
 * context with interrupts on, so an interrupt for new input could run the same reader in
 * the middle of theirs: bytes come out of order or are lost. With SIGIO (UML's interrupts
 * for host descriptors) blocked around every call, the host holds the interrupt until the
 * reader is done. */
static void chan_interrupt_alone(void *line, int irq) {
  sigset_t io, old;
  sigemptyset(&io);
  sigaddset(&io, SIGIO);
  sigprocmask(SIG_BLOCK, &io, &old);
  chan_interrupt(line, irq);
  sigprocmask(SIG_SETMASK, &old, NULL);
}

struct text {
  unsigned char *base;
  size_t len;
};

static int main_text(struct dl_phdr_info *info, size_t size, void *data) {
  (void)size;
  struct text *t = data;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X) && ph->p_filesz > t->len) {
      t->base = (unsigned char *)(info->dlpi_addr + ph->p_vaddr);
      t->len = ph->p_filesz;
    }
  }
  return 1; /* the main program only: it comes first */
}

static int writable(void *at, size_t n, int on) {
  long page = sysconf(_SC_PAGESIZE);
  uintptr_t start = (uintptr_t)at & ~(uintptr_t)(page - 1);
  return mprotect((void *)start, (uintptr_t)at + n - start,
                  PROT_READ | PROT_EXEC | (on ? PROT_WRITE : 0));
}

static void say(const char *msg, long n) {
  if (getenv("UML_FIXES_VERBOSE")) fprintf(stderr, "uml-fixes: %s (%ld)\n", msg, n);
}

__attribute__((constructor)) static void patch_line_driver(void) {
  struct text t = {NULL, 0};
  dl_iterate_phdr(main_text, &t);
  if (!t.base || t.len < kCodeLen) return;

  unsigned char *throttle = NULL;
  int found = 0;
  for (size_t off = 0; off + kCodeLen <= t.len; off++) {
    if (t.base[off] == 0x55 && is_line_throttle(t.base + off)) {
      throttle = t.base + off;
      found++;
    }
  }
  if (found != 1) {
    /* Another UML build, or a helper program the kernel runs. */
    say("line_throttle not found: not patched, serial input may stall", found);
    return;
  }
  uint64_t target;
  memcpy(&target, throttle + 76, 8); /* line_unthrottle's call of chan_interrupt */
  chan_interrupt = (chan_interrupt_fn)(uintptr_t)target;

  /* Every `movabs $chan_interrupt, %rax` in the text. */
  unsigned char call[10] = {0x48, 0xb8};
  memcpy(call + 2, &target, 8);
  unsigned char *sites[8];
  int nsites = 0;
  for (unsigned char *p = t.base; p + sizeof call <= t.base + t.len; p++) {
    p = memmem(p, t.base + t.len - p, call, sizeof call);
    if (!p) break;
    if (nsites == 8) {
      say("too many callers of chan_interrupt: not patched", nsites);
      return;
    }
    sites[nsites++] = p;
  }
  if (nsites < 2) {
    say("callers of chan_interrupt not found: not patched", nsites);
    return;
  }
  uint64_t alone = (uint64_t)(uintptr_t)chan_interrupt_alone;
  for (int i = 0; i < nsites; i++) {
    if (writable(sites[i], sizeof call, 1) != 0) return;
    memcpy(sites[i] + 2, &alone, 8);
    writable(sites[i], sizeof call, 0);
  }
  if (writable(throttle, 1, 1) != 0) return;
  throttle[0] = 0xc3; /* line_throttle: ret */
  writable(throttle, 1, 0);
  say("line_throttle made a no-op; callers of chan_interrupt made exclusive", nsites);
}

/* ---- 3. the channel's reads --------------------------------------------------------- */

typedef ssize_t (*read_fn)(int, void *, size_t);
static int channel_fd = -1;
static unsigned char channel_buf[64 * 1024];
static size_t channel_pos, channel_len;

__attribute__((constructor)) static void find_channel(void) {
  const char *fd = getenv("UML_FIXES_CHANNEL_FD");
  if (fd && *fd) channel_fd = atoi(fd);
}

ssize_t read(int fd, void *buf, size_t n) {
  static read_fn real_read;
  if (!real_read) real_read = (read_fn)dlsym(RTLD_NEXT, "read");
  if (fd != channel_fd || n != 1) return real_read(fd, buf, n);
  if (channel_pos == channel_len) {
    ssize_t got = real_read(fd, channel_buf, sizeof channel_buf);
    if (got <= 0) return got; /* errno (EAGAIN...) as the driver expects */
    channel_pos = 0;
    channel_len = (size_t)got;
  }
  *(unsigned char *)buf = channel_buf[channel_pos++];
  return 1;
}
