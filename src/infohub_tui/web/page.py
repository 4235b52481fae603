"""The served page as a reader of bundled, offline content should have it: textual-serve's page
loads its font from Google Fonts; here the same font comes from the package's own static files, so
the page makes no request off the server."""

from __future__ import annotations

import re

WEB_FONT_LINK = re.compile(r"<link\b[^>]*\bhref=[\"']https?://fonts\.googleapis\.com/[^>]*>", re.DOTALL)

FONT_FACES = """<style>
@font-face {{
  font-family: "Roboto Mono";
  src: url("{static}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
  font-weight: 100 700;
  font-style: normal;
}}
@font-face {{
  font-family: "Roboto Mono";
  src: url("{static}fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
  font-weight: 100 700;
  font-style: italic;
}}
</style>"""


def offline_page(page: str, static_url: str) -> str:
    """The page with its web-font link replaced by @font-face rules for the font in `static_url`."""
    return WEB_FONT_LINK.sub(lambda _match: FONT_FACES.format(static=static_url), page)
