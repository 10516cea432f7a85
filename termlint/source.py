"""Bytes at the edge: reading a file into decoded text (and, for fixes, writing it back)."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


class SourceError(Exception):
    """The file cannot be read or decoded; becomes a read-error finding."""


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    text: str  # decoded, without the BOM
    has_bom: bool
    data: bytes  # the bytes as read, to notice a change before writing


def decode(data: bytes) -> tuple[str, bool]:
    """UTF-8 text without its BOM, and whether there was one; SourceError otherwise."""
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


def read_source(path: Path) -> SourceFile:
    try:
        data = path.read_bytes()
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
    temporary = target.with_name(f".{target.name}.termlint-tmp-{secrets.token_hex(4)}")
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
