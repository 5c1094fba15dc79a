"""Atelier : le suivi des ateliers numériques d'un centre social."""

__version__ = "0.1.0"
