"""Generate a package from an OpenAPI document with this project's templates and runtime.

    python scripts/generate.py           # regenerate generated/planetscale_oauth and docs/ from openapi.yaml
    python scripts/generate.py --check   # fail, naming the files, if either is stale or hand-edited
    python scripts/generate.py generate --path SPEC --output-path DIR [--config FILE] [--meta none] [--overwrite]

The ``generate`` command takes openapi-python-client's own ``generate`` options, so a maintainer who uses
the stock generator switches by changing the command name; the package it writes has this project's
templates, runtime, post-hooks and checks (every module is imported once before the command succeeds).
A Swagger 2.0 document is converted to OpenAPI 3.0 first with swagger2openapi (pinned in package.json).

Every build happens in a scratch folder inside the repository (so ruff finds the root pyproject.toml,
whose settings shape the output) and stamps every Python file with a "do not edit" header; the default
command also renders the Markdown reference (scripts/render_docs.py), then replaces or compares the targets.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ruamel.yaml import YAML

import render_docs
import spec_reader

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "generator-config.yaml"
TEMPLATES = ROOT / "templates"
RUNTIME = TEMPLATES / "runtime"
PACKAGE = "planetscale_oauth"
PROJECT = "planetscale-oauth"
TARGET = ROOT / "generated" / PACKAGE
DOCS = ROOT / "docs"
SCRATCH = ROOT / ".build"

HEADER = (
    "# Generated from {spec} by openapi-python-client with the templates in templates/.\n"
    "# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.\n"
)
COMMAND_HEADER = (
    "# Generated from {spec} by scripts/generate.py generate (openapi-python-client with this project's templates).\n"
    "# Do not edit: change the spec, the config or a template, then generate again.\n"
)
RUNTIME_HEADER = (
    "# Copied from templates/runtime/{name} by `make generate` (the runtime: plain Python, the same for every spec).\n"
    "# Do not edit: change templates/runtime/{name}, then run `make generate`.\n"
)
SWAGGER2OPENAPI = ROOT / "node_modules" / ".bin" / "swagger2openapi"


def openapi_document(spec: Path, into: Path) -> Path:
    """``spec`` itself, or for a Swagger 2.0 document its OpenAPI 3.0 conversion (written into ``into``)."""
    document = spec_reader.read_document(spec)
    if not isinstance(document, dict) or "swagger" not in document or "openapi" in document:
        return spec
    if not SWAGGER2OPENAPI.exists():
        raise SystemExit(f"{spec.name} is Swagger 2.0; converting it needs swagger2openapi: run `make node` first")
    converted = into / f"{spec.stem}.openapi.json"
    result = subprocess.run(
        [str(SWAGGER2OPENAPI), "--patch", "--outfile", str(converted), str(spec)], capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"swagger2openapi could not convert {spec} (exit {result.returncode})")
    return converted


def with_post_hooks(config: Path | None, into: Path, package: str | None = None) -> Path:
    """``config``, or a copy of it in ``into`` with this project's post-hooks where it names none (the templates
    leave formatting to ruff, the pinned one, with the root pyproject.toml's settings), and ``package`` as the
    package's name where it names none (so that the name the code, its environment variables and its logger go
    by is the folder's)."""
    yaml = YAML(typ="safe")
    settings = (yaml.load(config.read_bytes()) or {}) if config is not None else {}
    named = package is None or "package_name_override" in settings
    if config is not None and "post_hooks" in settings and named:
        return config
    settings.setdefault("post_hooks", yaml.load(CONFIG.read_bytes())["post_hooks"])
    if not named:
        settings["package_name_override"] = package
    merged = into / "generator-config.yaml"
    with merged.open("w", encoding="utf-8") as file:
        yaml.dump(settings, file)
    return merged


