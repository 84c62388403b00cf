#!/usr/bin/env python3
"""A stand-in hypervisor (LIBGUESTFS_HV) that runs a daemon on this host, no VM.

The library probes the hypervisor (-help, -device ?, -qmp ...) before launching; those
runs have no -kernel argument and go to the real qemu. The launch run connects to the
socket named in `-chardev socket,path=P,id=channel0` and runs the daemon named by
$GFSD_BENCH_DAEMON on it with `--channel fd:N`, in a private mount namespace with a
tmpfs on /sysroot (so neither daemon can touch this machine's files). stdin/stdout
stay open: the library takes their closing as the appliance dying. On SIGTERM (the
library's shutdown) the daemon is stopped and we exit 0. If $GFSD_BENCH_RSS_FILE is
set, the daemon's peak RSS in KiB and its CPU seconds (user +
system) are written there.

The peak is the daemon's own high-water mark (VmHWM), sampled every 10 ms until it
exits: wait4's ru_maxrss would also count this Python process's image, which the
forked child carries until its exec (about 11 MB, more than our daemon's own peak),
and the daemon's children.
"""
import os
import re
import signal
import socket
import sys
import threading
import time

REAL_QEMU = os.environ.get("GFSD_BENCH_QEMU", "/usr/bin/qemu-system-x86_64")


def channel_path(argv):
    for i, a in enumerate(argv):
        if a == "-chardev" and i + 1 < len(argv) and "id=channel0" in argv[i + 1]:
            m = re.search(r"path=([^,]+)", argv[i + 1])
            if m:
                return m.group(1)
    return None


def main():
    argv = sys.argv[1:]
    if "-kernel" not in argv:
        os.execv(REAL_QEMU, [REAL_QEMU] + argv)

    path = channel_path(argv)
    if path is None:
        sys.exit("fake-hv: no -chardev ...,id=channel0 in the command line")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.connect(path)
    fd = sock.fileno()
    os.set_inheritable(fd, True)

    daemon = os.environ["GFSD_BENCH_DAEMON"]
    sysroot_size = os.environ.get("GFSD_BENCH_SYSROOT_SIZE", "2g")
    # The original daemon needs /dev/disk/by-path; an empty tmpfs also hides our disks.
    script = ("set -e; mkdir -p /sysroot /dev/disk; mount -t tmpfs tmpfs /dev/disk; "
              "mkdir -p /dev/disk/by-path; "
              f"mount -t tmpfs -o size={sysroot_size} tmpfs /sysroot; "
              'exec "$0" "$@"')
    pid = os.fork()
    if pid == 0:
        os.execvp("unshare", ["unshare", "-m", "--propagation", "private",
                              "sh", "-c", script, daemon, "--channel", f"fd:{fd}"])
    sock.close()

    def stop(_signum, _frame):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass

    signal.signal(signal.SIGTERM, stop)
    peak = {"kb": 0}

    # VmHWM only grows within one image, so the last reading before the exit is the
    # daemon's peak (the first ones are of this Python image, before the exec).
    def sample():
        while True:
            try:
                with open(f"/proc/{pid}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peak["kb"] = int(line.split()[1])
            except (FileNotFoundError, ProcessLookupError, ValueError):
                return
            time.sleep(0.01)

    threading.Thread(target=sample, daemon=True).start()
    while True:
        try:
            _, status, rusage = os.wait4(pid, 0)
            break
        except InterruptedError:
            continue
    rss_file = os.environ.get("GFSD_BENCH_RSS_FILE")
    if rss_file:
        with open(rss_file, "w") as f:
            f.write(f"{peak['kb']} {rusage.ru_utime + rusage.ru_stime:.3f}\n")
    sys.exit(0)


if __name__ == "__main__":
    main()
