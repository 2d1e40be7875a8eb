"""The full day panel, every state × every instrument × every day 1945-01-01..2030-12-31, written as
Parquet by the same path as `foederis export panel --format parquet` (median of 3 runs, in process
after the record is compiled), and the cold CLI doing it once. Prints time, rows and file size."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import machine, median_time, save, table

TARGET_S = 5.0


def main() -> None:
    from foederis.engine.cache import load_compiled
    from foederis.interfaces.export_writers import write_parquet
    from foederis.questions.export import PANEL_SCHEMA, PanelSpec, listed_states, panel_batches, panel_rows

    c = load_compiled()
    spec = PanelSpec(tuple(c.instruments), listed_states(c), date(1945, 1, 1), date(2030, 12, 31))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "panel.parquet"
        med, runs = median_time(
            lambda: write_parquet(out, PANEL_SCHEMA, panel_batches(c, spec), lambda n: None), 3
        )
        size = out.stat().st_size
        cli = Path(tmp) / "cli.parquet"
        t = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "foederis.interfaces.cli.main",
                "export",
                "panel",
                "--from",
                "1945-01-01",
                "--to",
                "2030-12-31",
                "--out",
                str(cli),
            ],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        cold = time.perf_counter() - t
    rows = panel_rows(spec)
    table(
        "bench_export: full day panel as Parquet",
        [
            ("rows (states x instruments x days)", f"{rows:,}", "", ""),
            (
                "write, median of 3",
                f"{med:.2f} s ({', '.join(f'{r:.2f}' for r in runs)})",
                f"< {TARGET_S} s",
                "ok" if med < TARGET_S else "MISSED",
            ),
            ("file size", f"{size / 1e6:.1f} MB", "", ""),
            ("cold CLI (fresh process, compile from cache)", f"{cold:.2f} s", "", ""),
        ],
    )
    save(
        "bench_export",
        {
            "rows": rows,
            "write_s": med,
            "runs_s": runs,
            "size_bytes": size,
            "cold_cli_s": cold,
            "machine": machine(),
        },
    )


if __name__ == "__main__":
    main()
