"""The corpus: one small spec a feature (tests/specs/*.yaml), each generated, checked and exercised.

Every spec goes through `scripts/generate.py generate` into a temporary folder as the package
``corpus_<spec>``; all of them together must pass mypy --strict and ruff. Then each spec's own cases run,
written in the spec under ``x-cases`` (see tests/specs/README.md):

- ``models``: valid JSON values round-trip losslessly through ``from_dict``/``to_dict``, with the Python
  types named; invalid ones raise ``ResponseValidationError`` naming the JSON path.
- ``calls``: an API function called (sync and async) against a transport that checks the request's wire
  shape and answers as written; the result is the parsed value or the named typed error.
"""

from __future__ import annotations

import asyncio
import datetime
import importlib
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import parse_qsl, urlsplit
from uuid import UUID

import httpx
import pytest

from corpus import SPECS, UPSTREAM, document, generate_all, load, package_name, report, ruff_check

CORPUS = sorted(path for path in SPECS.glob("*.yaml") if not path.name.endswith(".config.yaml"))
GENERATED = CORPUS + sorted(path for path in UPSTREAM.iterdir() if path.suffix in (".json", ".yaml"))
"""Every spec generated: the corpus, and openapi-python-client's own end-to-end specs (no cases of ours)."""
BASE_URL = "https://api.corpus.test"


def cases(kind: str) -> Iterator[Any]:
    for spec in CORPUS:
        for index, case in enumerate((document(spec).get("x-cases") or {}).get(kind) or []):
            label = case.get("name") or case.get("model") or case.get("function")
            yield pytest.param(spec, case, id=f"{spec.stem}-{index}-{label}")


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, tuple[Path, subprocess.CompletedProcess[str]]]:
    return generate_all(GENERATED, tmp_path_factory.mktemp("corpus"))


def package_of(spec: Path, generated: dict[Path, tuple[Path, subprocess.CompletedProcess[str]]]) -> ModuleType:
    """The generated package, with its models, client, errors and types modules imported."""
    package_dir, result = generated[spec]
    assert result.returncode == 0, f"{spec.name} did not generate:\n{result.stdout}\n{result.stderr}"
    package = load(package_dir)
    for name in ("models", "client", "errors", "types"):
        importlib.import_module(f"{package.__name__}.{name}")
    return package


@pytest.mark.parametrize("spec", GENERATED, ids=[spec.stem for spec in GENERATED])
def test_the_spec_generates_and_every_module_imports(
    spec: Path, generated: dict[Path, tuple[Path, subprocess.CompletedProcess[str]]]
) -> None:
    package = package_of(spec, generated)
    assert package.__name__ == package_name(spec)
    assert "every one imports" in generated[spec][1].stdout
    docs = generated[spec][0].with_name(f"{package.__name__}-docs")
    assert f"from {package.__name__}.api." in "".join(path.read_text() for path in docs.glob("*.md")) or not any(
        (generated[spec][0] / "api").rglob("*.py")
    ), "the reference shows how to call each operation"


def test_mypy_strict_and_ruff_are_clean_on_every_generated_package(
    generated: dict[Path, tuple[Path, subprocess.CompletedProcess[str]]],
) -> None:
    folders = [package_dir for package_dir, result in generated.values() if result.returncode == 0]
    assert folders
    mypy = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--config-file", "",
         *(folder.name for folder in folders)],
        cwd=folders[0].parent, capture_output=True, text=True,
    )  # fmt: skip
    assert mypy.returncode == 0, mypy.stdout[-8000:]
    ruff = ruff_check(*folders)
    assert ruff.returncode == 0, ruff.stdout[-8000:]


# Values in cases: {"$model": "Name", "value": {...}} builds a model with from_dict; {"$date": "..."},
# {"$datetime": "..."}, {"$uuid": "..."}, {"$file": "text"} build those Python values; {"$unset": true} is UNSET.


def value_of(package: ModuleType, node: Any) -> Any:
    if isinstance(node, dict) and len(node) <= 2:
        if "$model" in node:
            return getattr(package.models, node["$model"]).from_dict(node["value"])
        if "$date" in node:
            return datetime.date.fromisoformat(node["$date"])
        if "$datetime" in node:
            return package.types.parse_datetime(node["$datetime"])
        if "$uuid" in node:
            return UUID(node["$uuid"])
        if "$file" in node:
            return package.types.File(payload=io.BytesIO(node["$file"].encode()), file_name=node.get("name"))
        if "$unset" in node:
            return package.types.UNSET
        if "$enum" in node:
            enum_class, _, member = node["$enum"].partition(".")
            return getattr(getattr(package.models, enum_class), member)
    if isinstance(node, list):
        return [value_of(package, item) for item in node]
    return node


def type_name(value: Any) -> str:
    return type(value).__name__


