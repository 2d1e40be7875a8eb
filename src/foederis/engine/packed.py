"""NumPy arrays pickled as plain (dtype, shape, bytes), so that a compiled record loads without
importing NumPy: an array is rebuilt on first use, and the single-question path reads its two
index arrays with the standard library's `array` (the same integers, no NumPy import)."""

from __future__ import annotations

import re
import sys
from array import array
from math import prod
from typing import Any

#: One array as pickled: NumPy's dtype string (`<i8`, `|b1`), its shape, its bytes in C order.
Packed = tuple[str, tuple[int, ...], bytes]

#: The dtypes a compiled record's arrays have: signed integers and booleans of 1-8 bytes.
_DTYPE = re.compile(r"[<>|=]([ib])([1248])")
#: The stdlib `array` type code of each signed integer size (checked against `itemsize` on use).
_TYPECODES = {1: "b", 2: "h", 4: "i", 8: "q"}
_NATIVE = "<" if sys.byteorder == "little" else ">"


def pack(a: Any) -> Packed:
    """The array as plain values that pickle without NumPy's rebuilders."""
    return (a.dtype.str, tuple(int(n) for n in a.shape), a.tobytes())


def check(p: object) -> None:
    """Raise ValueError unless `p` is a packed array of a dtype a compiled record holds, whose bytes
    fill its shape exactly (so a planted file fails on loading, not on first use)."""
    if not (isinstance(p, tuple) and len(p) == 3):
        raise ValueError("not a packed array")
    dtype, shape, data = p
    match = _DTYPE.fullmatch(dtype) if isinstance(dtype, str) else None
    if match is None or not isinstance(shape, tuple) or not isinstance(data, bytes):
        raise ValueError("not a packed array")
    if not all(type(n) is int and n >= 0 for n in shape) or prod(shape) * int(match[2]) != len(data):
        raise ValueError("the bytes do not fill the array's shape")


def unpack(p: Packed) -> Any:
    """The NumPy array again: same dtype, shape and values, writable and owning its data."""
    import numpy as np

    dtype, shape, data = p
    return np.frombuffer(data, dtype=np.dtype(dtype)).reshape(shape).copy()


def as_list(p: Packed) -> list[Any]:
    """`unpack(p).tolist()` for a 1-D integer array, without NumPy when the stdlib can read it."""
    dtype, shape, data = p
    size = int(dtype[2:])
    code = _TYPECODES.get(size)
    if (
        len(shape) == 1
        and dtype[1] == "i"
        and dtype[0] in (_NATIVE, "|", "=")
        and code is not None
        and array(code).itemsize == size
    ):
        return array(code, data).tolist()
    return unpack(p).tolist()  # type: ignore[no-any-return]
