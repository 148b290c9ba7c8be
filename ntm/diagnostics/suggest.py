"""The closest valid name for a slip of the keyboard."""

from __future__ import annotations

from collections.abc import Iterable

from ntm.diagnostics.params import DeXuat


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice, if any is close enough to be a likely typo.

    A shortened slug (`thuy_loi` for `thuy_loi_phong_chong_thien_tai`) is
    too far for difflib, so a single choice that starts with it counts too.
    """
    options = list(choices)
    import difflib  # suggestions are made only for errors: not imported at start-up

    matches = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    longer = [c for c in options if len(word) >= 4 and c.startswith(word)]
    return longer[0] if len(longer) == 1 else None


def de_xuat(word: str, choices: Iterable[str]) -> DeXuat:
    return DeXuat(suggest(word, choices))
