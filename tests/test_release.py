"""Release check: sdist and wheel build, pass `twine check`, and the wheel works in a fresh venv."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from infohub_tui import __version__

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (REPO / "pyproject.toml").is_file(), reason="needs the source tree")


def _run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(arg) for arg in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = _run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, REPO, cwd=out)
    assert built.returncode == 0, built.stderr
    return out


def test_sdist_and_wheel_pass_twine_check(dist: Path) -> None:
    files = sorted(dist.iterdir())
    assert sorted(path.suffix for path in files) == [".gz", ".whl"]
    result = _run(sys.executable, "-m", "twine", "check", "--strict", *files, cwd=dist)
    assert result.returncode == 0, result.stdout + result.stderr


def test_distributions_carry_licence_changelog_and_man_page(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    stem = f"infohub_tui-{__version__}"
    assert f"{stem}.dist-info/licenses/LICENSE" in names
    assert f"{stem}.data/data/share/man/man1/infohub-tui.1" in names
    metadata = zipfile.ZipFile(wheel).read(f"{stem}.dist-info/METADATA").decode()
    assert "License-Expression: MIT" in metadata
    assert "Classifier: Environment :: Console" in metadata
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        members = set(archive.getnames())
    for name in ("LICENSE", "CHANGELOG.md", "README.md", "man/infohub-tui.1", "scripts/manpage.py"):
        assert f"{stem}/{name}" in members


def test_wheel_in_a_fresh_venv_runs_version_man_and_completion(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    venv = tmp_path / "venv"
    created = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    python = venv / "bin" / "python"
    site = Path(
        _run(
            python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).stdout.strip()
    )
    # The runtime dependencies come from this environment (no network in the test).
    (site / "outer-dependencies.pth").write_text(f"{sysconfig.get_paths()['purelib']}\n")
    installed = _run(
        # --ignore-installed: the outer environment (seen through the .pth) may hold an installed copy.
        sys.executable,
        "-m",
        "pip",
        "--python",
        python,
        "install",
        "--no-deps",
        "--ignore-installed",
        wheel,
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    command = venv / "bin" / "infohub-tui"
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    version = _run(command, "--version", cwd=tmp_path, env=env)
    assert version.stdout == f"infohub-tui {__version__}\n", version.stderr
    man = _run(command, "man", cwd=tmp_path, env=env)
    assert man.returncode == 0 and man.stdout == (REPO / "man" / "infohub-tui.1").read_text(encoding="utf-8")
    assert (venv / "share" / "man" / "man1" / "infohub-tui.1").read_text(encoding="utf-8") == man.stdout
    completion = _run(
        "bash", "-c", f"source <({command} completion bash) && complete -p infohub-tui", cwd=tmp_path, env=env
    )
    assert completion.returncode == 0, completion.stderr
