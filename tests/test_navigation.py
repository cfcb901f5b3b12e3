from scrapy.http import HtmlResponse

from szpu_crawler.pages.navigation import find_column_links
from tests.conftest import SITE_BASE_URL


def test_home_page_menu_leads_to_both_news_columns(page):
    assert find_column_links(page("/index.htm"), SITE_BASE_URL, ["News", "Events"]) == {
        "News": SITE_BASE_URL + "News___Events/News.htm",
        "Events": SITE_BASE_URL + "News___Events/Events.htm",
    }


def test_links_off_the_site_or_to_articles_are_not_columns():
    response = HtmlResponse(
        url=SITE_BASE_URL,
        body=b'<a href="https://example.org/news">News</a><a href="info/1161/1.htm">Events</a>'
        b'<a href="http://english.szpt.edu.cn/Events.htm"> events </a>',
    )
    assert find_column_links(response, SITE_BASE_URL, ["News", "Events"]) == {
        "Events": SITE_BASE_URL + "Events.htm"
    }
