"""source.write_atomic and source.encode: the bytes a fix writes back (SPEC §8)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from termlint import source
from termlint.source import SourceError, encode, read_source, write_atomic


def test_encode_puts_the_bom_back() -> None:
    assert encode("caf\u00e9\r\n", has_bom=True) == b"\xef\xbb\xbfcaf\xc3\xa9\r\n"
    assert encode("caf\u00e9", has_bom=False) == b"caf\xc3\xa9"


def test_read_then_write_round_trips_every_byte(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbfone\r\ntwo\nthree\rfour"
    path = tmp_path / "doc.md"
    path.write_bytes(data)
    read = read_source(path)
    assert write_atomic(path, read.text, has_bom=read.has_bom, original=read.data) is True
    assert path.read_bytes() == data


@pytest.mark.parametrize("mode", [0o640, 0o755, 0o444])
def test_mode_is_copied(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(b"old\n")
    path.chmod(mode)
    assert write_atomic(path, "new\n", has_bom=False, original=b"old\n") is True
    assert path.read_bytes() == b"new\n"
    assert stat.S_IMODE(path.stat().st_mode) == mode


def test_changed_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(b"someone else's text\n")
    assert write_atomic(path, "ours\n", has_bom=False, original=b"what we read\n") is False
    assert path.read_bytes() == b"someone else's text\n"
    assert os.listdir(tmp_path) == ["doc.md"]


def test_change_during_the_write_is_noticed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(b"what we read\n")
    real_fsync = os.fsync

    def fsync_while_another_writer_saves(descriptor: int) -> None:
        real_fsync(descriptor)
        if path.read_bytes() == b"what we read\n":
            path.write_bytes(b"the other writer's text\n")

    monkeypatch.setattr(source.os, "fsync", fsync_while_another_writer_saves)
    assert write_atomic(path, "ours\n", has_bom=False, original=b"what we read\n") is False
    assert path.read_bytes() == b"the other writer's text\n"
    assert os.listdir(tmp_path) == ["doc.md"]


def test_temporary_file_is_ours_and_in_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(b"old\n")
    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def recording_replace(src: str, dst: str) -> None:
        renames.append((str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(source.os, "replace", recording_replace)
    write_atomic(path, "new\n", has_bom=False, original=b"old\n")
    [(temporary, target)] = renames
    assert target == str(path)
    assert os.path.dirname(temporary) == str(tmp_path)
    assert os.path.basename(temporary).startswith(".doc.md.termlint-tmp-")


def test_interrupted_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "doc.md"
    path.write_bytes(b"old\n")

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(source.os, "fsync", disk_full)
    with pytest.raises(SourceError, match=r"^cannot write file: No space left on device$"):
        write_atomic(path, "new\n", has_bom=False, original=b"old\n")
    assert path.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["doc.md"]


def test_symlink_is_kept_and_its_target_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "real.md"
    target.write_bytes(b"old\n")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert write_atomic(link, "new\n", has_bom=False, original=b"old\n") is True
    assert link.is_symlink()
    assert target.read_bytes() == b"new\n"
