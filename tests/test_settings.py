"""The project's defaults, as `scrapy crawl` loads them."""

import os
import subprocess
import sys

import pytest
from scrapy.utils.project import get_project_settings

from tests.conftest import PROJECT_ROOT


@pytest.fixture
def settings(monkeypatch):
    monkeypatch.chdir(PROJECT_ROOT)
    for name in list(os.environ):
        if name.startswith("SZPU_"):
            monkeypatch.delenv(name)
    return get_project_settings()


def test_polite_defaults(settings):
    assert settings.getbool("ROBOTSTXT_OBEY") is True
    assert settings.getbool("AUTOTHROTTLE_ENABLED") is True
    assert settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN") == 2
    assert settings.getfloat("DOWNLOAD_DELAY") == 1.0
    assert settings.get("USER_AGENT") == (
        "szpu-crawler/0.1.0 (+https://github.com/szpu-crawler/szpu-crawler)"
    )


def test_base_url_default_is_the_real_site(settings):
    assert settings.get("SZPU_BASE_URL") == "https://english.szpu.edu.cn/"


def test_environment_overrides_a_default():
    environment = {**os.environ, "SZPU_BASE_URL": "http://127.0.0.1:9/"}
    result = subprocess.run(
        [sys.executable, "-m", "scrapy", "settings", "--get", "SZPU_BASE_URL"],
        cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == "http://127.0.0.1:9/"
