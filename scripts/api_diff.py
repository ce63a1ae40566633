"""`make api-diff`: how the public API of generated/planetscale_oauth changed since a base, in plain words.

    python scripts/api_diff.py                 # against the latest version tag, else the previous version
    python scripts/api_diff.py --base v0.1.0   # against any git ref
    python scripts/api_diff.py --old DIR --new DIR --old-version 0.1.0 --new-version 0.1.0

Breaking changes come from griffe (removed names, changed types, new required arguments, ...);
additions are listed as non-breaking. Exit status 1 when there is a breaking change and the
package version (package_version_override in generator-config.yaml) did not get the bump semver
asks for: the minor version while it is 0.x, the major version after that.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import griffe
import yaml

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "planetscale_oauth"
CONFIG = "generator-config.yaml"


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def default_base() -> str:
    """The latest version tag; without one, the commit before the current version was set (the last commit of
    the previous version), so that changes made while a version is unreleased are compared with the version
    users have; else HEAD."""
    try:
        return git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*")
    except subprocess.CalledProcessError:
        pass
    current = version_at(None)
    introduced = None
    for commit in git("log", "--format=%H", "--", CONFIG).split():
        if version_at(commit) != current:
            break
        introduced = commit
    if introduced is None:
        return "HEAD"
    try:
        return git("rev-parse", "--verify", "--quiet", f"{introduced}^")
    except subprocess.CalledProcessError:
        return "HEAD"


def version_at(ref: str | None) -> str:
    text = (ROOT / CONFIG).read_text(encoding="utf-8") if ref is None else git("show", f"{ref}:{CONFIG}")
    version: str = yaml.safe_load(text)["package_version_override"]
    return version


def public_member(member: Any) -> Any | None:
    """The object behind a member: itself, or for a re-export listed in ``__all__`` what it re-exports from
    this package (the runtime's private modules are public through such re-exports). None otherwise."""
    if not member.is_alias or member.inherited:
        return member
    if not member.is_exported:
        return None
    try:
        target = member.final_target
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    return target if target.path.split(".")[0] == PACKAGE else None


def public_names(obj: Any, prefix: str = "") -> Iterator[str]:
    """Dotted paths of the public members, recursively (re-exports count where ``__all__`` lists them, and a
    class's members include those it inherits)."""
    for name, found in (obj.all_members if obj.is_class else obj.members).items():
        member = public_member(found)
        if name.startswith("_") or member is None:
            continue
        path = f"{prefix}{name}"
        yield path
        if member.is_module or member.is_class:
            yield from public_names(member, f"{path}.")


def required_fields(obj: Any, prefix: str = "") -> dict[str, set[str]]:
    """For each public class: its annotated attributes that have no default."""
    found: dict[str, set[str]] = {}
    for name, found_member in obj.members.items():
        member = public_member(found_member)
        if name.startswith("_") or member is None:
            continue
        path = f"{prefix}{name}"
        if member.is_class:
            found[path] = {
                attr_name
                for attr_name, attr in member.all_members.items()
                if not attr.is_alias
                and attr.is_attribute
                and "property" not in attr.labels  # computed, not a constructor argument
                and attr.annotation is not None
                and attr.value is None
            }
        if member.is_module:
            found.update(required_fields(member, f"{path}."))
    return found


def required_bump(old: str, new: str) -> bool:
    """Whether ``new`` is the bump semver asks for after a breaking change of ``old``."""
    old_parts = [int(part) for part in old.split(".")[:2]]
    new_parts = [int(part) for part in new.split(".")[:2]]
    if old_parts[0] == 0:
        return new_parts > old_parts and (new_parts[0] > 0 or new_parts[1] > old_parts[1])
    return new_parts[0] > old_parts[0]


def _shown(value: Any) -> str:
    # Parameters and expressions print as source; objects as their name.
    return str(getattr(value, "annotation", None) or getattr(value, "name", None) or value)


EVERY_OBJECT_HAS = frozenset({"__repr__", "__str__"})
"""Methods no class can lose: removing a class's own only brings back one it inherits or attrs writes."""


def compare(old: Any, new: Any) -> tuple[list[str], list[str]]:
    breaking = []
    for breakage in griffe.find_breaking_changes(old, new):
        change = breakage.as_dict()
        words = change["kind"].value.lower()
        if change["object_path"].rpartition(".")[2] in EVERY_OBJECT_HAS and words == "public object was removed":
            continue  # written out before, inherited or generated (attrs) now: still there

        detail = ""
        if change["old_value"] is not None and change["new_value"] is not None:
            detail = f" ({_shown(change['old_value'])} -> {_shown(change['new_value'])})"
        breaking.append(f"{change['object_path']}: {words}{detail}")
    # griffe reads attrs classes as annotated attributes, not through their generated __init__: a new
    # attribute without a default is a new required constructor argument.
    for path, required in sorted(required_fields(new).items()):
        before = required_fields(old).get(path)
        if before is not None:
            for name in sorted(required - before):
                breaking.append(f"{PACKAGE}.{path}: new required argument {name!r}")
    added = sorted(set(public_names(new)) - set(public_names(old)))
    return breaking, [f"added: {PACKAGE}.{name}" for name in added]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--base", help="git ref to compare with (default: latest version tag, else the previous version's last commit)"
    )
    parser.add_argument("--old", type=Path, help="a folder holding an older planetscale_oauth, instead of --base")
    parser.add_argument("--new", type=Path, default=ROOT / "generated", help="the folder holding the new package")
    parser.add_argument("--old-version", help="the older package version (with --old)")
    parser.add_argument("--new-version", help="the new package version (default: generator-config.yaml)")
    args = parser.parse_args()

    if args.old is not None:
        old = griffe.load(PACKAGE, search_paths=[args.old], allow_inspection=False)
        old_version = args.old_version or version_at(None)
        base = str(args.old)
    else:
        base = args.base or default_base()
        old = griffe.load_git(PACKAGE, ref=base, repo=ROOT, search_paths=["generated"], allow_inspection=False)
        old_version = version_at(base)
    new = griffe.load(PACKAGE, search_paths=[args.new], allow_inspection=False)
    new_version = args.new_version or version_at(None)

    breaking, added = compare(old, new)
    print(f"API of {PACKAGE} {new_version} compared with {base} ({old_version}):")
    for line in breaking:
        print(f"  BREAKING  {line}")
    for line in added:
        print(f"  non-breaking  {line}")
    if not breaking and not added:
        print("  no change to the public API")
    if breaking and not required_bump(old_version, new_version):
        wanted = "the minor version (0.x)" if old_version.startswith("0.") else "the major version"
        print(
            f"{len(breaking)} breaking change(s) need a version bump: raise {wanted} from {old_version} in "
            f"{CONFIG} (package_version_override) and add a CHANGELOG.md entry.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
