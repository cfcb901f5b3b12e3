"""Hostile conditions: a server that misbehaves on purpose, bad pages, hostile links.

One crawl of a mirror with every fault at once; each fault gets its own assertion.
"""

import json

import pytest

from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.content import ARTICLES, Byline, MirrorArticle, P
from szpu_crawler.mirror.server import MirrorServer
from tests.conftest import read_jsonl, run_crawl


def extra(article_id: str, title: str) -> MirrorArticle:
    return MirrorArticle(
        column_id="1161", article_id=article_id, title=title, published="2025-11-20 10:00",
        body=(P(f"This page is the {title.lower()} case of the hostile tests."), Byline("(Test)")),
    )  # fmt: skip


BROKEN, EMPTY, GBK, UNTITLED, BINARY, HUGE = (
    extra("9001", "Broken HTML"), extra("9002", "Empty"), extra("9003", "GBK"),
    extra("9004", "Untitled"), extra("9005", "Binary"), extra("9006", "Huge"),
)  # fmt: skip
GBK_TITLE = "深圳职业技术大学举办国际文化节"
HOSTILE_LINKS = (
    '<li><a href="http://evil.example.com/info/1161/1.htm">Elsewhere</a><span>2025-11-20</span></li>'
    '<li><a href="javascript:alert(1)">Script</a><span>2025-11-20</span></li>'
    '<li><a href="mailto:someone@example.com">Mail</a><span>2025-11-20</span></li>'
    f'<li><a href="../info/1161/{"9" * 5000}.htm">Long</a><span>2025-11-20</span></li>'
    '<li><a href="../info/1161/..%2F..%2F..%2Fetc%2Fpasswd.htm">Slashes</a></li>'
    '<li><a href="../info/1161/../../../../etc/passwd">Dots</a></li>'
    '<li><a href="../info/%2e%2e/1161/7.htm">Dots encoded</a></li>'
)
FAULTS = {
    "/info/1161/2290.htm": ["503", "503"],  # recovers on the third try
    "/info/1161/2320.htm": ["reset"],  # recovers
    "/info/1161/2398.htm": ["truncate"],  # recovers
    "/info/1161/2462.htm": ["slow:3"],  # times out once, recovers
    "/info/1161/2455.htm": ["redirect"] * 40,  # a redirect loop: lost this run
    "/info/1162/2433.htm": ["charset:iso-8859-1"],  # a UTF-8 page said to be Latin-1
}


def make_hostile_mirror(root):
    build_mirror(root, (*ARTICLES, BROKEN, EMPTY, GBK, UNTITLED, BINARY, HUGE))
    page = root / "info/1161/9001.htm"
    html = page.read_text()
    cut = html.index("hostile tests.") + len("hostile tests.")
    page.write_text(html[:cut])  # cut inside the body: nothing after it is ever closed
    (root / "info/1161/9002.htm").write_bytes(b"")
    (root / "info/1161/9003.htm").write_bytes(
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">'
        f"<title>{GBK_TITLE}</title></head><body><div class='position'>Position : "
        f"<a href='/index.htm'>Home</a> &gt; <a href='/News___Events/News.htm'>News</a></div>"
        f"<h1>{GBK_TITLE}</h1><div>Date: Nov 20, 2025</div><div id='vsb_content'>"
        f"<p>国际学生参加了文化节。</p></div></body></html>".encode("gbk")
    )
    (root / "info/1161/9004.htm").write_text(
        "<html><body><div><p>Only a paragraph, with no title, breadcrumb or date line at all."
        "</p><p>And a second one.</p></div></body></html>"
    )
    (root / "info/1161/9005.htm").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4000))
    huge = root / "info/1161/9006.htm"
    huge.write_text(huge.read_text() + "<!--" + "x" * (17 * 1024 * 1024) + "-->")
    news = root / "News___Events/News.htm"
    news.write_text(news.read_text().replace("</ul></div>", HOSTILE_LINKS + "</ul></div>", 1))
    (root / "info/1161/2478.htm").unlink()  # listed, but 404
    return root


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    root = make_hostile_mirror(tmp_path_factory.mktemp("hostile") / "mirror")
    output = tmp_path_factory.mktemp("hostile-output")
    faults = {path: list(listed) for path, listed in FAULTS.items()}
    with MirrorServer(root, faults=faults) as server:
        first = run_crawl(server.base_url, output, "-s", "DOWNLOAD_TIMEOUT=1")
        first_requests = [path for path, _ in server.requests]
        server.requests.clear()
        second = run_crawl(server.base_url, output, "-s", "DOWNLOAD_TIMEOUT=1")
        second_requests = [path for path, _ in server.requests]
    return {
        "base_url": server.base_url, "first": first, "second": second, "output": output,
        "first_requests": first_requests, "second_requests": second_requests,
    }  # fmt: skip


