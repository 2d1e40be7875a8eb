"""The `foederis` command line (Typer + Rich)."""
