"""Sub-commands of this area (registered by cli.py)."""

from __future__ import annotations

import argparse


def ajouter(sous: argparse._SubParsersAction) -> None:
    """This area's sub-commands are added by its issue."""
