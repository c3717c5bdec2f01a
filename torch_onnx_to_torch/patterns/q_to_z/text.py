"""Q-Z text ops (RegexFullMatch, StringConcat, StringNormalizer, StringSplit, TfIdfVectorizer):
registered so that they are declined with the reason, not as unknown ops."""

from __future__ import annotations

from ...binder import Binder, Unsupported
from ..families import register_table

_STRINGS = "operates on strings, which torch cannot hold"


def strings(b: Binder):
    """RegexFullMatch-20, StringConcat-20, StringNormalizer-10, StringSplit-20: declined"""
    raise Unsupported(_STRINGS)


def tfidf_vectorizer(b: Binder):
    """TfIdfVectorizer-9: declined for string input"""
    x = b.input(0)
    if b.dtype(x) == "!torch.str":
        raise Unsupported(_STRINGS)
    raise Unsupported("TfIdfVectorizer of integer n-grams is not supported yet")


TABLE = [
    ("RegexFullMatch", 20, strings),
    ("StringConcat", 20, strings),
    ("StringNormalizer", 10, strings),
    ("StringSplit", 20, strings),
    ("TfIdfVectorizer", 9, tfidf_vectorizer),
]


def populate(registry) -> None:
    """Register the Q-Z text patterns (all declined)."""
    register_table(registry, TABLE)
