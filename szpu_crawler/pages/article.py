"""Article pages: raw fields, each taken from the first of several signals that gives it.

The real template's class names were never observed, so every field is looked for in layers:
the CMS's meta tags, its usual containers, and the text markers readers see (`Position :`,
`Date:`). `ArticlePage.signals` says which layer served each field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from lxml import etree
from scrapy.http import TextResponse

from szpu_crawler.normalize.bylines import CREDIT_LABELS, CREDIT_VERBS
from szpu_crawler.pages.text import clean_text, is_blank, is_block, text_lines, text_lines_after
from szpu_crawler.pages.tree import TEXT_NODES, Element, page_tree
from szpu_crawler.site import link_url

POSITION_MARKERS = ("Position", "当前位置", "您的位置")
_POSITION_LINE = re.compile(rf"^\s*(?:{'|'.join(POSITION_MARKERS)})\s*[:：]\s*")
_CRUMB_SEPARATORS = re.compile(r"\s*[>›»]\s*")

_DATE_SHAPES = (
    r"\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?",
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}(?:,?\s+\d{1,2}:\d{2})?",
    r"\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}",
    r"\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2})?",
    r"\d{4}/\d{1,2}/\d{1,2}",
)
_DATE_LINE = re.compile(
    r"(?:^|\s)(?:Date|Time|Published|发布时间|发布日期|日期|时间)\s*[:：]\s*"
    rf"(?:(?P<shaped>{'|'.join(_DATE_SHAPES)})|(?P<other>.+?))"
    r"\s*(?:(?:Clicks|Views|Hits|Source|点击)\s*[:：]?.*)?$"
)
_SOURCE_STAMP = re.compile(r"^[^|]{2,120}\|.*\b(?:19|20)\d{2}\b")
_TITLE_AREA_BYLINE = re.compile(r"^by\s+\S", re.IGNORECASE)
_NAME_SEPARATORS = re.compile(r"[;；]")
_SITE_NAME_SUFFIX = re.compile(r"\s*[-|_]\s*Shenzhen Polytechnic(?: University)?\s*$")
_NAME_WITH_TITLE = re.compile(r"^[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)+\s*,\s*[A-Z][\w\s]+$")

_CLOSING_BYLINE = re.compile(
    rf"^(?:[(（].{{2,200}}[)）]|(?:{CREDIT_VERBS})\s+by\b.{{2,120}}"
    rf"|(?:{CREDIT_LABELS})s?\s*[:：].{{2,120}})$",
    re.IGNORECASE,
)
# The shape first: a paragraph fails at its first character, not after a scan of its length.
_STRAY_CODE = re.compile(r"^(?=[0-9A-F]{4,8}$)(?=.*\d)(?=.*[A-F])")
_SENTENCE_END = re.compile(r"[.!?。！？:：;；]$")
_ATTACHMENT_PATH = re.compile(
    r"(?:download\.jsp|\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|txt|csv))$", re.IGNORECASE
)
CAPTION_MAX_WORDS = 30
HEADING_MAX_WORDS = 20


@dataclass(frozen=True)
class ArticlePage:
    """The raw fields of one article page, as printed; nothing normalised."""

    title: str | None
    subtitle: str | None
    date_published_raw: str | None
    date_meta_raw: str | None
    source_raw: str | None
    breadcrumbs_raw: list[dict[str, str | None]]
    byline_raw: str | None
    body_text: str | None
    headings: list[str]
    images: list[dict[str, str | None]]
    attachments: list[dict[str, str]]
    signals: dict[str, str] = field(default_factory=dict)


# ---- breadcrumbs


_BY_POSITION_MARKER = etree.XPath(
    # Searching from the links and the attributes, not from every element: a few times faster.
    "//body//a/parent::*[not(self::body)][text()[{}]]".format(
        " or ".join(f"contains(., '{marker}')" for marker in POSITION_MARKERS)
    )
)
_BY_CRUMB_CLASS = etree.XPath(
    "//@class[contains(., 'position') or contains(., 'crumb') or contains(., 'location') "
    "or .='dqwz']/.."
)


def _find_breadcrumb(
    root: Element,
) -> tuple[Element | None, str | None]:
    if by_marker := _BY_POSITION_MARKER(root):
        return by_marker[-1], "position-marker"
    if by_class := _BY_CRUMB_CLASS(root):
        return by_class[0], "container"
    return None, None


def _enclosing_link(node: Element, container: Element) -> Element | None:
    while node is not None and node is not container:
        if node.tag == "a":
            return node
        node = node.getparent()
    return None


def parse_breadcrumbs(
    container: Element, page_url: str, base_url: str
) -> list[dict[str, str | None]]:
    """The trail's names and links in page order, `Content` placeholder included."""
    crumbs: list[dict[str, str | None]] = []
    current_link = None
    for node in TEXT_NODES(container):
        owner = node.getparent()
        if node.is_tail:
            owner = owner.getparent()
        link = _enclosing_link(owner, container)
        if link is not None:
            text = clean_text(node)
            if link is current_link:
                crumbs[-1]["name"] = clean_text(f"{crumbs[-1]['name']} {text}")
            elif text:
                href = link.get("href")
                url = link_url(page_url, href, base_url) if href else None
                crumbs.append({"name": text, "url": url})
                current_link = link
            continue
        current_link = None
        text = _POSITION_LINE.sub("", clean_text(node)) if not crumbs else clean_text(node)
        for part in _CRUMB_SEPARATORS.split(text):
            if part.strip(" :："):
                crumbs.append({"name": part.strip(), "url": None})
    return crumbs


