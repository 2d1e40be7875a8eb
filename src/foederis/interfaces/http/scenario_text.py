"""Checking a scenario's text before it is saved."""

from __future__ import annotations

import yaml

from foederis.interfaces.http.errors import ApiError


def validate(text: str) -> None:
    """The text must be a YAML mapping (the scenario loader checks the rest when run)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "text"
        raise ApiError(400, "bad_input", where, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except RecursionError:
        raise ApiError(400, "bad_input", "text", "YAML nested too deeply") from None
    if not isinstance(data, dict):
        raise ApiError(
            400, "bad_input", "text", "a scenario is a YAML mapping (name:, events:, conflicts:, ...)"
        )
