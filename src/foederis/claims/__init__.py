"""Claim checking for articles: read (text), repair and match names (matching), find claims (grammar,
extract, quotes), judge them against the record (judge), and render them (report)."""
