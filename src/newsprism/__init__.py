"""newsprism: read one news story through every outlet that covers it.

>>> import newsprism
>>> report = newsprism.analyze(["examples/"], db=":memory:")  # doctest: +SKIP
>>> report.to_html()  # doctest: +SKIP
"""

from .api import analyze
from .config import Settings
from .report import Report
from .version import __version__

__all__ = ["Report", "Settings", "__version__", "analyze"]