def records_of(hostile, run):
    manifests = sorted((hostile["output"] / "runs").glob("*.json"))
    manifest = json.loads(manifests[run].read_text())
    return manifest, {r["article_id"]: r for r in read_jsonl(manifests[run].with_suffix(".jsonl"))}


def test_the_crawl_finishes_and_says_with_its_exit_status_that_articles_were_lost(hostile):
    log = hostile["first"].stderr
    assert "'finish_reason': 'finished'" in log
    assert hostile["first"].returncode == 1
    assert "Check failed: errors: " in log
    assert "'szpu/failed/article': 4" in log


def test_every_article_that_recovers_within_the_retry_policy_is_captured(hostile):
    _, records = records_of(hostile, 0)
    assert {"2290", "2320", "2398", "2462"} <= set(records)
    assert records["2398"]["body_text"].startswith("From October 2 to 9, a delegation")


@pytest.mark.parametrize(
    ("article", "reason"),
    [
        ("1161/2455", "max redirections reached"),
        ("1161/2478", "HTTP 404"),
        ("1161/9005", "not an HTML page"),
        ("1161/9006", "DownloadCancelledError"),
    ],
)
def test_each_lost_article_is_logged_with_its_url_and_reason_and_retried_next_run(
    hostile, article, reason
):
    url = f"{hostile['base_url']}info/{article}.htm"
    assert f"Could not fetch article {url}: {reason}" in hostile["first"].stderr
    assert f"/info/{article}.htm" in hostile["second_requests"]


def test_the_redirect_loop_recovers_in_the_next_run(hostile):
    _, records = records_of(hostile, 1)
    assert "2455" in records
    assert records["2455"]["change"] == "new"


def test_broken_unclosed_html_still_gives_its_fields(hostile):
    _, records = records_of(hostile, 0)
    assert records["9001"]["title"] == "Broken HTML"
    assert records["9001"]["body_text"] == "This page is the broken html case of the hostile tests."


def test_empty_and_untitled_pages_are_kept_with_null_fields_and_counted(hostile):
    _, records = records_of(hostile, 0)
    assert (records["9002"]["title"], records["9002"]["body_text"]) == (None, None)
    assert (records["9004"]["title"], records["9004"]["date_published_raw"]) == (None, None)
    assert records["9004"]["date_source"] == "list"
    assert records["9004"]["body_text"].startswith("Only a paragraph")
    log = hostile["first"].stderr
    assert f"No title found on {hostile['base_url']}info/1161/9004.htm" in log
    assert "'szpu/missing/title': 2" in log


def test_a_gbk_page_and_a_wrong_charset_header_are_decoded_right(hostile):
    _, records = records_of(hostile, 0)
    assert records["9003"]["title"] == GBK_TITLE
    assert records["9003"]["body_text"] == "国际学生参加了文化节。"
    assert "SZPU’s role as a leader" in records["2433"]["body_text"]
    assert "Wrong charset on" in hostile["first"].stderr
    assert "'szpu/encoding/corrected': 2" in hostile["first"].stderr


def test_mis_encoded_characters_are_kept_as_printed_and_reported(hostile):
    _, records = records_of(hostile, 0)
    assert "alliance\u00e2\u20ac\u2122s" in records["2548"]["body_text"]
    assert "Mis-encoded characters kept as printed on" in hostile["first"].stderr


def test_hostile_links_are_never_followed(hostile):
    requests = hostile["first_requests"] + hostile["second_requests"]
    assert all(path.startswith("/") for path in requests)
    assert not [p for p in requests if "passwd" in p or "%2" in p.lower() or "999999" in p]
    assert not [p for p in requests if p.startswith(("/info/%", "/etc"))]


def test_output_validates_and_stays_in_the_output_folder(hostile):
    assert not (hostile["output"] / "rejects.jsonl").exists()
    assert "szpu/rejected" not in hostile["first"].stderr
    names = {path.name for path in hostile["output"].iterdir()}
    assert names == {
        "articles.jsonl",
        "facts.jsonl",
        "runs",
        "state.sqlite3",
        "run.lock",
        "warc",
        "files",
        "archive.wacz",
    } | {name for name in names if name.startswith("state.sqlite3-")}
