"""Generate the planetscale_oauth package and its docs from openapi.yaml, or check they are current.

    python scripts/generate.py           # regenerate generated/planetscale_oauth and docs/
    python scripts/generate.py --check   # fail, naming the files, if either is stale or hand-edited

Both build into a scratch folder inside the repository (so ruff finds the root pyproject.toml,
whose settings shape the output), stamp every Python file with a "do not edit" header, render the
Markdown reference (scripts/render_docs.py), then either replace the targets or compare with them.
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

import render_docs

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "openapi.yaml"
CONFIG = ROOT / "generator-config.yaml"
TEMPLATES = ROOT / "templates"
RUNTIME = TEMPLATES / "runtime"
PACKAGE = "planetscale_oauth"
TARGET = ROOT / "generated" / PACKAGE
DOCS = ROOT / "docs"
SCRATCH = ROOT / ".build"

HEADER = (
    "# Generated from openapi.yaml by openapi-python-client with the templates in templates/.\n"
    "# Do not edit: change the spec, generator-config.yaml or a template, then run `make generate`.\n"
)
RUNTIME_HEADER = (
    "# Copied from templates/runtime/{name} by `make generate` (the runtime: plain Python, the same for every spec).\n"
    "# Do not edit: change templates/runtime/{name}, then run `make generate`.\n"
)


def build(into: Path, spec: Path = SPEC) -> Path:
    """Generate the package into ``into``/planetscale_oauth and return that folder."""
    package_dir = into / PACKAGE
    env = dict(os.environ)
    # The generator looks ruff up on PATH for its post-hooks; use the venv's pinned one.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    command = [
        sys.executable,
        str(ROOT / "scripts" / "run_generator.py"),
        "generate",
        "--path",
        str(spec),
        "--config",
        str(CONFIG),
        "--custom-template-path",
        str(TEMPLATES),
        "--meta",
        "none",
        "--output-path",
        str(package_dir),
        "--fail-on-warning",
    ]
    result = subprocess.run(command, cwd=into, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"openapi-python-client failed (exit {result.returncode})")
    runtime = {path.name for path in RUNTIME.glob("*.py")}
    for path in sorted(package_dir.rglob("*.py")):
        copied = path.parent == package_dir and path.name in runtime
        header = RUNTIME_HEADER.format(name=path.name) if copied else HEADER
        path.write_text(header + path.read_text(encoding="utf-8"), encoding="utf-8")
    # PEP 561 marker: the package ships its own type information.
    (package_dir / "py.typed").write_text("", encoding="utf-8")
    return package_dir


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    parser.add_argument("--target", type=Path, default=TARGET, help="the package folder to write or check")
    parser.add_argument("--docs-target", type=Path, default=DOCS, help="the docs folder to write or check")
    parser.add_argument("--spec", type=Path, default=SPEC, help="the OpenAPI document (default: openapi.yaml)")
    args = parser.parse_args()
    targets = {"package": args.target.resolve(), "docs": args.docs_target.resolve()}

    SCRATCH.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=SCRATCH) as scratch:
        fresh = {"package": build(Path(scratch), args.spec.resolve()), "docs": Path(scratch) / "docs"}
        render_docs.render(args.spec.resolve(), fresh["package"], fresh["docs"])
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
