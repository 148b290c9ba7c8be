"""Stage 4, assess: a valid plan and its criteria set -> statuses and numbers (no text, no I/O).

`ntm.assess.judge.assess()` does it; `ntm.assess.result` holds what it finds. Nothing is
imported here, so `validate`, which never assesses, does not load them.
"""
