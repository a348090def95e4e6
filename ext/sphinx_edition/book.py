"""The computed book: what the compute steps made of the records, frozen before writing.

Built anew at the end of every reading (it is never pickled: every value is a function of
the records and the configuration), then frozen.  While it is frozen the domain refuses
every change (:class:`StoreFrozenError`), until the next reading begins.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

_K = TypeVar("_K")
_V = TypeVar("_V")


class StoreFrozenError(RuntimeError):
    """A change of the edition's store once the book is computed (while writing)."""


class Book:
    """The values of the compute steps, by step name."""

    __slots__ = ("_frozen", "_values")

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}
        self._frozen = False

    @property
    def frozen(self) -> bool:
        return self._frozen

    def freeze(self) -> None:
        self._frozen = True

    def set(self, name: str, value: Any) -> None:
        if self._frozen:
            raise StoreFrozenError(f"the book is computed: {name!r} cannot change now")
        self._values[name] = value

    def get(self, name: str, default: Any = None) -> Any:
        return self._values.get(name, default)

    def __contains__(self, name: str) -> bool:
        return name in self._values


class LazyMapping(Mapping[_K, _V]):
    """A read-only mapping of fixed keys whose values are made by a pure function of the
    key the first time each is asked for.

    For values that few pages ask for and that are dear to make for every key (a work's
    record for each of thousands of entries): the function is the compute step's, fixed
    when the book is computed, so every reader sees the same value whichever asks first.
    """

    __slots__ = ("_keys", "_made", "_make")

    def __init__(self, keys: Mapping[_K, Any], make: Callable[[_K], _V]) -> None:
        self._keys = keys
        self._make = make
        self._made: dict[_K, _V] = {}

    def __getitem__(self, key: _K) -> _V:
        if key not in self._made:
            if key not in self._keys:
                raise KeyError(key)
            self._made[key] = self._make(key)
        return self._made[key]

    def __iter__(self) -> Iterator[_K]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys


__all__ = ["Book", "LazyMapping", "StoreFrozenError"]
