"""Ossetia notebooks: helpers to read, normalise and cite a small corpus of news texts, its evidence tables and figures."""

from .corpus import load_corpus, removals
from .errors import OssetiaError
from .segment import paragraphs, parts, sentences

__all__ = ["load_corpus", "removals", "paragraphs", "parts", "sentences", "OssetiaError"]
__version__ = "0.1.0"
