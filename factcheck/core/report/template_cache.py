"""Compiled report templates kept between runs.

Jinja parses and compiles a template to Python on first use in every process: some
70 ms for the HTML report, as much as gathering a few thousand claims, paid by every
``factcheck export``. Jinja's own bytecode cache keeps the compiled code in a private
folder of the user's temporary directory (created with mode 0700 and refused if another
user owns it), keyed by the template's name and a hash of its source, so an edited
template is compiled afresh; files are written under a temporary name and renamed.
The files of each environment carry a hash of what else shapes the compiled code (its
options, the versions of Jinja and factcheck): a changed option never reuses code
compiled under the old one.

A cache that cannot be used never stops a report: without a usable folder there is no
cache, and a file that cannot be read or written is compiled or skipped as if absent.
``FACTCHECK_NO_TEMPLATE_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os

import jinja2
from jinja2 import Environment
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from factcheck import __version__


class _QuietCache(FileSystemBytecodeCache):
    """Jinja's file cache, with read and write failures treated as a cache miss."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # unreadable or damaged: unpickling and
            bucket.reset()  # unmarshalling raise many kinds of error; compile instead

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a full or read-only disk: compiled next run
            super().dump_bytecode(bucket)


def use_bytecode_cache(env: Environment) -> Environment:
    """Give ``env`` the shared cache of compiled templates (unless it is off or
    unusable); ``env``'s options are final by then. Returns ``env``."""
    if os.environ.get("FACTCHECK_NO_TEMPLATE_CACHE"):
        return env
    shape = repr((
        __version__, jinja2.__version__, env.block_start_string, env.block_end_string,
        env.variable_start_string, env.variable_end_string, env.comment_start_string,
        env.comment_end_string, env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence,
        env.keep_trailing_newline, env.optimized, env.is_async, sorted(env.extensions),
        env.autoescape if isinstance(env.autoescape, bool) else env.autoescape.__qualname__,
        getattr(env.finalize, "__qualname__", None),
    ))  # fmt: skip
    salt = hashlib.sha1(shape.encode(), usedforsecurity=False).hexdigest()[:12]
    with contextlib.suppress(OSError, RuntimeError):  # no temporary folder, or not ours
        env.bytecode_cache = _QuietCache(pattern=f"__factcheck_{salt}_%s.cache")
    return env
