"""Shared test helpers: the spec as JSON Schema, the recorded fixtures, one call in sync or async form."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from types import ModuleType
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from planetscale_oauth import AuthenticatedClient, errors, models
from planetscale_oauth.api.oauth_tokens import (
    create_oauth_token,
)
from planetscale_oauth.client import RetryPolicy
from planetscale_oauth.models import (
    AuthorizationCodeGrant,
    OAuthToken,
    RefreshTokenGrant,
)

import spec_reader

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
FIXTURES_DIR = ROOT / "tests" / "fixtures"
SPEC_URI = "urn:planetscale-oauth:openapi.yaml"
TOKEN_PATH = "/organizations/{organization}/oauth-applications/{application_id}/token"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
FORM = "application/x-www-form-urlencoded"

# One exchange, one request: tests that are not about retries turn them off.
NO_RETRY = RetryPolicy(max_retries=0)

Mode = Literal["sync", "async"]
MODES: tuple[Mode, ...] = ("sync", "async")


FACTS = spec_reader.load(SPEC_PATH)
"""The spec as scripts/spec_reader.py reads it: the one reader generation and the docs use too."""


def spec() -> dict[str, Any]:
    return FACTS.document


def resolve(node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref`` (``#/components/...``) in the spec."""
    return FACTS.resolve(node)


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
    """The JSON pointer of the request body schema (of its one media type: JSON or a form)."""
    (media,) = spec()["paths"][path][method]["requestBody"]["content"].values()
    ref: str = media["schema"]["$ref"]
    return ref.removeprefix("#")


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: where it lives, what it takes, what it answers."""

    operation_id: str
    method: str
    """Upper case, as on the wire."""
    path: str
    """The path template in the spec (``/organizations/{organization}/...``), without the server's prefix."""

    @property
    def node(self) -> dict[str, Any]:
        node: dict[str, Any] = spec()["paths"][self.path][self.method.lower()]
        return node

    @property
    def facts(self) -> spec_reader.Operation:
        """What the spec reader says about the operation."""
        return FACTS.operation(self.path, self.method.lower())

    @property
    def server_url(self) -> str:
        return self.facts.server.url

    @property
    def server_name(self) -> str:
        """The server's ``x-name``: ``api`` (the client's ``base_url``) or ``oauth``."""
        return self.facts.server.name

    @property
    def host(self) -> str:
        return urlsplit(self.server_url).netloc

    @property
    def wire_template(self) -> str:
        """The path template as sent: with the server URL's own path (``/v1`` on the API) in front."""
        return urlsplit(self.server_url).path.rstrip("/") + self.path

    @property
    def authenticated(self) -> bool:
        """Whether the operation asks for the service token (its own ``security``, else the document's)."""
        return self.facts.authenticated

    def match(self, wire_path: str) -> dict[str, str] | None:
        """The path parameters (percent-decoded) if ``wire_path`` is this operation's path, else None."""
        pattern = "^" + re.sub(r"\\\{([a-z_]+)\\\}", r"(?P<\1>[^/?#]+)", re.escape(self.wire_template)) + "$"
        found = re.match(pattern, wire_path.split("?", 1)[0])
        return None if found is None else {name: unquote(value) for name, value in found.groupdict().items()}

    @property
    def parameters(self) -> list[dict[str, Any]]:
        """Path-level and operation-level parameters, references resolved."""
        nodes = [*spec()["paths"][self.path].get("parameters", []), *self.node.get("parameters", [])]
        return [resolve(node) for node in nodes]

    def query_parameters(self) -> dict[str, dict[str, Any]]:
        return {parameter["name"]: parameter for parameter in self.parameters if parameter["in"] == "query"}

    @property
    def request_media_type(self) -> str | None:
        """``application/json``, ``application/x-www-form-urlencoded``, or None without a request body."""
        body = self.node.get("requestBody")
        if body is None:
            return None
        (media_type,) = resolve(body)["content"]
        return str(media_type)

    def request_schema_pointer(self) -> str | None:
        if self.request_media_type is None:
            return None
        return request_schema_pointer(self.path, self.method.lower())

    def documented_statuses(self) -> list[int]:
        return sorted(int(status) for status in self.node["responses"])

    def success_statuses(self) -> list[int]:
        return [status for status in self.documented_statuses() if 200 <= status <= 299]

    def response_schema_pointer(self, status: int) -> str | None:
        """The body schema documented for ``status``; None when the status documents no body."""
        response = resolve(self.node["responses"][str(status)])
        if "content" not in response:
            return None
        return response_schema_pointer(status, self.path, self.method.lower())

    def response_example(self, status: int) -> Any:
        response = resolve(self.node["responses"][str(status)])
        return response["content"]["application/json"]["example"]


