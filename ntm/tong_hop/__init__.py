"""Aggregation (tổng hợp): many checked plans -> the province's figures, as data, never words.

The stage between `run` and `present` for `ntm report` (docs/report.md):

* `tom_tat`: in the worker, one checked plan -> a summary of a few hundred
  bytes (statuses as codes, figures, the levels applied and their sources);
* `gop`: in the parent, summaries gathered compactly and filtered;
  `dinh_danh`: who a plan is about, and the files that name the same commune
  and year;
* `chuan`: the domain's facts (standards nest: NTM < nâng cao < kiểu mẫu;
  the bands of the 19-criteria sets);
* `ty_le`: a share always with its numerator, its denominator and what the
  denominator is;
* `dat_chuan`, `binh_quan`, `theo_nhom`, `theo_tieu_chi`, `tien_do`: the
  report's figures, each a typed row; `tong_hop.tong_hop()` computes them all.

`ntm.present.bao_cao` lays them out and words them; nothing here imports it.
"""
