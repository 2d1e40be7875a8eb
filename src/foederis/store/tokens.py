"""Write tokens: the secret is shown once; only its sha256 is stored."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from foederis.store.models import TokenRow

PREFIX = "fdr_"


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(engine: Engine, name: str = "") -> str:
    """Make a new token, store its hash, and return the secret (the only time it is seen)."""
    secret = PREFIX + secrets.token_urlsafe(32)
    with Session(engine) as s, s.begin():
        s.add(TokenRow(name=name, sha256=token_hash(secret), created_at=datetime.now(UTC)))
    return secret


def check_token(engine: Engine, secret: str | None) -> str | None:
    """The token's name if `secret` is a known token, else None."""
    if not secret or len(secret) > 200:
        return None
    digest = token_hash(secret)
    with Session(engine) as s:
        row = s.scalar(select(TokenRow).where(TokenRow.sha256 == digest))
        if row is None or not hmac.compare_digest(row.sha256, digest):
            return None
        return row.name or f"token {row.id}"
