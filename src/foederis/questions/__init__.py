"""Questions: typed functions from input to typed answers (pydantic), built on the engine.

This is the one place where an answer's shape is defined; the CLI and the HTTP API render them.
"""
