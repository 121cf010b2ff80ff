"""What `pip install .` ships: every package and data file of the four folders."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
FOLDERS = {folder: name for name, folder in CONFIG["package-dir"].items()}


def _shipped() -> tuple[set[str], list[Path]]:
    packages, data = set(), []
    for folder, name in FOLDERS.items():
        for path in (ROOT / folder).rglob("*"):
            if "__pycache__" in path.parts or path.is_dir():
                continue
            if path.name == "__init__.py":
                rel = path.parent.relative_to(ROOT / folder).parts
                packages.add(".".join((name, *rel)))
            elif path.suffix != ".py":
                data.append(path)
    return packages, data


def test_every_package_is_listed() -> None:
    packages, _ = _shipped()
    assert packages <= set(CONFIG["packages"])


def test_every_data_file_is_package_data() -> None:
    _, data = _shipped()
    for path in data:
        folder = path.relative_to(ROOT).parts[0]
        rel = path.relative_to(ROOT / folder).as_posix()
        globs = CONFIG["package-data"].get(FOLDERS[folder], [])
        assert any(fnmatch.fnmatch(rel, g) for g in globs), rel
