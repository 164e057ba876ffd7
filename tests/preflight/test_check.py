"""The check before the window: with chosen libraries "missing" (an injected library
search over the real Qt plugin files), the message names them, the packages that hold
them and the install command of the distribution; without a display it says so; and it
stays out of the way when the window can open or the platform is not one it knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.preflight.check import PLATFORMS, Verdict, describe, diagnose, window_problem
from factcheck.preflight.packages import family_from_os_release

from .conftest import present_except

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
ARCH = 'NAME="Arch Linux"\nID=arch\n'


def _release(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "os-release"
    path.write_text(text, encoding="utf-8")
    return path


def _env(qt_dir: Path, **extra: str) -> dict[str, str]:
    return {"QT_QPA_PLATFORM_PLUGIN_PATH": str(qt_dir / "plugins" / "platforms"), **extra}


def test_missing_xcb_libraries_name_the_debian_packages_and_command(
    qt_dir: Path, x_display: str, tmp_path: Path
) -> None:
    message = window_problem(
        _env(qt_dir, DISPLAY=x_display),
        find=present_except("libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
        os_release=_release(tmp_path, DEBIAN),
        as_root=False,
    )
    assert message is not None
    lines = message.splitlines()
    assert "X11 (xcb)" in lines[0]
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in lines[0]
    assert lines[1:] == ["Install them with:  sudo apt-get install libxcb-icccm4 libxcb-keysyms1"]


def test_fedora_gets_dnf_and_fedora_names_and_root_gets_no_sudo(
    qt_dir: Path, x_display: str, tmp_path: Path
) -> None:
    message = window_problem(
        _env(qt_dir, DISPLAY=x_display),
        find=present_except("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-util.so.1"),
        os_release=_release(tmp_path, FEDORA),
        as_root=True,
    )
    assert message is not None
    assert message.splitlines()[-1] == (
        "Install them with:  dnf install xcb-util-wm xcb-util xcb-util-keysyms"
    )


def test_a_library_needed_by_qt_itself_is_found_through_the_walk(
    qt_dir: Path, x_display: str, tmp_path: Path
) -> None:
    # libEGL is not linked by the plugin but by libQt6Gui, which the plugin loads.
    message = window_problem(
        _env(qt_dir, DISPLAY=x_display),
        find=present_except("libEGL.so.1", "libdbus-1.so.3"),
        os_release=_release(tmp_path, UBUNTU),
        as_root=False,
    )
    assert message is not None
    assert (
        message.splitlines()[-1] == "Install them with:  sudo apt-get install libegl1 libdbus-1-3"
    )


def test_unknown_distribution_gets_both_commands(
    qt_dir: Path, x_display: str, tmp_path: Path
) -> None:
    message = window_problem(
        _env(qt_dir, DISPLAY=x_display),
        find=present_except("libxcb-cursor.so.0"),
        os_release=_release(tmp_path, ARCH),
        as_root=False,
    )
    assert message is not None
    assert message.splitlines()[1:] == [
        "Install them on Debian/Ubuntu with:  sudo apt-get install libxcb-cursor0",
        "Install them on Fedora with:  sudo dnf install xcb-util-cursor",
    ]


def test_nothing_missing_means_no_message(qt_dir: Path, x_display: str, tmp_path: Path) -> None:
    assert window_problem(_env(qt_dir, DISPLAY=x_display), find=present_except(),
                          os_release=_release(tmp_path, DEBIAN)) is None  # fmt: skip


def test_no_display_at_all(qt_dir: Path, tmp_path: Path) -> None:
    message = window_problem(_env(qt_dir), find=present_except(),
                             os_release=_release(tmp_path, DEBIAN))  # fmt: skip
    assert message is not None
    assert "no display (neither DISPLAY nor WAYLAND_DISPLAY is set)" in message
    assert "factcheck --help" in message


def test_a_display_nobody_answers_on(qt_dir: Path, tmp_path: Path) -> None:
    env = _env(qt_dir, DISPLAY=":399", QT_QPA_PLATFORM="xcb")
    message = window_problem(env, find=present_except(), os_release=_release(tmp_path, DEBIAN))
    assert message is not None
    assert "no X server answers on display :399 (DISPLAY)" in message


def test_wayland_opens_the_window_when_the_x11_libraries_are_missing(
    qt_dir: Path, x_display: str, tmp_path: Path
) -> None:
    if not (qt_dir / "plugins" / "platforms" / "libqwayland.so").is_file():
        pytest.skip("this PySide6 has no wayland plugin")
    runtime = tmp_path / "run"
    runtime.mkdir()
    (runtime / "wayland-0").touch()
    env = _env(qt_dir, DISPLAY=x_display, WAYLAND_DISPLAY="wayland-0",
               XDG_RUNTIME_DIR=str(runtime))  # fmt: skip
    find = present_except("libxcb-icccm.so.4")
    assert window_problem(env, find=find, os_release=_release(tmp_path, DEBIAN)) is None
    # ... but not when its compositor is gone: then the X11 libraries are what to fix
    (runtime / "wayland-0").unlink()
    message = window_problem(env, find=find, os_release=_release(tmp_path, DEBIAN),
                             as_root=False)  # fmt: skip
    assert message is not None and "sudo apt-get install libxcb-icccm4" in message


def test_offscreen_needs_no_display_but_its_libraries(qt_dir: Path, tmp_path: Path) -> None:
    env = _env(qt_dir, QT_QPA_PLATFORM="offscreen")
    release = _release(tmp_path, DEBIAN)
    assert window_problem(env, find=present_except(), os_release=release) is None
    message = window_problem(env, find=present_except("libxkbcommon.so.0"), os_release=release,
                             as_root=False)  # fmt: skip
    assert message is not None
    assert message.splitlines()[-1] == "Install them with:  sudo apt-get install libxkbcommon0"


@pytest.mark.parametrize("platform", ["vnc", "eglfs", "xcb;vnc"])
def test_platforms_it_does_not_know_are_left_to_qt(qt_dir: Path, tmp_path: Path,
                                                   platform: str) -> None:  # fmt: skip
    env = _env(qt_dir, QT_QPA_PLATFORM=platform)
    assert window_problem(env, find=present_except("libxcb.so.1", "libGL.so.1"),
                          os_release=_release(tmp_path, DEBIAN)) is None  # fmt: skip


def test_other_systems_are_not_checked(tmp_path: Path) -> None:
    assert window_problem({}, platform="darwin", os_release=_release(tmp_path, DEBIAN)) is None
    assert window_problem({}, platform="win32", os_release=_release(tmp_path, DEBIAN)) is None


def test_no_plugin_file_means_qt_judges(x_display: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    # a Qt without the plugin (or without PySide6): nothing to read, so no verdict
    import factcheck.preflight.check as check

    monkeypatch.setattr(check, "plugin_dirs", lambda env: [tmp_path / "empty"])
    assert window_problem({"DISPLAY": x_display}, find=present_except("libxcb.so.1"),
                          os_release=_release(tmp_path, DEBIAN)) is None  # fmt: skip


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (DEBIAN, "debian"),
        (UBUNTU, "debian"),
        ('ID=linuxmint\nID_LIKE="ubuntu debian"\n', "debian"),
        (FEDORA, "fedora"),
        ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "fedora"),
        (ARCH, None),
        ("", None),
    ],
)
def test_distribution_family(text: str, family: str | None) -> None:
    found = family_from_os_release(text)
    assert (found.key if found else None) == family


def test_the_install_command_to_offer_is_kept_apart(
    qt_dir: Path, x_display: str, tmp_path: Path
) -> None:
    env = _env(qt_dir, DISPLAY=x_display)
    known = diagnose(env, find=present_except("libxcb-icccm.so.4", "libxcb-keysyms.so.1"),
                     os_release=_release(tmp_path, DEBIAN), as_root=True)  # fmt: skip
    assert known is not None
    assert known.install == ("apt-get", "install", "-y", "libxcb-icccm4", "libxcb-keysyms1")
    fedora = diagnose(env, find=present_except("libxcb-icccm.so.4"),
                      os_release=_release(tmp_path, FEDORA), as_root=True)  # fmt: skip
    assert fedora is not None and fedora.install == ("dnf", "install", "-y", "xcb-util-wm")
    # nothing to offer when a library's package is unknown, or the distribution is
    verdict = Verdict(PLATFORMS["xcb"], missing=("libxcb-icccm.so.4", "libfactcheck-x.so.1"))
    unknown = describe([verdict], family_from_os_release(DEBIAN), as_root=True)
    assert unknown.message.splitlines()[1:] == [
        "Install them with:  apt-get install libxcb-icccm4",
        "Find the package that provides libfactcheck-x.so.1 with:  "
        "apt-file search libfactcheck-x.so.1",
    ]
    arch = diagnose(env, find=present_except("libxcb-icccm.so.4"),
                    os_release=_release(tmp_path, ARCH), as_root=True)  # fmt: skip
    assert unknown is not None and arch is not None
    assert unknown.install == () and arch.install == ()
