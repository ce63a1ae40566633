"""Render the Markdown reference (docs/) from a spec and the package freshly generated from it.

Called by generate.py after the code is generated (for openapi.yaml, and with ``generate --docs DIR``).
The spec gives the words (summaries,
descriptions, required accesses, which fields are sensitive or nullable); the generated package
gives the Python facts (module paths, class names, field types, the error class for each status),
so the docs cannot drift from the code. The page layouts are the jinja2 templates in templates/docs/.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
import itertools
import json
import re
import sys
import textwrap
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import jinja2
from openapi_python_client.strings import PythonIdentifier

import spec_reader
from runtime._base_client import RETRY_RULES
from spec_reader import SpecFacts

ROOT = Path(__file__).resolve().parent.parent
DOC_TEMPLATES = ROOT / "templates" / "docs"
ALIAS = "_planetscale_oauth_for_docs"
SHOWN_NAME = {ALIAS: ALIAS}
"""The alias -> the package's real name, for values the package computes from its own name (a default table)."""
PYTHON_TYPES = {"string": "str", "integer": "int", "boolean": "bool", "number": "float"}


def load_package(package_dir: Path) -> ModuleType:
    """Import the package in ``package_dir`` under a private name (it may differ from the installed one)."""
    for name in [name for name in sys.modules if name == ALIAS or name.startswith(ALIAS + ".")]:
        del sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        ALIAS, package_dir / "__init__.py", submodule_search_locations=[str(package_dir)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[ALIAS] = module
    spec.loader.exec_module(module)
    return module


def unqualified(text: str) -> str:
    """A type as the package's modules write it: model names without the module they live in."""
    return re.sub(rf"{ALIAS}\.[a-z0-9_.]*\.(?=[A-Z])", "", text)


def snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def ref_name(node: dict[str, Any]) -> str:
    ref: str = node["$ref"]
    return ref.rsplit("/", 1)[-1]


def nullable(schema: dict[str, Any]) -> bool:
    """Whether a property may be null: ``type: [..., "null"]``, ``nullable: true``, or a null variant."""
    kind = schema.get("type")
    variants = (schema.get("oneOf") or []) + (schema.get("anyOf") or [])
    return (
        (isinstance(kind, list) and "null" in kind)
        or schema.get("nullable") is True
        or any(isinstance(each, dict) and each.get("type") == "null" for each in variants)
    )


def model_pages(facts: SpecFacts, package: Any) -> list[dict[str, Any]]:
    models = importlib.import_module(f"{ALIAS}.models")
    pages = []
    for name, schema in ((facts.document.get("components") or {}).get("schemas") or {}).items():
        cls = getattr(models, name, None)
        if cls is None or not attrs.has(cls):
            continue  # e.g. a oneOf, which is a union of models rather than a class
        required = set(schema.get("required") or [])
        by_python_name = {str(PythonIdentifier(name, "field_")): name for name in schema.get("properties") or {}}
        fields = []
        for field in attrs.fields(cls):
            json_name = by_python_name.get(field.name)
            prop = (schema.get("properties") or {}).get(json_name) if json_name else None
            if json_name is None or prop is None:
                continue
            fields.append(
                {
                    "name": field.name if field.name == json_name else f"{field.name}` (`{json_name}`",
                    "type": field.type,
                    "required": json_name in required,
                    "nullable": nullable(facts.resolve(prop)) or nullable(prop),
                    "sensitive": prop.get("x-sensitive") is True,
                    "description": facts.resolve(prop).get("description", ""),
                }
            )
        pages.append(
            {
                "name": name,
                "description": schema.get("description", ""),
                "fields": fields,
                "open": schema.get("additionalProperties", True) is not False,
            }
        )
    return pages


def plain_string(facts: SpecFacts, node: dict[str, Any]) -> bool:
    """A property a keyword argument in an example can hold as a plain ``str`` (or a constant)."""
    prop = facts.resolve(node)
    return "const" in prop or (prop.get("type") == "string" and "enum" not in prop and "format" not in prop)


def example_value(facts: SpecFacts, schema: dict[str, Any], name: str) -> str | None:
    """Python source for a body field in an example: a secret or an id from the environment (named with
    ``sdk.example_env_prefix``, else the package's prefix)."""
    prop = facts.resolve(schema["properties"][name])
    if "const" in prop:
        return None
    if prop.get("x-sensitive") is True or name.endswith("_id"):
        prefix = facts.sdk.get("example_env_prefix", facts.env_prefix)
        return f'os.environ["{prefix}_{name.upper()}"]'
    examples = schema.get("examples") or [{}]
    example = examples[0] if isinstance(examples[0], dict) else {}
    return json.dumps(example.get(name, f"your-{name.replace('_', '-')}"))


def operations(facts: SpecFacts, package: Any, package_name: str) -> list[dict[str, Any]]:
    spec = facts.document
    found = []
    for operation in facts.operations.values():
        node = spec["paths"][operation.path][operation.method]
        module_name = operation.module
        try:
            module = importlib.import_module(module_name.replace(package_name, ALIAS, 1))
        except ModuleNotFoundError:
            continue  # an operation the generator did not generate (it warned why)
        description, _, _ = str(node.get("description", "")).partition("### Authorization")
        params = []
        signature = inspect.signature(module.sync)
        for param in [facts.resolve(each) for each in spec["paths"][operation.path].get("parameters") or []] + [
            facts.resolve(each) for each in node.get("parameters") or []
        ]:
            python = signature.parameters.get(str(PythonIdentifier(param["name"], "field_")))
            kind = facts.resolve(param.get("schema") or {}).get("type", "string")
            shown = PYTHON_TYPES.get(kind, "Any") if isinstance(kind, str) else "Any"
            params.append(
                {
                    "name": param["name"],
                    "type": unqualified(inspect.formatannotation(python.annotation)) if python else shown,
                    "required": param.get("required", False),
                    "description": param.get("description", ""),
                    "example": param.get("example", param["name"]),
                    "in": param["in"],
                }
            )
        bodies = []
        contents = facts.resolve(node.get("requestBody") or {}).get("content") or {}
        for content in contents.values():
            body_schema = content.get("schema") or {}
            for variant in facts.resolve(body_schema).get("oneOf", [body_schema]):
                schema = facts.resolve(variant)
                if facts.schema_name(variant) is None:
                    continue  # an inline body: its model is named by the generator, shown in the signature
                properties = schema.get("properties") or {}
                values = [
                    (str(PythonIdentifier(name, "field_")), example_value(facts, schema, name)) for name in properties
                ]
                bodies.append(
                    {
                        "model": ref_name(variant),
                        "description": schema.get("description", ""),
                        "fields": [(name, value) for name, value in values if value is not None],
                        # A body with other than plain strings is built from JSON, with the model's own checks.
                        "json": None
                        if all(plain_string(facts, prop) for prop in properties.values())
                        else json.dumps(facts.example_of(schema)),
                    }
                )
        documented = [
            {"status": answer.status, "error": answer.error_class, "description": answer.description}
            for answer in operation.answers
            if not answer.success
        ]
        found.append(
            {
                "tag": operation.tag_name,
                "module": module_name,
                "name": operation.operation_id,
                "function": module_name.rsplit(".", 1)[-1],
                "method": operation.method.upper(),
                "path": operation.path,
                "server": operation.server.url,
                "server_argument": operation.server.argument,
                "summary": node.get("summary", ""),
                "description": description.strip(),
                "authenticated": operation.authenticated,
                "accesses": node.get("x-service-token-accesses", []),
                "deprecated": operation.deprecated,
                "replaced_by": node.get("x-replaced-by"),
                "pagination": node.get("x-pagination"),
                "retry": operation.retry,
                "retry_statuses": sorted(RETRY_RULES[operation.retry].statuses),
                "params": params,
                "form": operation.request_media_type == "application/x-www-form-urlencoded",
                "bodies": bodies,
                "response": operation.success_model,
                "errors": documented,
                "signature": unqualified(str(inspect.signature(module.sync))),
            }
        )
    pages = {op["name"]: f"{snake(op['tag'])}.md" for op in found}
    for op in found:
        if op["replaced_by"]:
            op["replaced_by_link"] = f"{pages[op['replaced_by']]}#{op['replaced_by']}"
    return found


# The package's own reference, in docs/package/: its clients, its OAuth helpers (where the spec has an oauth2 flow),
# its errors and the environment variables it reads. The facts come from the generated package itself (signatures,
# docstrings, the errors' tables, the client's *_ENV constants), so these pages change when the code does.
PACKAGE_DIR = "package"
OAUTH_ORDER = ("authorize_url", "read_callback", "check_state", "TokenSession", "Tokens")
"""The OAuth helpers a reader needs first, in the order of the flow; the module's other names follow."""
_ITEM = re.compile(r"(``[^`]+``|[A-Za-z_][\w.]*)( \([^)]*\))?: ")


class _Shown:
    """A value shown in a signature as the given text (``repr`` is what ``inspect.Signature`` prints)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def plain_type(text: str) -> str:
    """A type as a reader writes it: without the package's module paths and without ``typing.`` or
    ``collections.abc.``."""
    return re.sub(r"\b(typing|collections\.abc)\.", "", unqualified(text))


def markdown(doc: str | None) -> str:
    """A docstring as Markdown: double-backquoted literals as code; an indented run of ``name: text`` lines as a
    list; any other indented run (an example) as a text block."""
    if not doc:
        return ""
    out: list[str] = []
    for paragraph in re.split(r"\n\s*\n", inspect.cleandoc(doc)):
        lines = paragraph.splitlines()
        runs: list[tuple[bool, list[str]]] = []
        for line in lines:
            indented = line.startswith(" ")
            if runs and runs[-1][0] == indented:
                runs[-1][1].append(line)
            else:
                runs.append((indented, [line]))
        for indented, run in runs:
            if not indented:
                out.append(" ".join(line.strip() for line in run).replace("``", "`"))
            elif _ITEM.match(run[0].strip()):
                items: list[str] = []
                for line in run:
                    text = line.strip()
                    item = _ITEM.match(text)
                    if item and len(line) - len(line.lstrip()) == len(run[0]) - len(run[0].lstrip()):
                        name = item.group(1) if item.group(1).startswith("``") else f"``{item.group(1)}``"
                        items.append(f"- {name}{item.group(2) or ''}: {text[item.end() :]}")
                    else:
                        items[-1] += f" {text}"
                out.append("\n".join(item.replace("``", "`") for item in items))
            else:
                out.append("```text\n" + textwrap.dedent("\n".join(run)) + "\n```")
    return "\n\n".join(out)


def summary(doc: str | None) -> str:
    """The first paragraph of a docstring, on one line, as Markdown."""
    return markdown(re.split(r"\n\s*\n", inspect.cleandoc(doc or ""), maxsplit=1)[0])


def shown_default(value: Any, factory: Any = None) -> Any:
    """A default as a signature should show it: a factory as its call, a function by its name, and no object's
    address (the page would differ on every run)."""
    if value is inspect.Parameter.empty:
        return value
    if value is attrs.NOTHING:
        made = getattr(factory, "factory", None)
        name = getattr(made, "__qualname__", "")
        return _Shown(f"{name}()" if name and "<" not in name else "…")
    if callable(value) and hasattr(value, "__name__"):
        module = getattr(value, "__module__", None) or type(getattr(value, "__self__", None)).__module__
        return _Shown(f"{module}.{value.__name__}")
    return _Shown(shown_value(value))


def shown_value(value: Any) -> str:
    """``repr(value)`` the same on every run: sets sorted, no object's address."""
    if isinstance(value, set | frozenset):
        text = f"{type(value).__name__}({{{', '.join(repr(each) for each in sorted(value, key=repr))}}})"
    else:
        text = repr(value)
    return "…" if " at 0x" in text else plain_type(text).replace(ALIAS, SHOWN_NAME[ALIAS])


def shown_annotation(annotation: Any) -> Any:
    if annotation is inspect.Parameter.empty:
        return annotation
    if isinstance(annotation, str):  # a module with `from __future__ import annotations`: the source's own words
        return _Shown(annotation)
    return _Shown(plain_type(inspect.formatannotation(annotation)))


def signature_of(obj: Any, name: str, *, method: bool = False) -> str:
    """``name(arguments) -> result`` for a function, method (``method``: without its ``self``) or class."""
    try:
        signature = inspect.signature(obj)
    except (TypeError, ValueError):
        return f"{name}(…)"
    factories = {field.alias: field.default for field in attrs.fields(obj)} if attrs.has(obj) else {}
    parameters = list(signature.parameters.values())[1 if method else 0 :]
    shown = [
        parameter.replace(
            annotation=shown_annotation(parameter.annotation),
            default=shown_default(parameter.default, factories.get(parameter.name)),
        )
        for parameter in parameters
    ]
    result = inspect.Signature.empty if isinstance(obj, type) else shown_annotation(signature.return_annotation)
    return f"{name}{signature.replace(parameters=shown, return_annotation=result)}"


def attribute_docs() -> dict[str, str]:
    """The docstring under each module-level name of the package's modules (``NAME = value`` then a string)."""
    found: dict[str, str] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith(ALIAS + ".") or getattr(module, "__file__", None) is None:
            continue
        tree = ast.parse(Path(str(module.__file__)).read_text(encoding="utf-8"))
        for node, after in itertools.pairwise(tree.body):
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
            target = node.target if isinstance(node, ast.AnnAssign) else target
            if (
                isinstance(target, ast.Name)
                and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)
                and isinstance(after.value.value, str)
            ):
                found.setdefault(target.id, after.value.value)
    return found


