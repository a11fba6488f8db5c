"""Checks shared by the stage configs: each raises ValueError naming the setting and its allowed range."""

from __future__ import annotations


def check_range(name: str, value: float, low: float, high: float) -> None:
    if not low <= value <= high:
        raise ValueError(f"{name} must be between {low} and {high}, got {value!r}")
