"""Tabs of the Paramètres screen, one module per area: ``TITRE``, ``ORDRE``, ``construire(parent, app)``.

A tab may expose ``VISIBLE(app) -> bool`` to hide itself from roles that may not use it.
"""