def members(cls: type, below: type | None = None) -> list[dict[str, Any]]:
    """The public methods, properties and attributes of a class of the package, base classes' first, each once;
    without those it shares with ``below`` (a class documented on the same page)."""
    fields = {field.name: field for field in attrs.fields(cls)} if attrs.has(cls) else {}
    found: dict[str, dict[str, Any]] = {}
    for klass in reversed(cls.__mro__):
        if not klass.__module__.startswith(ALIAS):
            continue
        for name in vars(klass):
            if name.startswith("_"):
                continue
            raw = inspect.getattr_static(cls, name)
            if below is not None and inspect.getattr_static(below, name, None) is raw:
                continue
            if name in fields:
                if fields[name].init:
                    continue  # a constructor argument, shown with the constructor
                kind, shown, doc = "attribute", f"{name}: {plain_type(str(fields[name].type))}", None
            elif isinstance(raw, classmethod):
                kind, shown, doc = "classmethod", signature_of(getattr(cls, name), name), raw.__func__.__doc__
            elif isinstance(raw, staticmethod):
                kind, shown, doc = "staticmethod", signature_of(raw.__func__, name), raw.__func__.__doc__
            elif isinstance(raw, property):
                result = inspect.signature(raw.fget).return_annotation if raw.fget else inspect.Signature.empty
                annotation = shown_annotation(result)
                kind, doc = "property", raw.__doc__
                shown = name if annotation is inspect.Signature.empty else f"{name}: {annotation!r}"
            elif inspect.isfunction(raw):
                kind, shown, doc = "method", signature_of(raw, name, method=True), inspect.getdoc(getattr(cls, name))
            else:
                continue  # a class-level value documented in the class's docstring
            found[name] = {"name": name, "kind": kind, "signature": shown, "doc": markdown(doc)}
    return list(found.values())