# ---- title


# The CMS's meta tags that carry article fields (names compared in lower case).
META_FIELDS = ("articletitle", "pubdate")


def _meta(root: Element) -> dict[str, str]:
    """The non-empty article-field meta tags; the first of each name counts."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or "").lower()
        if (
            name in META_FIELDS
            and name not in found
            and (text := clean_text(meta.get("content") or ""))
        ):
            found[name] = text
    return found


_TITLE_CONTAINERS = tuple(
    etree.XPath(query)
    for query in (
        "//form[@name='_newscontent_fromname']//h1",
        "//@class[contains(., 'titlestyle')]/..",
        "//body//h1",
    )
)


def _title_from_container(root: Element) -> str | None:
    for query in _TITLE_CONTAINERS:
        for element in query(root):
            text = clean_text(" ".join(TEXT_NODES(element)))
            if text:
                return text
    return None


def _title_from_html_title(root: Element) -> str | None:
    title = clean_text(_HTML_TITLE(root))
    title = _SITE_NAME_SUFFIX.sub("", title)
    return title or None


# ---- body


_HTML_TITLE = etree.XPath("string(//title)")
_ELEMENT_TEXT = etree.XPath("string()")
# The CMS's body containers, most specific first; one walk of the tree finds either.
_BODY_CONTAINER_CANDIDATES = etree.XPath(
    "//@class[contains(., 'v_news_content')]/.. | //@id[starts-with(., 'vsb_content')]/.."
)
_BODY_CONTAINERS = (
    (lambda element: "v_news_content" in (element.get("class") or "").split(), "v_news_content"),
    (lambda element: (element.get("id") or "").startswith("vsb_content"), "vsb_content"),
)


def _has_text(element: Element) -> bool:
    return not all(is_blank(text) for text in element.itertext())  # stops at the first


def _find_body(root: Element) -> tuple[Element | None, str | None]:
    candidates = _BODY_CONTAINER_CANDIDATES(root)
    for is_container, signal in _BODY_CONTAINERS:
        found = [element for element in candidates if is_container(element)]
        if found and _has_text(found[0]):
            return found[0], signal
    return _densest_paragraphs(root), "paragraph-density"


def _densest_paragraphs(root: Element) -> Element | None:
    """The element whose own `<p>` children hold the most text: where an article body is."""
    best, best_length = None, 0
    for element in root.iter("div", "td", "section", "article"):
        length = sum(len(clean_text(_ELEMENT_TEXT(p))) for p in element if p.tag == "p")
        if length > best_length:
            best, best_length = element, length
    return best


def _units(container: Element) -> list[Element]:
    """Leaf blocks of the body (paragraphs, headings, photo lines), in order."""
    units = []
    for child in container:
        if not isinstance(child.tag, str):
            continue
        if is_block(child) and any(is_block(d) for d in child.iterdescendants()):
            units.extend(_units(child))
        else:
            units.append(child)
    return units


_BOLD_TEXT = etree.XPath(".//strong//text() | .//b//text()")


def _is_bold(unit: Element, text: str) -> bool:
    if unit.tag in ("h2", "h3", "h4", "h5", "h6"):
        return True
    bold = clean_text(" ".join(_BOLD_TEXT(unit)))
    return bool(bold) and bold == clean_text(" ".join(text.split("\n")))


def _image(img: Element, page_url: str, base_url: str) -> dict[str, str | None] | None:
    src = img.get("src")
    url = link_url(page_url, src, base_url) if src else None
    if url is None:
        return None
    return {"url": url, "caption": None, "alt": clean_text(img.get("alt") or "") or None}


@dataclass
class _Body:
    paragraphs: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    images: list[dict[str, str | None]] = field(default_factory=list)
    closing_lines: list[str] = field(default_factory=list)


def parse_body(container: Element, page_url: str, base_url: str) -> _Body:
    """Paragraphs without captions, stray codes and the closing byline; photos with captions."""
    body = _Body()
    waiting_for_caption: list[dict[str, str | None]] = []
    for unit in _units(container):
        images = [i for i in (_image(img, page_url, base_url) for img in unit.iter("img")) if i]
        text = "\n".join(text_lines(unit))
        body.images.extend(images)
        if images:
            waiting_for_caption = images
        if not text:
            continue
        if _STRAY_CODE.match(text):
            continue
        if waiting_for_caption and len(text.split()) <= CAPTION_MAX_WORDS:
            for image in waiting_for_caption:
                image["caption"] = text
            waiting_for_caption = []
            continue
        waiting_for_caption = []
        if (  # the cheap tests first: most paragraphs are long and end a sentence
            len(text.split()) <= HEADING_MAX_WORDS
            and not _SENTENCE_END.search(text)
            and _is_bold(unit, text)
        ):
            body.headings.append(text)
        body.paragraphs.append(text)
    while body.paragraphs and _CLOSING_BYLINE.match(body.paragraphs[-1]):
        body.closing_lines.insert(0, body.paragraphs.pop())
    return body


def _attachments(root: Element, page_url: str, base_url: str) -> list[dict[str, str]]:
    found: dict[str, dict[str, str]] = {}
    for link in root.iter("a"):
        href = link.get("href")
        if href is None:
            continue
        if not _ATTACHMENT_PATH.search(href.split("#", 1)[0].split("?", 1)[0]):
            continue  # most links are not attachments: skip them before resolving
        url = link_url(page_url, href, base_url)
        if url is None or url in found or not _ATTACHMENT_PATH.search(urlsplit(url).path):
            continue
        name = clean_text(" ".join(TEXT_NODES(link)))
        found[url] = {"url": url, "name": name or unquote(urlsplit(url).path.rsplit("/", 1)[-1])}
    return list(found.values())


# ---- header lines: title, subtitles, title-area byline, source stamp, date line


def _header_lines(
    root: Element,
    crumb_container: Element | None,
    body_container: Element | None,
) -> list[str]:
    """Lines between the breadcrumb line and the body."""
    if crumb_container is not None and (
        body_container is None or crumb_container not in body_container.iterancestors()
    ):
        return text_lines_after(crumb_container, stop=body_container)
    page_lines = text_lines(root, stop=body_container)
    start = next((i + 1 for i, line in enumerate(page_lines) if _POSITION_LINE.match(line)), 0)
    return page_lines[start:]


def date_line_value(line: str) -> str | None:
    """The date as printed on a `Date:`/`Time:`/`Author : Date :` line, label removed."""
    match = _DATE_LINE.search(line)
    if not match:
        return None
    return clean_text(match["shaped"] or match["other"]) or None


def _is_title_area_byline(line: str) -> bool:
    if _TITLE_AREA_BYLINE.match(line):
        return True
    parts = [part.strip() for part in _NAME_SEPARATORS.split(line) if part.strip()]
    return len(parts) >= 2 and all(_NAME_WITH_TITLE.match(part) for part in parts)


def parse_article_page(response: TextResponse, base_url: str) -> ArticlePage:
    """Every raw field of an article page; a field no signal yields is None (or empty)."""
    root = page_tree(response)
    page_url = response.url
    signals: dict[str, str] = {}
    meta = _meta(root)

    crumb_container, crumb_signal = _find_breadcrumb(root)
    breadcrumbs = (
        parse_breadcrumbs(crumb_container, page_url, base_url)
        if crumb_container is not None
        else []
    )
    if crumb_signal and breadcrumbs:
        signals["breadcrumbs_raw"] = crumb_signal

    body_container, body_signal = _find_body(root)
    body = parse_body(body_container, page_url, base_url) if body_container is not None else _Body()
    if body.paragraphs:
        signals["body_text"] = body_signal

    header = _header_lines(root, crumb_container, body_container)
    title = None
    for signal, candidate in (
        ("meta", lambda: meta.get("articletitle")),
        ("container", lambda: _title_from_container(root)),
        ("position-marker", lambda: header[0] if header else None),
        ("html-title", lambda: _title_from_html_title(root)),
    ):
        title = candidate()
        if title:
            signals["title"] = signal
            break

    title_index = next((i for i, line in enumerate(header) if line == title), 0)
    date_index = next((i for i, line in enumerate(header) if date_line_value(line)), None)
    date_published_raw = header[date_index] if date_index is not None else None
    if date_published_raw:
        date_published_raw = date_line_value(date_published_raw)
        signals["date_published_raw"] = "date-marker"
    between = header[title_index + 1 : date_index if date_index is not None else len(header)]
    subtitles, title_bylines, source = [], [], None
    for line in between:
        if source is None and _SOURCE_STAMP.match(line):
            source = line
        elif _is_title_area_byline(line):
            title_bylines.append(line)
        else:
            subtitles.append(line)

    byline_lines = title_bylines + body.closing_lines
    return ArticlePage(
        title=title,
        subtitle="\n".join(subtitles) or None,
        date_published_raw=date_published_raw,
        date_meta_raw=meta.get("pubdate"),
        source_raw=source,
        breadcrumbs_raw=breadcrumbs,
        byline_raw="\n".join(byline_lines) or None,
        body_text="\n\n".join(body.paragraphs) or None,
        headings=body.headings,
        images=body.images,
        attachments=_attachments(root, page_url, base_url),
        signals=signals,
    )
