"""openapi-python-client's command line, with the operation facts the stock parser drops.

    python scripts/run_generator.py generate --path openapi.yaml ...   # the generator's own arguments

The generator's parsed ``endpoint`` carries no ``deprecated`` flag, no ``servers`` and no ``x-``
extensions, and its file set is fixed. This runner subclasses its ``Project`` (pinned version, see
requirements-dev.txt) to add, and nothing else:

- a template global ``spec``: the facts of scripts/spec_reader.py (per operation whether it is deprecated
  and what replaces it, which server it is on, its security, retry rule, pagination and delimited query
  arrays; the servers, the credential, the sensitive properties, the discriminators and the OAuth URLs
  of the ``oauth2`` security scheme), with the ``sdk:`` section of the ``--config`` file;
- the runtime in ``templates/runtime/``, copied into the package as it is;
- the generator's ``isbool`` global, which it gives endpoint_module.py.jinja alone, to every template (the
  client object, modules/resources.py.jinja, imports that template);
- the modules in ``templates/modules/`` (not overrides: code the spec has no operation for, such as
  the authorize-URL builder), rendered into the package before the post-hooks format everything, and
  left out when they render empty.

Two changes to the stock parser, made only when this runs as a script: a schema named like a name the
templates use unqualified (``Any``, ``File``, ...) gets ``Model`` appended to its class name, and date,
date-time and array parameters are allowed in headers (the stock parser drops such an operation).

Every value handed to templates is plain data checked by the reader (names must be identifiers, URLs absolute).
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import openapi_python_client
from openapi_python_client import Project, strings
from openapi_python_client.cli import app
from openapi_python_client.parser.openapi import Endpoint
from openapi_python_client.parser.properties.date import DateProperty
from openapi_python_client.parser.properties.datetime import DateTimeProperty
from openapi_python_client.parser.properties.list_property import ListProperty
from openapi_python_client.parser.properties.schemas import Class
from openapi_python_client.schema import ParameterLocation
from openapi_python_client.strings import ClassName, PythonIdentifier
from ruamel.yaml import YAML

from spec_reader import TEMPLATES, Operation, SpecError, SpecFacts, load

EXTRA_MODULES = "modules"
RUNTIME = "runtime"


class TemplateFacts(SpecFacts):
    """The ``spec`` global of the templates: the spec reader's facts, looked up by the generator's objects."""

    def operation_of(self, endpoint: Endpoint) -> Operation:
        path = endpoint.path.get_untrusted_value()
        if (path, endpoint.method) in self._ops:
            return self.operation(path, endpoint.method)
        # The generator renames a path parameter that shares its name with another parameter ({id} -> {id_path}):
        # the operation is the one whose path has the same shape.
        shape = re.sub(r"{[^}]*}", "{}", path)
        return next(
            op for (p, m), op in self._ops.items() if m == endpoint.method and re.sub(r"{[^}]*}", "{}", p) == shape
        )

    @staticmethod
    def component_name(prop: Any) -> str | None:
        """The components/schemas name a model property was built from, if any."""
        for root in getattr(prop, "roots", None) or ():
            text = root.get_untrusted_value() if hasattr(root, "get_untrusted_value") else str(root)
            if text.startswith("/components/schemas/"):
                return text.rsplit("/", 1)[-1]
        return None

    def tags_of(self, union: Any) -> dict[str, Any] | None:
        """For a union whose variants are components with a ``discriminator``: its property, and each value
        with the variant (an inner property) it selects. None for any other union."""
        variants = [inner for inner in union.inner_properties if inner.__class__.__name__ != "NoneProperty"]
        names = [self.component_name(inner) for inner in variants]
        found = self.discriminators.get(frozenset(name for name in names if name is not None))
        if found is None or None in names:
            return None
        by_name = dict(zip(names, variants, strict=True))
        return {
            "property": found[0],
            "values": [(value, by_name[name]) for value, name in found[1].items() if name in by_name],
        }


def pack_params(text: str, width: int = 120) -> str:
    """Parameters, one a line as the stock macros write them, packed into as few lines as fit in ``width``.

    Endpoint templates put them in a ``def`` header marked ``# fmt: skip``: ruff would otherwise give
    every parameter a line of its own, so that signatures, repeated by each public function, would make
    most of a module.
    """
    items = [line.strip() for line in str(text).splitlines() if line.strip()]
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 1 + len(item) + 4 <= width:
            lines[-1] += " " + item
        else:
            lines.append(item)
    return "\n    ".join(lines)


CALL_OPTIONS = frozenset({"timeout", "max_retries"})
"""Arguments every API function takes besides the operation's own (endpoint_module.py.jinja's call_options)."""


def rename_call_options(openapi: Any) -> None:
    """A parameter of the spec named like a call option (a ``timeout`` query parameter) gets its location after
    its Python name (``timeout_query``), as the generator does when two parameters share a name."""
    for collection in openapi.endpoint_collections_by_tag.values():
        for endpoint in collection.endpoints:
            for location in ("path", "query", "header", "cookie"):
                for parameter in getattr(endpoint, f"{location}_parameters"):
                    if parameter.python_name in CALL_OPTIONS:
                        parameter.python_name = PythonIdentifier(f"{parameter.python_name}_{location}", "")


def sdk_settings(argv: list[str]) -> dict[str, Any]:
    """The ``sdk:`` section of the ``--config`` file: settings the stock generator ignores (see CONTRIBUTING.md)."""
    if "--config" not in argv:
        return {}
    settings = YAML(typ="safe").load(Path(argv[argv.index("--config") + 1]).read_bytes()) or {}
    sdk = settings.get("sdk") or {}
    if not isinstance(sdk, dict):
        raise SpecError("the config's sdk: section must be a mapping")
    return sdk


class SpecProject(Project):
    """The generator's Project, plus the ``spec`` global and the modules in templates/modules/."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        try:
            document = load(Path(str(self.config.document_source))).document
            self.spec = TemplateFacts(document, self.package_name, sdk_settings(sys.argv))
        except SpecError as exc:
            raise SystemExit(f"error: {exc}") from None
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise SystemExit(f"error: the spec could not be read ({type(exc).__name__}: {exc})") from None
        self.env.globals["spec"] = self.spec
        # The generator gives this to endpoint_module.py.jinja alone; modules/resources.py.jinja imports that template.
        self.env.globals["isbool"] = lambda obj: obj.get_base_type_string() == strings.PythonCode("bool")
        self.env.filters["pack_params"] = pack_params
        self.env.filters["py"] = repr  # a Python literal of a str (or a dict of them), whatever it holds
        rename_call_options(self.openapi)
        self._extra_folder = (kwargs["custom_template_path"] or Path()) / EXTRA_MODULES

    def _build_api(self) -> None:
        super()._build_api()
        # The runtime: plain Python, copied as it is (a file of the same name the generator wrote, such as
        # types.py, is replaced).
        for source in sorted((TEMPLATES / RUNTIME).glob("*.py")):
            if (source.name == "_oauth.py" or source.name.startswith("_store")) and not self.spec.oauth:
                continue  # the OAuth helpers and token stores only serve a spec's oauth2 flow (modules/oauth.py)
            shutil.copyfile(source, self.package_dir / source.name)
        for template in sorted(self._extra_folder.glob("*.py.jinja")):
            target = self.package_dir / template.name.removesuffix(".jinja")
            rendered = self.env.get_template(f"{EXTRA_MODULES}/{template.name}").render()
            if rendered.strip():  # a module the spec has nothing for (no oauth2 scheme: no oauth.py) renders empty
                target.write_text(rendered, encoding=self.config.file_encoding)


