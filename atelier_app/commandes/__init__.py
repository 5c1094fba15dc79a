"""Sub-commands of `atelier`, one module per area (see cli.MODULES)."""
