"""Scheduled runs on the mirror over HTTP: incremental, full, resumed, locked, monitored."""

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from szpu_crawler.archive.warc import read_cdxj_lines
from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.content import ARTICLES, Byline, MirrorArticle, P
from szpu_crawler.mirror.server import MirrorServer
from tests.conftest import crawl_command, crawl_environment, read_jsonl, run_crawl

NEW_ARTICLES = (
    MirrorArticle(
        column_id="1161", article_id="2611", title="SZPU Opens a Low-Altitude Economy College",
        published="2025-11-03 10:00",
        body=(P("The new college opened on November 1 with 40 teachers."), Byline("(Xu Li)")),
    ),
    MirrorArticle(
        column_id="1161", article_id="2615", title="Library Extends Its Opening Hours",
        published="2025-11-10 09:00",
        body=(P("From November 17 the library stays open until midnight."), Byline("(Library)")),
    ),
    MirrorArticle(
        column_id="1162", article_id="2613", title="Autumn Career Fair Draws 300 Employers",
        published="2025-11-05 15:00",
        body=(P("About 300 employers met students at the fair on November 4."), Byline("(Ma Yu)")),
    ),
)  # fmt: skip


def article_requests(server: MirrorServer) -> list[str]:
    return sorted(path for path, _ in server.requests if path.startswith("/info/"))


def run_records(output: Path, run_id: str) -> list[dict]:
    return read_jsonl(output / "runs" / f"{run_id}.jsonl")


def last_manifest(output: Path) -> dict:
    latest = sorted((output / "runs").glob("*.json"))[-1]
    return json.loads(latest.read_text(encoding="utf-8"))


@pytest.fixture
def mirror(tmp_path):
    root = build_mirror(tmp_path / "mirror")
    with MirrorServer(root) as server:
        yield server


def test_a_rerun_with_nothing_new_fetches_no_article_and_writes_an_empty_run_file(mirror, tmp_path):
    output = tmp_path / "output"
    first = run_crawl(mirror.base_url, output)
    assert first.returncode == 0, first.stderr[-3000:]
    assert len(read_jsonl(output / "articles.jsonl")) == 27
    assert last_manifest(output)["counts"]["new"] == 27
    mirror.requests.clear()

    second = run_crawl(mirror.base_url, output)
    assert second.returncode == 0, second.stderr[-3000:]
    # the least a run can ask: robots.txt and the newest page of each column, whose addresses
    # the home page's menu gave the first run
    assert sorted(path for path, _ in mirror.requests) == [
        "/News___Events/Events.htm", "/News___Events/News.htm", "/robots.txt",
    ]  # fmt: skip
    assert "Starting at the columns the home page's menu last gave" in second.stderr
    manifest = last_manifest(output)
    assert manifest["walk"] == "until a known list page"
    assert (output / "runs" / f"{manifest['run_id']}.jsonl").read_bytes() == b""
    assert len(read_jsonl(output / "articles.jsonl")) == 27


def test_a_column_page_that_fails_sends_the_next_run_to_the_home_page(tmp_path):
    root = build_mirror(tmp_path / "mirror")
    output = tmp_path / "output"
    with MirrorServer(root, faults={"/News___Events/News.htm": ["", "404"]}) as server:
        assert run_crawl(server.base_url, output).returncode == 0
        failing = run_crawl(server.base_url, output)
        server.requests.clear()
        healed = run_crawl(server.base_url, output)
    assert failing.returncode == 1
    assert f"Could not fetch page {server.base_url}News___Events/News.htm: HTTP 404" in (
        failing.stderr
    )
    assert healed.returncode == 0, healed.stderr[-3000:]
    assert "/" in {path for path, _ in server.requests}
    assert last_manifest(output)["walk"] == "all list pages"


def test_three_new_articles_shift_the_list_pages_and_are_exactly_what_the_next_run_fetches(
    tmp_path,
):
    root = build_mirror(tmp_path / "mirror")
    output = tmp_path / "output"
    with MirrorServer(root) as server:
        assert run_crawl(server.base_url, output).returncode == 0
        build_mirror(root, ARTICLES + NEW_ARTICLES)
        server.requests.clear()
        result = run_crawl(server.base_url, output)
    assert result.returncode == 0, result.stderr[-3000:]
    assert article_requests(server) == [
        "/info/1161/2611.htm", "/info/1161/2615.htm", "/info/1162/2613.htm",
    ]  # fmt: skip
    manifest = last_manifest(output)
    records = run_records(output, manifest["run_id"])
    assert sorted((r["article_id"], r["change"], r["version"]) for r in records) == [
        ("2611", "new", 1), ("2613", "new", 1), ("2615", "new", 1),
    ]  # fmt: skip
    assert len(read_jsonl(output / "articles.jsonl")) == 30


