"""Specs and configs written to attack the generator: each is refused with a one-line reason, or generates
code that does only what the spec says (no injected code, no credential elsewhere, no hang)."""

from __future__ import annotations

import importlib
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from corpus import GENERATE, load

MARKER = "INJECTED_MARKER"


def spec(paths: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "Hostile", "version": "1"},
        "servers": [{"url": "https://api.hostile.test"}],
        "paths": paths,
        **extra,
    }


def get(operation_id: str, **extra: Any) -> dict[str, Any]:
    return {"get": {"operationId": operation_id, "responses": {"204": {"description": "ok"}}, **extra}}


SCHEMES = {
    "securitySchemes": {
        "key": {"type": "apiKey", "in": "header", "name": "X-Key"},
        "partner": {"type": "http", "scheme": "bearer"},
    }
}
LOL = "lol"
BOMB = "\n".join(
    [f"x-a0: &a0 [{', '.join([LOL] * 9)}]"]
    + [f"x-a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 9)}]" for level in range(1, 9)]
)

CASES: dict[str, tuple[str, dict[str, Any] | str, dict[str, Any] | None]] = {
    # name: (what must happen, the spec (or its YAML text), the config)
    "summary that closes the docstring": (
        "generates",
        spec({"/x": get("x")}),
        {"sdk": {"summary": f'x""" ; open("{MARKER}", "w") ; """'}},
    ),
    "summary on several lines": (
        "refused: sdk.summary must be one line",
        spec({"/x": get("x")}),
        {"sdk": {"summary": "a\nb"}},
    ),
    "unknown sdk setting": ("refused: sdk: unknown setting", spec({"/x": get("x")}), {"sdk": {"env_prefx": "X"}}),
    "error name with a newline": (
        "refused: sdk.error_name must be one line",
        spec({"/x": get("x")}),
        {"sdk": {"error_name": "FooError\n"}},
    ),
    "path that changes the host": ("refused: must start with /", spec({"@evil.test/steal": get("steal")}), None),
    "path template with an attribute": ("refused: plain {name}", spec({"/b/{id.__class__}": get("b")}), None),
    "reference to itself": (
        "refused: refers to itself",
        spec({"/x": get("x")}, components={"schemas": {"S": {"$ref": "#/components/schemas/S"}}}),
        None,
    ),
    "reference to nothing": (
        "refused: names nothing",
        spec({"/x": get("x", parameters=[{"$ref": "#/components/parameters/Missing"}])}),
        None,
    ),
    "pagination naming no parameter": (
        "refused: x-pagination page 'page' is not a query parameter",
        spec(
            {
                "/x": {
                    "get": {
                        "operationId": "x",
                        "x-pagination": {"page": "page", "next": "n", "items": "i"},
                        "responses": {"200": {"description": "ok"}},
                    }
                }
            }
        ),
        None,
    ),
    "operation that is null": ("refused: the spec could not be read", spec({"/x": {"get": None}}), None),
    "YAML alias bomb": (
        "generates",
        "openapi: 3.0.3\ninfo: {title: Bomb, version: '1'}\n" + BOMB + "\npaths:\n"
        "  /x:\n    get:\n      operationId: x\n      responses: {'204': {description: ok}}\n",
        None,
    ),
    "operation secured by a scheme the client does not hold": (
        "generates",
        spec(
            {
                "/mine": get("mine", security=[{"key": []}]),
                "/theirs": get("theirs", security=[{"partner": []}], servers=[{"url": "https://partner.test"}]),
            },
            components=SCHEMES,
        ),
        {"sdk": {"credential": {"scheme": "key"}}},
    ),
    "parameters named like the call options": (
        "generates",
        spec(
            {
                "/x": get(
                    "x",
                    parameters=[
                        {"name": "timeout", "in": "query", "schema": {"type": "integer"}},
                        {"name": "max_retries", "in": "header", "schema": {"type": "integer"}},
                    ],
                )
            }
        ),
        None,
    ),
    "discriminator values outside the BMP": (
        "generates",
        spec(
            {
                "/pet": {
                    "get": {
                        "operationId": "pet",
                        "responses": {
                            "200": {
                                "description": "ok",
                                "content": {
                                    "application/json": {
                                        "schema": {
                                            "oneOf": [
                                                {"$ref": "#/components/schemas/Cat"},
                                                {"$ref": "#/components/schemas/Dog"},
                                            ],
                                            "discriminator": {
                                                "propertyName": "kind",
                                                "mapping": {
                                                    "\U0001f431": "#/components/schemas/Cat",
                                                    "\U0001f436": "#/components/schemas/Dog",
                                                },
                                            },
                                        }
                                    }
                                },
                            }
                        },
                    }
                }
            },
            components={
                "schemas": {
                    "Cat": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
                    "Dog": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
                }
            },
        ),
        None,
    ),
}


