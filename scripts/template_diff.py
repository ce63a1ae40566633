"""`make template-diff`: how openapi-python-client's built-in templates changed between the version our
templates were derived from and the pinned one, for the templates we override.

    python scripts/template_diff.py                    # derived-from (templates/) vs pinned (requirements-dev.txt)
    python scripts/template_diff.py --from 0.28.0      # any two versions
    python scripts/template_diff.py --from 0.28.0 --to 0.29.1

Upgrading the generator is then a reviewed step: read this diff, carry the upstream changes into the
overrides, and update their `derived-from:` line.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tempfile
import zipfile
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
DERIVED = re.compile(r"derived-from: (\d+\.\d+\.\d+)")


def overrides() -> dict[str, str]:
    """Each override (relative path) and the upstream version it records."""
    found = {}
    for path in sorted(TEMPLATES.rglob("*.jinja")):
        if "docs" in path.relative_to(TEMPLATES).parts:
            continue
        match = DERIVED.search(path.read_text(encoding="utf-8"))
        found[path.relative_to(TEMPLATES).as_posix()] = match.group(1) if match else "unknown"
    return found


def pinned() -> str:
    for line in (ROOT / "requirements-dev.txt").read_text(encoding="utf-8").splitlines():
        if line.lower().startswith("openapi-python-client=="):
            return line.split("==", 1)[1].strip()
    return version("openapi-python-client")


def builtin_templates(release: str, scratch: Path) -> Path:
    """The templates folder of openapi-python-client ``release``, from its wheel on PyPI."""
    target = scratch / release
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:", "-d", str(target),
         f"openapi-python-client=={release}"],
        check=True,
    )  # fmt: skip
    (wheel,) = target.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target / "unpacked")
    return target / "unpacked" / "openapi_python_client" / "templates"


def lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True) if path.exists() else []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from", dest="old", help="the older generator version (default: the templates' derived-from)")
    parser.add_argument("--to", dest="new", help="the newer generator version (default: the pinned one)")
    args = parser.parse_args()
    recorded = overrides()
    old = args.old or sorted(set(recorded.values()))[0]
    new = args.new or pinned()
    print(f"templates/ overrides {len(recorded)} built-ins, derived from: {sorted(set(recorded.values()))}")
    print(f"pinned generator: {pinned()}")
    if old == new:
        print(f"comparing {old} with {new}: nothing to review")
        return 0
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        before, after = builtin_templates(old, scratch), builtin_templates(new, scratch)
        changed = 0
        for name in recorded:
            old_text = (
                (before / name).read_text(encoding="utf-8").splitlines(keepends=True)
                if (before / name).exists()
                else []
            )
            new_text = (
                (after / name).read_text(encoding="utf-8").splitlines(keepends=True) if (after / name).exists() else []
            )
            diff = list(difflib.unified_diff(old_text, new_text, f"{old}/{name}", f"{new}/{name}"))
            if diff:
                changed += 1
                sys.stdout.writelines(diff)
        print(f"\n{changed} of the {len(recorded)} overridden built-ins changed between {old} and {new}.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
