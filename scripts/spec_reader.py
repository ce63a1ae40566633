"""The one reader of openapi.yaml: the facts generation, the docs renderer and the tests all use.

    facts = spec_reader.load(Path("openapi.yaml"))
    facts.servers, facts.operations, facts.sensitive_keys, facts.oauth, facts.resolve(node)

What the generator's own parser drops or does not know is read here, once, with one set of rules:
the servers (``x-name``), each operation's server, security, retry rule (``x-retry``), pagination
(``x-pagination``), deprecation and replacement (``x-replaced-by``), the documented statuses and their
bodies (``x-oauth-error``), the properties marked ``x-sensitive`` and the departures from PlanetScale's
published spec (``x-departure``). Values that reach templates are checked here (names must be
identifiers, URLs absolute); a fact that cannot be honoured raises ``SpecError``.
"""

from __future__ import annotations

import json
import re
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openapi_python_client.parser.openapi import generate_operation_id
from openapi_python_client.schema.untrusted_string import UntrustedString
from openapi_python_client.strings import PythonIdentifier
from ruamel.yaml import YAML

# The runtime's source (templates/runtime, importable as `runtime`) decides which error class a status raises,
# which retry rules exist and which methods are idempotent: the reader checks the spec against it.
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
if str(TEMPLATES) not in sys.path:
    sys.path.insert(0, str(TEMPLATES))

from runtime._base_client import IDEMPOTENT_METHODS  # noqa: E402
from runtime._base_client import RETRY_RULES as _RUNTIME_RETRY_RULES  # noqa: E402
from runtime._exceptions import error_class_for_status  # noqa: E402

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
RETRY_RULES = tuple(sorted(_RUNTIME_RETRY_RULES))
"""The values ``x-retry`` may take: the names of the runtime's ``RETRY_RULES``."""
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
_ABSOLUTE = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/%-]*)?")
_ENV = re.compile(r"[A-Z][A-Z0-9_]*")
_PATH = re.compile(r"/(?:[^{}?#]|\{[A-Za-z0-9_-]+\})*")
_EXAMPLE_STRINGS = {
    "date-time": "2024-05-06T07:08:09Z",
    "date": "2024-05-06",
    "uuid": "6f1f2d3c-4b5a-4c6d-8e7f-901234567890",
    "email": "someone@example.com",
    "uri": "https://example.com/x",
}


class SpecError(Exception):
    """The spec uses an extension this runner reads in a way it cannot honour."""


@dataclass(frozen=True)
class Server:
    name: str  # x-name, else "api" for the first server and a name from the host for others
    url: str  # as in the spec (may be relative or hold {variables})
    description: str
    env_prefix: str = "API"

    @property
    def default(self) -> str | None:
        """The default base URL: the spec's URL when absolute and without variables, else None (then the
        client's base URL argument is required)."""
        return self.url if _ABSOLUTE.fullmatch(self.url) else None

    @property
    def argument(self) -> str:
        """The client's constructor argument for this server's base URL."""
        return "base_url" if self.name == "api" else f"{self.name}_base_url"

    @property
    def env(self) -> str:
        """The environment variable ``from_env()`` reads this server's base URL from."""
        middle = "" if self.name == "api" else f"_{self.name.upper()}"
        return f"{self.env_prefix}{middle}_BASE_URL"


@dataclass(frozen=True)
class Credential:
    """The credential ``AuthenticatedClient`` sends: the security scheme it is for, and how it is built."""

    scheme: str  # the name under components.securitySchemes ("" when the spec declares none)
    location: str  # "header", "query" or "cookie"
    name: str  # the header, query parameter or cookie that carries it
    prefix: str  # the word before it in the header: "Bearer", "Basic", or "" (an API key)
    basic: bool  # HTTP Basic: the joined parts are sent base64-encoded
    format: str  # how a named constructor joins its parts: "{token}", "{username}:{password}"
    envs: dict[str, str]  # part -> environment variable from_env() reads
    constructor: str | None  # the classmethod taking the parts (from_api_key, from_basic_auth, from_service_token)

    @property
    def parts(self) -> list[str]:
        return [name for _, name, _, _ in string.Formatter().parse(self.format) if name]


@dataclass(frozen=True)
class Pagination:
    page: str  # query parameter that selects the page
    next: str  # response field holding the next page number, null on the last page
    items: str  # response field holding the page's items


