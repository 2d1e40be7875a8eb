"""The HTTP API (FastAPI): versioned JSON endpoints that mirror the CLI, and the web pages."""
