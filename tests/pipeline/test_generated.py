"""The generation pipeline: headers, template provenance, the staleness check and the wheel."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import openapi_python_client
import pytest
import yaml

import planetscale_oauth

from helpers import ROOT

PACKAGE = ROOT / "generated" / "planetscale_oauth"
TEMPLATES = ROOT / "templates"
BUILTIN_TEMPLATES = Path(openapi_python_client.__file__).parent / "templates"
GENERATE = ROOT / "scripts" / "generate.py"
HEADER = "# Generated from openapi.yaml by openapi-python-client with the templates in templates/.\n"
DOCS = ROOT / "docs"
# templates/docs/ holds the Markdown reference's page templates, templates/modules/ the package modules the
# generator has no template for; every other template overrides a built-in.
CUSTOM_TEMPLATES = sorted(
    path.relative_to(TEMPLATES).as_posix()
    for path in TEMPLATES.rglob("*.jinja")
    if not {"docs", "macros", "modules"} & set(path.relative_to(TEMPLATES).parts)
)
DOC_TEMPLATES = sorted(path.name for path in (TEMPLATES / "docs").glob("*.jinja"))
MODULE_TEMPLATES = sorted(path.name for path in (TEMPLATES / "modules").glob("*.py.jinja"))
MACRO_TEMPLATES = sorted(path.name for path in (TEMPLATES / "macros").glob("*.jinja"))


RUNTIME = TEMPLATES / "runtime"
RUNTIME_FILES = sorted(path.name for path in RUNTIME.glob("*.py"))


@pytest.mark.parametrize("name", sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")))
def test_every_generated_module_says_do_not_edit(name: str) -> None:
    text = (PACKAGE / name).read_text(encoding="utf-8")
    if name in RUNTIME_FILES:
        assert text.startswith(f"# Copied from templates/runtime/{name} by `make generate`"), name
        assert f"# Do not edit: change templates/runtime/{name}, then run `make generate`.\n" in text
    else:
        assert text.startswith(HEADER)


@pytest.mark.parametrize("name", RUNTIME_FILES)
def test_the_runtime_is_copied_verbatim_below_its_header(name: str) -> None:
    copied = (PACKAGE / name).read_text(encoding="utf-8").split("\n", 2)[2]
    assert copied == (RUNTIME / name).read_text(encoding="utf-8")


def test_package_is_typed() -> None:
    assert (PACKAGE / "py.typed").is_file()


@pytest.mark.parametrize("name", CUSTOM_TEMPLATES)
def test_each_template_overrides_one_builtin_and_says_what_and_from_which_version(name: str) -> None:
    assert (BUILTIN_TEMPLATES / name).is_file(), f"{name} does not override a built-in template"
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    comment = re.match(r"\{#(.*?)#\}", text, re.DOTALL)
    assert comment, f"{name} must begin with a {{# … #}} comment"
    assert f"Overrides {name} of openapi-python-client" in comment.group(1)
    assert "Changes" in comment.group(1)
    recorded = re.search(r"derived-from: (\d+\.\d+\.\d+)", comment.group(1))
    assert recorded, f"templates/{name} must record the upstream version it was derived from (derived-from: X.Y.Z)"
    pinned = version("openapi-python-client")
    assert recorded.group(1) == pinned, (
        f"templates/{name} was derived from openapi-python-client {recorded.group(1)}, but {pinned} is pinned: "
        "run `make template-diff`, carry the upstream changes into the override, then update its derived-from"
    )


@pytest.mark.parametrize("name", MODULE_TEMPLATES)
def test_each_module_template_is_rendered_into_the_package_and_says_why(name: str) -> None:
    assert not (BUILTIN_TEMPLATES / name).exists(), f"{name} shadows a built-in: move it out of templates/modules/"
    comment = re.match(r"\{#(.*?)#\}", (TEMPLATES / "modules" / name).read_text(encoding="utf-8"), re.DOTALL)
    assert comment and "Not an override" in comment.group(1), f"modules/{name} must begin with a comment saying why"
    assert (PACKAGE / name.removesuffix(".jinja")).read_text(encoding="utf-8").startswith(HEADER)


@pytest.mark.parametrize("name", MACRO_TEMPLATES)
def test_each_macro_library_is_used_by_a_template_and_says_why(name: str) -> None:
    assert not (BUILTIN_TEMPLATES / name).exists(), f"{name} shadows a built-in"
    comment = re.match(r"\{#(.*?)#\}", (TEMPLATES / "macros" / name).read_text(encoding="utf-8"), re.DOTALL)
    assert comment and "Not an override" in comment.group(1), f"macros/{name} must begin with a comment saying why"
    users = [path.name for path in TEMPLATES.glob("*.jinja") if f'"macros/{name}"' in path.read_text(encoding="utf-8")]
    assert users, f"no template imports macros/{name}"


def test_template_diff_shows_how_the_builtins_changed_between_two_versions() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "template_diff.py"), "--from", "0.28.0", "--to", "0.29.1"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "--- 0.28.0/client.py.jinja" in result.stdout
    assert re.search(r"\n\d+ of the \d+ overridden built-ins changed between 0.28.0 and 0.29.1", result.stdout)


@pytest.mark.parametrize("name", DOC_TEMPLATES)
def test_each_docs_template_says_what_it_renders(name: str) -> None:
    text = (TEMPLATES / "docs" / name).read_text(encoding="utf-8")
    assert re.match(r"\{#\s*Docs template \(not an override of the generator's\)", text), name


@pytest.mark.parametrize("name", sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")))
def test_every_docs_page_says_do_not_edit(name: str) -> None:
    assert (DOCS / name).read_text(encoding="utf-8").startswith("<!-- Generated from openapi.yaml")


def test_version_comes_from_generator_config() -> None:
    config = yaml.safe_load((ROOT / "generator-config.yaml").read_text(encoding="utf-8"))
    assert planetscale_oauth.__version__ == config["package_version_override"]


def run_check(target: Path, docs: Path = DOCS) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(GENERATE), "--check", "--target", str(target), "--docs-target", str(docs)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )


def test_check_generated_names_a_hand_edited_file(tmp_path: Path) -> None:
    copy = tmp_path / "planetscale_oauth"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    assert run_check(copy, docs).returncode == 0

    edited = copy / "models" / "oauth_token.py"
    edited.write_text(edited.read_text(encoding="utf-8") + "# a hand edit\n", encoding="utf-8")
    (copy / "models" / "stray.py").write_text("", encoding="utf-8")
    (copy / "errors.py").unlink()
    page = docs / "models" / "OAuthToken.md"
    page.write_text(page.read_text(encoding="utf-8").replace("yes", "no"), encoding="utf-8")
    result = run_check(copy, docs)
    assert result.returncode == 1
    assert "differs: models/oauth_token.py" in result.stderr
    assert "not generated (extra): models/stray.py" in result.stderr
    assert "missing: errors.py" in result.stderr
    assert "differs: models/OAuthToken.md" in result.stderr


def test_wheel_installs_the_typed_package(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            ".",
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("planetscale_oauth-*.whl")
    assert wheel.name.startswith(f"planetscale_oauth-{planetscale_oauth.__version__}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "planetscale_oauth/py.typed" in names
    assert "planetscale_oauth/api/oauth_tokens/create_oauth_token.py" in names
    assert not [name for name in names if name.startswith(("generated/", "tests/", "templates/"))]


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("      x-retry: idempotent\n", "      x-retry: sometimes\n", "x-retry must be one of"),
        ("      deprecated: true\n", "", "x-replaced-by without deprecated: true"),
        ("      x-replaced-by: request_token\n", "      x-replaced-by: no_such_operation\n", "names no operation"),
    ],
    ids=["unknown retry rule", "replacement without deprecation", "replacement that does not exist"],
)
def test_generation_refuses_operation_facts_it_cannot_honour(
    tmp_path: Path, old: str, new: str, complaint: str
) -> None:
    text = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    assert text.count(old) == 1
    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text(text.replace(old, new), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(GENERATE), "--check", "--spec", str(spec_file)], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode != 0
    assert complaint in result.stdout + result.stderr