@cache
def operations() -> dict[str, Operation]:
    """Every operation in the spec, by operationId."""
    return {
        operation_id: Operation(operation_id, facts.method.upper(), facts.path)
        for operation_id, facts in FACTS.operations.items()
    }


def operation_for(method: str, wire_path: str) -> Operation:
    """The one operation a request goes to: by method and path (API paths carry the ``/v1`` of their server)."""
    candidates = [
        operation
        for operation in operations().values()
        if operation.method == method.upper() and operation.match(wire_path) is not None
    ]
    if len(candidates) != 1:
        raise LookupError(f"{method} {wire_path} matches {len(candidates)} operations in the spec, not one")
    return candidates[0]


def model_for(pointer: str) -> Any:
    """The generated model class of the schema at ``#/components/schemas/<Name>``."""
    return getattr(models, pointer.rsplit("/", 1)[1])


@dataclass(frozen=True)
class Exchange:
    """One recorded request/response pair from tests/fixtures/, of any operation in the spec.

    ``request``: ``method``, ``path`` (as on the wire, without the query string), ``path_params``,
    optionally ``query`` (name to the string sent), ``headers``, and the body as ``json`` or ``form``
    (field to string), or neither. ``response``: ``status``, ``headers``, and ``json`` unless the
    response has no body (204).
    """

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

    @cached_property
    def operation(self) -> Operation:
        return operation_for(self.request["method"], self.request["path"])

    @property
    def operation_id(self) -> str:
        return self.operation.operation_id

    @property
    def path_params(self) -> dict[str, str]:
        """The path parameters: as recorded, else read back from the path."""
        if "path_params" in self.request:
            return dict(self.request["path_params"])
        params = self.operation.match(self.request["path"])
        assert params is not None
        return params

    @property
    def query(self) -> dict[str, str]:
        return dict(self.request.get("query", {}))

    @property
    def headers(self) -> dict[str, str]:
        return dict(self.request.get("headers", {}))

    @property
    def authorization(self) -> str | None:
        """The Authorization header sent, if any."""
        for name, value in self.headers.items():
            if name.lower() == "authorization":
                return str(value)
        return None

    @property
    def service_token(self) -> tuple[str, str]:
        authorization = self.authorization
        if authorization is None:
            raise LookupError(f"{self.name}: the request carries no Authorization header")
        token_id, _, token = authorization.partition(":")
        return token_id, token

    @property
    def request_media_type(self) -> str | None:
        if "json" in self.request:
            return "application/json"
        if "form" in self.request:
            return FORM
        return None

    @property
    def request_body(self) -> Any:
        """The request body as sent: the JSON value, the form's fields (name to string), or None."""
        if "json" in self.request:
            return self.request["json"]
        return self.request.get("form")

    @property
    def response_body(self) -> Any:
        """The response's JSON body, or None when it has none."""
        return self.response.get("json")

    @property
    def has_response_body(self) -> bool:
        return "json" in self.response

    def body(self) -> AuthorizationCodeGrant | RefreshTokenGrant:
        """The grant of a token request (create_oauth_token, request_token) as the public model a caller builds."""
        payload = self.request_body
        if not isinstance(payload, Mapping) or "grant_type" not in payload:
            raise TypeError(f"{self.name}: {self.operation_id} takes no grant")
        if payload["grant_type"] == "authorization_code":
            return AuthorizationCodeGrant.from_dict(payload)
        return RefreshTokenGrant.from_dict(payload)

    def request_model(self) -> Any:
        """The request body as the generated model of the operation's request schema, or None without one."""
        pointer = self.operation.request_schema_pointer()
        if pointer is None or self.request_body is None:
            return None
        schema = resolve({"$ref": "#" + pointer})
        if "discriminator" in schema:
            discriminator = schema["discriminator"]
            pointer = discriminator["mapping"][self.request_body[discriminator["propertyName"]]].removeprefix("#")
        return model_for(pointer).from_dict(self.request_body)

    def arguments(self) -> dict[str, Any]:
        """Keyword arguments of the operation's function that send this request (``client`` aside)."""
        arguments: dict[str, Any] = dict(self.path_params)
        declared = self.operation.query_parameters()
        for name, value in self.query.items():
            kind = declared[name]["schema"].get("type")
            arguments[name] = int(value) if kind == "integer" else value
        model = self.request_model()
        if model is not None:
            arguments["body"] = model
        return arguments

    def secrets(self) -> set[str]:
        """Every credential in the exchange: the service token when sent, and each x-sensitive value."""
        found = set(self.service_token) if self.authorization is not None else set()
        request_pointer = self.operation.request_schema_pointer()
        if request_pointer is not None and self.request_body is not None:
            found |= sensitive_values(self.request_body, {"$ref": "#" + request_pointer})
        response_pointer = self.operation.response_schema_pointer(self.status)
        if response_pointer is not None and self.response_body is not None:
            found |= sensitive_values(self.response_body, {"$ref": "#" + response_pointer})
        return {value for value in found if value}