def type_arguments(cls: type) -> dict[str, str]:
    """A generic base's type variables -> what ``cls`` binds them to (``OAuthApp(_oauth.OAuthApp[TokenSession])``:
    ``_S`` -> ``TokenSession``), so that signatures show the type a caller gets."""
    bound: dict[str, str] = {}
    for base in getattr(cls, "__orig_bases__", ()):
        variables = getattr(typing.get_origin(base), "__parameters__", ())
        for variable, argument in zip(variables, typing.get_args(base), strict=False):
            bound[variable.__name__] = getattr(argument, "__name__", str(argument))
    return bound


def described_class(cls: type, name: str | None = None, below: type | None = None) -> dict[str, Any]:
    """A class: its constructor's signature, docstring and members (less those it shares with ``below``)."""
    name = name or cls.__name__
    protocol = bool(getattr(cls, "_is_protocol", False))
    found = members(cls, below)
    for variable, argument in type_arguments(cls).items():
        for member in found:
            member["signature"] = re.sub(rf"\b{re.escape(variable)}\b", argument, member["signature"])
    return {
        "kind": "class",
        "name": name,
        "signature": None if protocol or issubclass(cls, BaseException) else signature_of(cls, name),
        "doc": markdown(inspect.getdoc(cls)),
        "summary": summary(inspect.getdoc(cls)),
        "members": found,
    }


