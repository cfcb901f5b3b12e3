"""Offline copies: WARC files that warcio checks, exact bytes, CDXJ, WACZ, revisits, files, and a
replay of one article with pywb."""

import hashlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from szpu_crawler.archive.files import stored_path
from szpu_crawler.archive.warc import read_cdxj_lines
from szpu_crawler.mirror.build import PIXEL
from szpu_crawler.mirror.server import MirrorServer
from tests.conftest import read_jsonl, run_crawl

TOOLS = Path(sys.executable).parent


@pytest.fixture(scope="module")
def archived(mirror_root, tmp_path_factory):
    """A first crawl of the mirror, then a full run that finds every page unchanged."""
    output = tmp_path_factory.mktemp("archive-output")
    with MirrorServer(mirror_root) as server:
        first = run_crawl(server.base_url, output)
        first_urls = {server.base_url.rstrip("/") + path for path, _ in server.requests}
        second = run_crawl(server.base_url, output, "-a", "mode=full")
    assert first.returncode == 0, first.stderr[-3000:]
    assert second.returncode == 0, second.stderr[-3000:]
    warcs = sorted((output / "warc").glob("*.warc.gz"))
    return {"output": output, "base_url": server.base_url, "first_urls": first_urls,
            "warcs": warcs, "records": read_jsonl(output / "articles.jsonl")}  # fmt: skip


def warc_records(path: Path) -> list[tuple[dict, bytes]]:
    with path.open("rb") as stream:
        return [
            (dict(record.rec_headers.headers), record.content_stream().read())
            for record in ArchiveIterator(stream)
        ]


