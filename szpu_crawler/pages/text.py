"""Visible text of HTML elements, line by line, the way a reader sees the page."""

from __future__ import annotations

import re

from scrapy.http import Response, TextResponse
from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, resolve_encoding

from szpu_crawler.pages.tree import Element

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
SKIPPED_TAGS = frozenset(
    ["script", "style", "head", "noscript", "select", "option", "textarea", "button", "template"]
)

# The CMS's spaces: `&nbsp;`, en, em and thin spaces, ideographic and zero-width spaces, BOMs.
SPACE_CHARACTERS = " \t\r\f\v\u00a0\u2002\u2003\u2009\u3000\u200b\ufeff"
_SPACES = re.compile(f"[{SPACE_CHARACTERS}]+")


def clean_text(text: str) -> str:
    """Collapse the CMS's `&nbsp;`, ideographic and zero-width spaces into single spaces."""
    return _SPACES.sub(" ", text).strip()


def is_blank(text: str) -> bool:
    """Nothing but spaces and line breaks: what `clean_text` empties, without rewriting it."""
    return not text.strip(SPACE_CHARACTERS + "\n")


def _tag(element: Element) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _collect(element: Element, out: list[str], stop: Element | None) -> bool:
    """Append the text of `element` and its tail to `out`; True once `stop` is reached."""
    if element is stop:
        return True
    tag = element.tag
    if isinstance(tag, str) and (tag := tag.lower()) not in SKIPPED_TAGS:
        block = tag in BLOCK_TAGS
        if block or tag == "br":
            out.append("\n")
        if element.text:
            out.append(element.text)
        for child in element:
            if _collect(child, out, stop):
                return True
        if block:
            out.append("\n")
    if element.tail:
        out.append(element.tail)
    return False


def text_lines(element: Element, stop: Element | None = None) -> list[str]:
    """Non-empty lines of visible text: one per block element or `<br>`; with `stop`, only
    the lines before that element begins."""
    out: list[str] = []
    _collect(element, out, stop)
    return _lines(out)


def text_lines_after(start: Element, stop: Element | None = None) -> list[str]:
    """The lines that follow `start` in the page, up to where `stop` begins: the page read
    from a landmark on, without walking what comes before it."""
    out: list[str] = ["\n"]
    node = start
    while node is not None:
        if node.tail:
            out.append(node.tail)
        sibling = node.getnext()
        while sibling is not None:
            if _collect(sibling, out, stop):
                return _lines(out)
            sibling = sibling.getnext()
        node = node.getparent()
        if node is not None and is_block(node):
            out.append("\n")
    return _lines(out)


def _lines(pieces: list[str]) -> list[str]:
    lines = _SPACES.sub(" ", "".join(pieces)).split("\n")
    return [stripped for line in lines if (stripped := line.strip())]


def is_block(element: Element) -> bool:
    return _tag(element) in BLOCK_TAGS


_MOJIBAKE = re.compile("â€|Ã[\x80-\xbf©¨§¶ªº«»]|Â[\xa0-\xbf]")


def looks_binary(response: Response) -> bool:
    """An image or archive served as a page: NUL bytes, or not text at all."""
    return not isinstance(response, TextResponse) or b"\x00" in response.body[:4096]


def trusted_encoding(response: TextResponse) -> tuple[TextResponse, str | None]:
    """The response decoded with the charset its bytes really use, and what was corrected.

    Servers misreport: a `charset=iso-8859-1` header on a UTF-8 page would turn every Chinese
    character and curly quote into mojibake. The page's own `<meta charset>` wins when the bytes
    decode cleanly with it; failing that, UTF-8 does when they decode cleanly as UTF-8.
    """
    header = http_content_type_encoding(response.headers.get("Content-Type", b"").decode("latin-1"))
    declared = html_body_declared_encoding(response.body)
    candidates = [declared] if declared else []
    candidates.append("utf-8")
    if header is None:
        return response, None
    for candidate in candidates:
        if resolve_encoding(candidate) == resolve_encoding(header):
            return response, None
        try:
            response.body.decode(resolve_encoding(candidate) or candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        if candidate == "utf-8" and response.body.isascii():
            return response, None
        note = f"header says {header}, page is {candidate}"
        return response.replace(encoding=candidate), note
    return response, None


def has_mojibake(text: str | None) -> bool:
    """UTF-8 read as Latin-1 somewhere upstream: `â€™` for `’`, `Ã©` for `é`."""
    return bool(text and _MOJIBAKE.search(text))