def described(module: ModuleType, names: list[str]) -> dict[str, list[dict[str, Any]]]:
    """What a module exports under ``names``: ``items`` (its functions and classes, in the order of ``names``) and
    ``values`` (its constants and type aliases)."""
    found: dict[str, list[dict[str, Any]]] = {"items": [], "values": []}
    docs = attribute_docs()
    for name in names:
        value = getattr(module, name)
        if isinstance(value, type) and not getattr(value, "__origin__", None):
            found["items"].append(described_class(value, name))
        elif inspect.isfunction(value):
            doc = value.__doc__
            entry = {"kind": "function", "name": name, "signature": signature_of(value, name), "doc": markdown(doc)}
            found["items"].append({**entry, "summary": summary(doc)})
        else:
            found["values"].append({"name": name, "value": shown_value(value), "doc": summary(docs.get(name))})
    return found


def client_page() -> dict[str, Any]:
    client = importlib.import_module(f"{ALIAS}.client")
    names = [name for name in ("Client", "AuthenticatedClient") if hasattr(client, name)]
    classes = [
        described_class(getattr(client, name), below=client.Client if name != "Client" else None) for name in names
    ]
    base = next(klass for klass in client.Client.__mro__ if klass.__name__ == "BaseClient")
    fields = {field.alias: field.default for field in attrs.fields(client.Client)}
    servers = [
        {"argument": argument, "env": env, "default": fields.get(argument)}
        for argument, env in client.Client._BASE_URL_ENVS.items()
    ]
    # The base URLs and environment variables have tables of their own; the User-Agent's value names the Python
    # and httpx versions of the machine that generated it, so the page shows its form instead.
    base_urls = {f"DEFAULT_{argument.upper()}" for argument in client.Client._BASE_URL_ENVS}
    shown_apart = {*names, *base_urls, "DEFAULT_SERVERS", "RETRY_RULES", "USER_AGENT"}
    exported = [name for name in client.__all__ if name not in shown_apart and not name.endswith("_ENV")]
    settings = described(client, exported)
    if isinstance(getattr(client, "USER_AGENT", None), str):
        agent = re.sub(r"python/\S+", "python/<x.y>", re.sub(r"httpx/\S+", "httpx/<version>", client.USER_AGENT))
        settings["values"].append({"name": "USER_AGENT", "value": agent, "doc": "The `User-Agent` of every request."})
    return {
        "file": "client.md",
        "template": "client.md.jinja",
        "title": "Clients",
        "summary": "`Client` and `AuthenticatedClient`: their arguments, constructors, methods and defaults.",
        "module_doc": summary(client.__doc__),
        "classes": classes,
        "base_doc": markdown(base.__doc__).split("\n\n", 1)[-1],  # without its summary, the same as Client's
        "servers": servers,
        "credential_envs": dict(getattr(getattr(client, "AuthenticatedClient", None), "_CREDENTIAL_ENVS", {})),
        "settings": settings,
        "retry_rules": [
            {
                "name": name,
                "statuses": sorted(rule.statuses),
                "failures": [failure.__name__ for failure in rule.failures],
            }
            for name, rule in client.RETRY_RULES.items()
        ],
    }


