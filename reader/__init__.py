"""A terminal news reader with extractive summaries."""

__version__ = "0.1.0"
