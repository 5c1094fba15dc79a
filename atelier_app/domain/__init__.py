"""The pure heart of Atelier: records as frozen dataclasses and the centre's rules.

Nothing here may import tkinter, ttkbootstrap, TinyDB, reportlab or pandas (tests/test_architecture.py);
pandas is not even installed for users, only for the tests and the benchmarks.
"""
