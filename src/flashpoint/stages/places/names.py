"""Place-name normalisation, shared by the gazetteer build and the geoparser.

A lookup key is a name with case, accents, apostrophes, dots and hyphens folded away:
"Sīstān va Balūchestān" -> "sistan va baluchestan", "Ma'rib" -> "marib", "U.S." -> "us".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FOLD = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "đ": "d",
        "ð": "d",
        "ł": "l",
        "þ": "th",
        "ħ": "h",
        "ŧ": "t",
        "ŀ": "l",
        "-": " ",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
        "/": " ",
        ",": " ",
        "'": "",
        "’": "",
        "‘": "",
        "ʼ": "",
        "ʻ": "",
        "`": "",
        "´": "",
        "ʿ": "",
        "ʾ": "",
        ".": "",
        "(": " ",
        ")": " ",
        "\u00a0": " ",
    }
)
_SPACES = re.compile(r"\s+")
_LATIN_EXTRA = set(" -'’‘ʼʻ`.")

# Arabic articles that news writers often drop ("Hudaydah" for "Al Hudaydah").
ARABIC_ARTICLES = ("al ", "el ", "ad ", "ar ", "as ", "ash ", "at ", "az ", "an ", "adh ", "ath ")


@lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """The lookup key of a place name (cached: the geoparser asks for the same few thousand
    names and spans again and again)."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", bare.translate(_FOLD)).strip()


def is_latin(name: str) -> bool:
    """True when every letter of `name` is Latin script (so the name is worth indexing)."""
    for ch in name:
        if ch.isascii() or ch in _LATIN_EXTRA:
            continue
        if not ch.isalpha() or "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def strip_article(key: str) -> str | None:
    """The key without a leading Arabic article, or None when it has none."""
    for art in ARABIC_ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            return key[len(art) :]
    return None