def oauth_page(facts: SpecFacts) -> dict[str, Any] | None:
    if not facts.oauth:
        return None  # the spec has no oauth2 authorization-code flow whose token and revocation URLs are operations
    oauth = importlib.import_module(f"{ALIAS}.oauth")
    names = sorted(oauth.__all__, key=lambda name: OAUTH_ORDER.index(name) if name in OAUTH_ORDER else len(OAUTH_ORDER))
    return {
        "file": "oauth_helpers.md",
        "template": "oauth_helpers.md.jinja",
        "title": "OAuth helpers",
        "summary": "`authorize_url`, `read_callback`, `check_state`, `TokenSession` and its methods, `Tokens`.",
        "module_doc": markdown(oauth.__doc__),
        "names": names,
        "found": described(oauth, names),
    }


STORES_ORDER = ("TokenStore", "SQLiteStore", "PostgresStore", "RedisStore", "MemoryStore", "TokenCipher")


def stores_page(facts: SpecFacts) -> dict[str, Any] | None:
    if not facts.oauth:
        return None  # stores hold the tokens of OAuth token sessions
    stores = importlib.import_module(f"{ALIAS}.stores")
    names = sorted(
        stores.__all__, key=lambda name: STORES_ORDER.index(name) if name in STORES_ORDER else len(STORES_ORDER)
    )
    found = described(stores, names)
    return {
        "file": "stores.md",
        "template": "stores.md.jinja",
        "title": "Token stores",
        "summary": "Tokens shared by many processes and hosts: `TokenStore` (to write your own), `SQLiteStore`, "
        "`PostgresStore`, `RedisStore`, `MemoryStore`, and `TokenCipher` (encryption at rest).",
        "module_doc": markdown(stores.__doc__),
        "names": names,
        "found": {
            **found,
            # Each store is shown with what it adds to TokenStore: read() and write() are documented once.
            "items": [
                described_class(getattr(stores, item["name"]), below=stores.TokenStore)
                if item["kind"] == "class"
                and issubclass(getattr(stores, item["name"]), stores.TokenStore)
                and item["name"] != "TokenStore"
                else item
                for item in found["items"]
            ],
        },
    }


