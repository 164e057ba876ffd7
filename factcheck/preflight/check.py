"""Before the window: can Qt open one here? If not, say what to install, in one message.

Without this, a Linux machine that lacks one of the X11 libraries Qt's ``xcb`` plugin
needs gets Qt's own abort ("no Qt platform plugin could be initialized") and a core
dump, after naming at most one of the missing libraries. Here the platforms Qt would
try are checked first (their display, and every system library their plugin loads),
and when none can work the user gets the missing packages and the exact install
command for their distribution.

Pure Python and no Qt import: it runs before Qt is loaded. When in doubt it lets Qt
try, so a wrong guess here never keeps a working window from opening.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

# Runs on every start of the window, so only what the usual case needs is imported
# here; the library walk and the package table load when something is missing.
if TYPE_CHECKING:
    from factcheck.preflight.elf import Locate
    from factcheck.preflight.packages import Family


# NamedTuples rather than dataclasses: this module is imported on every start of the
# window, and a dataclass costs about a millisecond to create.
class Platform(NamedTuple):
    name: str  # as in QT_QPA_PLATFORM and the plugin's file name (libq<name>.so)
    label: str  # for the message
    display_var: str | None  # the variable naming its display; None: needs none
    extra: tuple[str, ...] = ()  # libraries the plugin opens at run time, not linked


PLATFORMS = {
    p.name: p
    for p in (
        # Qt 6.5+ opens libxcb-cursor itself; newer builds link it.
        Platform("xcb", "X11 (xcb)", "DISPLAY", ("libxcb-cursor.so.0",)),
        Platform("wayland", "Wayland", "WAYLAND_DISPLAY"),
        Platform("wayland-egl", "Wayland", "WAYLAND_DISPLAY"),
        Platform("offscreen", "offscreen", None),
        Platform("minimal", "minimal", None),
    )
}


class Verdict(NamedTuple):
    """Why one platform cannot work: ``missing`` libraries, no display named
    (``unset``), or a display ``problem``."""

    platform: Platform
    missing: tuple[str, ...] = ()
    problem: str = ""
    unset: bool = False


def requested(environ: Mapping[str, str]) -> list[str] | None:
    """The platform plugins Qt will try, in order; None when QT_QPA_PLATFORM names one
    this check does not know (Qt is left to judge it)."""
    value = environ.get("QT_QPA_PLATFORM", "").strip()
    if not value:
        return ["xcb", "wayland"]
    names = [part.split(":", 1)[0].strip() for part in value.split(";") if part.strip()]
    return names if names and all(n in PLATFORMS for n in names) else None


def plugin_dirs(environ: Mapping[str, str]) -> list[Path]:
    """Where Qt looks for platform plugins: QT_QPA_PLATFORM_PLUGIN_PATH, QT_PLUGIN_PATH,
    then the Qt inside PySide6 (found without importing it)."""
    dirs = [Path(p) for p in environ.get("QT_QPA_PLATFORM_PLUGIN_PATH", "").split(os.pathsep) if p]
    dirs += [Path(p) / "platforms" for p in environ.get("QT_PLUGIN_PATH", "").split(os.pathsep)
             if p]  # fmt: skip
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        dirs.append(Path(location) / "Qt" / "plugins" / "platforms")
    return dirs


def _x_display_answers(display: str) -> bool:
    """Whether a local X display (":0", "unix:1.0") has a server: its socket file is
    there, or (a container may see only that one) its abstract socket answers. True
    for a remote display, which is not checked."""
    host, _, rest = display.rpartition(":")
    number = rest.split(".", 1)[0]
    if host not in ("", "unix") or not number.isdigit():
        return True
    if Path(f"/tmp/.X11-unix/X{number}").exists():  # the usual case: no connection made
        return True
    import socket

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            sock.connect(f"\0/tmp/.X11-unix/X{number}")
    except OSError:
        return False
    return True


def _wayland_display_answers(environ: Mapping[str, str]) -> bool:
    """Whether the Wayland socket exists; True when its folder is unknown."""
    name = environ.get("WAYLAND_DISPLAY", "")
    if name.startswith("/"):
        return Path(name).exists()
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    return not runtime or (Path(runtime) / name).exists()


def _display_problem(platform: Platform, environ: Mapping[str, str]) -> str:
    """Why the platform's display cannot be used ("" when it can, or needs none)."""
    if platform.display_var is None:
        return ""
    value = environ.get(platform.display_var, "")
    if not value:
        return f"{platform.display_var} is not set"
    if platform.name == "xcb" and not _x_display_answers(value):
        return f"no X server answers on display {value} (DISPLAY)"
    if platform.name != "xcb" and not _wayland_display_answers(environ):
        return f"no Wayland compositor answers on {value} (WAYLAND_DISPLAY)"
    return ""


def _loads(path: str) -> bool:
    # What ctypes.CDLL(path) does on Linux, without importing ctypes (its classes cost a
    # few milliseconds of every start of the window).
    from _ctypes import RTLD_LOCAL, dlopen

    try:
        dlopen(path, RTLD_LOCAL)
    except OSError:
        return False
    return True


