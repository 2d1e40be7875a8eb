"""Limits on what one request may ask: body size, scenario length, batch size, name shape."""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from foederis.scenarios import limits as scenario_limits

NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 1_000_000
    max_scenario_chars: int = scenario_limits.MAX_TEXT_CHARS
    max_batch: int = 10_000
    max_conflicts: int = 20
    max_scenario_events: int = scenario_limits.MAX_EVENTS


DEFAULT_LIMITS = Limits()


class BodyTooLarge(Exception):
    """The request body is larger than the limit."""


class BodySizeLimit:
    """ASGI middleware: refuse (413) a body over the limit, by Content-Length or by counting."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    too_big = int(value) > self.max_bytes
                except ValueError:
                    too_big = False
                if too_big:
                    await _refuse(send, self.max_bytes)
                    return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge
            return msg

        try:
            await self.app(scope, counted, send)
        except BodyTooLarge:
            await _refuse(send, self.max_bytes)


async def _refuse(send: Send, max_bytes: int) -> None:
    import json

    body = json.dumps(
        {
            "error": "too_large",
            "field": "body",
            "message": f"request body over {max_bytes} bytes",
            "choices": [],
        }
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})
