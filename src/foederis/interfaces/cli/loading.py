"""What every command shares below Typer: the compiled record it answers from and its JSON output
(kept free of Typer, so that `quick.py` can answer without importing it)."""

from __future__ import annotations

import gc
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foederis.engine.compile import Compiled
    from foederis.rules.options import Options

#: Set by the entry point (`main.run`): this process runs one command and exits (not so under a
#: test runner, which invokes many commands in one process).
SINGLE_COMMAND = False


def load(options: Options, known_on: str | None = None) -> Compiled:
    """The compiled real record under `options` (cached on disk); with `known_on` (YYYY-MM-DD),
    the record as it stood on that day."""
    from foederis.engine.cache import load_compiled

    if known_on is None:
        c = load_compiled(options)
    else:
        from foederis.questions.inputs import parse_date

        day = parse_date(known_on, "known-on")
        print(f"as known on {day}: only facts public by then (known_from <= {day})", file=sys.stderr)
        c = load_compiled(options, known_on=day)
    if SINGLE_COMMAND:
        # the process answers once and exits: the imports and the record live to the end, so the
        # cyclic collector need never scan them again (its full passes over them cost 0.05-0.1 s)
        gc.freeze()
    return c


def emit_json(model: Any) -> None:
    """One JSON object on stdout, and nothing else."""
    if hasattr(model, "model_dump"):
        sys.stdout.write(model.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(json.dumps(model, indent=2, default=str) + "\n")
