"""A page's element tree, parsed with lxml's plain HTML parser."""

from __future__ import annotations

from lxml import etree
from scrapy.http import TextResponse

# Element is lxml's plain element class, the type every page-reading function takes.
Element = etree._Element

# The text nodes of an element and its descendants, in page order (comments left out).
TEXT_NODES = etree.XPath(".//text()")

_PARSER = etree.HTMLParser(encoding="utf-8", recover=True, huge_tree=True)
_EMPTY_PAGE = b"<html/>"


def page_tree(response: TextResponse) -> Element:
    """The root of the response's HTML, decoded with the response's encoding.

    Not `response.selector.root`: parsel builds `lxml.html` elements, which call back into
    Python to choose a class for every element touched; reading an article that way cost half
    again as much. Like parsel, NUL bytes are dropped and an empty page is an empty document.
    """
    body = response.text.strip().replace("\x00", "").encode("utf-8") or _EMPTY_PAGE
    root = etree.fromstring(body, parser=_PARSER)
    return root if root is not None else etree.fromstring(_EMPTY_PAGE, parser=_PARSER)
