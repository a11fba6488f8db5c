"""newsprism: read one news story through every outlet that covers it.

>>> import newsprism
>>> report = newsprism.analyze(["examples/"], db=":memory:")  # doctest: +SKIP
>>> report.to_html()  # doctest: +SKIP
"""

__version__ = "0.1.0"

from .api import analyze  # noqa: E402
from .config import Settings  # noqa: E402
from .report import Report  # noqa: E402

__all__ = ["Report", "Settings", "__version__", "analyze"]
