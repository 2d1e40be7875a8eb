"""Limits on what one request may ask: body size, scenario length, batch size, name shape."""

from __future__ import annotations

import asyncio
import json
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
    #: Seconds a client has to send the whole request body.
    body_read_timeout: float = 10.0


DEFAULT_LIMITS = Limits()


class BodySizeLimit:
    """ASGI middleware: read the whole body first, within a size limit and a time limit.

    A body over the limit gets 413, whether it is announced by Content-Length or sent chunked;
    a body that stalls gets 408 after `read_timeout` seconds. Only then does the app see the
    body, so no route can be reached with a partial or oversized one."""

    def __init__(self, app: ASGIApp, max_bytes: int, read_timeout: float = 10.0) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout

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
                    await _refuse(send, 413, "too_large", f"request body over {self.max_bytes} bytes")
                    return
        try:
            messages = await asyncio.wait_for(self._read(receive), self.read_timeout)
        except TimeoutError:
            await _refuse(
                send, 408, "timeout", f"the request body did not arrive within {self.read_timeout:g} s"
            )
            return
        if messages is None:
            await _refuse(send, 413, "too_large", f"request body over {self.max_bytes} bytes")
            return
        queue = list(messages)

        async def replay() -> Message:
            if queue:
                return queue.pop(0)
            return await receive()

        await self.app(scope, replay, send)

    async def _read(self, receive: Receive) -> list[Message] | None:
        """The body's messages, or None once it passes the limit (then nothing more is read)."""
        seen = 0
        out: list[Message] = []
        while True:
            msg = await receive()
            out.append(msg)
            if msg["type"] != "http.request":
                return out  # the client went away: let the app see the disconnect
            seen += len(msg.get("body", b""))
            if seen > self.max_bytes:
                return None
            if not msg.get("more_body", False):
                return out


async def _refuse(send: Send, status: int, error: str, message: str) -> None:
    body = json.dumps({"error": error, "field": "body", "message": message, "choices": []}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
