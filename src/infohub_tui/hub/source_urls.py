"""Whether a source URL names a document, or only a site's front page, an index or a search."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

# Last path segments that name a listing of documents rather than one document.
_INDEX_SEGMENTS = frozenset(
    {
        "news",
        "newsroom",
        "press",
        "press-releases",
        "pressreleases",
        "releases",
        "blog",
        "blogs",
        "articles",
        "archive",
        "archives",
        "latest",
        "index",
        "home",
        "tag",
        "tags",
        "category",
        "categories",
        "topics",
    }
)
_LISTING_PARENTS = frozenset({"tag", "tags", "category", "categories", "topics", "author", "authors"})
_SEARCH_PARAMETERS = frozenset({"q", "query", "search", "s", "keywords", "term", "searchterm"})
# "/", "/en", "/en-us", "/de_DE": a site's front page in one language.
_LANGUAGE_ONLY = re.compile(r"[a-z]{2}(?:[-_][a-z]{2,4})?", re.IGNORECASE)
_INDEX_FILE = re.compile(r"(?:index|default|home)\.(?:html?|php|aspx?)", re.IGNORECASE)


def not_a_document(url: str) -> str | None:
    """Why `url` cannot be the exact document it cites, or None if it may be one.

    The rules are deliberately simple: an empty path (or one that only names a
    language), a last segment that names a listing (`/news`, `/press-releases`,
    `/tag/...`), a path segment `search`, or a search parameter (`?q=`).
    """
    parts = urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if segments and _INDEX_FILE.fullmatch(segments[-1]):
        segments.pop()
    if any(name.lower() in _SEARCH_PARAMETERS for name, _value in parse_qsl(parts.query)):
        return "a search query"
    if any(segment.lower() == "search" for segment in segments):
        return "a search page"
    if not segments or (len(segments) == 1 and _LANGUAGE_ONLY.fullmatch(segments[0])):
        return "a site's front page"
    if segments[-1].lower() in _INDEX_SEGMENTS:
        return "an index page"
    if len(segments) >= 2 and segments[-2].lower() in _LISTING_PARENTS:
        return "an index page"
    return None