@pytest.mark.parametrize(("spec", "case"), list(cases("models")))
def test_model_values_round_trip_and_wrong_ones_name_their_path(
    spec: Path, case: dict[str, Any], generated: dict[Path, tuple[Path, subprocess.CompletedProcess[str]]]
) -> None:
    package = package_of(spec, generated)
    model = getattr(package.models, case["model"])
    for valid in case.get("valid") or []:
        parsed = model.from_dict(json.loads(json.dumps(valid)))
        assert parsed.to_dict() == valid, f"{case['model']} lost or changed data"
        for field, expected in (case.get("types") or {}).items():
            assert type_name(getattr(parsed, field)) == expected, f"{field}: {getattr(parsed, field)!r}"
        if "repr" in case:
            for text in case["repr"].get("absent", []):
                assert text not in repr(parsed)
    for invalid in case.get("invalid") or []:
        with pytest.raises(package.errors.ResponseValidationError) as caught:
            model.from_dict(invalid["value"])
        assert caught.value.path == invalid["path"], str(caught.value)


class Exchange:
    """A transport that checks the request against ``expected`` and answers ``answer``."""

    def __init__(self, expected: dict[str, Any] | None, answer: dict[str, Any]) -> None:
        self.expected = expected
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        headers = dict(self.answer.get("headers") or {})
        if "json" in self.answer:
            return httpx.Response(self.answer["status"], json=self.answer["json"], headers=headers)
        content = self.answer.get("content", "")
        return httpx.Response(self.answer["status"], content=content.encode(), headers=headers)

    def check(self) -> None:
        expected = self.expected
        if expected is None:  # refused before sending
            assert self.requests == [], "nothing is sent"
            return
        (request,) = self.requests
        url = urlsplit(str(request.url))
        assert request.method == expected.get("method", "GET")
        path, _, query = expected["url"].partition("?")
        assert f"{url.scheme}://{url.netloc}{url.path}" == BASE_URL + path
        assert sorted(parse_qsl(url.query, keep_blank_values=True)) == sorted(parse_qsl(query, keep_blank_values=True))
        for name, value in (expected.get("headers") or {}).items():
            if value is None:
                assert name not in request.headers, f"{name} was sent"
            else:
                assert request.headers.get(name) == value, f"header {name}: {request.headers.get(name)!r}"
        if "json" in expected:
            assert request.headers["content-type"] == "application/json"
            assert json.loads(request.content) == expected["json"]
        if "form" in expected:
            assert request.headers["content-type"] == "application/x-www-form-urlencoded"
            assert dict(parse_qsl(request.content.decode())) == expected["form"]
        if "content" in expected:
            assert request.content == expected["content"].encode()
        for part in expected.get("multipart") or []:
            assert request.headers["content-type"].startswith("multipart/form-data; boundary=")
            assert part.encode() in request.content, f"{part!r} not in the multipart body"


def client_for(package: ModuleType, case: dict[str, Any], transport: httpx.MockTransport) -> Any:
    settings = case.get("client") or {}
    kwargs = {"base_url": BASE_URL, "httpx_args": {"transport": transport}, **(settings.get("kwargs") or {})}
    kwargs.setdefault("retry", package.client.RetryPolicy(max_retries=0))
    cls = getattr(package.client, settings.get("class", "Client"))
    if "constructor" in settings:
        return getattr(cls, settings["constructor"])(*settings.get("args", []), **kwargs)
    return cls(**kwargs)


def result_of(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list):
        return [result_of(item) for item in value]
    if hasattr(value, "payload"):
        return {"$file": value.payload.read().decode()}
    return value


@pytest.mark.parametrize("mode", ["sync", "asyncio"])
@pytest.mark.parametrize(("spec", "case"), list(cases("calls")))
def test_calls_send_the_documented_request_and_read_the_answer(
    spec: Path,
    case: dict[str, Any],
    mode: str,
    generated: dict[Path, tuple[Path, subprocess.CompletedProcess[str]]],
) -> None:
    package = package_of(spec, generated)
    module = importlib.import_module(f"{package.__name__}.{case['function']}")
    exchange = Exchange(case["request"], case.get("response") or {"status": 599})
    client = client_for(package, case, httpx.MockTransport(exchange))
    args = {name: value_of(package, value) for name, value in (case.get("args") or {}).items()}
    function = getattr(module, mode)

    def call() -> Any:
        if mode == "sync":
            return function(client=client, **args)
        return asyncio.run(function(client=client, **args))

    if "error" in case:
        with pytest.raises(getattr(package.errors, case["error"])):
            call()
    else:
        result = call()
        if "result" in case:
            assert result_of(result) == case["result"]
        if "result_type" in case:
            assert type_name(result) == case["result_type"]
    exchange.check()


def test_every_spec_has_cases(request: pytest.FixtureRequest) -> None:
    """A spec in the corpus without cases would prove only that it generates."""
    counts = {"models": 0, "calls": 0}
    for spec in CORPUS:
        found = document(spec).get("x-cases") or {}
        assert found.get("models") or found.get("calls"), f"{spec.name} has no x-cases"
        for kind in counts:
            counts[kind] += len(found.get(kind) or [])
    report(
        request,
        f"\ncorpus: {len(CORPUS)} specs with {counts['models']} model cases and {counts['calls']} call cases, "
        f"and {len(GENERATED) - len(CORPUS)} of openapi-python-client's end-to-end specs",
    )


def test_the_corpus_names_its_specs_uniquely() -> None:
    names = [package_name(spec) for spec in GENERATED]
    assert len(names) == len(set(names))
