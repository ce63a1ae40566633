"""Shared test helpers: the spec as JSON Schema, the recorded fixtures, one call in sync or async form."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from planetscale_oauth import AuthenticatedClient
from planetscale_oauth.api.oauth_tokens import create_oauth_token
from planetscale_oauth.client import RetryPolicy
from planetscale_oauth.models import AuthorizationCodeGrant, OAuthToken, RefreshTokenGrant

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
FIXTURES_DIR = ROOT / "tests" / "fixtures"
SPEC_URI = "urn:planetscale-oauth:openapi.yaml"
TOKEN_PATH = "/organizations/{organization}/oauth-applications/{id}/token"

# One exchange, one request: tests that are not about retries turn them off.
NO_RETRY = RetryPolicy(max_retries=0)

Mode = Literal["sync", "async"]
MODES: tuple[Mode, ...] = ("sync", "async")


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (``#/components/...``) in the spec."""
    while "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


def schema_validator(pointer: str) -> Draft202012Validator:
    """A JSON Schema 2020-12 validator (formats checked) for the schema at ``pointer`` in the spec."""
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, Resource.from_contents(spec(), default_specification=DRAFT202012)
    )
    return Draft202012Validator(
        {"$ref": f"{SPEC_URI}#{pointer}"},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def response_schema_pointer(status: int, path: str = TOKEN_PATH, method: str = "post") -> str:
    """The JSON pointer of the body schema the spec documents for ``status``."""
    response = resolve(spec()["paths"][path][method]["responses"][str(status)])
    ref: str = response["content"]["application/json"]["schema"]["$ref"]
    return ref.removeprefix("#")


def request_schema_pointer(path: str = TOKEN_PATH, method: str = "post") -> str:
    ref: str = spec()["paths"][path][method]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    return ref.removeprefix("#")


@dataclass(frozen=True)
class Exchange:
    """One recorded request/response pair from tests/fixtures/."""

    name: str
    data: Mapping[str, Any]

    @property
    def request(self) -> Mapping[str, Any]:
        request: Mapping[str, Any] = self.data["request"]
        return request

    @property
    def response(self) -> Mapping[str, Any]:
        response: Mapping[str, Any] = self.data["response"]
        return response

    @property
    def status(self) -> int:
        status: int = self.response["status"]
        return status

    @property
    def service_token(self) -> tuple[str, str]:
        token_id, _, token = self.request["headers"]["Authorization"].partition(":")
        return token_id, token

    def body(self) -> AuthorizationCodeGrant | RefreshTokenGrant:
        """The request body as the public model a caller would build."""
        payload = self.request["json"]
        if payload["grant_type"] == "authorization_code":
            return AuthorizationCodeGrant.from_dict(payload)
        return RefreshTokenGrant.from_dict(payload)

    def secrets(self) -> set[str]:
        """Every credential in the exchange: the service token and each x-sensitive value."""
        found = set(self.service_token)
        found |= sensitive_values(self.request["json"], {"$ref": "#" + request_schema_pointer()})
        found |= sensitive_values(self.response["json"], {"$ref": "#" + response_schema_pointer(self.status)})
        return {value for value in found if value}


def load_exchanges() -> list[Exchange]:
    return [
        Exchange(path.stem, json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(FIXTURES_DIR.glob("*.json"))
    ]


EXCHANGES = load_exchanges()


def sensitive_values(node: Any, schema: dict[str, Any]) -> set[str]:
    """String values of properties that ``schema`` marks ``x-sensitive: true``, at any depth."""
    schema = resolve(schema)
    found: set[str] = set()
    for variant in schema.get("oneOf", []):
        found |= sensitive_values(node, variant)
    if isinstance(node, dict):
        for key, value in node.items():
            prop = schema.get("properties", {}).get(key)
            if prop is None:
                continue
            prop = resolve(prop)
            if prop.get("x-sensitive") is True and isinstance(value, str):
                found.add(value)
            found |= sensitive_values(value, prop)
    elif isinstance(node, list) and "items" in schema:
        for item in node:
            found |= sensitive_values(item, schema["items"])
    return found


def canonical(body: Any) -> str:
    """JSON text that tells ``false`` from ``0`` and ignores key order."""
    return json.dumps(body, sort_keys=True, ensure_ascii=False)


async def create_token(
    mode: Mode,
    client: AuthenticatedClient,
    organization: str,
    application_id: str,
    body: AuthorizationCodeGrant | RefreshTokenGrant,
) -> OAuthToken:
    """Call ``create_oauth_token`` through its sync or its async function."""
    if mode == "sync":
        return create_oauth_token.sync(organization, application_id, client=client, body=body)
    return await create_oauth_token.asyncio(organization, application_id, client=client, body=body)


def generate_from(spec_text: str, folder: Path) -> Path:
    """Generate the package (and docs) from an edited copy of the spec; the folder holding the package."""
    folder.mkdir(parents=True, exist_ok=True)
    spec_file = folder / "openapi.yaml"
    spec_file.write_text(spec_text, encoding="utf-8")
    out = folder / "generated"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--spec", str(spec_file),
         "--target", str(out / "planetscale_oauth"), "--docs-target", str(folder / "docs")],
        check=True, capture_output=True, cwd=ROOT,
    )  # fmt: skip
    return out


def api_diff(new: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """scripts/api_diff.py from the committed generated/ (version 0.1.0) to the package in ``new``."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "api_diff.py"), "--old", str(ROOT / "generated"),
         "--old-version", "0.1.0", "--new", str(new), *extra],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
