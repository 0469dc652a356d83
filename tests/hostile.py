"""Hostile inputs for the file and archive checks of ``core.reading``, generated, never committed.

``python -m tests.hostile DIR`` writes every one into DIR and prints name and
size. The tests call ``make(name, folder)`` for the one they need. The big ones
are small on disk and huge unpacked, which is the point:

- ``bomb.csv.gz`` / ``bomb.zip`` — 2 GB of sales lines packed into a few MB
  (a ratio far beyond any export's);
- ``large.csv.gz`` — ordinary, varied sales lines, about 90 MB unpacked at an
  ordinary ratio (for a test that lowers ``KAM_MAX_UNPACKED_MB`` below it);
- ``truncated.csv.gz`` — a gzip cut short; ``not_gzip.csv.gz`` — text named .gz;
- ``encrypted.zip`` — a member flagged as password-protected;
- ``bad_crc.zip`` — a member whose bytes do not match its checksum;
- ``two.zip`` — two CSV files in one zip;
- ``folder.csv`` — a folder named like a file; ``pipe.csv`` — a named pipe.
"""

from __future__ import annotations

import gzip
import io
import os
import random
import sys
import zipfile
import zlib
from pathlib import Path

GB = 2**30
HEADER = b"Date,Client,Amount\n"
LINE = b"2024-01-05,C1,100.00\n"
SMALL = HEADER + b"2024-01-05,C1,100.00\n2024-01-06,C2,50.50\n2024-02-01,C1,75.25\n"


def _repeated(total: int, chunk: int = 1 << 20):
    block = LINE * (chunk // len(LINE))
    yield HEADER
    left = total - len(HEADER)
    while left > 0:
        part = block[:left]
        left -= len(part)
        yield part


def gzip_bomb(path: Path, unpacked: int = 2 * GB) -> Path:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    with open(path, "wb") as out:
        for part in _repeated(unpacked):
            out.write(packer.compress(part))
        out.write(packer.flush())
    return path


def zip_bomb(path: Path, unpacked: int = 2 * GB) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("sales.csv", "w", force_zip64=True) as member:
            for part in _repeated(unpacked):
                member.write(part)
    return path


def large_gzip(path: Path, lines: int = 2_500_000) -> Path:
    rng = random.Random(7)
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(HEADER)
        batch = []
        for i in range(lines):
            batch.append(f"2024-{1 + i % 12:02d}-{1 + i % 28:02d},C{rng.randrange(100000)},{rng.random() * 1e4:.2f}\n")
            if len(batch) == 10_000:
                out.write("".join(batch).encode())
                batch = []
        out.write("".join(batch).encode())
    return path


def truncated_gzip(path: Path) -> Path:
    packed = gzip.compress(SMALL * 50)
    path.write_bytes(packed[: len(packed) // 2])
    return path


def not_gzip(path: Path) -> Path:
    path.write_bytes(SMALL)
    return path


def encrypted_zip(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("sales.csv", SMALL)
    data = bytearray(buffer.getvalue())
    # Set bit 0 of the general-purpose flags ("encrypted"), as a zip tool writes for a password,
    # in the local header (offset 6) and the central directory entry (offset 8).
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + offset
        data[at] |= 0x1
    path.write_bytes(bytes(data))
    return path


def bad_crc_zip(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("sales.csv", SMALL)
    data = bytearray(buffer.getvalue())
    at = data.index(b"2024-01-06")
    data[at : at + 4] = b"1999"  # the bytes change, the recorded CRC-32 does not
    path.write_bytes(bytes(data))
    return path


def two_member_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.csv", SMALL)
        archive.writestr("b.csv", SMALL)
    return path


def folder(path: Path) -> Path:
    path.mkdir(exist_ok=True)
    (path / "inside.csv").write_bytes(SMALL)
    return path


def pipe(path: Path) -> Path:
    if not path.exists():
        os.mkfifo(path)
    return path


MAKERS = {
    "bomb.csv.gz": gzip_bomb,
    "bomb.zip": zip_bomb,
    "large.csv.gz": large_gzip,
    "truncated.csv.gz": truncated_gzip,
    "not_gzip.csv.gz": not_gzip,
    "encrypted.zip": encrypted_zip,
    "bad_crc.zip": bad_crc_zip,
    "two.zip": two_member_zip,
    "folder.csv": folder,
    "pipe.csv": pipe,
}


def make(name: str, folder_path: Path) -> Path:
    """The hostile input ``name`` (a key of ``MAKERS``) inside ``folder_path``, made once."""
    path = Path(folder_path) / name
    if not path.exists():
        MAKERS[name](path)
    return path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    target.mkdir(parents=True, exist_ok=True)
    for name in MAKERS:
        made = make(name, target)
        size = made.stat().st_size if made.is_file() else 0
        print(f"{name}\t{size:,} bytes")
