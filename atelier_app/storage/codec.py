"""Frozen dataclasses to JSON-ready dicts and back, driven by the type hints.

Why hand-written and generic: every record kind goes through the same path, dates always become
ISO strings, tuples become lists, and a new field with a default needs no change here.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Any, TypeVar, Union

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@cache
def _fields(cls: type) -> tuple[dataclasses.Field, ...]:
    return tuple(f for f in dataclasses.fields(cls) if f.init)


_SIMPLES = (str, int, float, bool, type(None))


def to_dict(obj: Any) -> Any:
    t: type = type(obj)  # plain ``type``: mypy sees no ``type[Any]`` as Hashable for functools.cache
    if t in _SIMPLES:
        return obj
    if hasattr(t, "__dataclass_fields__"):
        return {f.name: (v if type(v) in _SIMPLES else to_dict(v))
                for f in _fields(t) for v in (getattr(obj, f.name),)}
    if isinstance(obj, datetime):
        return obj.isoformat(timespec="seconds")
    if isinstance(obj, date):
        return obj.isoformat()
    if isinstance(obj, (list, tuple)):
        return [v if type(v) in _SIMPLES else to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    return obj


Conversion = Callable[[Any], Any]


@cache
def _plan(cls: type) -> tuple[tuple[str, Conversion | None], ...]:
    """For each field, the conversion of its stored value (None: kept as stored).

    Why worked out once per class: reading a year of sessions decodes tens of thousands of records,
    and walking the type hints again for each value cost more than the rest of the reading.
    """
    hints = _hints(cls)
    return tuple((f.name, _conversion(hints[f.name])) for f in _fields(cls))


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Build ``cls`` from stored data; unknown keys are ignored, missing ones take their default."""
    kind: type = cls  # plain ``type``: mypy sees no ``type[T]`` as Hashable for functools.cache
    kwargs = {}
    for nom, conv in _plan(kind):
        if nom in data:
            v = data[nom]
            kwargs[nom] = v if conv is None or v is None else conv(v)
    return cls(**kwargs)


def _date(v: Any) -> Any:
    return v if isinstance(v, date) else date.fromisoformat(v)


def _datetime(v: Any) -> Any:
    return v if isinstance(v, datetime) else datetime.fromisoformat(v)


def _int(v: Any) -> Any:
    return int(v) if isinstance(v, str) else v


def _float(v: Any) -> Any:
    return float(v) if isinstance(v, int) else v


@cache
def _conversion(tp: Any) -> Conversion | None:
    origin = typing.get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _conversion(args[0]) if len(args) == 1 else None
    if origin in (tuple, list):
        inner = _conversion(typing.get_args(tp)[0])
        if inner is None:
            return tuple if origin is tuple else list
        if origin is tuple:
            return lambda v: tuple(None if x is None else inner(x) for x in v)
        return lambda v: [None if x is None else inner(x) for x in v]
    if origin is dict:
        return dict
    if tp is datetime:
        return _datetime
    if tp is date:
        return _date
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):  # a hint is a class, never an instance
        return lambda v: v if isinstance(v, tp) else from_dict(tp, v)
    if tp is int:
        return _int
    if tp is float:
        return _float
    return None


def _convert(tp: Any, value: Any) -> Any:
    """One stored value to the type ``tp`` (None stays None)."""
    if value is None:
        return None
    conv = _conversion(tp)
    return value if conv is None else conv(value)