def build(
    into: Path,
    spec: Path = SPEC,
    *,
    config: Path | None = CONFIG,
    meta: str = "none",
    output: str | None = PACKAGE,
    options: tuple[str, ...] = ("--fail-on-warning",),
    source_name: str | None = None,
    templates: Path = TEMPLATES,
    header: str = HEADER,
) -> Path:
    """Generate from ``spec`` into ``into``/``output`` (the package, or with ``meta`` a project) and return it."""
    env = dict(os.environ)
    # The generator looks ruff up on PATH for its post-hooks; use the venv's pinned one.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    document = openapi_document(spec, into)
    # The spec reader's refusals (a $ref cycle, a path that is not a path, ...) as one line, before the stock
    # parser meets them (it can loop or fail with a traceback on some).
    try:
        spec_reader.load(document, PACKAGE, config)
    except spec_reader.SpecError as exc:
        raise SystemExit(f"error: {exc}") from None
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise SystemExit(f"error: the spec could not be read ({type(exc).__name__}: {exc})") from None
    command = [sys.executable, str(ROOT / "scripts" / "run_generator.py"), "generate", "--path", str(document)]
    folder = output if meta == "none" and output is not None and output.isidentifier() else None
    command += ["--config", str(with_post_hooks(config, into, folder))]
    command += ["--custom-template-path", str(templates), "--meta", meta]
    # Without an output path the generator names the folder after the document's title (or the config).
    command += ["--output-path", str(into / output)] if output is not None else []
    before = set(into.iterdir())
    result = subprocess.run([*command, *options], cwd=into, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"openapi-python-client failed (exit {result.returncode})")
    if "WARNING" in result.stderr:  # what the generator skipped, and why
        sys.stderr.write(result.stderr[result.stderr.index("WARNING") :])
    out = into / output if output is not None else next(path for path in into.iterdir() if path not in before)
    package_dir = out if meta == "none" else next(path.parent for path in out.glob("*/_operation.py"))
    runtime = {path.name for path in RUNTIME.glob("*.py")}
    for path in sorted(package_dir.rglob("*.py")):
        copied = path.parent == package_dir and path.name in runtime
        stamp = RUNTIME_HEADER.format(name=path.name) if copied else header.format(spec=source_name or spec.name)
        path.write_text(stamp + path.read_text(encoding="utf-8"), encoding="utf-8")
    # PEP 561 marker: the package ships its own type information.
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    return out


def check_imports(package_dir: Path) -> int:
    """Import every module of the package at ``package_dir`` in a fresh interpreter; the number imported."""
    script = (
        "import importlib, pkgutil, sys\n"
        "package = importlib.import_module(sys.argv[1])\n"
        "names = [info.name for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.')]\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names) + 1)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, package_dir.name],
        cwd=package_dir.parent,
        env={**os.environ, "PYTHONPATH": str(package_dir.parent)},
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stderr)
        raise SystemExit(f"the generated package {package_dir.name} does not import")
    return int(result.stdout.split()[-1])


def files_of(folder: Path) -> set[str]:
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def differences(fresh: Path, current: Path) -> list[tuple[str, str]]:
    """(kind, file) for every file that differs: "missing" from current, "extra" in it, or "differs"."""
    fresh_files = files_of(fresh)
    current_files = files_of(current) if current.is_dir() else set()
    found = [("missing", name) for name in sorted(fresh_files - current_files)]
    found += [("extra", name) for name in sorted(current_files - fresh_files)]
    found += [
        ("differs", name)
        for name in sorted(fresh_files & current_files)
        if not filecmp.cmp(fresh / name, current / name, shallow=False)
    ]
    return found


CHECK_WORDS = {"missing": "missing", "extra": "not generated (extra)", "differs": "differs"}
GENERATE_WORDS = {"missing": "new", "extra": "removed", "differs": "changed"}


