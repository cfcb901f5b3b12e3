"""Routing decisions of the spider, on single responses."""

import asyncio

from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from szpu_crawler.pages.listing import ListedArticle
from szpu_crawler.spiders.news import NewsSpider
from tests.conftest import SITE_BASE_URL as BASE


def make_spider(**settings):
    crawler = get_crawler(NewsSpider, {"SZPU_BASE_URL": BASE, **settings})
    crawler.stats.open_spider()
    spider = NewsSpider.from_crawler(crawler)
    crawler.spider = spider
    return spider


def test_columns_come_from_the_navigation(page):
    requests = list(make_spider().parse_home(page("/index.htm")))
    assert [(r.url, r.cb_kwargs["section"]) for r in requests] == [
        (BASE + "News___Events/News.htm", "News"),
        (BASE + "News___Events/Events.htm", "Events"),
    ]


def test_known_column_paths_are_the_fallback_and_are_counted(caplog):
    spider = make_spider()
    home = HtmlResponse(url=BASE, body=b"<html><body><a href='/News.htm'>News</a></body></html>")
    requests = list(spider.parse_home(home))
    assert [r.url for r in requests] == [BASE + "News.htm", BASE + "News___Events/Events.htm"]
    assert spider.crawler.stats.get_value("szpu/columns/fallback") == 1
    assert "Column 'Events' not found in the navigation" in caplog.text


def test_list_page_routes_to_articles_then_other_pager_pages(page):
    spider = make_spider()
    first = BASE + "News___Events/Events.htm"
    requests = list(spider.parse_list(page("/News___Events/Events.htm"), "Events", first))
    assert [(r.url.removeprefix(BASE), r.callback.__name__) for r in requests] == [
        ("info/1162/2602.htm", "parse_article"),
        ("info/1162/2571.htm", "parse_article"),
        ("info/1162/2555.htm", "parse_article"),
        ("info/1162/2521.htm", "parse_article"),
        ("info/1162/2503.htm", "parse_article"),
        ("News___Events/Events/2.htm", "parse_list"),
        ("News___Events/Events/1.htm", "parse_list"),
    ]


def test_articles_of_other_columns_listed_in_a_news_list_are_skipped():
    spider = make_spider()
    response = HtmlResponse(
        url=BASE + "News___Events/News.htm",
        body=b"<ul><li><a href='../info/1217/1420.htm'>Faculty</a><span>2024-01-01</span></li>"
        b"<li><a href='../info/1161/5.htm'>News</a><span>2024-01-02</span></li></ul>",
    )
    requests = list(spider.parse_list(response, "News", response.url))
    assert [r.url for r in requests] == [BASE + "info/1161/5.htm"]
    assert spider.crawler.stats.get_value("szpu/list/other_column") == 1


def test_article_record_carries_ids_section_and_list_fields(page):
    listed = ListedArticle(BASE + "info/1162/2375.htm", "Teachers' Day", "2024-09-10")
    (record,) = make_spider().parse_article(page("/info/1162/2375.htm"), listed)
    assert {k: record[k] for k in ("url", "column_id", "article_id", "section")} == {
        "url": BASE + "info/1162/2375.htm",
        "column_id": "1162",
        "article_id": "2375",
        "section": "Events",
    }
    assert (record["date_listed_raw"], record["title_listed"]) == ("2024-09-10", "Teachers' Day")


def test_start_request_is_the_base_url():
    async def first_request():
        async for request in make_spider().start():
            return request

    request = asyncio.run(first_request())
    assert isinstance(request, Request)
    assert request.url == BASE