def load_exchanges() -> list[Exchange]:
    return [
        Exchange(path.stem, json.loads(path.read_text(encoding="utf-8")))
        for path in sorted(FIXTURES_DIR.glob("*.json"))
    ]


ALL_EXCHANGES = load_exchanges()
"""Every fixture in tests/fixtures/, of every operation."""


def exchanges_for(operation_id: str) -> list[Exchange]:
    """The fixtures of one operation."""
    if operation_id not in operations():
        raise KeyError(f"no operation {operation_id!r} in the spec")
    return [exchange for exchange in ALL_EXCHANGES if _operation_id(exchange) == operation_id]


def _operation_id(exchange: Exchange) -> str | None:
    # A fixture that matches no operation belongs to none; tests/contract/test_contract.py reports it.
    try:
        return exchange.operation_id
    except LookupError:
        return None


CREATE_EXCHANGES = exchanges_for("create_oauth_token")
"""The fixtures of the seed operation, create_oauth_token."""

# The tests written for the seed operation (test_models, test_worked_example, test_client, ...) read
# EXCHANGES as create_oauth_token exchanges: a JSON grant in, an OAuthToken or an Error out.
EXCHANGES = CREATE_EXCHANGES


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


VERSION: str = yaml.safe_load((ROOT / "generator-config.yaml").read_text(encoding="utf-8"))["package_version_override"]
"""The package version of the committed generated/."""
_MAJOR, _MINOR, _ = VERSION.split(".")
NEXT_PATCH = f"{_MAJOR}.{_MINOR}.{int(VERSION.split('.')[2]) + 1}"
NEXT_MINOR = f"{_MAJOR}.{int(_MINOR) + 1}.0"


def api_diff(new: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """scripts/api_diff.py from the committed generated/ (version ``VERSION``) to the package in ``new``."""
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "api_diff.py"), "--old", str(ROOT / "generated"),
         "--old-version", VERSION, "--new", str(new), *extra],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip


@dataclass(frozen=True)
class Expected:
    """Where an operation's generated functions are, the host they send to, and what success returns."""

    module: ModuleType
    host: str
    success: type[Any] | None
    """The model class, or None for an operation that returns nothing."""


def expected(operation_id: str) -> Expected:
    """What the spec (read by scripts/spec_reader.py) says one operation does."""
    operation = FACTS.operations[operation_id]
    success = operation.success_model
    return Expected(
        module=importlib.import_module(operation.module),
        host=urlsplit(operation.server.url).netloc,
        success=getattr(models, success) if success is not None else None,
    )


# What each operation does (for the contract and Prism tests), from the spec reader.
EXPECTED: dict[str, Expected] = {operation_id: expected(operation_id) for operation_id in FACTS.operations}

# What each documented API status must raise.
EXPECTED_ERRORS: dict[int, type[errors.APIStatusError]] = {
    401: errors.AuthenticationError,
    403: errors.ForbiddenError,
    404: errors.NotFoundError,
    422: errors.UnprocessableEntityError,
    429: errors.RateLimitError,
    500: errors.ServerError,
}
# What the OAuth server's errors raise, by the body's `error` (RFC 6749 §5.2, RFC 7009 §2.2.1).
EXPECTED_OAUTH_ERRORS: dict[str, type[errors.OAuthError]] = {
    "invalid_request": errors.InvalidRequestError,
    "invalid_client": errors.InvalidClientError,
    "invalid_grant": errors.InvalidGrantError,
    "unauthorized_client": errors.UnauthorizedClientError,
    "unsupported_grant_type": errors.UnsupportedGrantTypeError,
    "invalid_scope": errors.InvalidScopeError,
    "unsupported_token_type": errors.UnsupportedTokenTypeError,
}
OAUTH_OPERATIONS = {operation_id for operation_id, operation in FACTS.operations.items() if operation.oauth_errors}
"""The operations whose error bodies are RFC 6749 errors (``x-oauth-error``)."""