def generate_command(argv: list[str]) -> int:
    """``generate``: openapi-python-client's ``generate`` options, with this project's templates and runtime."""
    parser = argparse.ArgumentParser(
        prog="generate.py generate",
        description="Generate a package from an OpenAPI 3.0/3.1 or Swagger 2.0 document (openapi-python-client's "
        "options; the templates, runtime and post-hooks are this project's).",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--path", type=Path, help="the OpenAPI or Swagger document (YAML or JSON)")
    source.add_argument("--url", help="fetch the document from this URL")
    parser.add_argument("--output-path", type=Path, help="where to write (default: from the document's title)")
    parser.add_argument("--config", type=Path, help="an openapi-python-client config file (its keys, plus `sdk:`)")
    parser.add_argument(
        "--meta",
        default="poetry",
        choices=["none", "poetry", "setup", "pdm", "uv"],
        help="none: the package alone; else a project with its metadata (default: poetry)",
    )
    parser.add_argument("--overwrite", action=argparse.BooleanOptionalAction, default=False)
    parser.add_argument("--fail-on-warning", action=argparse.BooleanOptionalAction, default=False)
    parser.add_argument("--file-encoding", default="utf-8")
    parser.add_argument(
        "--custom-template-path", type=Path, help="templates of yours, used before this project's (same names win)"
    )
    parser.add_argument("--docs", type=Path, help="also write the Markdown reference into this folder")
    args = parser.parse_args(argv)
    SCRATCH.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as scratch:
        spec = args.path.resolve() if args.path else fetched(args.url, Path(scratch))
        document = openapi_document(spec, Path(scratch))  # Swagger 2.0 converted once, for the docs too
        options = ["--file-encoding", args.file_encoding] + (["--fail-on-warning"] if args.fail_on_warning else [])
        templates = TEMPLATES
        if args.custom_template_path is not None:  # the user's templates over this project's
            templates = Path(scratch) / "templates"
            shutil.copytree(TEMPLATES, templates)
            shutil.copytree(args.custom_template_path, templates, dirs_exist_ok=True)
        out = build(
            Path(scratch),
            document,
            config=args.config.resolve() if args.config else None,
            meta=args.meta,
            output=args.output_path.name if args.output_path else None,
            options=tuple(options),
            source_name=spec.name,
            templates=templates,
            header=COMMAND_HEADER,
        )
        package_dir = out if args.meta == "none" else next(path.parent for path in out.glob("*/_operation.py"))
        modules = check_imports(package_dir)
        target = (args.output_path or Path.cwd() / out.name).resolve()
        if target.exists():
            if not args.overwrite:
                print(f"{target} already exists: delete it or use --overwrite", file=sys.stderr)
                return 1
            shutil.rmtree(target)
        shutil.copytree(out, target, ignore=shutil.ignore_patterns("__pycache__"))
        if args.docs is not None:
            name = target.name if args.meta == "none" else package_dir.name
            render_docs.render(document, package_dir, args.docs.resolve(), args.config, name)
    package = target if args.meta == "none" else target / package_dir.name
    print(f"Generated {package} from {spec.name}: {modules} modules, every one imports.")
    return 0


def fetched(url: str, into: Path) -> Path:
    """The document at ``url``, saved into ``into``."""
    import httpx  # only this option needs the network

    response = httpx.get(url, follow_redirects=True, timeout=30)
    response.raise_for_status()
    name = url.rstrip("/").rsplit("/", 1)[-1] or "openapi.yaml"
    path = into / name
    path.write_bytes(response.content)
    return path


def main() -> int:
    if sys.argv[1:2] == ["generate"]:
        return generate_command(sys.argv[2:])
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        epilog="A package from another spec: generate.py generate --path SPEC --output-path DIR [--meta none] ... "
        "(openapi-python-client's generate options; see generate.py generate --help).",
    )
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--target", type=Path, default=TARGET, help="the package folder to write or check")
    parser.add_argument("--docs-target", type=Path, default=DOCS, help="the docs folder to write or check")
    parser.add_argument("--spec", type=Path, default=SPEC, help="the OpenAPI document (default: openapi.yaml)")
    args = parser.parse_args()
    targets = {"package": args.target.resolve(), "docs": args.docs_target.resolve()}

    SCRATCH.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as scratch:
        fresh = {"package": build(Path(scratch), args.spec.resolve()), "docs": Path(scratch) / "docs"}
        render_docs.render(
            args.spec.resolve(),
            fresh["package"],
            fresh["docs"],
            CONFIG,
            PACKAGE,
            project="planetscale-oauth",
            tested=True,
        )
        found = {key: differences(fresh[key], targets[key]) for key in targets}
        if args.check:
            stale = False
            for key, target in targets.items():
                if found[key]:
                    stale = True
                    print(f"{shown(target)} is not what openapi.yaml + templates/ generate:", file=sys.stderr)
                    for kind, name in found[key]:
                        print(f"  {CHECK_WORDS[kind]}: {name}", file=sys.stderr)
                else:
                    print(f"{shown(target)} is current ({len(files_of(fresh[key]))} files).")
            if stale:
                print("Run `make generate` (never edit generated code or docs by hand).", file=sys.stderr)
            return 1 if stale else 0
        for key, target in targets.items():
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(fresh[key], target, ignore=shutil.ignore_patterns("__pycache__"))
    for key, target in targets.items():
        names = sorted(files_of(target))
        print(f"Generated {len(names)} files in {shown(target)}:")
        for name in names:
            line_count = (target / name).read_text(encoding="utf-8").count("\n")
            print(f"  {name} ({line_count} lines)")
        print(f"{len(found[key])} changed since the last generation" + (":" if found[key] else "."))
        for kind, name in found[key]:
            print(f"  {GENERATE_WORDS[kind]}: {name}")
    return 0


def shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


if __name__ == "__main__":
    raise SystemExit(main())
