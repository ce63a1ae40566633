"""Render the Markdown reference (docs/) from a spec and the package freshly generated from it.

Called by generate.py after the code is generated (for openapi.yaml, and with ``generate --docs DIR``).
The spec gives the words (summaries,
descriptions, required accesses, which fields are sensitive or nullable); the generated package
gives the Python facts (module paths, class names, field types, the error class for each status),
so the docs cannot drift from the code. The page layouts are the jinja2 templates in templates/docs/.
"""

from __future__ import annotations

import importlib.util
import inspect
import json
import re
import sys
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
    }
    written = []
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "models").mkdir(exist_ok=True)
    pages: list[tuple[Path, str, dict[str, Any]]] = [(out_dir / "README.md", "index.md.jinja", {})]
    pages += [(out_dir / tag["file"], "tag.md.jinja", {"tag": tag}) for tag in tags]
    pages += [(out_dir / "models" / f"{model['name']}.md", "model.md.jinja", {"model": model}) for model in models]
    for path, template, extra in pages:
        text = env.get_template(template).render(**context, **extra)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
