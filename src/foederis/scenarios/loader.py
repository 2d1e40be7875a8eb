"""Read a scenario's YAML keeping the line of every value, so errors can name where they are.

The composer refuses aliases and anchors (an "alias bomb" of a few hundred characters would
otherwise expand to gigabytes) and caps depth and node count before anything is built. From the
node tree we build plain Python data and a map from each value's path (("events", 2, "state"))
to its 1-based line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from foederis.scenarios.limits import MAX_DEPTH, MAX_NODES, MAX_TEXT_CHARS

Path = tuple[str | int, ...]
#: Characters no scenario text may hold raw (tab, newline and carriage return are fine).
_UNREADABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


class YamlError(ValueError):
    """The text is not YAML at all (or is a document we cannot read): one line, one message."""

    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


class _BoundedLoader(yaml.SafeLoader):
    """A SafeLoader whose composer refuses aliases and anchors and bounds depth and size."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(line, "aliases (*name) are not allowed in a scenario; write the value out")
        if getattr(event, "anchor", None) is not None:
            raise YamlError(line, "anchors (&name) are not allowed in a scenario; write the value out")
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise YamlError(line, f"the YAML has more than {MAX_NODES} values")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise YamlError(line, f"the YAML is nested more than {MAX_DEPTH} levels deep")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


#: libyaml's parser, when PyYAML was built with it (ten times faster on large scalars).
_CLoader: type | None = getattr(yaml, "CSafeLoader", None)


def _check_events(events: Any) -> None:
    """Refuse aliases and anchors and bound depth and node count, reading the event stream only
    as far as the first problem (nothing is built, so an alias bomb costs nothing)."""
    depth = nodes = 0
    for event in events:
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(line, "aliases (*name) are not allowed in a scenario; write the value out")
        if isinstance(event, yaml.NodeEvent):
            if event.anchor is not None:
                raise YamlError(line, "anchors (&name) are not allowed in a scenario; write the value out")
            nodes += 1
            if nodes > MAX_NODES:
                raise YamlError(line, f"the YAML has more than {MAX_NODES} values")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlError(line, f"the YAML is nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _compose(text: str) -> yaml.Node | None:
    if _CLoader is not None:
        _check_events(yaml.parse(text, Loader=_CLoader))
        return yaml.compose(text, Loader=_CLoader)
    loader = _BoundedLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def read_yaml(text: str) -> tuple[Any, dict[Path, int]]:
    """Plain data (dicts, lists, scalars) and the line of every path in it."""
    if not isinstance(text, str):
        raise YamlError(1, "a scenario is text")
    if len(text) > MAX_TEXT_CHARS:
        raise YamlError(1, f"the scenario has {len(text)} characters; at most {MAX_TEXT_CHARS} are allowed")
    bad = _UNREADABLE.search(text)
    if bad:  # neither YAML parser may see these (libyaml cannot even be handed a lone surrogate)
        raise YamlError(
            text.count("\n", 0, bad.start()) + 1,
            f"the text contains U+{ord(bad.group()):04X}; NUL, lone surrogates and control characters "
            "are not allowed",
        )
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(line, f"not valid YAML: {exc.problem or 'cannot be read'}") from None
    except yaml.YAMLError as exc:
        raise YamlError(1, f"not valid YAML: {_plain(exc)}") from None
    except RecursionError:
        raise YamlError(1, "YAML nested too deeply") from None
    lines: dict[Path, int] = {}
    if node is None:
        return None, lines
    try:
        return _build(node, (), lines, SafeConstructor()), lines
    except RecursionError:
        raise YamlError(1, "YAML nested too deeply") from None


def _plain(exc: Exception) -> str:
    """The first line of a YAML error, without node reprs."""
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _build(node: yaml.Node, path: Path, lines: dict[Path, int], ctor: SafeConstructor) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(
                    key_node.start_mark.line + 1, "a mapping key must be plain text, not a list or mapping"
                )
            key = _scalar(key_node, ctor)
            key = key if isinstance(key, str | int) and not isinstance(key, bool) else str(key_node.value)
            out[key] = _build(value_node, (*path, key), lines, ctor)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines, ctor) for i, item in enumerate(node.value)]
    return _scalar(node, ctor)


def _scalar(node: yaml.Node, ctor: SafeConstructor) -> Any:
    """A scalar as YAML reads it (dates become dates); an impossible date stays a string."""
    try:
        return ctor.construct_object(node, deep=True)
    except (ConstructorError, ValueError, TypeError, OverflowError):
        return str(node.value)


def line_of(lines: dict[Path, int], loc: Path) -> int:
    """The line of the deepest known path that is a prefix of `loc` (1 if none)."""
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get((), 1)
