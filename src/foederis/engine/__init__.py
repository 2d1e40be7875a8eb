"""The engine: compiles record + rules into status intervals and answers batch lookups.

It knows no treaty by name: it iterates the instrument registry.
"""

from foederis.engine.cache import load_compiled
from foederis.engine.compile import Compiled, Interval, compile_record

__all__ = ["Compiled", "Interval", "compile_record", "load_compiled"]
