"""The faults a command can meet outside its own logic (files, databases, the terminal), each
turned into one line naming what failed, so no command ends in a traceback.

SQLAlchemy and Rich are looked at only if a command has imported them: the check costs nothing
at start-up."""

from __future__ import annotations

import sys


def describe_fault(exc: BaseException) -> str | None:
    """One line for a fault of the environment or the input, or None for anything else (a bug)."""
    sa = sys.modules.get("sqlalchemy.exc")
    if sa is not None and isinstance(exc, sa.SQLAlchemyError):
        if isinstance(exc, sa.ArgumentError):
            return (
                "--db: not a database URL this program can use; give sqlite:///PATH or "
                f"postgresql://USER@HOST/DB ({_first_line(exc)})"
            )
        if isinstance(exc, sa.DBAPIError) and exc.orig is not None:
            return f"database: {_first_line(exc.orig)}"
        return f"database: {_first_line(exc)}"
    markup = sys.modules.get("rich.errors")
    if markup is not None and isinstance(exc, markup.MarkupError):
        return f"cannot display the text: {_first_line(exc)}"
    if isinstance(exc, OSError):
        where = f" {exc.filename!r}" if exc.filename else ""
        return f"cannot use{where}: {exc.strerror or _first_line(exc)}"
    if isinstance(exc, UnicodeError):
        return f"text encoding: {_first_line(exc)}"
    return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
