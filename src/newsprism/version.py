"""The package version, apart so that any module can read it without importing the whole package."""

__version__ = "0.2.0"
