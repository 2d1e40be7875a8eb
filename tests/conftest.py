"""Shared fixtures: the real record, compiled with the default options (no disk cache)."""

from __future__ import annotations

import pytest

from foederis.engine.compile import Compiled, compile_record
from foederis.record.loader import Record, load_record


@pytest.fixture(scope="session")
def record() -> Record:
    return load_record()


@pytest.fixture(scope="session")
def compiled(record: Record) -> Compiled:
    return compile_record(record)
