"""The import contract: pkisign's packages form layers, and each imports only below itself.

From the bottom up:

=============  =========================================================  ==========================
layer          modules                                                    may import (besides itself)
=============  =========================================================  ==========================
golang         ``pkisign.golang.*``: ports of Go's standard library       nothing of pkisign
base           ``errors``, ``terminal``, ``_oscrypto_compat``             nothing of pkisign
x509           ``pkisign.x509.*``: what crypto/x509 does                  golang, base
template       ``pkisign.template.*``: the text/template interpreter      golang, base
x509util       ``pkisign.x509util.*``: step's x509util                    x509, template, golang, base
inputs         ``pkisign.inputs``: files read with size limits            x509, golang, base
signers        ``pkisign.signers.*``: file, PKCS#11 and KMS keys          inputs, x509, golang, base
inspect        ``pkisign.inspect.*``: the auditor's DER views             x509, golang, base
api            ``api``, ``assemble``, ``lint``                            all of the above
cli            ``pkisign.cli.*``                                          api and all below it
package        ``pkisign`` itself, ``pkisign.__main__``                   api, cli
=============  =========================================================  ==========================

Every import counts: at module level, inside functions (the lazy ones) and
under ``TYPE_CHECKING``.  A second rule: no module imports a private name
(one starting with ``_``) from another module, so that what crosses a module
boundary is what that module documents.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "pkisign"

BELOW = {
    "golang": set(),
    "base": set(),
    "x509": {"golang", "base"},
    "template": {"golang", "base"},
    "x509util": {"x509", "template", "golang", "base"},
    "inputs": {"x509", "golang", "base"},
    "signers": {"inputs", "x509", "golang", "base"},
    "inspect": {"x509", "golang", "base"},
    "api": {"signers", "inputs", "inspect", "x509util", "template", "x509", "golang", "base"},
    "cli": {"api", "signers", "inputs", "inspect", "x509util", "template", "x509", "golang", "base"},
    "package": {"api", "cli", "base", "inputs"},
}
TOP_LEVEL = {
    "errors": "base",
    "terminal": "base",
    "_oscrypto_compat": "base",
    "inputs": "inputs",
    "api": "api",
    "assemble": "api",
    "lint": "api",
    "__init__": "package",
    "__main__": "package",
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "package"
    if parts[1] in BELOW:
        return parts[1]
    if parts[1] in TOP_LEVEL:
        return TOP_LEVEL[parts[1]]
    raise AssertionError(f"{module} belongs to no layer: add it to tests/test_layers.py")


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(module: str, path: Path) -> list[tuple[int, str, str | None]]:
    """(line, imported module, imported name or None) for every import of pkisign."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name, None) for a in node.names if a.name.split(".")[0] == "pkisign"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "pkisign":
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                if sub in MODULES:
                    found.append((node.lineno, sub, None))
                else:
                    found.append((node.lineno, target, alias.name))
    return found


def test_every_module_has_a_layer() -> None:
    assert {m: layer(m) for m in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_stay_below(module: str) -> None:
    mine = layer(module)
    wrong = []
    for line, target, name in imports(module, MODULES[module]):
        if (target, name) == ("pkisign", "__version__"):
            continue  # the version string belongs to no layer
        theirs = layer(target)
        if theirs != mine and theirs not in BELOW[mine]:
            wrong.append(f"line {line}: {target} ({theirs})")
    assert not wrong, f"{module} ({mine}) imports from a layer above or beside it: " + "; ".join(wrong)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_private_names_cross_modules(module: str) -> None:
    private = [f"line {line}: {target}.{name}" for line, target, name in imports(module, MODULES[module])
               if name is not None and name.startswith("_") and target != module and name != "__version__"]
    assert not private, f"{module} imports private names: " + "; ".join(private)


def test_the_contract_sees_a_violation(tmp_path: Path) -> None:
    """The checker itself: an upward import in a golang module is found."""
    fake = PACKAGE / "golang" / "strconv.py"
    found = imports("pkisign.golang.strconv", fake)
    assert all(layer(t) == "golang" for _, t, _ in found)
    planted = tmp_path / "planted.py"
    planted.write_text("from ..x509 import der\nfrom ..api import Issuer\n", encoding="utf-8")
    targets = [t for _, t, _ in imports("pkisign.golang.planted", planted)]
    assert targets == ["pkisign.x509.der", "pkisign.api"]
    assert {layer(t) for t in targets} - BELOW["golang"] == {"x509", "api"}
