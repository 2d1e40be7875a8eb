"""Interfaces: thin layers that parse input, call a question and render the answer."""
