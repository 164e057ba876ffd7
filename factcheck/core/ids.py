"""Global ids: names for articles, claims, tags and evidence that are the same in every
copy of a project, so reviewers working offline never hand out the same name twice.

Integer ids stay local (the CLI, URLs, the window); these travel in exports and in the
changesets reviewers exchange.

* Claims and evidence get a random UUID (version 4): two reviewers marking claims
  offline cannot collide.
* An article's id is derived from the SHA-256 of its first text (UUID version 5): two
  reviewers who import the same file offline name it the same, so their claims on it
  land on one article when they sync instead of on two copies.
* A tag's id is derived from its name as the project compares names (ASCII letters
  without case, as SQLite's NOCASE): a tag *is* its name, and two reviewers creating
  "Figures" offline mean the same tag.
"""

from __future__ import annotations

import os
import uuid

_NAMESPACE = uuid.UUID("5b0e3c4e-7a52-4f57-9d3a-f2c1d0a6c9e1")


def new_gid() -> str:
    return str(uuid.uuid4())


def new_gids(count: int) -> list[str]:
    """``count`` random UUIDs, as :func:`new_gid` makes them (version 4, from the
    operating system's randomness), drawn in one call: for a batch of claims. Each is
    16 random bytes in hex with its version digit set to 4 and the top two bits of its
    variant digit to 10 (RFC 4122), as :class:`uuid.UUID` sets them."""
    digits = os.urandom(16 * count).hex()
    out = []
    for at in range(0, 32 * count, 32):
        h = digits[at : at + 32]
        out.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}")
    return out


# A hex digit with its top two bits set to 10: the variant digit of an RFC 4122 UUID.
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}


def article_gid(first_content_hash: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"article:{first_content_hash}"))


def tag_key(name: str) -> str:
    """The name as the project's unique index compares it (SQLite NOCASE folds ASCII)."""
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in name.strip())


def tag_gid(name: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"tag:{tag_key(name)}"))
