#!/usr/bin/env python3
"""Writes the binary files a phony Windows guest needs, from scratch.

  windows_files.py hive OUT        an empty registry hive (regf) with one root key
  windows_files.py pe32plus OUT    a tiny PE32+ x86-64 console executable header

The hive is the smallest one libhivex accepts and can write to: a header
block, one 4 KiB hbin holding the root key (nk), its security record (sk)
and one free cell. hivexregedit --merge then fills it from a .reg file.
"""
import struct
import sys

PAGE = 4096


def cell(payload, size=None):
    """A used cell: negative size (header included), 8-byte aligned."""
    n = size or (4 + len(payload) + 7) // 8 * 8
    return struct.pack("<i", -n) + payload + b"\0" * (n - 4 - len(payload))


def hive():
    root_off = 0x20                      # offsets are relative to the first hbin
    name = b"ROOT"
    nk_len = (4 + 0x4C + len(name) + 7) // 8 * 8
    sk_off = root_off + nk_len
    # Self-relative security descriptor: revision 1, DACL present but NULL.
    sd = struct.pack("<BBHIIII", 1, 0, 0x8004, 0, 0, 0, 0)
    sk = b"sk" + struct.pack("<HIIII", 0, sk_off, sk_off, 1, len(sd)) + sd
    nk = (b"nk" + struct.pack("<HQIIIIIIIIIIIIIIIHH", 0x2C, 0, 0, 0, 0, 0,
                              0xFFFFFFFF, 0xFFFFFFFF, 0, 0xFFFFFFFF, sk_off, 0xFFFFFFFF,
                              0, 0, 0, 0, 0, len(name), 0) + name)
    cells = cell(nk, nk_len) + cell(sk)
    free = PAGE - 0x20 - len(cells)
    cells += struct.pack("<i", free) + b"\0" * (free - 4)
    hbin = b"hbin" + struct.pack("<IIQQI", 0, PAGE, 0, 0, 0) + cells
    assert len(hbin) == PAGE

    header = bytearray(PAGE)
    struct.pack_into("<4sIIQIIIIIII", header, 0, b"regf", 1, 1, 0, 1, 3, 0, 1,
                     root_off, PAGE, 1)
    checksum = 0
    for (word,) in struct.iter_unpack("<I", bytes(header[:0x1FC])):
        checksum ^= word
    checksum = {0: 1, 0xFFFFFFFF: 0xFFFFFFFE}.get(checksum, checksum)
    struct.pack_into("<I", header, 0x1FC, checksum)
    return bytes(header) + hbin


def pe32plus():
    """DOS stub pointing at a PE header: AMD64, executable, console subsystem."""
    out = bytearray(0x200)
    out[0:2] = b"MZ"
    struct.pack_into("<I", out, 0x3C, 0x80)
    out[0x80:0x84] = b"PE\0\0"
    # COFF: machine, sections, time, symtab, nsyms, optional header size, characteristics
    struct.pack_into("<HHIIIHH", out, 0x84, 0x8664, 0, 0, 0, 0, 0xF0, 0x0022)
    opt = 0x98
    struct.pack_into("<H", out, opt, 0x20B)             # PE32+
    struct.pack_into("<H", out, opt + 68, 3)            # IMAGE_SUBSYSTEM_WINDOWS_CUI
    struct.pack_into("<I", out, opt + 108, 16)          # NumberOfRvaAndSizes
    return bytes(out)


def main():
    what, path = sys.argv[1], sys.argv[2]
    data = {"hive": hive, "pe32plus": pe32plus}[what]()
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
