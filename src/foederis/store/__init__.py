"""Saved scenarios and API tokens in a real database (SQLite by default, PostgreSQL by URL)."""
