"""Read a scenario's YAML keeping the line of every value, so errors can name where they are.

`yaml.compose` gives the node tree with marks; we build plain Python data from it and a map
from each value's path (("events", 2, "state")) to its 1-based line.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

Path = tuple[str | int, ...]


class YamlError(ValueError):
    """The text is not YAML at all (or is a document we cannot read): one line, one message."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


def read_yaml(text: str) -> tuple[Any, dict[Path, int]]:
    """Plain data (dicts, lists, scalars) and the line of every path in it."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(line, f"not valid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, f"not valid YAML: {exc}") from None
    except RecursionError:
        raise YamlError(1, "YAML nested too deeply") from None
    lines: dict[Path, int] = {}
    if node is None:
        return None, lines
    try:
        return _build(node, (), lines, SafeConstructor()), lines
    except RecursionError:
        raise YamlError(1, "YAML nested too deeply") from None


def _build(node: yaml.Node, path: Path, lines: dict[Path, int], ctor: SafeConstructor) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node, ctor)
            key = key if isinstance(key, str | int) else str(key)
            out[key] = _build(value_node, (*path, key), lines, ctor)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, ctor) for i, item in enumerate(node.value)]
    return _scalar(node, ctor)


def _scalar(node: yaml.Node, ctor: SafeConstructor) -> Any:
    """A scalar as YAML reads it (dates become dates); an impossible date stays a string."""
    if not isinstance(node, yaml.ScalarNode):
        return str(node.value)
    try:
        return ctor.construct_object(node, deep=True)
    except (ConstructorError, ValueError, TypeError):
        return str(node.value)


def line_of(lines: dict[Path, int], loc: Path) -> int:
    """The line of the deepest known path that is a prefix of `loc` (1 if none)."""
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get((), 1)
