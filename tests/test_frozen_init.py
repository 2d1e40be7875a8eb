"""`fast_init` builds the same frozen objects as the dataclass's own `__init__`, only faster."""

from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field
from datetime import date

import pytest

from foederis.engine.compile import Interval
from foederis.rules.base import Reason, Status, Transition
from foederis.rules.frozen import fast_init


@dataclass(frozen=True, slots=True)
class Stock:
    a: int
    b: str = "b"
    c: tuple[int, ...] = ()


@fast_init
@dataclass(frozen=True, slots=True)
class Fast:
    a: int
    b: str = "b"
    c: tuple[int, ...] = ()


def test_same_fields_defaults_and_keywords() -> None:
    for args, kwargs in [
        ((1,), {}),
        ((1, "x"), {}),
        ((1,), {"c": (2,)}),
        ((), {"a": 3, "b": "y", "c": (4,)}),
    ]:
        stock, fast = Stock(*args, **kwargs), Fast(*args, **kwargs)
        assert dataclasses.astuple(stock) == dataclasses.astuple(fast)
    with pytest.raises(TypeError):
        Fast()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast(1, "b", (), 4)  # type: ignore[call-arg]


def test_the_compile_types_stay_frozen_hashable_and_picklable() -> None:
    reason = Reason("ccm/art_20", "why", (), ("engaged",))
    iv = Interval("LTU", "ccm", date(2025, 3, 6), None, Status.withdrawal_pending, True, (reason,))
    t = Transition(date(2025, 3, 6), Status.party, True, (reason,))
    for obj in (reason, iv, t):
        assert pickle.loads(pickle.dumps(obj)) == obj
        assert hash(obj) == hash(dataclasses.replace(obj))
        with pytest.raises(dataclasses.FrozenInstanceError):
            obj.__setattr__(dataclasses.fields(obj)[0].name, None)
    assert Reason("p", "s") == Reason(provision="p", summary="s", events=(), options=())


def test_refuses_shapes_it_cannot_build() -> None:
    @dataclass(frozen=True, slots=True)
    class Factory:
        a: list[int] = field(default_factory=list)

    @dataclass(frozen=True)
    class NoSlots:
        a: int

    @dataclass(slots=True)
    class NotFrozen:
        a: int

    for cls in (Factory, NoSlots, NotFrozen):
        with pytest.raises(TypeError):
            fast_init(cls)
