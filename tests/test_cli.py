import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsprism.cli import main

from .conftest import EXAMPLES, ROOT

ARTICLE = "Storm Hits Northern Coast\nA strong storm hit the northern coast on Monday, cutting power to 4,000 homes.\n"


def run(args, capsys, cwd=None):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_default_output_is_html_in_working_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(["analyze", EXAMPLES], capsys)
    assert code == 0
    assert (tmp_path / "newsprism-report.html").exists() and (tmp_path / "newsprism.db").exists()
    assert "newsprism-report.html" in err


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("r.json", lambda t: json.loads(t)["schema"] == 1),
        ("r.md", lambda t: t.startswith("# newsprism report")),
        ("r.html", lambda t: t.startswith("<!doctype html>")),
    ],
)
def test_format_follows_extension(tmp_path, capsys, name, check):
    out = tmp_path / name
    code, _, _ = run(["analyze", EXAMPLES, "-o", out, "--db", tmp_path / "x.db"], capsys)
    assert code == 0 and check(out.read_text())


def test_format_flag_wins_and_dash_writes_json(tmp_path, capsys):
    out = tmp_path / "report.txt"
    assert run(["analyze", EXAMPLES, "-o", out, "--format", "md", "--db", tmp_path / "x.db"], capsys)[0] == 0
    assert out.read_text().startswith("# newsprism report")
    code, stdout, _ = run(["analyze", EXAMPLES, "-o", "-", "--db", tmp_path / "x.db"], capsys)
    assert code == 0 and json.loads(stdout)["schema"] == 1


def test_usage_errors_exit_2(tmp_path, capsys):
    code, _, err = run(["analyze", EXAMPLES, "-o", tmp_path / "r.pdf"], capsys)
    assert code == 2 and "--format" in err
    code, _, err = run(["analyze"], capsys)
    assert code == 2
    code, _, err = run(["analyze", EXAMPLES, "--summary-words", "3"], capsys)
    assert code == 2 and "--summary-words" in err


def test_no_articles_exits_1_with_reasons(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    code, _, err = run(
        ["analyze", tmp_path / "empty.txt", "-o", tmp_path / "r.json", "--db", tmp_path / "x.db"], capsys
    )
    assert code == 1
    assert "empty.txt" in err and "empty" in err and "Traceback" not in err


def test_strict_turns_a_skip_into_an_error(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "bad.bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "r.json"
    code, _, err = run(["analyze", folder, "-o", out, "--db", tmp_path / "x.db"], capsys)
    assert code == 0 and "skipped" in err and "binary" in err
    assert json.loads(out.read_text())["skipped"][0]["reason"].startswith("binary")
    out.unlink()
    code, _, err = run(["analyze", folder, "-o", out, "--db", tmp_path / "y.db", "--strict"], capsys)
    assert code == 1 and "--strict" in err and not out.exists()


def test_stdin_json_lines(tmp_path, monkeypatch, capsys):
    import io

    lines = [
        {"id": "a1", "title": "Storm hits coast", "text": ARTICLE, "outlet": "Daily"},
        {"id": "a2", "title": "Power cut after storm", "text": ARTICLE.replace("4,000", "5,000")},
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(json.dumps(x) for x in lines) + "\nnot json\n"))
    code, stdout, err = run(["analyze", "-", "-o", "-", "--db", tmp_path / "x.db"], capsys)
    data = json.loads(stdout)
    assert code == 0 and [a["id"] for a in data["articles"]] == ["a1", "a2"]
    assert "<stdin>:3" in err and data["skipped"][0]["input"] == "<stdin>:3"


def test_gzip_and_story_field_and_one_story(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    with gzip.open(folder / "one.txt.gz", "wt") as handle:
        handle.write(ARTICLE)
    records = [
        {"id": "r1", "text": "Shares of Lumora rose 9 percent on Tuesday after record profit.", "story": "S"},
        {"id": "r2", "text": "The storm hit the northern coast and cut power to thousands.", "story": "S"},
    ]
    (folder / "recs.json").write_text(json.dumps(records))
    out = tmp_path / "r.json"
    assert run(["analyze", folder, "-o", out, "--db", tmp_path / "x.db"], capsys)[0] == 0
    stories = {s["id"]: s["articles"] for s in json.loads(out.read_text())["stories"]}
    assert stories["S"] == ["r1", "r2"] and ["one"] in stories.values()
    assert run(["analyze", folder, "-o", out, "--db", tmp_path / "x.db", "--one-story"], capsys)[0] == 0
    assert len(json.loads(out.read_text())["stories"]) == 1


def test_console_script_runs_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "newsprism.cli", "analyze", str(tmp_path / "missing"), "--db", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "no such file or folder" in result.stderr and "Traceback" not in result.stderr


def test_every_command_documented_in_readme_with_help_and_a_library_function():
    import newsprism.api
    from newsprism.cli import COMMANDS, build_parser

    readme = (ROOT / "README.md").read_text()
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    helps = {a.dest: a.help for a in parser._subparsers._group_actions[0]._choices_actions}
    assert set(commands) == set(COMMANDS)
    for name, sub in commands.items():
        assert f"newsprism {name}" in readme
        assert helps[name], name
        assert callable(getattr(newsprism.api, name)), f"newsprism.api has no {name}()"
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in readme, flag
                    assert action.help, flag


def test_unwritable_db_is_a_clear_error(tmp_path, capsys):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite, just text " * 100)
    code, _, err = run(["analyze", EXAMPLES, "--db", bad, "-o", tmp_path / "r.json"], capsys)
    assert code == 1 and "not-a-db.db" in err and "--db" in err
    assert bad.read_bytes().startswith(b"this is not sqlite")
    assert Path(tmp_path / "r.json").exists() is False


def test_embedder_flag_chooses_the_embedder_and_the_report_says_so(tmp_path, capsys):
    code, out, _ = run(["analyze", EXAMPLES, "-o", "-", "--db", tmp_path / "x.db", "--embedder", "hashing"], capsys)
    assert code == 0
    assert json.loads(out)["pipeline"]["embedder"] == "hashing-ngram"
    code, _, err = run(["analyze", EXAMPLES, "--embedder", "bert"], capsys)
    assert code == 2 and "--embedder" in err


def test_python_dash_m_newsprism_prints_help():
    result = subprocess.run([sys.executable, "-m", "newsprism", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0
    assert all(command in result.stdout for command in ("analyze", "ingest", "report", "stories", "search", "watch"))


def test_library_errors_name_no_flags_and_the_cli_adds_them(tmp_path, capsys):
    import newsprism
    from newsprism.errors import SkippedInputsError

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE)
    (folder / "empty.txt").write_text("")
    with pytest.raises(SkippedInputsError) as caught:
        newsprism.analyze([folder], db=tmp_path / "a.db", strict=True)
    assert "--" not in str(caught.value) and caught.value.setting == "strict"
    assert [s.input for s in caught.value.skipped] == [str(folder / "empty.txt")]
    assert caught.value.exit_code == 1 and caught.value.http_status == 422
    code, _, err = run(["ingest", folder, "--db", tmp_path / "b.db", "--strict"], capsys)
    assert code == 1 and "--strict" in err and "empty.txt" in err
