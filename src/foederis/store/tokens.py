"""Write tokens: the secret is shown once; only its sha256 is stored. A token's name is its
owner: every token of one name may change the scenarios that name created; admin tokens may
change any scenario. Tokens may expire, and `revoke` ends every token of a name at once."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

from pydantic import BaseModel
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from foederis.questions.inputs import InputError, check_text
from foederis.store.models import TokenRow

PREFIX = "fdr_"
MAX_NAME_CHARS = 100
SCOPES = ("write", "admin")


@dataclass(frozen=True)
class Identity:
    """Who a request's token belongs to."""

    name: str
    admin: bool


class TokenInfo(BaseModel):
    """What `token list` shows: never the secret, nor its hash."""

    id: int
    name: str
    scope: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    active: bool


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def check_name(name: str) -> str:
    """A token name: printable text of at most 100 characters (same on SQLite and PostgreSQL)."""
    name = check_text(name, "name", MAX_NAME_CHARS, multiline=False).strip()
    if name.startswith("token "):
        raise InputError("name", "names starting with 'token ' are kept for unnamed tokens")
    return name


def create_token(
    engine: Engine, name: str = "", *, scope: str = "write", expires_at: datetime | None = None
) -> str:
    """Make a new token, store its hash, and return the secret (the only time it is seen)."""
    name = check_name(name)
    if scope not in SCOPES:
        raise InputError(
            "scope", f"{scope!r} is not a scope; valid choices: {', '.join(SCOPES)}", list(SCOPES)
        )
    if expires_at is not None and expires_at <= _now():
        raise InputError("expires", f"{expires_at:%Y-%m-%d %H:%M} UTC is already past")
    secret = PREFIX + secrets.token_urlsafe(32)
    with Session(engine) as s, s.begin():
        s.add(
            TokenRow(
                name=name, sha256=token_hash(secret), scope=scope, created_at=_now(), expires_at=expires_at
            )
        )
    return secret


def _display(row: TokenRow) -> str:
    return row.name or f"token {row.id}"


def identify(engine: Engine, secret: str | None) -> Identity | None:
    """The owner of `secret` if it is a known, unexpired, unrevoked token, else None."""
    if not secret or len(secret) > 200:
        return None
    digest = token_hash(secret)
    with Session(engine) as s:
        row = s.scalar(select(TokenRow).where(TokenRow.sha256 == digest))
        if row is None or not hmac.compare_digest(row.sha256, digest):
            return None
        if row.revoked_at is not None or (row.expires_at is not None and row.expires_at <= _now()):
            return None
        return Identity(_display(row), row.scope == "admin")


def check_token(engine: Engine, secret: str | None) -> str | None:
    """The token's name if `secret` is a valid token, else None."""
    who = identify(engine, secret)
    return who.name if who else None


def list_tokens(engine: Engine) -> list[TokenInfo]:
    """Every token, oldest first, with its scope, expiry and whether it still works."""
    now = _now()
    with Session(engine) as s:
        rows = s.scalars(select(TokenRow).order_by(TokenRow.id)).all()
        return [
            TokenInfo(
                id=r.id,
                name=_display(r),
                scope=r.scope,
                created_at=r.created_at,
                expires_at=r.expires_at,
                revoked_at=r.revoked_at,
                active=r.revoked_at is None and (r.expires_at is None or r.expires_at > now),
            )
            for r in rows
        ]


def revoke_tokens(engine: Engine, name: str) -> int:
    """Revoke every unrevoked token named `name` (or 'token ID'); the number revoked."""
    check_text(name, "name", MAX_NAME_CHARS + 20, multiline=False)
    now = _now()
    with Session(engine) as s, s.begin():
        rows = s.scalars(select(TokenRow).where(TokenRow.revoked_at.is_(None))).all()
        hits = [r for r in rows if _display(r) == name.strip()]
        for r in hits:
            r.revoked_at = now
        return len(hits)
