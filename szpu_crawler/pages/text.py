"""Visible text of HTML elements, line by line, the way a reader sees the page."""

from __future__ import annotations

import re

from lxml import html as lxml_html

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

_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2002\u2003\u2009\u3000\u200b\ufeff]+")


def clean_text(text: str) -> str:
    """Collapse the CMS's `&nbsp;`, ideographic and zero-width spaces into single spaces."""
    return _SPACES.sub(" ", text).strip()


def _tag(element: lxml_html.HtmlElement) -> str:
    return element.tag.lower() if isinstance(element.tag, str) else ""


def _collect(element: lxml_html.HtmlElement, out: list[str]) -> None:
    tag = _tag(element)
    visible = isinstance(element.tag, str) and tag not in SKIPPED_TAGS
    if visible:
        block = tag in BLOCK_TAGS
        if block or tag == "br":
            out.append("\n")
        if element.text:
            out.append(element.text)
        for child in element:
            _collect(child, out)
        if block:
            out.append("\n")
    if element.tail:
        out.append(element.tail)


def text_lines(element: lxml_html.HtmlElement) -> list[str]:
    """Non-empty lines of visible text: one per block element or `<br>`."""
    out: list[str] = []
    _collect(element, out)
    lines = (clean_text(line) for line in "".join(out).split("\n"))
    return [line for line in lines if line]


def is_block(element: lxml_html.HtmlElement) -> bool:
    return _tag(element) in BLOCK_TAGS
