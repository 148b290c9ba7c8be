"""`ntm report`: the picture of many plans over several years (docs/report.md).

`tom_tat` reduces each checked plan in the worker; `gop` gathers them; `build`
(with `kpi` and `tien_do`) makes the one view model (`model`), with every
label from `nhan`; `xlsx`, `html` (with `charts`), `markdown` and `json_out`
render that same model.
"""
