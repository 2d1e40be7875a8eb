"""foederis: alliances and arms-control treaties as one computable legal machine.

Layers: record -> rules -> engine -> questions -> interfaces (see DESIGN.md).
"""

__version__ = "0.1.0"
