"""A cold `foederis status` imports only what it needs (no Typer, NumPy or claim reader; no Rich
under --json) and prints what the Typer application prints; the compiled record it loads without
NumPy (arrays packed as bytes) answers exactly as the one compiled in memory."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from foederis.engine import cache, packed
from foederis.engine.compile import ARRAY_FIELDS, Compiled, compile_record
from foederis.interfaces.cli.quick import plain_status
from foederis.record.loader import load_record
from foederis.rules.options import DEFAULT_OPTIONS

SRC = Path(__file__).resolve().parent.parent / "src"
STATUS = ["status", "LTU", "ccm", "--on", "2025-03-06"]


@pytest.fixture(scope="module")
def fresh() -> Compiled:
    return compile_record(load_record(), DEFAULT_OPTIONS)


def test_a_reloaded_record_has_the_same_arrays_and_answers(fresh: Compiled) -> None:
    loaded = pickle.loads(pickle.dumps(fresh))
    assert set(loaded.__dict__["_packed"]) == set(ARRAY_FIELDS)
    assert loaded._single == fresh._single  # read from the packed bytes, NumPy untouched
    assert set(loaded.__dict__["_packed"]) == set(ARRAY_FIELDS)
    for name in ARRAY_FIELDS:
        a, b = getattr(loaded, name), getattr(fresh, name)
        assert a.dtype == b.dtype and a.shape == b.shape and np.array_equal(a, b), name
        assert a.flags.writeable and a.flags.owndata
    assert loaded.__dict__["_packed"] == {}
    again = pickle.loads(pickle.dumps(loaded))  # a record rebuilt once pickles the same
    assert all(np.array_equal(getattr(again, n), getattr(fresh, n)) for n in ARRAY_FIELDS)
    for state, inst in list(fresh.spans)[:400]:
        for iv in fresh.intervals_of(state, inst):
            assert loaded.interval_on(state, inst, iv.start) == iv


def test_a_half_packed_record_pickles_its_changed_arrays(fresh: Compiled) -> None:
    loaded = pickle.loads(pickle.dumps(fresh))
    loaded.start_day = loaded.start_day + 1  # set while the packed copy is still there
    again = pickle.loads(pickle.dumps(loaded))
    assert np.array_equal(again.start_day, fresh.start_day + 1)
    assert again._single[1] == [d + 1 for d in fresh._single[1]]


def test_as_list_reads_what_numpy_reads() -> None:
    for dtype in ("<i1", "<i2", "<i4", "<i8", ">i4", ">i8"):
        a = np.array([0, -3, 7, 2**6, -(2**6)], dtype=dtype)
        assert packed.as_list(packed.pack(a)) == a.tolist()
        assert packed.unpack(packed.pack(a)).dtype == a.dtype
    grid = np.arange(12, dtype=np.int64).reshape(3, 4)
    assert packed.as_list(packed.pack(grid)) == grid.tolist()


@pytest.mark.parametrize(
    "bad",
    [("<i8", (3,), b"\0" * 23), ("<f8", (1,), b"\0" * 8), ("<i8", (-1,), b""), ("<i8", [1], b"\0" * 8), "x"],
)
def test_check_refuses_what_a_record_never_holds(bad: object) -> None:
    with pytest.raises(ValueError):
        packed.check(bad)


def test_a_cache_with_a_short_array_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], fresh: Compiled
) -> None:
    monkeypatch.setenv("FOEDERIS_CACHE_DIR", str(tmp_path))
    cache._memo.clear()
    path = cache.cache_path(DEFAULT_OPTIONS)
    state = fresh.__getstate__()
    dtype, shape, data = state["_packed"]["key_lo"]  # type: ignore[index]
    state["_packed"]["key_lo"] = (dtype, shape, data[:-8])  # type: ignore[index]
    damaged = Compiled.__new__(Compiled)
    damaged.__dict__.update(state)
    payload = pickle.dumps(damaged)
    key = path.name.removeprefix("compiled-").removesuffix(".bin")
    header = {"format": cache.FORMAT, "version": cache.VERSION, "key": key, "bytes": len(payload)}
    header["sha256"] = hashlib.sha256(payload).hexdigest()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    got = cache.load_compiled(DEFAULT_OPTIONS)
    cache._memo.clear()
    assert "a lookup array is damaged" in capsys.readouterr().err
    assert got._single == fresh._single


@pytest.mark.parametrize(
    ("argv", "parsed"),
    [
        (STATUS, ("LTU", "ccm", "2025-03-06", False)),
        (["status", "--json", "LTU", "--on=2025-03-06", "ccm"], ("LTU", "ccm", "2025-03-06", True)),
        (["status", "LTU", "ccm"], ("LTU", "ccm", None, False)),
        ([*STATUS, "--engaged", "primary_party"], None),  # interpretation options go through Typer
        (["--engaged", "primary_party", *STATUS], None),
        ([*STATUS, "--known-on", "2020-01-01"], None),
        ([*STATUS, "--help"], None),
        (["status", "LTU", "ccm", "--on"], None),
        (["status", "LTU", "ccm", "--on", "--json"], None),
        ([*STATUS, "--on", "2025-03-07"], None),  # given twice
        (["status", "LTU", "ccm", "--json=1"], None),
        (["status", "LTU"], None),
        (["status", "LTU", "ccm", "extra"], None),
        (["members", "nato"], None),
        ([], None),
    ],
)
def test_only_a_plain_status_takes_the_quick_path(argv: list[str], parsed: object) -> None:
    assert plain_status(argv) == parsed


def _run(tmp_path: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    code = "import sys; sys.argv[0] = 'foederis'; from foederis.interfaces.cli.main import run; run()"
    env = dict(os.environ, PYTHONPATH=str(SRC), FOEDERIS_CACHE_DIR=str(tmp_path), COLUMNS="100")
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)


@pytest.mark.parametrize(
    "args",
    [
        STATUS,
        [*STATUS, "--json"],
        ["status", "XXX", "ccm", "--json"],
        ["status", "LTU", "ccm", "--on", "2025-13-01"],
    ],
)
def test_the_quick_path_prints_what_the_typer_path_prints(tmp_path: Path, args: list[str]) -> None:
    quick = _run(tmp_path, args)
    # the default option given explicitly: the same answer, through the Typer application
    typer = _run(tmp_path, [*args, "--engaged", "party_to_hostilities"])
    assert (quick.returncode, quick.stdout, quick.stderr) == (typer.returncode, typer.stdout, typer.stderr)
    assert quick.stdout or quick.stderr


def _imported(tmp_path: Path, args: list[str]) -> tuple[set[str], str]:
    """The modules a fresh `foederis ARGS` process has imported when it ends, and its stdout."""
    code = (
        "import atexit, sys\n"
        "atexit.register(lambda: sys.stderr.write('\\nMODULES ' + ' '.join(sorted(sys.modules))))\n"
        "sys.argv[0] = 'foederis'\n"
        "from foederis.interfaces.cli.main import run\n"
        "run()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(SRC), FOEDERIS_CACHE_DIR=str(tmp_path))
    for _ in range(2):  # the first run fills the disk cache (compiling imports NumPy)
        done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return set(done.stderr.rpartition("MODULES ")[2].split()), done.stdout


def test_a_cold_status_imports_no_numpy_claims_or_other_commands(tmp_path: Path) -> None:
    modules, out = _imported(tmp_path, STATUS)
    assert "Lithuania (LTU)" in out and "withdrawn" in out
    for name in (
        "numpy",
        "typer",
        "click",
        "foederis.claims",
        "foederis.scenarios",
        "foederis.interfaces.cli.core",
    ):
        assert name not in modules, name
    assert "rich" in modules  # the terminal rendering needs it


def test_a_cold_status_json_imports_no_rich(tmp_path: Path) -> None:
    modules, out = _imported(tmp_path, [*STATUS, "--json"])
    assert json.loads(out)["status"] == "withdrawn"
    for name in ("numpy", "rich", "typer", "foederis.claims", "foederis.interfaces.cli.render"):
        assert name not in modules, name


def test_a_declined_quick_path_leaves_the_collector_on() -> None:
    import gc

    from foederis.interfaces.cli.quick import run_quick

    assert gc.isenabled()
    assert run_quick(["status", "XXX", "ccm", "--json"]) is None  # an unknown state: Typer reports it
    assert gc.isenabled()
