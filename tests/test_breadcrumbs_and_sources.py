import pytest

from szpu_crawler.normalize.breadcrumbs import normalize_breadcrumbs
from szpu_crawler.normalize.sources import parse_source_stamp

BASE = "https://english.szpu.edu.cn/"
HOME = {"name": "Home", "url": BASE + "index.htm"}
SECTION = {"name": "News & Events", "url": BASE + "News___Events.htm"}
EVENTS = {"name": "Events", "url": BASE + "News___Events/Events.htm"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            [HOME, SECTION, EVENTS, {"name": "Content", "url": None}],
            [HOME, SECTION, EVENTS],
        ),
        (
            [HOME, {"name": "News&Events", "url": BASE + "News___Events.htm"}, EVENTS,
             {"name": "Content", "url": None}],
            [HOME, SECTION, EVENTS],
        ),
        (
            [{"name": " Home\u00a0", "url": "http://english.szpt.edu.cn/index.htm"},
             {"name": "News &amp;  Events", "url": "http://english.szpt.edu.cn/News___Events.htm"},
             {"name": "Events", "url": "http://english.szpt.edu.cn/News___Events/Events.htm"},
             {"name": "Content", "url": "http://english.szpt.edu.cn/info/1162/2433.htm"}],
            [HOME, SECTION, EVENTS],
        ),
        (
            [HOME, SECTION, {"name": "News", "url": BASE + "News___Events/News.htm"}],
            [HOME, SECTION, {"name": "News", "url": BASE + "News___Events/News.htm"}],
        ),
        (
            [HOME, {"name": "Faculties", "url": None}, {"name": "Xili Campus", "url": None},
             {"name": "School of Communication", "url": None}, {"name": "Content", "url": None}],
            [HOME, {"name": "Faculties", "url": None}, {"name": "Xili Campus", "url": None},
             {"name": "School of Communication", "url": None}],
        ),
        ([{"name": "  ", "url": None}, HOME], [HOME]),
        ([], []),
        (None, []),
    ],
)  # fmt: skip
def test_normalize_breadcrumbs(raw, expected):
    assert normalize_breadcrumbs(raw, BASE) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Hongyin Voice of Vocational Education | December 16, 2024, 20:31, Shandong",
            {"name": "Hongyin Voice of Vocational Education",
             "published": "2024-12-16T20:31:00+08:00", "place": "Shandong"},
        ),
        (
            "China Education Daily | 2024-11-02",
            {"name": "China Education Daily", "published": "2024-11-02", "place": None},
        ),
        ("Shenzhen Daily", {"name": "Shenzhen Daily", "published": None, "place": None}),
        (None, None),
    ],
)  # fmt: skip
def test_parse_source_stamp(raw, expected):
    assert parse_source_stamp(raw) == expected
