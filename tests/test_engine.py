"""The vectorised lookup agrees with the interval search, and the dense table with both."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foederis.engine.compile import day_number, from_day_number
from foederis.engine.lookup import DenseTable, lookup, lookup_reference


def test_batch_lookup_equals_interval_search(compiled):
    rng = np.random.default_rng(7)
    n = 3000
    s = rng.integers(0, len(compiled.states), n)
    i = rng.integers(0, len(compiled.instruments), n)
    d = rng.integers(day_number(date(1945, 1, 1)), day_number(date(2040, 1, 1)), n)
    # bias half the sample towards states that have intervals, so the test exercises real statuses
    keyed = [(compiled.states.index(st), compiled.instruments.index(ins)) for st, ins in compiled.spans]
    pick = rng.integers(0, len(keyed), n // 2)
    s[: n // 2] = [keyed[k][0] for k in pick]
    i[: n // 2] = [keyed[k][1] for k in pick]
    res = lookup(compiled, s, i, d)
    for k in range(n):
        iv = compiled.interval_on(compiled.states[s[k]], compiled.instruments[i[k]], from_day_number(d[k]))
        assert res.status[k] == (int(iv.status) if iv else 0)
        assert bool(res.bound[k]) == (iv.bound if iv else False)
    assert res.bound[: n // 2].any()


def test_dense_table_equals_search(compiled):
    first, last = day_number(date(1949, 1, 1)), day_number(date(2030, 12, 31))
    table = DenseTable(compiled, first, last)
    rng = np.random.default_rng(11)
    s = rng.integers(0, len(compiled.states), 5000)
    i = rng.integers(0, len(compiled.instruments), 5000)
    d = rng.integers(first, last + 1, 5000)
    assert np.array_equal(table.lookup(s, i, d), lookup(compiled, s, i, d).interval)


def test_options_do_not_mutate_shared_state(record, compiled):
    from foederis.engine.compile import compile_record
    from foederis.rules.options import Options

    before = compiled.interval_on("RUS", "cfe", date(2010, 1, 1))
    other = compile_record(record, Options(claimed_suspension="releases"))
    assert other.interval_on("RUS", "cfe", date(2010, 1, 1)).bound is False
    assert compiled.interval_on("RUS", "cfe", date(2010, 1, 1)) == before


def _scan(compiled, state, instrument, day):
    """The plainest possible answer: walk the key's intervals (no arrays, no search)."""
    for iv in compiled.intervals_of(state, instrument):
        if iv.start <= day and (iv.end is None or day < iv.end):
            return iv
    return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_single_question_path_equals_batch_and_reference(compiled, data):
    """`interval_on` (one question), `lookup` (the batch kernels) and `lookup_reference` give the
    same interval for any key and day, on interval boundaries too; unknown names are status none."""
    keys = sorted(compiled.spans)
    state, instrument = data.draw(st.sampled_from(keys))
    ivs = compiled.intervals_of(state, instrument)
    edges = [d for iv in ivs for d in (iv.start, iv.end) if d is not None]
    near = data.draw(st.sampled_from(edges)) + timedelta(days=data.draw(st.integers(-1, 1)))
    anywhere = data.draw(st.dates(date(1800, 1, 2), date(2400, 1, 1)))
    for day in (near, anywhere):
        want = _scan(compiled, state, instrument, day)
        assert compiled.interval_on(state, instrument, day) == want
        s, i = compiled.state_index[state], compiled.instrument_index[instrument]
        for res in (
            lookup(compiled, s, i, day_number(day)),
            lookup_reference(compiled, s, i, day_number(day)),
        ):
            j = int(res.interval)
            assert (compiled.intervals[j] if j >= 0 else None) == want
    assert compiled.interval_on("XXX", instrument, near) is None
    assert compiled.interval_on(state, "no_such_treaty", near) is None
