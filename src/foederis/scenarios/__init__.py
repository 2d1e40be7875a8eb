"""Scenarios: hypothetical events laid over the real record and replayed day by day (issue 4)."""