@dataclass(frozen=True)
class Answer:
    """One documented response of an operation."""

    status: str  # as in the spec: "200", "404", "5XX"
    model: str | None  # the schema name of its JSON body; None without a body (or an inline one)
    oauth_error: bool  # the body is an RFC 6749 error (x-oauth-error on its schema)
    description: str

    @property
    def success(self) -> bool:
        return self.status.startswith("2")

    @property
    def error_class(self) -> str:
        """The name of the error class the package raises for this status (for an error status)."""
        if self.oauth_error:
            return "OAuthError"
        if not self.status[:1].isdigit():  # "default": whatever the status, its own class
            return "APIStatusError"
        return str(error_class_for_status(int(self.status.replace("X", "0"))).__name__)


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    server: Server
    deprecated: bool
    replaced_by: str | None  # "planetscale_oauth.api.oauth.request_token (POST https://…/oauth/token)"
    retry: str
    pagination: Pagination | None
    function: str  # planetscale_oauth.api.<tag>.<operation>
    tag: str  # the module name of the first tag
    tag_name: str  # the first tag as the spec writes it ("default" without one)
    authenticated: bool  # the operation's security, else the document's, asks for a credential
    request_media_type: str | None
    answers: tuple[Answer, ...] = field(default=())
    delimiters: dict[str, str] = field(default_factory=dict)  # query arrays with explode: false -> delimiter

    @property
    def module(self) -> str:
        """The generated module of the operation: ``planetscale_oauth.api.<tag>.<operation>``."""
        return self.function

    @property
    def success_model(self) -> str | None:
        """The schema name of the success body, or None for an operation that returns nothing."""
        return next((answer.model for answer in self.answers if answer.success), None)

    @property
    def oauth_errors(self) -> bool:
        return any(answer.oauth_error for answer in self.answers)