def status_rows(exceptions: ModuleType) -> list[tuple[str, str]]:
    """(statuses, class name) for every HTTP error status: those with a class of their own, then ranges."""
    rows = [(str(status), cls.__name__) for status, cls in sorted(exceptions.STATUS_ERRORS.items())]
    rest: dict[str, list[int]] = {}
    for status in range(300, 600):
        if status not in exceptions.STATUS_ERRORS:
            rest.setdefault(exceptions.error_class_for_status(status).__name__, []).append(status)
    others = []
    for name, statuses in rest.items():
        ranges: list[list[int]] = []
        for status in statuses:
            if ranges and ranges[-1][-1] == status - 1:
                ranges[-1][-1] = status
            else:
                ranges.append([status, status])
        spans = [f"{low}\N{EN DASH}{high}" if high > low else str(low) for low, high in ranges]
        others.append((", ".join(spans) if len(spans) <= 2 else "any other", name))
    rows += others
    return sorted(rows, key=lambda row: (row[0] == "any other", int(re.sub(r"\D.*", "", row[0]) or 0)))


def meaning(code: str, cls: type) -> str:
    """What an OAuth error code means, from its class's docstring (which starts by naming the code)."""
    text = summary(cls.__doc__).removeprefix(f"`{code}`").lstrip(":. ")
    return text[:1].upper() + text[1:] or "—"


