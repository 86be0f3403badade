#!/usr/bin/env python3
"""Lets TorchSharp 0.107's native library load on Debian 12, for the benchmark's own copy only.

Why: libLibTorchSharp.so from the TorchSharp 0.107.0 package is built with GCC 13 and names the
version GLIBCXX_3.4.32 among its needs. Debian 12's libstdc++ (GCC 12) stops at GLIBCXX_3.4.30, so
the dynamic loader refuses the whole library ("version `GLIBCXX_3.4.32' not found"), although the
only symbol bound to that version is std::ios_base_library_init(), a hook GCC 13 emits into every
file that includes <iostream>. The loader binds it lazily and nothing calls it, so renaming the
need to GLIBCXX_3.4.30 (and fixing its ELF hash) is enough for the library to load and run.
Systems with GCC 13's libstdc++ or newer (Ubuntu 24.04, Debian 13) run TorchSharp unmodified, and
this script then changes nothing.

Never point this at a file the lab itself uses: run-train-bench.sh applies it to the copy in
benchmarks/ArithLab.TorchSharpPeer/bin/ after each build of the TorchSharp peer.

Usage: patch-glibcxx.py path/to/libLibTorchSharp.so
"""
import struct
import subprocess
import sys

NEEDED, SUPPORTED = b"GLIBCXX_3.4.32", b"GLIBCXX_3.4.30"
SHT_GNU_VERNEED = 0x6FFFFFFE


def elf_hash(name: bytes) -> int:
    # The System V ELF hash (gABI, "Hash Table"), which vna_hash holds for the version name.
    h = 0
    for c in name:
        h = ((h << 4) + c) & 0xFFFFFFFF
        g = h & 0xF0000000
        if g:
            h ^= g >> 24
        h &= ~g & 0xFFFFFFFF
    return h


def system_has(version: bytes) -> bool:
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    paths = [line.split("=>")[-1].strip() for line in out.splitlines() if "libstdc++.so.6 " in line]
    return any(version in open(p, "rb").read() for p in paths)


def patch(path: str) -> int:
    data = bytearray(open(path, "rb").read())
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        sys.exit(f"{path}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
    changed = 0
    for _name, sh_type, _flags, _addr, offset, _size, link, info, _align, _entsize in sections:
        if sh_type != SHT_GNU_VERNEED:
            continue
        strtab = sections[link][4]  # the .dynstr that the version names point into
        need = offset
        for _ in range(info):  # Verneed entries: vn_version, vn_cnt, vn_file, vn_aux, vn_next
            _ver, count, _file, aux, next_need = struct.unpack_from("<HHIII", data, need)
            entry = need + aux
            for _ in range(count):  # Vernaux entries: vna_hash, vna_flags, vna_other, vna_name, vna_next
                _hash, _flags, _other, name, next_aux = struct.unpack_from("<IHHII", data, entry)
                start = strtab + name
                if data[start:start + len(NEEDED) + 1] == NEEDED + b"\0":
                    data[start:start + len(NEEDED)] = SUPPORTED
                    struct.pack_into("<I", data, entry, elf_hash(SUPPORTED))
                    changed += 1
                entry += next_aux
                if next_aux == 0:
                    break
            need += next_need
            if next_need == 0:
                break
    if changed:
        open(path, "wb").write(data)
    return changed


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    if system_has(NEEDED):
        print(f"patch-glibcxx: this system's libstdc++ has {NEEDED.decode()}; {path} left as shipped")
        return
    n = patch(path)
    print(f"patch-glibcxx: {path}: {n} version need(s) {NEEDED.decode()} -> {SUPPORTED.decode()}"
          if n else f"patch-glibcxx: {path}: no {NEEDED.decode()} need (already patched)")


if __name__ == "__main__":
    main()
