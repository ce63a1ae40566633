"""openapi-python-client's command line, with the operation facts the stock parser drops.

    python scripts/run_generator.py generate --path openapi.yaml ...   # the generator's own arguments

The generator's parsed ``endpoint`` carries no ``deprecated`` flag, no ``servers`` and no ``x-``
extensions, and its file set is fixed. This runner subclasses its ``Project`` (pinned version, see
requirements-dev.txt) to add, and nothing else:

- a template global ``spec`` (``SpecFacts`` below): per operation whether it is deprecated and what
  replaces it (``x-replaced-by``), which server it is on, its retry rule and its pagination
  (``x-pagination``); the servers (``x-name``) and the OAuth URLs of the ``oauth2`` security scheme;
- the modules in ``templates/modules/`` (not overrides: code the spec has no operation for, such as
  the authorize-URL builder), rendered into the package before the post-hooks format everything.

Every value handed to templates is plain data checked here (names must be identifiers, URLs absolute).
"""

from __future__ import annotations

import importlib
import re
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openapi_python_client
from openapi_python_client import Project
from openapi_python_client.cli import app
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.strings import PythonIdentifier
from ruamel.yaml import YAML

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# RFC 9110 idempotent methods: the same set as IDEMPOTENT_METHODS in templates/client.py.jinja
# (tests/test_generated.py checks they agree).
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRY_RULES = ("idempotent", "unsafe")
EXTRA_MODULES = "modules"
RUNTIME = "runtime"
TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
_IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")


class SpecError(Exception):
    """The spec uses an extension this runner reads in a way it cannot honour."""


@dataclass(frozen=True)
class Server:
    name: str  # x-name: "api" for the first server, e.g. "oauth" for another
    url: str
    description: str

    @property
    def argument(self) -> str:
        """The client's constructor argument for this server's base URL."""
        return "base_url" if self.name == "api" else f"{self.name}_base_url"

    @property
    def env(self) -> str:
        return "PLANETSCALE_BASE_URL" if self.name == "api" else f"PLANETSCALE_{self.name.upper()}_BASE_URL"


@dataclass(frozen=True)
class Pagination:
    page: str  # query parameter that selects the page
    next: str  # response field holding the next page number, null on the last page
    items: str  # response field holding the page's items


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


class SpecFacts:
    """What templates may ask about the spec beyond the generator's parsed model."""

    def __init__(self, document: dict[str, Any], package: str) -> None:
        self.package = package
        top = [self._server(entry, default_name="api") for entry in document.get("servers") or []]
        if not top or top[0].name != "api":
            raise SpecError("the first top-level server must exist and be named x-name: api")
        self.servers: list[Server] = top[:1]
        self._ops: dict[tuple[str, str], Operation] = {}
        raw_ops: list[tuple[str, str, dict[str, Any], Server]] = []
        for path, item in (document.get("paths") or {}).items():
            path_servers = [self._server(entry) for entry in item.get("servers") or []]
            for method in METHODS:
                if method not in item:
                    continue
                op = item[method]
                servers = [self._server(entry) for entry in op.get("servers") or []] or path_servers or top
                server = self._add_server(servers[0])
                raw_ops.append((path, method, op, server))
        functions = {
            op["operationId"]: f"{package}.api.{self._tag(op)}.{PythonIdentifier(op['operationId'], '')}"
            for _, _, op, _ in raw_ops
        }
        for path, method, op, server in raw_ops:
            self._ops[(path, method)] = self._operation(path, method, op, server, functions, raw_ops)
        self.oauth = self._oauth(document)
        self.oauth_error_models: set[str] = set()  # class names; SpecProject fills it in from the parsed models

    def _operation_at(self, server: Server, path: str) -> str:
        """The module (``api.<tag>.<operation>``, relative to the package) of the POST operation at ``path``."""
        for (op_path, method), op in self._ops.items():
            if op_path == path and method == "post" and op.server == server:
                return op.function.removeprefix(self.package + ".")
        raise SpecError(f"no POST operation at {server.url}{path}, which the oauth2 security scheme names")

    def operation(self, endpoint: Endpoint) -> Operation:
        return self._ops[(endpoint.path.get_untrusted_value(), endpoint.method)]

    @staticmethod
    def _tag(op: dict[str, Any]) -> str:
        tags = op.get("tags") or ["default"]
        return str(PythonIdentifier(tags[0], "tag"))

    @staticmethod
    def _server(entry: dict[str, Any], default_name: str | None = None) -> Server:
        name = entry.get("x-name", default_name)
        url = entry.get("url", "")
        if not isinstance(name, str) or not _IDENTIFIER.match(name):
            raise SpecError(f"server {url!r} needs an x-name that is a lower-case identifier")
        if not re.match(r"^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?$", url):
            raise SpecError(f"server url {url!r} must be an absolute https URL without variables")
        return Server(name=name, url=url.rstrip("/"), description=str(entry.get("description", "")))

    def _add_server(self, server: Server) -> Server:
        for known in self.servers:
            if known.name == server.name:
                if known.url != server.url:
                    raise SpecError(f"server name {server.name!r} is used for {known.url} and {server.url}")
                return known
        self.servers.append(server)
        return server

    @staticmethod
    def _operation(
        path: str,
        method: str,
        op: dict[str, Any],
        server: Server,
        functions: dict[str, str],
        raw_ops: list[tuple[str, str, dict[str, Any], Server]],
    ) -> Operation:
        operation_id = op.get("operationId", f"{method} {path}")
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
                pagination = Pagination(page=raw["page"], next=raw["next"], items=raw["items"])
            except (KeyError, TypeError) as exc:
                raise SpecError(f"{operation_id}: x-pagination needs page, next and items") from exc
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
        )

    def _oauth(self, document: dict[str, Any]) -> dict[str, str]:
        """The authorization-code flow of the oauth2 security scheme: the browser page's path and server,
        and the modules of the token and revocation operations (``x-revocationUrl``)."""
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
                    raise SpecError(f"oauth2 {key} {url!r} is not on any server of the spec")
                path = url[len(server.url) :]
                if name == "authorization":  # a page in the browser, not an operation
                    found.update(
                        authorizationPath=path,
                        authorizationServer=server.name,
                        authorizationArgument=server.argument,
                        authorizationBase=server.url,
                    )
                else:
                    found[f"{name}Operation"] = self._operation_at(server, path)
            return found
        return {}

    @staticmethod
    def error_class(status_code: int) -> str:
        """The name of the error class the runtime raises for an error status (for docstrings)."""
        return str(_runtime_exceptions().error_class_for_status(status_code).__name__)

    def is_oauth_error(self, class_name: str) -> bool:
        """Whether a model is an RFC 6749 error body (``x-oauth-error: true`` on its schema)."""
        return class_name in self.oauth_error_models


