"""Units of measure, for :mod:`newsprism.analysis.values` (values of one fact) and
:mod:`newsprism.analysis.measures` (measures across a story): each unit's dimension and factor to SI,
and the place a distance is measured from."""

from __future__ import annotations

import re

# Single letters are matched in lower case only ("2m"), and only by patterns that allow them.
UNITS: dict[str, tuple[str, float]] = {
    **dict.fromkeys(("m", "meter", "meters", "metre", "metres"), ("length", 1.0)),
    **dict.fromkeys(("km", "kilometer", "kilometers", "kilometre", "kilometres"), ("length", 1000.0)),
    **dict.fromkeys(("cm", "centimeter", "centimeters", "centimetre", "centimetres"), ("length", 0.01)),
    **dict.fromkeys(("ft", "foot", "feet"), ("length", 0.3048)),
    **dict.fromkeys(("inch", "inches"), ("length", 0.0254)),
    **dict.fromkeys(("yard", "yards"), ("length", 0.9144)),
    **dict.fromkeys(("mile", "miles"), ("length", 1609.344)),
    **dict.fromkeys(("nautical mile", "nautical miles"), ("length", 1852.0)),
    **dict.fromkeys(("acre", "acres"), ("area", 4046.856)),
    **dict.fromkeys(("hectare", "hectares"), ("area", 10_000.0)),
    **dict.fromkeys(("kg", "kilogram", "kilograms", "kilo", "kilos"), ("weight", 1.0)),
    **dict.fromkeys(("g", "gram", "grams"), ("weight", 0.001)),
    **dict.fromkeys(("lb", "lbs", "pound", "pounds"), ("weight", 0.45359237)),
    **dict.fromkeys(("ounce", "ounces", "oz"), ("weight", 0.028349523)),
    **dict.fromkeys(("tonne", "tonnes"), ("weight", 1000.0)),
    **dict.fromkeys(("min", "mins", "minute", "minutes"), ("duration", 60.0)),
    **dict.fromkeys(("hr", "hrs", "hour", "hours"), ("duration", 3600.0)),
}
# The units of more than one letter, longest first, as a pattern's alternatives.
UNIT = "|".join(sorted((u for u in UNITS if len(u) > 1), key=len, reverse=True))
FIGURE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
DIGIT = re.compile(r"\d")  # what every figure holds
# A distance from a named place: "90 miles north of Las Vegas", "12 miles off the Izu Peninsula",
# "56 nautical miles (103 kilometers) southwest of Yokosuka", "56 nautical miles from the port of Yokosuka".
COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
FROM_PLACE = re.compile(
    rf"\s*(?:\([^()]*\)\s*)?(?:(?i:{COMPASS})\s+|away\s+)?(?:of|from|off|outside)\s+(?:the\s+)?"
    r"(?:[a-z]+\s+of\s+(?:the\s+)?)?(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
)
# How much longer one outlet's distance between two places may be than another's: a road's length over
# the straight line (the circuity of road networks is about 1.2 to 1.4), or a distance from the edge of
# a town against one from its centre.
DETOUR = 1.3


def half_step(figure: str) -> float:
    """Half the step of the last written digit; round hundreds and thousands are rounded ("8,000")."""
    if "." in figure:
        return 0.5 * 10 ** -len(figure.split(".")[1])
    zeros = len(figure) - len(figure.rstrip("0")) if int(figure) >= 100 else 0
    return 0.5 * 10**zeros


def unit_key(written: str) -> str:
    """A unit as :data:`UNITS` spells it: single letters keep their case ("m" is not "M")."""
    return written if written in ("m", "g") else written.lower()
