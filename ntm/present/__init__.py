"""Stage 7, present: every sentence and every output format, from one view model per command.

`messages` writes diagnostics; `wording` the assessment's statuses and
numbers; `view` is the typed view of `validate`/`check` that the reporters
(`kiem_tra`) render; `criteria` lists a set; `document` builds and renders
the plan document; `output` writes files and streams safely; `formats`
holds each command's table of output formats, which the CLI reads.
"""
