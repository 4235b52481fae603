"""The wheel carries the content, and both install kinds find it from any directory."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from infohub_tui.hub.content_files import CONTENT_FILES

REPO = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.skipif(not (REPO / "pyproject.toml").is_file(), reason="needs the source tree")


def _run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    result = _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-w",
        str(out),
        str(REPO),
        cwd=out,
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("infohub_tui-*.whl")
    return built


def test_wheel_contains_every_content_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for language_dir in sorted(p for p in (REPO / "content").iterdir() if p.is_dir()):
        for name in CONTENT_FILES:
            assert f"infohub_tui/content/{language_dir.name}/{name}" in names
    assert "infohub_tui/ui/infohub.tcss" in names


def test_installed_wheel_runs_from_another_directory(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    result = _run(
        sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = _run(sys.executable, "-m", "infohub_tui", "--version", cwd=elsewhere, env=env)
    assert version.stdout.startswith("infohub-tui ")
    validate = _run(sys.executable, "-m", "infohub_tui", "validate", cwd=elsewhere, env=env)
    assert validate.returncode == 0, validate.stderr
    assert str(target / "infohub_tui" / "content") in validate.stdout


def test_editable_layout_finds_the_top_level_content(tmp_path: Path) -> None:
    """An editable install puts `src/` on the path; content then comes from the repo's `content/`."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = _run(sys.executable, "-m", "infohub_tui", "validate", cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert str(REPO / "content") in result.stdout


def test_real_editable_install_reads_the_repository_content(tmp_path: Path) -> None:
    """pip install -e into a fresh environment, then run it from elsewhere."""
    venv = tmp_path / "venv"
    created = _run(sys.executable, "-m", "venv", "--without-pip", str(venv), cwd=tmp_path)
    assert created.returncode == 0, created.stderr
    python = venv / "bin" / "python"
    site = Path(
        _run(
            str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).stdout.strip()
    )
    dependencies = Path(
        _run(
            sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
        ).stdout.strip()
    )
    (site / "outer-dependencies.pth").write_text(f"{dependencies}\n")
    installed = _run(
        sys.executable,
        "-m",
        "pip",
        "--python",
        str(python),
        "install",
        "--no-deps",
        "--no-build-isolation",
        "-e",
        str(REPO),
        cwd=tmp_path,
    )
    assert installed.returncode == 0, installed.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    result = _run(str(python), "-m", "infohub_tui", "validate", cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    assert f"{REPO / 'content'}: 2 language(s)" in result.stdout
