"""Charts drawn from answers (matplotlib): rendering lives here, never in the questions."""
