"""Column list pages: the articles they list and the other pages of the same column."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree
from scrapy.http import TextResponse

from szpu_crawler.pages.text import clean_text
from szpu_crawler.pages.tree import TEXT_NODES, page_tree
from szpu_crawler.site import article_ids, canonical_url

LIST_DATE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")

# Links in the page's chrome (menu, header, footer) are not list items.
_ARTICLE_LINKS = etree.XPath(
    "//a[contains(@href, 'info/')][not(ancestor::*[contains(@class, 'nav') "
    "or contains(@class, 'menu') or contains(@class, 'header') or contains(@class, 'footer')])]"
)
_LIST_ITEM_TEXT = etree.XPath("(ancestor::li[1] | ..)[last()]//text()")
_HREFS = etree.XPath("//a/@href")


@dataclass(frozen=True)
class ListedArticle:
    url: str
    title: str | None
    date_listed_raw: str | None


@dataclass(frozen=True)
class ListPage:
    articles: tuple[ListedArticle, ...]
    page_urls: tuple[str, ...]
    next_page_url: str | None  # the next older page, or None on the last one


def _column_page_pattern(first_page_url: str) -> re.Pattern[str]:
    """Pages of one column: `News.htm` itself and the reverse pager's `News/<n>.htm`."""
    first_path = urlsplit(first_page_url).path
    stem = re.escape(first_path.removesuffix(".htm"))
    return re.compile(rf"^(?:{re.escape(first_path)}|{stem}/\d+\.htm)$")


def _page_number(url: str) -> float:
    """Reverse pagination numbers pages from the oldest: the first page (`News.htm`) is newest."""
    match = re.search(r"/(\d+)\.htm$", urlsplit(url).path)
    return int(match.group(1)) if match else float("inf")


def next_page(page_url: str, page_urls: tuple[str, ...]) -> str | None:
    """The pager link just older than `page_url`: the highest number below its own."""
    current = _page_number(page_url)
    older = [url for url in page_urls if _page_number(url) < current]
    return max(older, key=_page_number, default=None)


def parse_list_page(response: TextResponse, base_url: str, first_page_url: str) -> ListPage:
    """The articles a column list page lists, in order, and every pager link of that column.

    Pager links are recognised by the URL shape the CMS gives them, so the pager's labels
    (Chinese or English) and class names do not matter.
    """
    root = page_tree(response)
    articles: dict[str, ListedArticle] = {}
    for link in _ARTICLE_LINKS(root):
        url = canonical_url(response.urljoin(link.get("href")), base_url)
        if url is None or article_ids(url) is None or url in articles:
            continue
        title = clean_text(link.get("title") or " ".join(TEXT_NODES(link)))
        item_text = " ".join(_LIST_ITEM_TEXT(link))
        date = LIST_DATE.search(item_text)
        articles[url] = ListedArticle(url, title or None, date.group(0) if date else None)

    pattern = _column_page_pattern(response.urljoin(first_page_url))
    page_urls: dict[str, None] = {}
    this_page = canonical_url(response.url, base_url)
    stem = posixpath.basename(urlsplit(first_page_url).path).removesuffix(".htm")
    for href in _HREFS(root):
        if stem not in href and not href.rstrip("/").split("/")[-1][:1].isdigit():
            continue  # not a page of this column: skip it before resolving
        url = canonical_url(response.urljoin(href), base_url)
        if url and url != this_page and pattern.match(urlsplit(url).path):
            page_urls[url] = None
    pages = tuple(page_urls)
    return ListPage(tuple(articles.values()), pages, next_page(this_page, pages))
