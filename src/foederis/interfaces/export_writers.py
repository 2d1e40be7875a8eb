"""Write export tables as CSV, Parquet or an SQLite database (Datasette and DuckDB open it as is).

Each writer streams Arrow record batches and replaces its output only when the whole table is
written: a failed export leaves the previous file (or the database's other tables) untouched."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from queue import Queue
from threading import Thread

import pyarrow as pa

FORMATS = ("csv", "parquet", "sqlite")
SUFFIXES = {
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".sqlite": "sqlite",
    ".db": "sqlite",
    ".sqlite3": "sqlite",
}
Progress = Callable[[int], None]

#: SQLite column types per Arrow type (dates as ISO text, booleans as 0/1: SQLite's conventions).
_SQL_TYPES = {
    "int16": "INTEGER",
    "int32": "INTEGER",
    "int64": "INTEGER",
    "bool": "INTEGER",
    "date32[day]": "TEXT",
    "string": "TEXT",
}
#: Foreign keys the SQLite export declares, so Datasette shows labels and links.
_FOREIGN = {"iso3": ("states", "iso3"), "instrument": ("instruments", "id")}


def format_of(path: Path, given: str | None) -> str | None:
    """The format asked for, or the one the file name implies; None when neither says."""
    return given or SUFFIXES.get(path.suffix.lower())


def plain_schema(schema: pa.Schema) -> pa.Schema:
    """The schema with dictionary columns decoded to their value type (CSV and SQLite need it)."""
    return pa.schema(
        [pa.field(f.name, f.type.value_type if pa.types.is_dictionary(f.type) else f.type) for f in schema]
    )


@contextmanager
def _replacing(path: Path):  # type: ignore[no-untyped-def]
    """A temporary file beside `path`, moved over it only if the block succeeds."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def prefetch(batches: Iterable[pa.RecordBatch], depth: int = 2) -> Iterator[pa.RecordBatch]:
    """Make the next batches in a background thread while the caller writes this one (NumPy and
    Arrow release the GIL, so building and encoding overlap on two cores)."""
    done = object()
    queue: Queue[object] = Queue(maxsize=depth)

    def produce() -> None:
        try:
            for batch in batches:
                queue.put(batch)
            queue.put(done)
        except BaseException as exc:  # handed to the consumer, which re-raises it
            queue.put(exc)

    Thread(target=produce, daemon=True).start()
    while (item := queue.get()) is not done:
        if isinstance(item, BaseException):
            raise item
        yield item  # type: ignore[misc]


def write_parquet(
    path: Path, schema: pa.Schema, batches: Iterable[pa.RecordBatch], progress: Progress
) -> None:
    """Zstandard pages; dictionary encoding for the category columns only (it costs time and gains
    nothing on the others); statistics on the columns readers filter by."""
    import pyarrow.parquet as pq

    categories = [f.name for f in schema if pa.types.is_dictionary(f.type)]
    filters = [n for n in ("iso3", "instrument", "date", "start") if n in schema.names]
    options = {"use_dictionary": categories or False, "write_statistics": filters}
    with _replacing(path) as tmp, pq.ParquetWriter(tmp, schema, compression="zstd", **options) as writer:
        for batch in prefetch(batches):
            writer.write_batch(batch)
            progress(batch.num_rows)


def write_csv(path: Path, schema: pa.Schema, batches: Iterable[pa.RecordBatch], progress: Progress) -> None:
    import pyarrow.csv as pcsv

    plain = plain_schema(schema)
    with _replacing(path) as tmp, pcsv.CSVWriter(tmp, plain) as writer:
        for batch in batches:
            writer.write_table(pa.Table.from_batches([batch]).cast(plain))
            progress(batch.num_rows)


def write_sqlite(
    path: Path,
    table: str,
    schema: pa.Schema,
    batches: Iterable[pa.RecordBatch],
    progress: Progress,
    lookups: dict[str, pa.RecordBatch],
) -> None:
    """Write `table` (replacing it) and the lookup tables into the database at `path` in one
    transaction: other tables already in the database are kept."""
    plain = plain_schema(schema)
    con = sqlite3.connect(path, isolation_level=None)
    try:
        con.execute("BEGIN IMMEDIATE")
        for name, rows in lookups.items():
            _create(con, name, rows.schema, primary=rows.schema.names[0])
            _insert(con, name, rows)
        _create(con, table, plain, foreign=table != "events")
        for batch in batches:
            _insert(con, table, pa.Table.from_batches([batch]).cast(plain))
            progress(batch.num_rows)
        for column in ("iso3", "instrument", "date"):
            if column in plain.names:
                con.execute(f'CREATE INDEX "{table}_{column}" ON "{table}" ("{column}")')
        con.execute("COMMIT")
    except BaseException:
        if con.in_transaction:
            con.execute("ROLLBACK")
        raise
    finally:
        con.close()


def _create(
    con: sqlite3.Connection, name: str, schema: pa.Schema, primary: str = "", foreign: bool = False
) -> None:
    cols = []
    for f in schema:
        decl = f'"{f.name}" {_SQL_TYPES.get(str(f.type), "TEXT")}'
        if f.name == primary:
            decl += " PRIMARY KEY"
        elif foreign and f.name in _FOREIGN:
            ref_table, ref_col = _FOREIGN[f.name]
            decl += f' REFERENCES "{ref_table}" ("{ref_col}")'
        cols.append(decl)
    con.execute(f'DROP TABLE IF EXISTS "{name}"')
    con.execute(f'CREATE TABLE "{name}" ({", ".join(cols)})')


def _insert(con: sqlite3.Connection, name: str, data: pa.RecordBatch | pa.Table) -> None:
    columns = []
    for col, field in zip(data.columns, data.schema, strict=True):
        values = col.to_pylist()
        if pa.types.is_date(field.type):
            values = [v.isoformat() if v is not None else None for v in values]
        columns.append(values)
    marks = ", ".join("?" for _ in columns)
    con.executemany(f'INSERT INTO "{name}" VALUES ({marks})', zip(*columns, strict=True))
