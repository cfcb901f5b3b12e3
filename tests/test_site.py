from urllib.parse import urljoin

import pytest

from szpu_crawler.site import article_ids, canonical_url, link_url

BASE = "https://english.szpu.edu.cn/"
MIRROR = "http://127.0.0.1:8765/"


@pytest.mark.parametrize(
    ("url", "base", "expected"),
    [
        ("https://english.szpu.edu.cn/info/1162/2433.htm", BASE, BASE + "info/1162/2433.htm"),
        ("http://english.szpt.edu.cn/info/1161/2290.htm", BASE, BASE + "info/1161/2290.htm"),
        ("http://ENGLISH.SZPT.EDU.CN/info/1161/2290.htm#top", BASE, BASE + "info/1161/2290.htm"),
        ("https://english.szpu.edu.cn:443/About/History.htm", BASE, BASE + "About/History.htm"),
        ("http://english.szpt.edu.cn/info/1161/2290.htm", MIRROR, MIRROR + "info/1161/2290.htm"),
        ("http://127.0.0.1:8765/info/../info/1162/2375.htm", MIRROR, MIRROR + "info/1162/2375.htm"),
        ("/News___Events/Events/2.htm", BASE, BASE + "News___Events/Events/2.htm"),
        (
            "/system/_content/download.jsp?urltype=news&wbfileid=1",
            BASE,
            BASE + "system/_content/download.jsp?urltype=news&wbfileid=1",
        ),
        ("https://www.szpu.edu.cn/", BASE, None),
        ("http://127.0.0.1:9999/index.htm", MIRROR, None),
        ("mailto:iec@szpu.edu.cn", BASE, None),
        ("javascript:void(0)", BASE, None),
        ("ftp://english.szpu.edu.cn/x", BASE, None),
    ],
)
def test_canonical_url_writes_site_urls_on_the_base_host(url, base, expected):
    assert canonical_url(url, base) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://english.szpu.edu.cn/info/1162/2433.htm", ("1162", "2433")),
        ("https://english.szpu.edu.cn/info/1217/1420.htm", ("1217", "1420")),
        ("https://english.szpu.edu.cn/News___Events/News.htm", None),
        ("https://english.szpu.edu.cn/info/1162/2433.html", None),
    ],
)
def test_article_ids_come_from_the_url_shape(url, expected):
    assert article_ids(url) == expected


@pytest.mark.parametrize(
    ("page_url", "href", "expected"),
    [
        (BASE + "info/1162/2433.htm", "../../index.htm", BASE + "index.htm"),
        (BASE + "info/1161/2290.htm", "../../index.htm", BASE + "index.htm"),
        (BASE + "info/1162/2433.htm", "/__local/A/B.jpg", BASE + "__local/A/B.jpg"),
        (BASE + "info/1162/2433.htm", "2434.htm", BASE + "info/1162/2434.htm"),
        (BASE + "info/1162/2433.htm?a=/b/c", "2434.htm", BASE + "info/1162/2434.htm"),
        (BASE + "info/1162/2433.htm", "?page=2", BASE + "info/1162/2433.htm?page=2"),
        (BASE + "info/1162/2433.htm", "#top", BASE + "info/1162/2433.htm"),
        ("https://english.szpu.edu.cn", "News.htm", BASE + "News.htm"),
        (BASE + "info/1162/2433.htm", "http://english.szpt.edu.cn/a.htm", BASE + "a.htm"),
        (BASE + "info/1162/2433.htm", "https://www.szpu.edu.cn/", None),
        (BASE + "info/1162/2433.htm", "javascript:void(0)", None),
    ],
)
def test_link_url_resolves_a_link_as_urljoin_and_canonical_url_would(page_url, href, expected):
    assert link_url(page_url, href, BASE) == expected
    assert canonical_url(urljoin(page_url, href), BASE) == expected