def _runtime_exceptions() -> Any:
    """The runtime's error module, imported from its source (templates/runtime) as ``runtime._exceptions``."""
    if str(TEMPLATES) not in sys.path:
        sys.path.insert(0, str(TEMPLATES))
    return importlib.import_module(f"{RUNTIME}._exceptions")


def pack_params(text: str, *, defaults: bool = True, star: bool = True, width: int = 120) -> str:
    """Parameters, one a line as the stock macros write them, packed into as few lines as fit in ``width``.

    Endpoint templates put them in a ``def`` header marked ``# fmt: skip``: ruff would otherwise give
    every parameter a line of its own, so that signatures, repeated by each public function, would make
    most of a module. ``defaults=False`` drops default values and ``star=False`` the ``*`` marker (for
    a private helper called with every argument in order).
    """
    items = [line.strip() for line in str(text).splitlines() if line.strip()]
    if not star:
        items = [item for item in items if item != "*,"]
    if not defaults:
        items = [item.rstrip(",").split(" = ")[0] + "," for item in items]
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 1 + len(item) + 4 <= width:
            lines[-1] += " " + item
        else:
            lines.append(item)
    return "\n    ".join(lines)


class SpecProject(Project):
    """The generator's Project, plus the ``spec`` global and the modules in templates/modules/."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        source = Path(str(self.config.document_source))
        document = YAML(typ="safe").load(source.read_bytes())
        facts = SpecFacts(document, self.package_name)
        facts.oauth_error_models = {
            model.class_info.name
            for model in self.openapi.models
            if (model.data.model_extra or {}).get("x-oauth-error") is True
        }
        self.env.globals["spec"] = facts
        self.env.filters["pack_params"] = pack_params
        self._extra_folder = (kwargs["custom_template_path"] or Path()) / EXTRA_MODULES

    def _build_api(self) -> None:
        super()._build_api()
        # The runtime: plain Python, copied as it is (a file of the same name the generator wrote, such as
        # types.py, is replaced).
        for source in sorted((TEMPLATES / RUNTIME).glob("*.py")):
            shutil.copyfile(source, self.package_dir / source.name)
        for template in sorted(self._extra_folder.glob("*.py.jinja")):
            target = self.package_dir / template.name.removesuffix(".jinja")
            rendered = self.env.get_template(f"{EXTRA_MODULES}/{template.name}").render()
            target.write_text(rendered, encoding=self.config.file_encoding)


if __name__ == "__main__":
    # openapi_python_client.generate() builds `Project` by its module-level name.
    openapi_python_client.Project = SpecProject  # type: ignore[misc]
    sys.exit(app())
