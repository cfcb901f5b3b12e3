"""Crawler and structured-data extractor for the English news of Shenzhen Polytechnic University."""

__version__ = "0.1.0"
