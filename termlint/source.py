"""Bytes at the edge: reading a file into decoded text (and, for fixes, writing it back)."""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from termlint.leftovers import temporary_name

BOM = "\ufeff"


class SourceError(Exception):
    """The file cannot be read or decoded; becomes a read-error finding."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    text: str  # decoded, without the BOM
    has_bom: bool
    data: bytes  # the bytes as read, to notice a change before writing


# Byte order marks of the encodings termlint does not read, longest first (UTF-32 LE
# starts with UTF-16 LE's mark). A file that has one and decodes in that encoding is
# named as such in its read-error, so the fix is obvious.
_FOREIGN_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32", "UTF-32 (little-endian)"),
    (b"\x00\x00\xfe\xff", "utf-32", "UTF-32 (big-endian)"),
    (b"\xff\xfe", "utf-16", "UTF-16 (little-endian)"),
    (b"\xfe\xff", "utf-16", "UTF-16 (big-endian)"),
)


def _is_encoded_as(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 text without its BOM, and whether there was one; SourceError otherwise."""
    for mark, codec, name in _FOREIGN_BOMS:
        if data.startswith(mark) and _is_encoded_as(data, codec):
            raise SourceError(f"file is {name} text; termlint reads UTF-8 only")
    if b"\x00" in data:
        raise SourceError("file holds a NUL byte (binary file?)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(
            f"file is not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from None
    if text.startswith(BOM):
        return text[1:], True
    return text, False


# Opening a FIFO for reading would wait for a writer: O_NONBLOCK returns at once, and the
# fstat below then refuses anything that is not a regular file (FIFOs, devices, folders).
READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


_READ_SIZE = 1 << 20  # most documents in one read (and one more that finds the end)


def read_file_bytes(path: str | Path) -> bytes:
    """The whole file through plain system calls (a run served from the cache reads every
    file, and a file object costs a quarter of reading a small one), for the caches.

    Opened without blocking: a FIFO or a device (a read could block, or never end) is an
    OSError, as is anything else a read fails on (a folder, say)."""
    descriptor = os.open(path, READ_FLAGS)
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
            raise OSError("not a regular file (a FIFO or device?)")
        chunks = []
        while chunk := os.read(descriptor, _READ_SIZE):
            chunks.append(chunk)
        return b"".join(chunks)  # one chunk: that very object
    finally:
        os.close(descriptor)


def read_source(path: Path) -> SourceFile:
    try:
        descriptor = os.open(path, READ_FLAGS)
        with os.fdopen(descriptor, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise SourceError("not a regular file (a FIFO, device or folder?)")
            data = handle.read()
    except OSError as error:
        raise SourceError(f"cannot read file: {error.strerror or error}") from None
    text, has_bom = decode(data)
    return SourceFile(path=path, text=text, has_bom=has_bom, data=data)


def encode(text: str, *, has_bom: bool) -> bytes:
    """UTF-8 bytes of `text`, with the BOM put back when the file had one."""
    return ((BOM if has_bom else "") + text).encode("utf-8")


def write_atomic(path: Path, text: str, *, has_bom: bool, original: bytes) -> bool:
    """Replace the file's content atomically; False (file untouched) if it changed since read.

    The new bytes go to a temporary file in the same folder, are flushed to disk and
    take the original's mode; only then does a rename put them in place, so an
    interrupted run leaves the old file or the new one, never a truncated one. A
    symlink is kept: its target is rewritten. Raises SourceError when writing fails.
    """
    target = Path(os.path.realpath(path))
    temporary = target.with_name(temporary_name(target.name))  # see leftovers.py
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(encode(text, has_bom=has_bom))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        # Checked last, to keep the window in which another writer could slip in small.
        if target.read_bytes() != original:
            os.unlink(temporary)
            return False
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        raise SourceError(f"cannot write file: {error.strerror or error}") from None
    _sync_folder(target.parent)
    return True


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some systems cannot open a folder, which is fine."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(descriptor)
    finally:
        os.close(descriptor)
