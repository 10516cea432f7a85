"""Bytes at the edge: reading a file into decoded text (and, for fixes, writing it back)."""

from __future__ import annotations

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
