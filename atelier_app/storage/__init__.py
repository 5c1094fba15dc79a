"""Durable storage: TinyDB files behind one repository, the interchange format and imports."""
