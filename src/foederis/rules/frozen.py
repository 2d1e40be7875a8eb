"""A faster `__init__` for the frozen, slotted dataclasses that compile makes by the hundred thousand.

A frozen dataclass's generated `__init__` stores each field through `object.__setattr__`, which
costs about three times a plain store. Compile makes one `Reason`, `Transition` and `Interval` per
interval, and those stores were about a third of compile time at 100x the record. The replacement
writes each slot through the slot's own descriptor, which is where `object.__setattr__` ends up,
and keeps the signature and defaults: the instances are the same objects, with the same class,
equality, hash, repr and pickling.
"""

from __future__ import annotations

import dataclasses
from typing import TypeVar

T = TypeVar("T")


def fast_init(cls: type[T]) -> type[T]:
    """Give frozen slotted dataclass `cls` an `__init__` that stores through slot descriptors.

    Only the plain shape is accepted (fields with no default or a plain default, no
    default_factory, keyword-only or init=False field, no `__post_init__`); anything else is a
    TypeError at import, so the generated `__init__` is never silently wrong.
    """
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__}: fast_init needs a frozen dataclass with slots=True")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: fast_init does not call __post_init__")
    names: list[str] = []
    signature: list[str] = []
    namespace: dict[str, object] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: fast_init takes plain fields only")
        names.append(f.name)
        namespace[f"_set_{f.name}"] = cls.__dict__[f.name].__set__
        if f.default is dataclasses.MISSING:
            signature.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            signature.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{n}(self, {n})\n" for n in names) or "    pass\n"
    # the source is built here from field names only, as dataclasses builds its own __init__
    exec(f"def __init__(self, {', '.join(signature)}):\n{body}", namespace)
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[misc]
    return cls
