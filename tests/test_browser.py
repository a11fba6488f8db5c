"""The HTML report opens in headless Chromium and shows every section, with article text escaped."""

import os
import shutil
import subprocess

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs Debian's chromium package")
        pytest.skip("chromium not installed")
    return CHROMIUM


def dump_dom(chromium, page, profile):
    result = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_seed_report_renders_every_section(chromium, seed_report, tmp_path):
    page = tmp_path / "seed.html"
    page.write_text(seed_report.to_html(), encoding="utf-8")
    dom = dump_dom(chromium, page, tmp_path / "profile")
    for title in ("Summary", "Facts by source", "Conflicts", "Provenance", "Entities", "Timeline", "Framing"):
        assert f"<h3>{title}</h3>" in dom
    assert "nearly two decades" in dom and "rewrite" in dom


def test_article_html_is_escaped(chromium, tmp_path):
    import json

    import newsprism

    record = {
        "id": "evil",
        "title": "<script>document.title='pwned'</script>Evil Title",
        "text": "<img src=x onerror=alert(1)> A storm hit the coast on Monday and closed all roads.",
    }
    source = tmp_path / "evil.json"
    source.write_text(json.dumps(record))
    report = newsprism.analyze([source], db=tmp_path / "e.db")
    html = report.to_html()
    assert "<script>document" not in html and "<img src=x" not in html
    page = tmp_path / "evil.html"
    page.write_text(html, encoding="utf-8")
    dom = dump_dom(chromium, page, tmp_path / "profile")
    assert "&lt;script&gt;" in dom and "pwned" not in dom.split("<title>")[1].split("</title>")[0]
