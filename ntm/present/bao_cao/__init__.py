"""`ntm report`: the picture of many plans over several years, laid out and worded (docs/report.md).

The figures are ntm.tong_hop's (summaries made in the workers, gathered,
computed as typed data). Here `build` (with `kpi`, `tien_do` and `pham_vi`)
lays them out as the one view model (`model`), with every label from `nhan`;
`xlsx`, `html` (with `charts`), `markdown` and `json_out` render that same model.
"""