def test_a_full_run_after_one_edit_gets_304s_and_writes_one_updated_record(mirror, tmp_path):
    output = tmp_path / "output"
    assert run_crawl(mirror.base_url, output).returncode == 0
    edited = mirror.root / "info/1162/2375.htm"
    edited.write_text(
        edited.read_text().replace("30 outstanding teachers", "32 outstanding teachers")
    )
    later = time.time() + 60
    os.utime(edited, (later, later))
    mirror.requests.clear()

    result = run_crawl(mirror.base_url, output, "-a", "mode=full")
    assert result.returncode == 0, result.stderr[-3000:]
    # robots.txt, the home page and the edited article are 200s; every other page a 304
    assert "'downloader/response_status_count/304': 33" in result.stderr
    assert "'downloader/response_status_count/200': 3" in result.stderr
    manifest = last_manifest(output)
    (record,) = run_records(output, manifest["run_id"])
    assert (record["article_id"], record["change"], record["version"]) == ("2375", "updated", 2)
    assert record["previous_hash"] != record["content_hash"]
    current = {r["article_id"]: r for r in read_jsonl(output / "articles.jsonl")}
    assert "32 outstanding teachers" in current["2375"]["body_text"]
    assert current["2375"]["version"] == 2
    assert manifest["counts"]["unchanged"] == 27


def test_an_article_gone_from_the_site_gets_a_tombstone_in_a_full_run(mirror, tmp_path):
    output = tmp_path / "output"
    assert run_crawl(mirror.base_url, output).returncode == 0
    (mirror.root / "info/1162/2503.htm").unlink()
    run_crawl(mirror.base_url, output, "-a", "mode=full")
    manifest = last_manifest(output)
    (tombstone,) = run_records(output, manifest["run_id"])
    assert (tombstone["article_id"], tombstone["change"], tombstone["version"]) == (
        "2503",
        "removed",
        2,
    )
    assert tombstone["title"] == "Lantern Festival Party for International Students"
    assert "2503" not in {r["article_id"] for r in read_jsonl(output / "articles.jsonl")}


def test_an_article_that_failed_is_retried_by_the_next_run(tmp_path):
    root = build_mirror(tmp_path / "mirror")
    output = tmp_path / "output"
    with MirrorServer(root, faults={"/info/1161/2290.htm": ["503"] * 4}) as server:
        first = run_crawl(server.base_url, output)
        assert first.returncode == 1
        assert "Check failed: errors" in first.stderr
        assert "2290" not in {r["article_id"] for r in read_jsonl(output / "articles.jsonl")}
        server.requests.clear()
        second = run_crawl(server.base_url, output)
    assert second.returncode == 0, second.stderr[-3000:]
    assert article_requests(server) == ["/info/1161/2290.htm"]
    assert "2290" in {r["article_id"] for r in read_jsonl(output / "articles.jsonl")}


def test_an_article_no_run_can_fetch_is_set_aside_after_the_retry_runs_until_a_full_run(tmp_path):
    root = build_mirror(tmp_path / "mirror")
    (root / "info/1161/2290.htm").unlink()  # listed, but the site answers 404 from now on
    output = tmp_path / "output"
    runs = []
    with MirrorServer(root) as server:
        for arguments in ([], [], [], ["-a", "mode=full"]):
            server.requests.clear()
            run = run_crawl(server.base_url, output, "-s", "SZPU_RETRY_RUNS=2", *arguments)
            runs.append((run, article_requests(server), last_manifest(output)))
    url = f"{server.base_url}info/1161/2290.htm"
    (first, _, _), (second, retried, _), (third, fetched, manifest), (full, revisited, _) = runs
    assert [first.returncode, second.returncode, third.returncode] == [1, 1, 0]
    assert retried == ["/info/1161/2290.htm"]
    assert fetched == []
    assert (
        f"Set aside after 2 runs failed on it (last: HTTP 404); a full run tries it again: {url}"
        in third.stderr
    )
    assert manifest["counts"]["set_aside"] == 1
    assert manifest["set_aside"] == [{"url": url, "reason": "HTTP 404", "runs_failed": 2}]
    assert "/info/1161/2290.htm" in revisited
    assert "Set aside" not in full.stderr
    assert f"Could not fetch article {url}: HTTP 404" in full.stderr


