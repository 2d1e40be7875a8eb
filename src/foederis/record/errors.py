"""Errors raised while loading the record: they always name the file, the row and the problem."""


class RecordError(ValueError):
    """Bad data in the record, located by file and row."""

    def __init__(self, file: str, row: int | None, problem: str) -> None:
        self.file = file
        self.row = row
        self.problem = problem
        where = f"{file}:{row}" if row is not None else file
        super().__init__(f"{where}: {problem}")