def generate(name: str, folder: Path) -> tuple[Path, subprocess.CompletedProcess[str]]:
    _, document, config = CASES[name]
    slug = "_".join(name.split()).replace("-", "_")
    folder = folder / slug
    folder.mkdir()
    spec_file = folder / "spec.yaml"
    spec_file.write_text(document if isinstance(document, str) else yaml.safe_dump(document), encoding="utf-8")
    command = [sys.executable, str(GENERATE), "generate", "--path", str(spec_file), "--meta", "none"]
    command += ["--output-path", str(folder / f"hostile_{slug}")]
    if config is not None:
        (folder / "config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
        command += ["--config", str(folder / "config.yaml")]
    # The timeout is a guard against a hang (a failure here), not a speed goal.
    result = subprocess.run(command, capture_output=True, text=True, cwd=folder, timeout=120)
    return folder / f"hostile_{slug}", result


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, subprocess.CompletedProcess[str]]]:
    folder = tmp_path_factory.mktemp("hostile")
    with ThreadPoolExecutor(max_workers=8) as pool:
        return dict(zip(CASES, pool.map(lambda name: generate(name, folder), CASES), strict=True))


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case[0].startswith("refused")])
def test_a_hostile_spec_is_refused_with_one_line_saying_why(
    name: str, generated: dict[str, tuple[Path, subprocess.CompletedProcess[str]]]
) -> None:
    package_dir, result = generated[name]
    assert result.returncode != 0
    reason = CASES[name][0].removeprefix("refused: ")
    assert reason in result.stderr, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "╭" not in result.stderr, "a reason, not a traceback"
    assert not package_dir.exists()


@pytest.mark.parametrize("name", [name for name, case in CASES.items() if case[0] == "generates"])
def test_a_hostile_spec_that_is_valid_generates_code_that_runs_nothing_of_its_text(
    name: str, generated: dict[str, tuple[Path, subprocess.CompletedProcess[str]]]
) -> None:
    package_dir, result = generated[name]
    assert result.returncode == 0, result.stderr[-3000:]
    for module in sorted(package_dir.rglob("*.py")):
        relative = module.relative_to(package_dir.parent).with_suffix("")
        load(package_dir)
        importlib.import_module(".".join(part for part in relative.parts if part != "__init__"))
    assert not (package_dir.parent / MARKER).exists() and not Path(MARKER).exists()


def call(package_dir: Path, function: str, client_kwargs: dict[str, Any], **kwargs: Any) -> list[httpx.Request]:
    """The requests ``api.default.<function>.sync(**kwargs)`` sends (answered 204)."""
    package = load(package_dir)
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(204)

    client_module = importlib.import_module(f"{package.__name__}.client")
    cls = client_module.AuthenticatedClient if "token" in client_kwargs else client_module.Client
    client = cls(httpx_args={"transport": httpx.MockTransport(answer)}, **client_kwargs)
    importlib.import_module(f"{package.__name__}.api.default.{function}").sync(client=client, **kwargs)
    return sent


def test_the_credential_goes_only_to_operations_that_ask_for_its_scheme(
    generated: dict[str, tuple[Path, subprocess.CompletedProcess[str]]],
) -> None:
    package_dir, _ = generated["operation secured by a scheme the client does not hold"]
    (mine,) = call(package_dir, "mine", {"token": "SECRET"})
    (theirs,) = call(package_dir, "theirs", {"token": "SECRET"})
    assert mine.headers["X-Key"] == "SECRET"
    assert str(theirs.url).startswith("https://partner.test/")
    assert "X-Key" not in theirs.headers and "Authorization" not in theirs.headers


def test_parameters_named_like_call_options_keep_both(
    generated: dict[str, tuple[Path, subprocess.CompletedProcess[str]]],
) -> None:
    package_dir, _ = generated["parameters named like the call options"]
    (request,) = call(package_dir, "x", {}, timeout_query=5, max_retries_header=2, timeout=3.0, max_retries=0)
    assert request.url.params["timeout"] == "5"
    assert request.headers["max_retries"] == "2"


def test_discriminator_values_outside_the_bmp_select_their_variant(
    generated: dict[str, tuple[Path, subprocess.CompletedProcess[str]]],
) -> None:
    package_dir, _ = generated["discriminator values outside the BMP"]
    package = load(package_dir)
    module = importlib.import_module(f"{package.__name__}.api.default.pet")
    client = importlib.import_module(f"{package.__name__}.client").Client(
        httpx_args={"transport": httpx.MockTransport(lambda _: httpx.Response(200, json={"kind": "\U0001f436"}))}
    )
    assert type(module.sync(client=client)).__name__ == "Dog"