def captured_count(output: Path) -> int:
    database = output / "state.sqlite3"
    if not database.exists():
        return 0
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=5) as connection:
        try:
            return connection.execute("SELECT count(*) FROM versions").fetchone()[0]
        except sqlite3.OperationalError:
            return 0


def start_slow_crawl(server: MirrorServer, output: Path) -> subprocess.Popen:
    return subprocess.Popen(
        crawl_command(server.base_url, output, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2"),
        cwd=Path(__file__).resolve().parent.parent, env=crawl_environment(),
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def wait_for_captures(output: Path, count: int) -> None:
    deadline = time.monotonic() + 60
    while captured_count(output) < count and time.monotonic() < deadline:
        time.sleep(0.05)


def slow_articles() -> dict[str, list[str]]:
    return {f"/info/{a.column_id}/{a.article_id}.htm": ["slow:0.3"] for a in ARTICLES}


def test_a_run_killed_mid_crawl_then_restarted_ends_with_every_article_once(tmp_path):
    root = build_mirror(tmp_path / "mirror")
    output = tmp_path / "output"
    with MirrorServer(root, faults=slow_articles()) as server:
        process = start_slow_crawl(server, output)
        wait_for_captures(output, 6)
        process.kill()
        process.wait()
        captured_before_kill = captured_count(output)
        assert 6 <= captured_before_kill < 27
        result = run_crawl(server.base_url, output)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "did not finish (killed?)" in result.stderr
    current = read_jsonl(output / "articles.jsonl")
    assert len(current) == len({r["url"] for r in current}) == 27
    manifests = sorted((output / "runs").glob("*.json"))
    assert len(manifests) == 2
    killed, resumed = (m.with_suffix(".jsonl") for m in manifests)
    all_records = read_jsonl(killed) + read_jsonl(resumed)
    assert len(read_jsonl(killed)) == captured_before_kill
    new = sorted(r["url"] for r in all_records if r["change"] == "new")
    assert new == sorted(r["url"] for r in current)
    # the only other record a resumed run may write: the story captured before the kill now
    # also carrying its copy from the other column
    assert all(
        r["change"] == "updated" and r["also_at"] for r in all_records if r["url"] not in new
    )
    assert json.loads(manifests[0].read_text())["finish_reason"] == "killed"
    warcs = sorted((output / "warc").glob("*.warc.gz"))
    check = subprocess.run([Path(sys.executable).parent / "warcio", "check", *warcs])
    assert check.returncode == 0  # the killed run's WARC was cut back to its last whole record
    # its index lines were read back from the cut file: the index points at whole records only
    index = (output / "warc" / "index.cdxj").read_text().splitlines()
    assert index == sorted(line for warc in warcs for line in read_cdxj_lines(warc))


def test_a_second_run_refuses_to_start_while_one_is_going(tmp_path):
    root = build_mirror(tmp_path / "mirror")
    output = tmp_path / "output"
    with MirrorServer(root, faults=slow_articles()) as server:
        first = start_slow_crawl(server, output)
        wait_for_captures(output, 1)
        started = time.monotonic()
        second = run_crawl(server.base_url, output)
        refused_after = time.monotonic() - started
        first_stderr = first.communicate(timeout=120)[1]
    assert second.returncode == 75
    assert "Another crawl is running on" in second.stderr
    assert refused_after < 10
    assert first.returncode == 0, first_stderr[-3000:]
    assert len(read_jsonl(output / "articles.jsonl")) == 27


def test_a_run_with_a_failed_check_exits_non_zero(mirror, tmp_path):
    result = run_crawl(mirror.base_url, tmp_path, "-s", 'SZPU_MIN_COVERAGE={"byline": 1.0}')
    assert result.returncode == 1
    assert (
        "Check failed: coverage/byline: byline found in 0.9286 of the articles parsed "
        "(minimum 1.0)" in result.stderr
    )
    manifest = last_manifest(tmp_path)
    assert [c["name"] for c in manifest["checks"] if not c["passed"]] == ["coverage/byline"]
