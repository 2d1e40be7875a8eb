"""How much a scenario may hold: text size, events, string lengths, nesting. Shared by every
interface, so the CLI, the HTTP API and the web pages refuse the same inputs the same way."""

from __future__ import annotations

#: Characters in a scenario's YAML text.
MAX_TEXT_CHARS = 200_000
#: Events in one scenario.
MAX_EVENTS = 500
#: Characters in a state name (nearest-match search runs only below this length).
MAX_NAME_CHARS = 100
#: Characters in any other text field (title, note, place, ...; `description` may fill the text).
MAX_FIELD_CHARS = 10_000
#: Nesting depth of the YAML (a scenario needs four levels).
MAX_DEPTH = 20
#: YAML nodes in one document (mappings, lists and scalars).
MAX_NODES = 50_000