def errors_page(facts: SpecFacts) -> dict[str, Any]:
    errors = importlib.import_module(f"{ALIAS}.errors")
    exceptions = importlib.import_module(f"{ALIAS}._exceptions")
    root = exceptions.APIError
    classes = [
        value
        for value in vars(exceptions).values()
        if isinstance(value, type) and issubclass(value, root) and value.__module__ == errors.__name__
    ]
    parents = {
        cls: next(base for base in cls.__bases__ if issubclass(base, root)) for cls in classes if cls is not root
    }
    children: dict[type, list[type]] = {}
    for cls, parent in parents.items():
        children.setdefault(parent, []).append(cls)

    def tree(cls: type, depth: int) -> list[dict[str, Any]]:
        also = [base.__name__ for base in cls.__bases__ if not issubclass(base, root) and base is not Exception]
        entry = {"name": cls.__name__, "depth": depth, "also": also, "summary": summary(cls.__doc__)}
        return [entry, *(row for child in children.get(cls, []) for row in tree(child, depth + 1))]

    oauth_errors = any(op.oauth_errors for op in facts.operations.values())
    fallback = next(iter(exceptions.OAUTH_ERRORS.values())).__bases__[0].__name__ if exceptions.OAUTH_ERRORS else ""
    return {
        "file": "errors.md",
        "template": "errors.md.jinja",
        "title": "Errors",
        "summary": "The error hierarchy, every error's attributes, and which class each status "
        + ("or OAuth error code raises." if oauth_errors else "raises."),
        "module_doc": markdown(errors.__doc__),
        "tree": tree(root, 0),
        "classes": [described_class(cls, below=parents.get(cls)) for cls in classes],
        "statuses": status_rows(exceptions),
        "oauth_codes": [(code, cls.__name__, meaning(code, cls)) for code, cls in exceptions.OAUTH_ERRORS.items()]
        if oauth_errors
        else [],
        "oauth_fallback": fallback,
    }


def environment_page(ops: list[dict[str, Any]]) -> dict[str, Any]:
    client = importlib.import_module(f"{ALIAS}.client")
    base_client = importlib.import_module(f"{ALIAS}._base_client")
    constants = {
        value: name for name, value in vars(client).items() if name.endswith("_ENV") and isinstance(value, str)
    }
    fields = {field.alias: field.default for field in attrs.fields(client.Client)}
    servers = [
        {"env": env, "constant": constants.get(env), "argument": argument, "default": fields.get(argument)}
        for argument, env in client.Client._BASE_URL_ENVS.items()
    ]
    authenticated = getattr(client, "AuthenticatedClient", None)
    credential_envs: dict[str, str] = dict(getattr(authenticated, "_CREDENTIAL_ENVS", None) or {})
    credential = [{"env": env, "constant": constants.get(env), "part": part} for part, env in credential_envs.items()]
    examples: dict[str, list[str]] = {}
    for op in ops:
        for body in op["bodies"]:
            if body["json"] is not None:
                continue  # an example built from JSON, which holds no variable
            for field, value in body["fields"]:
                for env in re.findall(r'os\.environ\["([A-Za-z0-9_]+)"\]', value):
                    examples.setdefault(env, [])
                    if field not in examples[env]:
                        examples[env].append(field)
    return {
        "file": "environment.md",
        "template": "environment.md.jinja",
        "title": "Environment variables",
        "summary": "Every environment variable the package reads, and those the examples read.",
        "servers": servers,
        "credential": credential,
        "log": {
            "env": client.LOG_ENV,
            "constant": constants.get(client.LOG_ENV),
            "levels": list(base_client.LOG_LEVELS),
        },
        "examples": examples,
        "constants": [
            constants[env]
            for env in [*client.Client._BASE_URL_ENVS.values(), *credential_envs.values(), client.LOG_ENV]
            if env in constants
        ],
    }


