"""Quick unpickling for frozen, slotted dataclasses.

The compiled-record cache holds ~7,000 of them (events, reasons, intervals, conflict periods), and
the `__setstate__` that `dataclasses` gives such classes calls `fields()` once per object: 0.1 s of
a cold `foederis check`. The state pickled stays the one `dataclasses` writes (the field values, in
field order); only reading it back is done with the field names looked up once per class.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any, TypeVar

T = TypeVar("T", bound=type)


def quick_unpickle(cls: T) -> T:
    """Give a frozen, slotted dataclass a `__setstate__` that sets its slots from the pickled field
    values without walking `fields()` for every object (apply outside `@dataclass`)."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    set_slot = object.__setattr__  # the class is frozen: its own __setattr__ refuses

    def __setstate__(self: Any, state: Iterable[Any]) -> None:
        for name, value in zip(names, state, strict=True):
            set_slot(self, name, value)

    cls.__setstate__ = __setstate__  # type: ignore[attr-defined]
    return cls
