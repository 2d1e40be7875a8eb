"""The /v1/matrix body cache is keyed by what the answer reads on the day, and still answers each
day exactly as the question does: compared field for field, then byte for byte."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import get_args

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foederis.engine.compile import Compiled, compile_record
from foederis.interfaces.http.matrix_cache import cache_clear, cache_info, cut_at_day, matrix_json
from foederis.questions.matrix import ALLIANCES, matrix, matrix_key, stated_days
from foederis.questions.obligations import WEAPONS
from foederis.record.loader import Record
from foederis.rules.options import Options

READINGS = get_args(Options.model_fields["assist_reading"].annotation)


@pytest.fixture(scope="module")
def by_reading(record: Record, compiled: Compiled) -> dict[str, Compiled]:
    """The record compiled under each assist_reading (the default one is the shared fixture)."""
    default = compiled.options.assist_reading
    return {
        r: compiled if r == default else compile_record(record, Options(assist_reading=r)) for r in READINGS
    }


def uncached(c: Compiled, alliance: str, weapon: str, day: date) -> bytes:
    return matrix(c, alliance, weapon, day).model_dump_json().encode()


def assert_same_answer(cached: bytes, plain: bytes) -> None:
    got, want = json.loads(cached), json.loads(plain)
    assert got.keys() == want.keys()
    for field in want:
        if field == "rows":
            assert [r["state"] for r in got["rows"]] == [r["state"] for r in want["rows"]]
            for g, w in zip(got["rows"], want["rows"], strict=True):
                for column in w:
                    assert g[column] == w[column], (w["state"], column)
        else:
            assert got[field] == want[field], field
    assert cached == plain


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    day=st.dates(date(1949, 1, 1), date(2030, 12, 31)),
    offset=st.integers(-60, 60),
    alliance=st.sampled_from(ALLIANCES),
    weapon=st.sampled_from(sorted(WEAPONS)),
    reading=st.sampled_from(READINGS),
)
def test_cached_answer_is_the_uncached_one(
    by_reading: dict[str, Compiled], day: date, offset: int, alliance: str, weapon: str, reading: str
) -> None:
    """An entry made on a nearby day (often the same key) answers the day asked as the question does."""
    c = by_reading[reading]
    cache_clear()
    near = day + timedelta(days=offset)
    assert_same_answer(matrix_json(c, alliance, weapon, near), uncached(c, alliance, weapon, near))
    assert_same_answer(matrix_json(c, alliance, weapon, day), uncached(c, alliance, weapon, day))


def test_the_day_a_declared_view_was_stated_is_answered_apart(by_reading: dict[str, Compiled]) -> None:
    """On either side of each day a view was stated, only the declared-view reason may change."""
    for stated in stated_days():
        year, month, day = ([int(x) for x in stated.split("-")] + [1, 1])[:3]
        on = date(year, month, day)
        for c in by_reading.values():
            for weapon in sorted(WEAPONS):
                for first, then in ((on - timedelta(days=1), on), (on, on - timedelta(days=1))):
                    cache_clear()
                    matrix_json(c, "nato", weapon, first)
                    assert_same_answer(
                        matrix_json(c, "nato", weapon, then), uncached(c, "nato", weapon, then)
                    )


def test_a_day_with_the_same_intervals_in_force_is_served_from_another_days_entry(compiled: Compiled):
    cache_clear()
    first, later = date(2023, 4, 4), date(2023, 9, 9)  # Finland joined NATO on 4 April 2023
    assert matrix_key(compiled, "nato", "cluster_munitions", first) == matrix_key(
        compiled, "nato", "cluster_munitions", later
    )
    matrix_json(compiled, "nato", "cluster_munitions", first)
    body = matrix_json(compiled, "nato", "cluster_munitions", later)
    assert (cache_info().hits, cache_info().misses) == (1, 1)
    assert json.loads(body)["date"] == "2023-09-09"
    assert_same_answer(body, uncached(compiled, "nato", "cluster_munitions", later))
    assert matrix_json(compiled, "nato", "cluster_munitions", later) == body  # the day's key remembered
    assert (cache_info().hits, cache_info().misses, cache_info().size) == (2, 1, 1)


def test_a_change_in_membership_changes_the_key(compiled: Compiled):
    before, after = date(2023, 4, 3), date(2023, 4, 4)
    assert matrix_key(compiled, "nato", "cluster_munitions", before) != matrix_key(
        compiled, "nato", "cluster_munitions", after
    )
    assert "FIN" in {
        r["state"] for r in json.loads(matrix_json(compiled, "nato", "cluster_munitions", after))["rows"]
    }


def test_a_change_in_a_members_interval_changes_the_key(compiled: Compiled):
    # Lithuania's withdrawal from the CCM took effect on 6 March 2025
    keys = {
        matrix_key(compiled, "nato", "cluster_munitions", date(2025, 3, 6) + timedelta(days=k))
        for k in (-1, 0)
    }
    assert len(keys) == 2


def test_a_rendering_whose_text_holds_a_placeholder_is_not_cut():
    assert cut_at_day(
        b'{"d":"0001-01-01","s":"on 0001-01-01."}', b'{"d":"0001-01-02","s":"on 0001-01-02."}'
    ) == (
        b'{"d":"',
        b'","s":"on ',
        b'."}',
    )
    # the record itself says 0001-01-01 somewhere: the two renderings cut differently
    assert cut_at_day(b'"0001-01-01 x 0001-01-01"', b'"0001-01-02 x 0001-01-01"') is None
    assert cut_at_day(b'"0001-01-01 x 0001-01-02"', b'"0001-01-02 x 0001-01-02"') is None


def test_the_api_answers_as_the_record_was_known_on_the_day_asked(tmp_path):
    from foederis.engine.cache import load_compiled
    from foederis.interfaces.server import create_app

    params = {"weapon": "cluster_munitions", "on": "2025-06-01"}
    with TestClient(create_app(f"sqlite:///{tmp_path / 'm.sqlite3'}")) as client:
        now = client.get("/v1/matrix", params=params)
        then = client.get("/v1/matrix", params={**params, "known_on": "2024-01-01"})
    assert now.status_code == then.status_code == 200
    assert now.content == uncached(load_compiled(), "nato", "cluster_munitions", date(2025, 6, 1))
    assert then.content == uncached(
        load_compiled(known_on=date(2024, 1, 1)), "nato", "cluster_munitions", date(2025, 6, 1)
    )
    assert then.content != now.content  # Lithuania's withdrawal was not yet public at the start of 2024
