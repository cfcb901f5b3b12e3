"""The home page's navigation: where the news columns are."""

from __future__ import annotations

from lxml import etree
from scrapy.http import TextResponse

from szpu_crawler.pages.text import clean_text
from szpu_crawler.pages.tree import TEXT_NODES, page_tree
from szpu_crawler.site import article_ids, canonical_url

_LINKS = etree.XPath("//a[@href]")


def find_column_links(
    response: TextResponse, base_url: str, column_names: list[str]
) -> dict[str, str]:
    """Column name -> URL of its first list page, for each column the site's menu links to.

    A column is found by the link text the menu gives it (`News`, `Events`); a link that leaves
    the site or leads to an article is not a column.
    """
    wanted = {name.casefold(): name for name in column_names}
    columns: dict[str, str] = {}
    for link in _LINKS(page_tree(response)):
        name = wanted.get(clean_text(" ".join(TEXT_NODES(link))).casefold())
        if name is None or name in columns:
            continue
        url = canonical_url(response.urljoin(link.get("href")), base_url)
        if url and article_ids(url) is None:
            columns[name] = url
    return columns