# Names the templates use unqualified in a model or endpoint module (typing, the runtime's types): a schema
# named like one of them gets "Model" appended to its class name, as a class_overrides entry would do.
TAKEN_NAMES = frozenset(
    {"Any", "BinaryIO", "File", "Generator", "Literal", "Mapping", "Response", "Self", "TextIO", "TypeVar", "Unset"}
)
_stock_from_string = Class.from_string


def _class_from_string(*, string: Any, config: Any) -> Class:
    found = _stock_from_string(string=string, config=config)
    if found.name in TAKEN_NAMES:
        return Class(name=ClassName(f"{found.name}Model", ""), module_name=found.module_name)
    return found


# The stock parser refuses date, date-time and array parameters in headers (and skips the operation); the
# runtime sends them as OpenAPI's `simple` style says (ISO 8601 text, items joined by commas).
HEADER_KINDS = (DateProperty, DateTimeProperty, ListProperty)


if __name__ == "__main__":
    # openapi_python_client.generate() builds `Project` by its module-level name.
    openapi_python_client.Project = SpecProject  # type: ignore[misc]
    Class.from_string = staticmethod(_class_from_string)  # type: ignore[method-assign]
    for kind in HEADER_KINDS:
        kind._allowed_locations = {*kind._allowed_locations, ParameterLocation.HEADER}
    sys.exit(app())
