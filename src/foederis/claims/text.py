"""Reading an article: UTF-8 decoding, Markdown and typography clean-up, sentences, with offsets.

Every transformation keeps a map from each output character back to the input, so that a claim
found in the cleaned (and repaired) text is reported at its span in the text the person gave.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


class ArticleError(ValueError):
    """An input that is not a readable text article (missing, binary, not UTF-8)."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(f"{field}: {message}")


def read_article(data: bytes, name: str = "file") -> str:
    """Decode UTF-8 plain text or Markdown; binary or invalid UTF-8 is an ArticleError."""
    if b"\x00" in data[:8192]:
        raise ArticleError(name, "looks like a binary file (NUL bytes); give plain text or Markdown in UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(
            name,
            f"is not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r}); "
            "give plain text or Markdown in UTF-8",
        ) from None
    bad = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if bad > 8:
        raise ArticleError(name, "has control characters: it looks binary; give plain text or Markdown")
    return text


def read_path(path: str) -> str:
    """Read FILE, or standard input for '-'."""
    import sys

    if path == "-":
        try:
            data = sys.stdin.buffer.read()
        except (AttributeError, ValueError, OSError):  # no stdin, or it is closed
            raise ArticleError(
                "stdin", "standard input is closed; pipe an article in or give a file"
            ) from None
        return read_article(data, "stdin")
    p = Path(path)
    if not p.exists():
        raise ArticleError("file", f"{path!r} does not exist")
    if p.is_dir():
        raise ArticleError("file", f"{path!r} is a directory; give a text or Markdown file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ArticleError("file", f"cannot read {path!r}: {exc.strerror or exc}") from None
    return read_article(data, f"file {path!r}")


@dataclass
class Mapped:
    """Text plus, for each character, the [start, end) it came from in the original input."""

    text: str
    start_of: list[int]
    end_of: list[int]

    @classmethod
    def identity(cls, text: str) -> Mapped:
        return cls(text, list(range(len(text))), list(range(1, len(text) + 1)))

    def span(self, s: int, e: int) -> tuple[int, int]:
        """The original [start, end) of the output range [s, e)."""
        if not self.text:
            return 0, 0
        s = min(max(s, 0), len(self.text) - 1)
        e = min(max(e, s + 1), len(self.text))
        return self.start_of[s], self.end_of[e - 1]

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str | None]) -> Mapped:
        """Replace matches (repl returning None keeps the match); offsets follow the edits."""
        out: list[str] = []
        so: list[int] = []
        eo: list[int] = []
        last = 0
        changed = False
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new is None:
                continue
            changed = True
            out.append(self.text[last : m.start()])
            so.extend(self.start_of[last : m.start()])
            eo.extend(self.end_of[last : m.start()])
            if m.end() > m.start():
                a, b = self.start_of[m.start()], self.end_of[m.end() - 1]
            else:
                a = self.start_of[m.start()] if m.start() < len(self.text) else (self.end_of[-1] if eo else 0)
                b = a
            out.append(new)
            so.extend([a] * len(new))
            eo.extend([b] * len(new))
            last = m.end()
        if not changed:
            return self  # nothing replaced: the same text and offsets
        out.append(self.text[last:])
        so.extend(self.start_of[last:])
        eo.extend(self.end_of[last:])
        return Mapped("".join(out), so, eo)


_TYPO = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": " - ",
    "\u2212": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\ufeff": "",
    "\u2026": "...",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb00": "ff",
    "\r": "",
}
_TYPO_RE = re.compile("[" + "".join(re.escape(k) for k in _TYPO) + "]")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,500}\)")
_MD_MARK = re.compile(
    r"(?m)^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\S))|\*\*|__|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)|`"
)
_LINE_HYPHEN = re.compile(r"(?<=[a-z])-[ \t]*\n[ \t]*(?=[a-z])")


def clean(text: str) -> Mapped:
    """Smart quotes, dashes, odd spaces, soft hyphens, Markdown marks, line-end hyphenation."""
    m = Mapped.identity(text)
    m = m.sub(_TYPO_RE, lambda x: _TYPO[x.group()])
    m = m.sub(_MD_LINK, lambda x: x.group(1))
    m = m.sub(_MD_MARK, lambda x: "")
    m = m.sub(_LINE_HYPHEN, lambda x: "")
    return m


_SENT_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n[ \t]*\n+")
_ABBREV = re.compile(
    r"(?:\b(?:Art|No|Nos|Mr|Mrs|Ms|Dr|St|Gen|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    r"U\.S|U\.K|e\.g|i\.e|etc|para|paras|cf|vs|approx)|\b[A-Z])\.$"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans [start, end): split after . ! ? before a capital or digit, and at blank lines."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        head = text[start : m.start()]
        if not m.group().startswith("\n") and _ABBREV.search(head[-12:]):
            continue
        if head.strip():
            out.append(_trim(text, start, m.start()))
        start = m.end()
    if text[start:].strip():
        out.append(_trim(text, start, len(text)))
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
