"""`scripts/generate.py generate`: openapi-python-client's `generate` options, this project's templates."""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from corpus import GENERATE, ROOT, SPECS

SPEC = SPECS / "models.yaml"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(GENERATE), "generate", *args], capture_output=True, text=True, cwd=cwd)


def test_openapi_yaml_through_the_command_is_the_committed_package_but_for_the_header(tmp_path: Path) -> None:
    result = run(
        "--path", str(ROOT / "openapi.yaml"), "--config", str(ROOT / "generator-config.yaml"),
        "--meta", "none", "--output-path", str(tmp_path / "planetscale_oauth"), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    committed = ROOT / "generated" / "planetscale_oauth"
    for path in sorted(committed.rglob("*.py")):
        ours = (tmp_path / "planetscale_oauth" / path.relative_to(committed)).read_text(encoding="utf-8")
        assert ours.split("\n", 2)[2] == path.read_text(encoding="utf-8").split("\n", 2)[2], path.name
    assert filecmp.cmp(committed / "py.typed", tmp_path / "planetscale_oauth" / "py.typed", shallow=False)


def test_an_existing_output_is_kept_unless_overwrite_is_given(tmp_path: Path) -> None:
    target = tmp_path / "corpus_models"
    target.mkdir()
    (target / "mine.txt").write_text("keep", encoding="utf-8")
    refused = run("--path", str(SPEC), "--meta", "none", "--output-path", str(target), cwd=tmp_path)
    assert refused.returncode == 1
    assert "already exists: delete it or use --overwrite" in refused.stderr
    assert (target / "mine.txt").read_text(encoding="utf-8") == "keep"
    replaced = run("--path", str(SPEC), "--meta", "none", "--output-path", str(target), "--overwrite", cwd=tmp_path)
    assert replaced.returncode == 0, replaced.stderr
    assert not (target / "mine.txt").exists()
    assert (target / "_operation.py").is_file() and (target / "py.typed").is_file()
    assert (target / "client.py").read_text(encoding="utf-8").startswith("# Generated from models.yaml by ")


def test_meta_writes_a_project_named_after_the_title_as_the_stock_generator_does(tmp_path: Path) -> None:
    result = run("--path", str(SPEC), "--meta", "poetry", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    project = tmp_path / "corpus-models-client"
    assert (project / "pyproject.toml").is_file()
    assert (project / "corpus_models_client" / "_operation.py").is_file()
    assert re.search(r"corpus_models_client from models\.yaml: \d+ modules, every one imports\.", result.stdout)
    readme = (project / "README.md").read_text(encoding="utf-8")
    assert "a typed error" in readme and "AuthenticatedClient.from_env()" in readme, "the README of this package"
    # models.yaml has no oauth2 flow: no OAuth helpers, and not their runtime either.
    assert not (project / "corpus_models_client" / "oauth.py").exists()
    assert not (project / "corpus_models_client" / "_oauth.py").exists()


def test_custom_templates_are_used_before_the_project_s(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "package_init.py.jinja").write_text(
        '"""Mine."""\n\nfrom .client import Client\n\nMINE = True\n\n__all__ = ("MINE", "Client")\n', encoding="utf-8"
    )
    target = tmp_path / "corpus_models"
    result = run(
        "--path", str(SPEC), "--meta", "none", "--output-path", str(target), "--custom-template-path", str(mine),
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "MINE = True" in (target / "__init__.py").read_text(encoding="utf-8")
    assert "_read_date(" in (target / "models" / "thing.py").read_text(encoding="utf-8"), "the project's templates"


def test_a_document_is_fetched_by_url(tmp_path: Path, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/specs/models.yaml").respond_with_data(SPEC.read_bytes(), content_type="text/yaml")
    target = tmp_path / "corpus_models"
    result = run("--url", httpserver.url_for("/specs/models.yaml"), "--meta", "none", "--output-path", str(target),
                 cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (target / "models" / "thing.py").is_file()


def test_a_spec_the_generator_cannot_read_fails_with_its_words(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("openapi: 3.0.3\ninfo: {title: x}\npaths: {}\n", encoding="utf-8")
    result = run("--path", str(broken), "--meta", "none", "--output-path", str(tmp_path / "x"), cwd=tmp_path)
    assert result.returncode != 0
    assert "openapi-python-client failed" in result.stderr
    assert not (tmp_path / "x").exists()
