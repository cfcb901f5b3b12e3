from szpu_crawler.pages.listing import ListedArticle, parse_list_page
from tests.conftest import SITE_BASE_URL as BASE

EVENTS = BASE + "News___Events/Events.htm"
NEWS = BASE + "News___Events/News.htm"


def test_first_events_page_lists_newest_articles_and_chinese_pager(page):
    listing = parse_list_page(page("/News___Events/Events.htm"), BASE, EVENTS)
    assert [(a.url.removeprefix(BASE), a.date_listed_raw) for a in listing.articles] == [
        ("info/1162/2602.htm", "2025-10-20"),
        ("info/1162/2571.htm", "2025-07-03"),
        ("info/1162/2555.htm", "2025-05-12"),
        ("info/1162/2521.htm", "2025-03-01"),
        ("info/1162/2503.htm", "2025-02-12"),
    ]
    assert listing.page_urls == (
        BASE + "News___Events/Events/2.htm",
        BASE + "News___Events/Events/1.htm",
    )


def test_list_items_keep_the_full_title_and_the_list_date(page):
    listing = parse_list_page(page("/News___Events/Events/2.htm"), BASE, EVENTS)
    assert listing.articles[1] == ListedArticle(
        url=BASE + "info/1162/2433.htm",
        title=(
            "SZPU Invited to Attend the 2024 World Vocational and Technical Education "
            "Development Conference and Joins the World Vocational and Technical Education "
            "Development Alliance"
        ),
        date_listed_raw="2024-12-04",
    )
    assert listing.articles[2].date_listed_raw == "2024-09-10"
    assert listing.page_urls == (EVENTS, BASE + "News___Events/Events/1.htm")


def test_alias_host_link_is_written_on_the_base_host(page):
    listing = parse_list_page(page("/News___Events/News/2.htm"), BASE, NEWS)
    assert [a.url.removeprefix(BASE) for a in listing.articles] == [
        "info/1161/2462.htm",
        "info/1161/2455.htm",
        "info/1161/2398.htm",
        "info/1161/2320.htm",
        "info/1161/2290.htm",
    ]


def test_english_pager_on_last_page_leads_back(page):
    listing = parse_list_page(page("/News___Events/News/1.htm"), BASE, NEWS)
    assert [a.url.removeprefix(BASE) for a in listing.articles] == [
        "info/1161/2109.htm",
        "info/1161/1702.htm",
        "info/1161/1270.htm",
        "info/1161/702.htm",
    ]
    assert listing.page_urls == (NEWS, BASE + "News___Events/News/2.htm")