def package_pages(facts: SpecFacts, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pages of docs/package/, in the order the index lists them."""
    pages = [client_page(), oauth_page(facts), stores_page(facts), errors_page(facts), environment_page(ops)]
    return [page for page in pages if page is not None]


def render(
    spec_path: Path,
    package_dir: Path,
    out_dir: Path,
    config: Path | None = None,
    package_name: str | None = None,
    *,
    project: str | None = None,
    tested: bool = False,
) -> list[Path]:
    """Write the docs for ``spec_path`` and the package in ``package_dir`` (named ``package_name``, by default
    the folder's name), generated with the generator config ``config``, into ``out_dir``. ``tested``: this
    project's own package, whose README the pages link to and whose examples the test suite runs."""
    package_name = package_name or package_dir.name
    facts = spec_reader.load(spec_path, package_name, config)
    spec = facts.document
    package = load_package(package_dir)
    SHOWN_NAME[ALIAS] = package_name
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(DOC_TEMPLATES),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    ops = operations(facts, package, package_name)
    models = model_pages(facts, package)
    names = sorted((model["name"] for model in models), key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")

    def link_types(text: str, prefix: str = "") -> str:
        """A type as code (pipes escaped for tables), followed by links to the models it names."""
        linked = [f"[{name}]({prefix}{name}.md)" for name in dict.fromkeys(pattern.findall(text))]
        code = "`" + text.replace("|", "\\|") + "`"
        return f"{code} ({', '.join(linked)})" if linked else code

    env.filters["link_types"] = link_types
    declared = {tag["name"]: tag for tag in spec.get("tags") or []}
    used = dict.fromkeys([*declared, *(op["tag"] for op in ops)])
    tags = [
        {
            "name": name,
            "title": declared.get(name, {}).get("x-displayName", name),
            "description": declared.get(name, {}).get("description", ""),
            "file": f"{snake(name)}.md",
            "operations": [op for op in ops if op["tag"] == name],
        }
        for name in used
        if any(op["tag"] == name for op in ops)
    ]
    package_refs = package_pages(facts, ops)
    context = {
        "spec": spec,
        "tags": tags,
        "models": models,
        "version": getattr(package, "__version__", ""),
        "package": package_name,
        "project": project or package_name.replace("_", "-"),
        "tested": tested,
        "command": "`make generate`" if tested else "`scripts/generate.py generate`",
        "source": spec_path.name,
        "error_name": facts.error_name,
        "credential": facts.credential,
        "servers": facts.servers,
        "oauth": bool(facts.oauth),
        "package_pages": package_refs,
        "package_dir": PACKAGE_DIR,
    }
    written = []
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "models").mkdir(exist_ok=True)
    pages: list[tuple[Path, str, dict[str, Any]]] = [(out_dir / "README.md", "index.md.jinja", {})]
    pages += [(out_dir / tag["file"], "tag.md.jinja", {"tag": tag}) for tag in tags]
    pages += [(out_dir / "models" / f"{model['name']}.md", "model.md.jinja", {"model": model}) for model in models]
    (out_dir / PACKAGE_DIR).mkdir(exist_ok=True)
    pages += [(out_dir / PACKAGE_DIR / page["file"], page["template"], {"page": page}) for page in package_refs]
    for path, template, extra in pages:
        text = env.get_template(template).render(**context, **extra)
        if template == "index.md.jinja":  # the index lists the package's own pages after the operations and models
            text = text.rstrip("\n") + "\n" + env.get_template("index_package.md.jinja").render(**context)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