def _missing(plugin: Path, platform: Platform, find: Locate | None) -> tuple[str, ...]:
    """The system libraries ``plugin`` needs and the machine lacks. Without ``find``,
    first just try to load it (it loads later anyway; one call when all is well)."""
    if find is None and _loads(str(plugin)) and all(_loads(name) for name in platform.extra):
        return ()
    from factcheck.preflight.elf import Asker, missing_libraries, read_elf

    if find is None:
        missing = missing_libraries([plugin])
        missing += [name for name in platform.extra if name not in missing and not _loads(name)]
        return tuple(missing)
    missing = missing_libraries([plugin], find)
    info = read_elf(plugin)
    if info is not None:
        asker = Asker((), (), info.elf_class, info.machine)
        missing += [n for n in platform.extra if n not in missing and find(n, asker) is None]
    return tuple(missing)


def judge(name: str, environ: Mapping[str, str], find: Locate | None) -> Verdict | None:
    """None when platform ``name`` can open a window here (or cannot be judged)."""
    platform = PLATFORMS[name]
    problem = _display_problem(platform, environ)
    if problem:
        unset = platform.display_var is not None and not environ.get(platform.display_var)
        return Verdict(platform, problem=problem, unset=unset)
    plugin = next((d / f"libq{name}.so" for d in plugin_dirs(environ)
                   if (d / f"libq{name}.so").is_file()), None)  # fmt: skip
    if plugin is None:
        return None
    missing = _missing(plugin, platform, find)
    return Verdict(platform, missing=missing) if missing else None


class Problem(NamedTuple):
    """Why the window cannot open: the ``message`` for the user, and when the fix is
    a known set of packages of the detected distribution, the command (an argument
    list, run as root) that ``make run`` may offer to run."""

    message: str
    install: tuple[str, ...] = ()


def window_problem(
    environ: Mapping[str, str] | None = None,
    *,
    find: Locate | None = None,
    os_release: Path = Path("/etc/os-release"),
    as_root: bool | None = None,
    platform: str = sys.platform,
) -> str | None:
    """The message to print instead of starting Qt; None when a window can open (or
    this cannot tell). ``find`` replaces the library search (tests); the distribution
    family, which names the packages, is read from ``os_release``."""
    found = diagnose(environ, find=find, os_release=os_release, as_root=as_root,
                     platform=platform)  # fmt: skip
    return found.message if found is not None else None


def diagnose(
    environ: Mapping[str, str] | None = None,
    *,
    find: Locate | None = None,
    os_release: Path = Path("/etc/os-release"),
    as_root: bool | None = None,
    platform: str = sys.platform,
) -> Problem | None:
    """:func:`window_problem`, with the install command kept apart."""
    if not platform.startswith("linux"):
        return None
    env = os.environ if environ is None else environ
    names = requested(env)
    if names is None:
        return None
    verdicts: list[Verdict] = []
    for name in names:
        verdict = judge(name, env, find)
        if verdict is None:
            return None
        verdicts.append(verdict)
    from factcheck.preflight.packages import detect_family

    root = (os.geteuid() == 0) if as_root is None else as_root
    return describe(verdicts, detect_family(os_release), as_root=root)


def describe(verdicts: Sequence[Verdict], family: Family | None, *, as_root: bool) -> Problem:
    """One message for the most useful of the failures: missing libraries for a
    platform that has a display, else why there is no display."""
    from factcheck.preflight.packages import packages_for

    with_libs = [v for v in verdicts if v.missing]
    if with_libs:
        message = _missing_message(with_libs[0], family, as_root=as_root)
        install: tuple[str, ...] = ()
        if family is not None:  # offered only when every library's package is known
            packages, unknown = packages_for(with_libs[0].missing, family)
            if packages and not unknown:
                install = (*family.install.split(), "-y", *packages)
        return Problem(message, install)
    unset = [v for v in verdicts if v.unset]
    if len(unset) == len(verdicts):
        names = list(dict.fromkeys(v.platform.display_var or "" for v in unset))
        which = (
            f"neither {' nor '.join(names)} is set" if len(names) > 1 else f"{names[0]} is not set"
        )
        return Problem(f"the window cannot open: there is no display ({which}). {_ELSEWHERE}")
    problem = next(v.problem for v in verdicts if not v.unset)
    return Problem(f"the window cannot open: {problem}. {_ELSEWHERE}")


_ELSEWHERE = "Start factcheck from a desktop session, or use its commands (factcheck --help)."


def _missing_message(verdict: Verdict, family: Family | None, *, as_root: bool) -> str:
    from factcheck.preflight.packages import FAMILIES, install_command, packages_for

    names = ", ".join(verdict.missing)
    head = (
        f"the window cannot open: Qt's {verdict.platform.label} platform needs system "
        f"libraries that are not installed: {names}."
    )
    families = [family] if family is not None else list(FAMILIES.values())
    lines = [head]
    for fam in families:
        packages, unknown = packages_for(verdict.missing, fam)
        where = "" if family is not None else f" on {fam.name}"
        if packages:
            lines.append(
                f"Install them{where} with:  {install_command(fam, packages, as_root=as_root)}"
            )
        for name in unknown:
            lines.append(f"Find the package that provides {name}{where} with:  {fam.search} {name}")
    return "\n".join(lines)
