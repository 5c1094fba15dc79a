"""Tabs of a person's file, one module per area: ``TITRE``, ``ORDRE``, ``construire(parent, app, personne)``."""