def test_warcio_check_passes_on_every_warc_file(archived):
    assert len(archived["warcs"]) == 2  # one per run
    result = subprocess.run(
        [TOOLS / "warcio", "check", "-v", *archived["warcs"]], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout[-2000:]
    assert "digest pass" in result.stdout
    assert "fail" not in result.stdout.replace("digest pass", "")


def test_each_file_starts_with_warcinfo_and_pairs_requests_with_responses(archived):
    records = warc_records(archived["warcs"][0])
    assert records[0][0]["WARC-Type"] == "warcinfo"
    types = [headers["WARC-Type"] for headers, _ in records[1:]]
    assert types.count("request") == types.count("response") == len(archived["first_urls"])
    responses = {h["WARC-Record-ID"] for h, _ in records if h["WARC-Type"] == "response"}
    assert {h["WARC-Concurrent-To"] for h, _ in records if h["WARC-Type"] == "request"} == responses


def test_every_article_record_points_at_the_exact_bytes_the_server_sent(archived, mirror_root):
    payloads = {h["WARC-Record-ID"]: (h, body) for h, body in warc_records(archived["warcs"][0])}
    for record in archived["records"]:
        headers, body = payloads[record["capture"]["record_id"]]
        assert record["capture"]["warc_file"] == archived["warcs"][0].name
        assert headers["WARC-Payload-Digest"] == record["capture"]["payload_digest"]
        path = record["url"].removeprefix(archived["base_url"])
        assert body == (mirror_root / path).read_bytes()


def test_cdxj_index_lists_every_fetched_url(archived):
    lines = (archived["output"] / "warc" / "index.cdxj").read_text().splitlines()
    indexed = {json.loads(line.split(" ", 2)[2]).get("url") for line in lines}
    assert archived["first_urls"] <= indexed


def test_cdxj_index_written_with_the_records_is_the_one_cdxj_indexer_reads_from_the_files(
    archived,
):
    written = (archived["output"] / "warc" / "index.cdxj").read_text().splitlines()
    read_back = sorted(line for warc in archived["warcs"] for line in read_cdxj_lines(warc))
    assert len(written) > len(archived["first_urls"])  # the first run, and the full second
    assert written == read_back


def test_wacz_validates_and_lists_the_articles_as_pages(archived):
    wacz = archived["output"] / "archive.wacz"
    result = subprocess.run(
        [TOOLS / "wacz", "validate", "-f", wacz], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Validation succeeded" in result.stdout + result.stderr
    with zipfile.ZipFile(wacz) as package:
        pages = [json.loads(line) for line in package.read("pages/pages.jsonl").splitlines()]
    assert {page["url"] for page in pages[1:]} == {r["url"] for r in archived["records"]}


def test_a_second_run_writes_revisit_records_for_unchanged_pages(archived):
    records = warc_records(archived["warcs"][1])
    revisits = [h for h, _ in records if h["WARC-Type"] == "revisit"]
    responses = [h for h, _ in records if h["WARC-Type"] == "response"]
    assert {h["WARC-Profile"] for h in revisits} == {
        "http://netpreserve.org/warc/1.1/revisit/server-not-modified",
        "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
    }
    article_revisits = {h["WARC-Target-URI"] for h in revisits if "/info/" in h["WARC-Target-URI"]}
    assert len(article_revisits) == 28
    # robots.txt and the home page come back with the same payload: revisits too
    assert responses == []
    assert archived["base_url"] + "robots.txt" in {h["WARC-Target-URI"] for h in revisits}
    assert all(h["WARC-Refers-To-Date"] and h["WARC-Refers-To-Target-URI"] for h in revisits)


def test_images_and_attachments_are_stored_by_content_hash_in_the_output_folder(archived):
    seed = next(r for r in archived["records"] if r["article_id"] == "2433")
    digest = hashlib.sha256(PIXEL).hexdigest()
    assert [image["sha256"] for image in seed["images"]] == [digest] * 3
    assert (archived["output"] / seed["images"][0]["local_path"]).read_bytes() == PIXEL
    summer = next(r for r in archived["records"] if r["article_id"] == "2530")
    stored = archived["output"] / summer["attachments"][1]["local_path"]
    assert stored.read_text() == "2025 Summer School Programme.pdf\n"


@pytest.mark.parametrize(
    ("url", "expected_suffix"),
    [
        ("http://x/../../../etc/passwd", ""),
        ("http://x/a/..%2F..%2Fevil.jpg", ".jpg"),
        ("http://x/photo.JPG?x=/../../y", ".jpg"),
        ("http://x/download.jsp?wbfileid=1", ".jsp"),
        ("http://x/a.php%00.jpg", ".jpg"),
        ("http://x/a.tar.gz;rm -rf", ""),
    ],
)
def test_stored_paths_never_leave_the_files_folder(url, expected_suffix):
    path = stored_path(url, b"bytes")
    digest = hashlib.sha256(b"bytes").hexdigest()
    assert path == f"sha256/{digest[:2]}/{digest[2:4]}/{digest}{expected_suffix}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def pywb(tmp_path_factory):
    """pywb in a virtual environment of its own: it pins versions our crawler does not use.
    Set PYWB_VENV to an existing one to save the install."""
    venv = Path(os.environ.get("PYWB_VENV") or tmp_path_factory.mktemp("pywb") / "venv")
    if not (venv / "bin" / "wayback").exists():
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run(
            [venv / "bin" / "pip", "install", "-q", "pywb==2.10.0"], check=True, timeout=900
        )
    return venv / "bin"


def test_pywb_replays_an_article_with_its_title_and_images_offline(archived, pywb, tmp_path):
    subprocess.run([pywb / "wb-manager", "init", "szpu"], cwd=tmp_path, check=True)
    subprocess.run(
        [pywb / "wb-manager", "add", "--unpack-wacz", "szpu", archived["output"] / "archive.wacz"],
        cwd=tmp_path, check=True,
    )  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [pywb / "wayback", "-p", str(port), "-b", "127.0.0.1"], cwd=tmp_path,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    seed = next(r for r in archived["records"] if r["article_id"] == "2433")
    timestamp = "".join(c for c in seed["capture"]["warc_date"] if c.isdigit())[:14]
    try:
        replay = f"http://127.0.0.1:{port}/szpu/{timestamp}mp_/{seed['url']}"
        deadline = time.monotonic() + 60
        while True:
            try:
                page = urllib.request.urlopen(replay, timeout=10).read().decode("utf-8")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        assert "<title>SZPU Invited to Attend the 2024 World Vocational" in page
        photo = seed["images"][0]["url"]
        image = f"/szpu/{timestamp}im_/{photo}"
        assert f'src="{image}"' in page
        replayed_image = urllib.request.urlopen(f"http://127.0.0.1:{port}{image}", timeout=10)
        assert replayed_image.read() == PIXEL
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_warc_files_rotate_by_size_each_with_its_warcinfo(mirror_server, tmp_path):
    result = run_crawl(mirror_server.base_url, tmp_path, "-s", "SZPU_WARC_MAX_SIZE=20000")
    assert result.returncode == 0, result.stderr[-3000:]
    warcs = sorted((tmp_path / "warc").glob("*.warc.gz"))
    assert len(warcs) >= 4
    assert all(warc_records(warc)[0][0]["WARC-Type"] == "warcinfo" for warc in warcs)
    assert all(warc.stat().st_size < 20000 + 64 * 1024 for warc in warcs)
    check = subprocess.run([TOOLS / "warcio", "check", *warcs], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:]
    manifest = json.loads(next((tmp_path / "runs").glob("*.json")).read_text())
    assert manifest["archive"]["warc_files"] == [warc.name for warc in warcs]


def test_a_packaging_failure_fails_the_run_and_keeps_its_records(mirror_server, tmp_path):
    (tmp_path / "archive.wacz").mkdir(parents=True)  # the package cannot be put in place
    result = run_crawl(mirror_server.base_url, tmp_path)
    assert result.returncode == 1
    assert "Could not index or package the archive" in result.stderr
    assert "IsADirectoryError" in result.stderr
    assert len(read_jsonl(tmp_path / "articles.jsonl")) == 27
    manifest = json.loads(next((tmp_path / "runs").glob("*.json")).read_text())
    assert "wacz" not in manifest["outputs"]
    assert (tmp_path / "warc" / "index.cdxj").exists()


def test_warc_files_whose_index_lines_the_state_lacks_are_read_once(mirror_server, tmp_path):
    assert run_crawl(mirror_server.base_url, tmp_path).returncode == 0
    complete = (tmp_path / "warc" / "index.cdxj").read_text()
    with sqlite3.connect(tmp_path / "state.sqlite3") as db:
        db.execute("DELETE FROM cdxj")  # as an archive written before the state kept them
    result = run_crawl(mirror_server.base_url, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    first_warc, _ = sorted((tmp_path / "warc").glob("*.warc.gz"))  # the second run wrote one
    assert f"Indexing {first_warc.name}, whose index lines the state does not hold" in (
        result.stderr
    )
    assert result.stderr.count("whose index lines the state does not hold") == 1
    index = (tmp_path / "warc" / "index.cdxj").read_text()
    assert set(complete.splitlines()) < set(index.splitlines())


def test_a_warc_file_removed_from_the_folder_leaves_the_index_and_the_package(
    mirror_server, tmp_path
):
    assert run_crawl(mirror_server.base_url, tmp_path).returncode == 0
    (first_warc,) = (tmp_path / "warc").glob("*.warc.gz")
    first_warc.unlink()  # an operator moved it to cold storage
    result = run_crawl(mirror_server.base_url, tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    (second_warc,) = (tmp_path / "warc").glob("*.warc.gz")
    filenames = {
        json.loads(line.split(" ", 2)[2])["filename"]
        for line in (tmp_path / "warc" / "index.cdxj").read_text().splitlines()
    }
    assert filenames == {second_warc.name}
    with zipfile.ZipFile(tmp_path / "archive.wacz") as package:
        assert [n for n in package.namelist() if n.startswith("archive/")] == [
            f"archive/{second_warc.name}"
        ]