class SpecFacts:
    """The facts of one spec; also the ``spec`` global of the templates."""

    def __init__(
        self, document: dict[str, Any], package: str = "planetscale_oauth", sdk: dict[str, Any] | None = None
    ) -> None:
        self.document = document
        self.package = package
        self.sdk = self._checked_sdk(sdk or {})
        """The ``sdk:`` section of generator-config.yaml: what a spec cannot say (see CONTRIBUTING.md)."""
        self.env_prefix: str = self._env_prefix(package)
        """Every environment variable the package reads starts with this and ``_``."""
        self.error_name: str = str(self.sdk.get("error_name", "APIError"))
        """The name of the base class of every error (``sdk.error_name``; the runtime's ``APIError``)."""
        if not re.fullmatch(r"[A-Z][A-Za-z0-9]*Error", self.error_name):
            raise SpecError(f"sdk.error_name must be a class name ending in Error, not {self.error_name!r}")
        self.client_name: str = self._client_name(package)
        """The class of the one client object (``sdk.client_name``, else the package's name in CamelCase);
        its async twin is ``Async`` + this."""
        self._check_references()
        self.credential: Credential = self._credential()
        """How ``AuthenticatedClient`` sends its credential (a security scheme, and ``sdk.credential``)."""
        top = [self._server(entry, default_name="api") for entry in document.get("servers") or [{"url": ""}]]
        if top[0].name != "api":
            raise SpecError("the first top-level server is the API: its x-name must be api (or absent)")
        self.servers: list[Server] = top[:1]
        self._ops: dict[tuple[str, str], Operation] = {}
        raw_ops: list[tuple[str, str, dict[str, Any], Server]] = []
        for path, item in (document.get("paths") or {}).items():
            # A path is appended to its server's base URL, and its {names} filled by the runtime: anything but
            # "/segment/{name}" could take a request (and its credential) elsewhere or run a format spec.
            if not isinstance(path, str) or not _PATH.fullmatch(path):
                raise SpecError(f"path {path!r} must start with / and name its parameters as plain {{name}}")
            if not isinstance(item, dict):
                raise SpecError(f"path {path!r} must be a mapping of operations")
            path_servers = [self._server(entry) for entry in item.get("servers") or []]
            for method in METHODS:
                if method not in item:
                    continue
                op = item[method]
                entries = op.get("servers") or item.get("servers") or []
                servers = [self._server(entry) for entry in entries] or path_servers or top
                server = self._add_server(servers[0], named=not entries or "x-name" in entries[0])
                raw_ops.append((path, method, op, server))
        functions = {
            self._operation_id(path, method, op): f"{package}.api.{self._tag(op)}.{self._function(path, method, op)}"
            for path, method, op, _ in raw_ops
        }
        for path, method, op, server in raw_ops:
            self._ops[(path, method)] = self._operation(path, method, op, server, functions, raw_ops)
        self.oauth = self._oauth(document)
        self.sensitive_keys: frozenset[str] = frozenset(
            name for name, prop in self._properties() if self.resolve(prop).get("x-sensitive") is True
        )
        """Every property name marked ``x-sensitive: true``, in any schema: values never shown."""
        self.departures: dict[str, str] = {
            f"{schema}.{name}": prop["x-departure"]
            for schema, name, prop in self._named_properties()
            if "x-departure" in prop
        }
        """``Schema.property`` -> why it departs from PlanetScale's published spec (``x-departure``)."""
        self.discriminators: dict[frozenset[str], tuple[str, dict[str, str]]] = self._discriminators()
        """The component names of a union's variants -> its ``discriminator``: (property, value -> component name)."""

    def _nodes(self) -> Iterator[dict[str, Any]]:
        """Every mapping in the document, each once (YAML aliases share nodes, however often they are named)."""
        stack: list[Any] = [self.document]
        visited: set[int] = set()
        while stack:
            node = stack.pop()
            if id(node) in visited:
                continue
            visited.add(id(node))
            if isinstance(node, list):
                stack.extend(node)
            elif isinstance(node, dict):
                stack.extend(node.values())
                yield node

    def _check_references(self) -> None:
        """Every ``$ref`` in the document names something inside it, and no chain of them comes back to itself."""
        for node in self._nodes():
            if "$ref" in node:
                self.resolve(node)

    def _discriminators(self) -> dict[frozenset[str], tuple[str, dict[str, str]]]:
        """Every ``oneOf``/``anyOf`` with a ``discriminator`` in the document, wherever it is written."""
        found: dict[frozenset[str], tuple[str, dict[str, str]]] = {}
        for node in self._nodes():
            discriminator = node.get("discriminator")
            variants = [self.schema_name(each) for each in node.get("oneOf") or node.get("anyOf") or []]
            if not isinstance(discriminator, dict) or not variants or None in variants:
                continue
            names = [name for name in variants if name is not None]
            explicit = discriminator.get("mapping") or {}
            mapping = {str(value): str(ref).rsplit("/", 1)[-1] for value, ref in explicit.items()}
            # A variant the mapping does not name is chosen by its component name (OpenAPI's implicit mapping).
            mapping.update({name: name for name in names if name not in mapping.values()})
            found[frozenset(names)] = (str(discriminator.get("propertyName", "")), mapping)
        return found

    @property
    def operations(self) -> dict[str, Operation]:
        """Every operation, by operationId, in the spec's order."""
        return {op.operation_id: op for op in self._ops.values()}

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """Follow a local ``$ref`` (``#/components/...``); a missing, external or circular one is a ``SpecError``."""
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            if not isinstance(ref, str) or not ref.startswith("#/"):
                raise SpecError(f"$ref {ref!r}: only references inside the document (#/...) are read")
            if ref in seen:
                raise SpecError(f"$ref {ref!r} refers to itself (through {len(seen)} other references)")
            seen.add(ref)
            target: Any = self.document
            for part in ref.removeprefix("#/").split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                if not isinstance(target, dict) or part not in target:
                    raise SpecError(f"$ref {ref!r} names nothing in the document")
                target = target[part]
            node = target
        return node

    def example_of(self, node: Any, depth: int = 0) -> Any:
        """A small valid value of a schema: its ``example``, else its required properties only, the first enum
        value, ... (for the docs' examples and the tests that call every operation)."""
        schema = self.resolve(node) if isinstance(node, dict) else {}
        if depth > 20:
            return None
        for key in ("example", "const"):
            if key in schema:
                return schema[key]
        if schema.get("examples") and isinstance(schema["examples"], list):
            return schema["examples"][0]
        if schema.get("enum"):
            return next((value for value in schema["enum"] if value is not None), None)
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                value = self.example_of(part, depth + 1)
                merged.update(value if isinstance(value, dict) else {})
            return merged
        for key in ("oneOf", "anyOf"):
            if schema.get(key):
                return self.example_of(schema[key][0], depth + 1)
        kind = schema.get("type")
        if isinstance(kind, list):
            kind = next((each for each in kind if each != "null"), "null")
        if kind == "object" or (kind is None and "properties" in schema):
            properties = schema.get("properties") or {}
            required = schema.get("required") or []
            return {name: self.example_of(properties.get(name, {}), depth + 1) for name in required}
        if kind == "array":
            return [self.example_of(schema.get("items", {}), depth + 1) for _ in range(schema.get("minItems", 0))]
        if kind in ("integer", "number"):
            low = schema.get("minimum", 1)
            return int(low) if kind == "integer" else float(low)
        if kind == "boolean":
            return True
        if kind == "string":
            return _EXAMPLE_STRINGS.get(str(schema.get("format", "")), "example")
        return None if kind == "null" else {}

    def schema_name(self, node: dict[str, Any] | None) -> str | None:
        """The component name a schema refers to (``#/components/schemas/<Name>``), else None."""
        ref = (node or {}).get("$ref")
        return ref.rsplit("/", 1)[-1] if isinstance(ref, str) and ref.startswith("#/components/schemas/") else None

    def _named_properties(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(schema name, property name, property) of every component schema's properties."""
        for schema_name, schema in ((self.document.get("components") or {}).get("schemas") or {}).items():
            for name, prop in (schema.get("properties") or {}).items():
                yield schema_name, name, prop

    def _properties(self) -> Iterator[tuple[str, dict[str, Any]]]:
        for _, name, prop in self._named_properties():
            yield name, prop

    def _operation_at(self, server: Server, path: str) -> str | None:
        """The module (``api.<tag>.<operation>``, relative to the package) of the POST operation at ``path``."""
        for (op_path, method), op in self._ops.items():
            if op_path == path and method == "post" and op.server == server:
                return op.function.removeprefix(self.package + ".")
        return None

    @staticmethod
    def _operation_id(path: str, method: str, op: dict[str, Any]) -> str:
        """The operation's operationId, or for one without, the name the generator gives its function."""
        return str(op.get("operationId") or SpecFacts._function(path, method, op))

    @staticmethod
    def _function(path: str, method: str, op: dict[str, Any]) -> str:
        """The name of the operation's module, as the generator derives it."""
        if op.get("operationId"):
            return str(PythonIdentifier(op["operationId"], "field_"))
        return str(generate_operation_id(path=UntrustedString(path), method=method, prefix="field_"))

    @staticmethod
    def _checked_sdk(sdk: dict[str, Any]) -> dict[str, Any]:
        """The ``sdk:`` settings, refused when a key is unknown (a typo would otherwise be ignored) or a value
        has the wrong type."""
        text_keys = {"env_prefix", "error_name", "summary", "example_env_prefix", "client_name"}
        unknown = sorted(set(sdk) - text_keys - {"credential"})
        if unknown:
            raise SpecError(f"sdk: unknown setting(s) {unknown}; the settings are {sorted(text_keys | {'credential'})}")
        for key in text_keys & set(sdk):
            if not isinstance(sdk[key], str) or "\n" in sdk[key]:
                raise SpecError(f"sdk.{key} must be one line of text")
        example_prefix = sdk.get("example_env_prefix")
        if example_prefix is not None and not _ENV.fullmatch(example_prefix):
            raise SpecError(f"sdk.example_env_prefix must be an upper-case identifier, not {example_prefix!r}")
        credential = sdk.get("credential", {})
        allowed = {"scheme": str, "constructor": str, "format": str, "env": dict}
        if not isinstance(credential, dict) or any(
            key not in allowed or not isinstance(value, allowed[key]) for key, value in credential.items()
        ):
            raise SpecError("sdk.credential takes scheme, constructor and format (text) and env (a mapping)")
        return sdk

    def _client_name(self, package: str) -> str:
        # The generated client module imports Client and AuthenticatedClient under those names: a client object
        # named like either would hide them.
        taken = {"Client", "AuthenticatedClient"}
        if "client_name" in self.sdk:
            name = str(self.sdk["client_name"])
            if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name) or name in taken:
                raise SpecError(f"sdk.client_name must be a class name other than {sorted(taken)}, not {name!r}")
            return name
        name = "".join(part[:1].upper() + part[1:] for part in package.split("_"))
        return name + "API" if name in taken or not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name) else name

    def tag_info(self, module: str) -> tuple[str, str]:
        """(name, description) of the tag whose module (``api/<module>``) is ``module``, from the spec's ``tags``
        list: its ``x-displayName`` else its name, and its description (empty when the list does not have it)."""
        for tag in self.document.get("tags") or []:
            if isinstance(tag, dict) and str(PythonIdentifier(str(tag.get("name", "")), "tag")) == module:
                return str(tag.get("x-displayName") or tag["name"]), str(tag.get("description") or "")
        names = [op.tag_name for op in self._ops.values() if op.tag == module]
        return (names[0] if names else module), ""

    def _env_prefix(self, package: str) -> str:
        prefix = self.sdk.get("env_prefix", package.upper())
        if not isinstance(prefix, str) or not _ENV.fullmatch(prefix):
            raise SpecError(f"sdk.env_prefix must be an upper-case identifier, not {prefix!r}")
        return prefix

    def _authenticated(self, op: dict[str, Any]) -> bool:
        """Whether the client's credential goes with the operation: its security (or the document's) asks for
        the scheme the credential is for. An operation that asks only for other schemes gets no credential."""
        security = self.security_of(op)
        if not self.credential.scheme:
            return any(security)
        return any(self.credential.scheme in requirement for requirement in security)

    def security_of(self, op: dict[str, Any]) -> list[dict[str, Any]]:
        """The operation's security requirements: its own, else the document's."""
        found = op.get("security", self.document.get("security"))
        return [requirement for requirement in found or [] if isinstance(requirement, dict)]

    def _credential(self) -> Credential:
        """The credential of ``AuthenticatedClient``: ``sdk.credential.scheme``, else the first scheme the document's
        security names, else the first any operation's names; its placement and its named constructor."""
        schemes: dict[str, Any] = (self.document.get("components") or {}).get("securitySchemes") or {}
        config: dict[str, Any] = self.sdk.get("credential") or {}
        named = [name for requirement in self.security_of({}) for name in requirement]
        for path_item in (self.document.get("paths") or {}).values():
            for method in METHODS:
                if isinstance(path_item, dict) and method in path_item:
                    named += [name for requirement in self.security_of(path_item[method]) for name in requirement]
        name = config.get("scheme") or next((name for name in named if name in schemes), "")
        if name and name not in schemes:
            raise SpecError(f"sdk.credential.scheme {name!r} is not in components.securitySchemes")
        scheme = self.resolve(schemes.get(name) or {})
        kind, http = scheme.get("type"), str(scheme.get("scheme", "")).lower()
        location, header, prefix, fmt = "header", "Authorization", "Bearer", "{token}"
        constructor: str | None = None  # bearer, oauth2, openIdConnect, or no scheme at all: a bearer token
        if kind == "apiKey":
            location, header = str(scheme.get("in", "")), str(scheme.get("name", ""))
            prefix, fmt, constructor = "", "{api_key}", "from_api_key"
        elif kind == "http" and http == "basic":
            prefix, fmt, constructor = "Basic", "{username}:{password}", "from_basic_auth"
        if location not in ("header", "query", "cookie") or not header:
            raise SpecError(f"security scheme {name!r}: an apiKey needs `in` (header, query or cookie) and `name`")
        fmt = config.get("format", fmt)
        constructor = config.get("constructor", constructor)
        if constructor is not None and not re.fullmatch(r"from_[a-z0-9_]+", str(constructor)):
            raise SpecError(f"sdk.credential.constructor must look like from_<name>, not {constructor!r}")
        credential = Credential(name, location, header, prefix, http == "basic", fmt, {}, constructor)
        for part in credential.parts:
            if not _IDENTIFIER.fullmatch(part):
                raise SpecError(f"sdk.credential.format: {part!r} is not a lower-case identifier")
        envs = config.get("env") or {part: f"{self.env_prefix}_{part.upper()}" for part in credential.parts}
        variables = all(isinstance(value, str) and _ENV.fullmatch(value) for value in envs.values())
        if set(envs) != set(credential.parts) or not variables:
            raise SpecError(f"sdk.credential.env must name an environment variable for each of {credential.parts}")
        credential.envs.update({part: envs[part] for part in credential.parts})
        return credential

    @staticmethod
    def _tag(op: dict[str, Any]) -> str:
        tags = op.get("tags") or ["default"]
        return str(PythonIdentifier(tags[0], "tag"))

    def _server(self, entry: dict[str, Any], default_name: str | None = None) -> Server:
        url = str(entry.get("url", "")).rstrip("/")
        name = entry.get("x-name", default_name)
        if name is None:  # another server: named after its host's first label (auth.example.com -> auth)
            host = re.sub(r"^[a-z]+://", "", url).split("/")[0].split(".")[0].split(":")[0]
            name = str(PythonIdentifier(host, "server")) if host else "server"
        if not isinstance(name, str) or not _IDENTIFIER.fullmatch(name):
            raise SpecError(f"server {url!r} needs an x-name that is a lower-case identifier")
        return Server(name=name, url=url, description=str(entry.get("description", "")), env_prefix=self.env_prefix)

    def _add_server(self, server: Server, named: bool) -> Server:
        """The server of an operation, added to ``servers`` when new; ``named``: its x-name is the spec's."""
        for known in self.servers:
            if known.url == server.url:
                return known
        taken = {known.name for known in self.servers}
        if server.name in taken:
            if named:
                raise SpecError(f"server name {server.name!r} is used for two URLs (the second: {server.url})")
            number = 2
            while f"{server.name}{number}" in taken:
                number += 1
            server = Server(f"{server.name}{number}", server.url, server.description, server.env_prefix)
        self.servers.append(server)
        return server

    def _operation(
        self,
        path: str,
        method: str,
        op: dict[str, Any],
        server: Server,
        functions: dict[str, str],
        raw_ops: list[tuple[str, str, dict[str, Any], Server]],
    ) -> Operation:
        operation_id = self._operation_id(path, method, op)
        replaced_by = None
        if "x-replaced-by" in op:
            target = op["x-replaced-by"]
            if not op.get("deprecated"):
                raise SpecError(f"{operation_id}: x-replaced-by without deprecated: true")
            found = [(p, m, s) for p, m, o, s in raw_ops if o.get("operationId") == target]
            if target not in functions or not found:
                raise SpecError(f"{operation_id}: x-replaced-by names no operation: {target!r}")
            p, m, s = found[0]
            replaced_by = f"{functions[target]} ({m.upper()} {s.url}{p})"
        retry = op.get("x-retry") or ("idempotent" if method.upper() in IDEMPOTENT_METHODS else "unsafe")
        if retry not in RETRY_RULES:
            raise SpecError(f"{operation_id}: x-retry must be one of {RETRY_RULES}, not {retry!r}")
        pagination = None
        if "x-pagination" in op:
            raw = op["x-pagination"]
            try:
                pagination = Pagination(page=str(raw["page"]), next=str(raw["next"]), items=str(raw["items"]))
            except (KeyError, TypeError) as exc:
                raise SpecError(f"{operation_id}: x-pagination needs page, next and items") from exc
            self._check_pagination(operation_id, op, pagination)
        return Operation(
            operation_id=operation_id,
            method=method,
            path=path,
            server=server,
            deprecated=bool(op.get("deprecated", False)),
            replaced_by=replaced_by,
            retry=retry,
            pagination=pagination,
            function=functions[operation_id],
            tag=self._tag(op),
            tag_name=str((op.get("tags") or ["default"])[0]),
            authenticated=self._authenticated(op),
            request_media_type=next(iter(self.resolve(op.get("requestBody") or {}).get("content") or {}), None),
            answers=tuple(self._answer(status, answer) for status, answer in (op.get("responses") or {}).items()),
            delimiters=self._delimiters(path, op),
        )

    def _check_pagination(self, operation_id: str, op: dict[str, Any], pages: Pagination) -> None:
        """``x-pagination`` must name a query parameter of the operation and two properties of its 200 body."""
        queries = [self.resolve(each) for each in op.get("parameters") or []]
        if not any(each.get("in") == "query" and each.get("name") == pages.page for each in queries):
            raise SpecError(f"{operation_id}: x-pagination page {pages.page!r} is not a query parameter")
        answer = self.resolve((op.get("responses") or {}).get("200") or (op.get("responses") or {}).get(200) or {})
        media: dict[str, Any] = next(iter((answer.get("content") or {}).values()), {})
        properties = self.resolve(media.get("schema") or {}).get("properties") or {}
        for field_name in (pages.next, pages.items):
            if field_name not in properties:
                raise SpecError(f"{operation_id}: x-pagination names {field_name!r}, not a property of the 200 body")

    def _delimiters(self, path: str, op: dict[str, Any]) -> dict[str, str]:
        """The query arrays of an operation sent as one delimited value (``explode: false``; the path item's
        parameters count too), by wire name."""
        found: dict[str, str] = {}
        item = (self.document.get("paths") or {}).get(path) or {}
        for parameter in [*(item.get("parameters") or []), *(op.get("parameters") or [])]:
            parameter = self.resolve(parameter)
            if parameter.get("in") != "query" or self.resolve(parameter.get("schema") or {}).get("type") != "array":
                continue
            style = parameter.get("style", "form")
            explode = parameter.get("explode", style == "form")
            if not explode:
                found[str(parameter["name"])] = {"spaceDelimited": " ", "pipeDelimited": "|"}.get(style, ",")
        return found

    def _answer(self, status: Any, node: dict[str, Any]) -> Answer:
        answer = self.resolve(node)
        media: dict[str, Any] = next(iter((answer.get("content") or {}).values()), {})
        model = self.schema_name(media.get("schema"))
        schema = self.resolve(media.get("schema") or {})
        return Answer(
            status=str(status),
            model=model,
            oauth_error=schema.get("x-oauth-error") is True,
            description=str(answer.get("description", "")),
        )

    def _oauth(self, document: dict[str, Any]) -> dict[str, str]:
        """The authorization-code flow of the first oauth2 security scheme whose token and revocation URLs
        (``x-revocationUrl``) are POST operations of the spec: the browser page's path and server, and the
        modules of those operations. Empty (no OAuth helpers) when the spec has no such flow."""
        for scheme in ((document.get("components") or {}).get("securitySchemes") or {}).values():
            flow = (scheme.get("flows") or {}).get("authorizationCode") if scheme.get("type") == "oauth2" else None
            if not flow:
                continue
            found: dict[str, str] = {}
            for key, name in (
                ("authorizationUrl", "authorization"),
                ("tokenUrl", "token"),
                ("x-revocationUrl", "revocation"),
            ):
                url = flow.get(key, "")
                server = next((s for s in self.servers if url.startswith(s.url + "/")), None)
                if server is None:
                    break
                path = url[len(server.url) :]
                if name == "authorization":  # a page in the browser, not an operation
                    found.update(
                        authorizationPath=path,
                        authorizationServer=server.name,
                        authorizationArgument=server.argument,
                        authorizationBase=server.url,
                    )
                    continue
                operation = self._operation_at(server, path)
                if operation is None:
                    break
                found[f"{name}Operation"] = operation
            else:
                return found
        return {}

    def operation(self, path: str, method: str) -> Operation:
        """The operation at ``path`` (the spec's template) and ``method`` (lower case)."""
        return self._ops[(path, method)]


def read_document(path: Path) -> Any:
    """A JSON or YAML document (YAML 1.2, as the generator reads it). JSON is parsed as JSON: ruamel takes about
    a second for a large one, such as a converted Swagger document."""
    content = path.read_bytes()
    if content.lstrip()[:1] in (b"{", b"["):
        try:
            return json.loads(content)
        except ValueError:
            pass  # YAML's flow style: let the YAML parser read it
    return YAML(typ="safe").load(content)


def load(path: Path, package: str = "planetscale_oauth", config: Path | None = None) -> SpecFacts:
    """The facts of the spec at ``path`` (JSON or YAML), with the ``sdk:`` section of the generator config file."""
    sdk = (read_document(config) or {}).get("sdk") if config is not None else None
    return SpecFacts(read_document(path), package, sdk)


__all__ = [
    "IDEMPOTENT_METHODS",
    "METHODS",
    "RETRY_RULES",
    "TEMPLATES",
    "Answer",
    "Credential",
    "Operation",
    "Pagination",
    "Server",
    "SpecError",
    "SpecFacts",
    "load",
    "read_document",
]
