"""The compiled-record cache on disk: a damaged, altered or foreign file is discarded with a
warning and rebuilt; it never gives a different answer and never runs code."""

from __future__ import annotations

import hashlib
import json
import pickle
import random
from pathlib import Path

import numpy as np
import pytest

from foederis.engine import cache
from foederis.engine.compile import Compiled
from foederis.rules.options import DEFAULT_OPTIONS


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FOEDERIS_CACHE_DIR", str(tmp_path))
    cache._memo.clear()
    yield tmp_path
    cache._memo.clear()


def _fresh() -> Compiled:
    cache._memo.clear()
    return cache.load_compiled(DEFAULT_OPTIONS)


def _same(a: Compiled, b: Compiled) -> bool:
    return (
        a.intervals == b.intervals
        and np.array_equal(a.key_start, b.key_start)
        and np.array_equal(a.status_code, b.status_code)
        and np.array_equal(a.bound_flag, b.bound_flag)
        and np.array_equal(a.interval_key, b.interval_key)
        and a.treaty == b.treaty
        and a.states == b.states
    )


def _write_with_header(path: Path, payload: bytes) -> None:
    key = path.name.removeprefix("compiled-").removesuffix(".bin")
    header = {
        "format": cache.FORMAT,
        "version": cache.VERSION,
        "key": key,
        "bytes": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    path.write_bytes(json.dumps(header).encode() + b"\n" + payload)


def test_single_bit_flips_never_give_a_wrong_answer(cache_home: Path, capsys: pytest.CaptureFixture) -> None:
    reference = _fresh()
    path = cache.cache_path(DEFAULT_OPTIONS)
    good = path.read_bytes()
    rng = random.Random(16)
    flips = 300
    rebuilt = 0
    for _ in range(flips):
        data = bytearray(good)
        bit = rng.randrange(len(data) * 8)
        data[bit // 8] ^= 1 << (bit % 8)
        path.write_bytes(bytes(data))
        got = _fresh()
        assert _same(got, reference), f"bit {bit} gave a different compiled record"
        warned = "discarding the compiled-record cache" in capsys.readouterr().err
        rebuilt += warned
        assert path.read_bytes() == good or not warned  # a discarded file is written again
    assert rebuilt == flips  # every flip was noticed: the checksum covers the payload


def test_truncated_or_empty_file_is_rebuilt(cache_home: Path, capsys: pytest.CaptureFixture) -> None:
    reference = _fresh()
    path = cache.cache_path(DEFAULT_OPTIONS)
    good = path.read_bytes()
    for damaged in (b"", good[:100], good[: len(good) // 2], good + b"x"):
        path.write_bytes(damaged)
        assert _same(_fresh(), reference)
        assert "discarding" in capsys.readouterr().err
        assert path.read_bytes() == good


def test_valid_pickle_of_the_wrong_type_is_rebuilt(cache_home: Path, capsys: pytest.CaptureFixture) -> None:
    reference = _fresh()
    path = cache.cache_path(DEFAULT_OPTIONS)
    for payload in (pickle.dumps({"not": "a record"}), pickle.dumps([1, 2, 3]), pickle.dumps(None)):
        _write_with_header(path, payload)
        assert _same(_fresh(), reference)
        assert "discarding" in capsys.readouterr().err


def test_old_plain_pickle_without_header_is_rebuilt(cache_home: Path, capsys: pytest.CaptureFixture) -> None:
    reference = _fresh()
    path = cache.cache_path(DEFAULT_OPTIONS)
    path.write_bytes(pickle.dumps(reference))
    assert _same(_fresh(), reference)
    assert "discarding" in capsys.readouterr().err


class _Planted:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        import os

        return (os.system, ("touch planted-by-cache",))


def test_a_planted_pickle_with_a_valid_checksum_runs_no_code(
    cache_home: Path, capsys: pytest.CaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(cache_home)
    reference = _fresh()
    path = cache.cache_path(DEFAULT_OPTIONS)
    _write_with_header(path, pickle.dumps(_Planted()))
    assert _same(_fresh(), reference)
    assert "which a compiled record never holds" in capsys.readouterr().err
    assert not (cache_home / "planted-by-cache").exists()


def test_cache_for_other_options_is_not_trusted(cache_home: Path, capsys: pytest.CaptureFixture) -> None:
    from foederis.rules.options import Options

    other = Options(month_overflow="next_day")
    other_compiled = cache.load_compiled(other)
    reference = _fresh()
    path = cache.cache_path(DEFAULT_OPTIONS)
    _write_with_header(path, pickle.dumps(other_compiled))
    assert _same(_fresh(), reference)
    assert "other interpretation options" in capsys.readouterr().err


class _AttributeGadget:
    """A payload that asks `getattr` for something other than an enum member of the record."""

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (getattr, (Compiled, "__init__"))


def test_getattr_in_a_payload_reaches_only_enum_members(
    cache_home: Path, capsys: pytest.CaptureFixture
) -> None:
    """Some Pythons pickle enum members as getattr(Class, name); that, and only that, is allowed."""
    from foederis.rules.base import Status

    assert cache._enum_member(Status, "party") is Status.party
    reference = _fresh()
    path = cache.cache_path(DEFAULT_OPTIONS)
    _write_with_header(path, pickle.dumps(_AttributeGadget()))
    assert _same(_fresh(), reference)
    assert "no enum member of the record" in capsys.readouterr().err
