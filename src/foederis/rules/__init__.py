"""Rules: one module per instrument, each a pure function from the record to legal effects."""
