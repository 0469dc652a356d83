"""Reading an export: CSV (plain, .gz, .zip), XLSX and XLS into one shape, ``RawTable``.

Every reader returns the file's cells as text, untouched, with the line number
each row had in the source file, so that a value that cannot be read later can
be reported as "row 1,234: date '31/02/2019' …". Typing the values is the job of
validation (``core.ingest``), done once, in SQL, for every kind of file.

- **CSV** is sniffed here: the encoding (UTF-8 with or without BOM, else cp1251 or
  cp1252, told apart by whether the high bytes come in runs — Russian words — or alone), the
  separator (``,`` ``;`` tab ``|``, or columns aligned with runs of spaces) and
  whether the first line is a header (no header when any cell of the first
  line looks like a number or a date). The file itself is then read by DuckDB's
  CSV reader on a private in-memory connection (all columns as text); aligned
  columns go through pandas' whitespace splitter.
- **XLSX / XLS** are read with fastexcel (calamine in Rust, straight to Arrow: no
  Python object per cell), the format told by the content (an .xlsx saved as ".xls"
  reads); every sheet is listed and one is picked, and rows are
  numbered as Excel numbers them, blank rows above the table included. Typed cells
  become canonical text (``_canonical_cells``): dates ISO ``YYYY-MM-DD``, whole
  numbers without ``.0`` (so a client id a spreadsheet turned into ``13085.0`` reads
  ``13085``), other numbers to 9 decimals without an exponent, TRUE/FALSE.
"""

from __future__ import annotations

import codecs
import csv
import functools
import gzip
import io
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from core.dbopen import private
from core.errors import InputError
from core.i18n import t
from core.store import quote_ident

SNIFF_BYTES = 256 * 1024
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
DELIMITERS = (",", ";", "\t", "|")
ROW = "__row"  # the column holding each row's line number in the source file
MALFORMED_SHARE = 0.2  # above this share of lines with the wrong field count, the file is refused
MAX_UNPACKED_ENV, DEFAULT_MAX_UNPACKED_MB = "KAM_MAX_UNPACKED_MB", 2048
MAX_RATIO_ENV, DEFAULT_MAX_RATIO = "KAM_MAX_RATIO", 100
RATIO_FLOOR = 64 * 2**20  # below this an archive may grow as much as it likes (tiny files compress oddly)

_NUMBER_OR_DATE = re.compile(
    r"^\s*[-+(]?[\d\s.,/:\-]*\d[\d\s.,/:\-)%]*\s*$"  # numbers, dates, times, percentages
)


@dataclass(eq=False)
class RawTable:
    """A file's cells as text, with the source line number of each row in column ``__row``.

    The cells live in table ``raw`` of a private DuckDB connection (``con``), which
    holds them within its memory bound and spills the rest to disk, so a file of
    ten million lines is never a second copy in Python's memory: validation reads
    it there (``core.ingest.prepare``) and the page asks only for a sample.
    """

    file_name: str
    con: duckdb.DuckDBPyConnection
    columns: list[str]
    has_header: bool
    rows: int
    sheet: str | None = None
    sheets: list[str] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    malformed: list[tuple[int, str, str]] = field(default_factory=list)  # (row, reason, line as in the file)
    prepared: int = 0  # how many validations have run on it (each keeps its own table)

    def sample(self, rows: int = 2000) -> pd.DataFrame:
        """The first ``rows`` rows as a DataFrame of text (for detection and previews)."""
        return self.con.sql(f"SELECT * FROM raw ORDER BY {quote_ident(ROW)} LIMIT ?", params=[int(rows)]).df()

    def frame(self) -> pd.DataFrame:
        """Every row as a DataFrame of text (for the small side files: reasons, managers)."""
        return self.con.sql(f"SELECT * FROM raw ORDER BY {quote_ident(ROW)}").df()

    def filled(self, column: str, count: int) -> list[str]:
        """The column's first ``count`` values that are not empty, in the file's order."""
        name = quote_ident(column)
        found = self.con.sql(
            f"SELECT {name} FROM raw WHERE {name} <> '' ORDER BY {quote_ident(ROW)} LIMIT ?", params=[int(count)]
        ).fetchall()
        return [value for (value,) in found]


def _held(table: pa.Table) -> tuple[duckdb.DuckDBPyConnection, int]:
    """A private connection holding ``table`` as table ``raw``, and its row count."""
    con = private()
    con.register("cells", table)
    con.execute("CREATE TABLE raw AS SELECT * FROM cells")
    con.unregister("cells")
    return con, table.num_rows


def read_table(source: str | os.PathLike, file_name: str | None = None, sheet: str | None = None) -> RawTable:
    """Read a CSV/XLSX/XLS file (optionally .gz or .zip) into a ``RawTable``.

    ``file_name`` is the name the person knows the file by (an upload's temporary
    path has another); it decides the kind of file. Raises ``InputError`` with a
    plain message when the file cannot be read.
    """
    path = Path(source)
    name = file_name or path.name
    lower = name.lower()
    try:
        check_source(path, name)
        if lower.endswith(EXCEL_SUFFIXES) and _looks_like_workbook(path, name):
            return _read_excel(path, name, sheet)
        with _plain_text_file(path, lower, name) as text_path:
            return _read_text(text_path, name)
    except InputError:
        raise
    except csv.Error:
        raise InputError.keyed("err.line_too_long", file=name) from None
    except (OSError, ValueError, zipfile.BadZipFile, duckdb.Error, pd.errors.ParserError) as exc:
        if "field limit" in str(exc) or "maximum line size" in str(exc).lower():
            raise InputError.keyed("err.line_too_long", file=name) from None
        raise InputError.keyed("err.unreadable", file=name, detail=_first_line(exc)) from None


# What a file's first bytes say it is, whatever its name: ERPs save web pages and tab
# text as ".xls", and people rename images.
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_NOT_A_TABLE = (
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
)


def _looks_like_workbook(path: Path, name: str) -> bool:
    """True for a real workbook; False for text named like one (read as text); refuses web pages and images."""
    with open(path, "rb") as f:
        head = f.read(512)
    if head.startswith(_WORKBOOK_MAGIC):
        return True
    for magic, kind in _NOT_A_TABLE:
        if head.startswith(magic):
            raise InputError.keyed("err.not_a_table", file=name, kind=kind)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<html", b"<!doctype", b"<table", b"<?xml", b"<head", b"<body")):
        raise InputError.keyed("err.html_named_excel", file=name)
    if b"\x00" in head:
        return True  # binary: let the workbook reader say what is wrong
    return False


def excel_sheets(path: str | os.PathLike, name: str | None = None) -> list[str]:
    """The sheet names of an Excel workbook, in order (none for text saved under a workbook's name).

    ``name`` is the file's name as the person knows it, for the message when it cannot be read.
    """
    with open(path, "rb") as f:
        if not f.read(8).startswith(_WORKBOOK_MAGIC):
            return []
    return list(_workbook(Path(path), name or Path(path).name).sheet_names)


def _workbook(path: Path, name: str):
    """The workbook at ``path``, its format told by the content (ERPs save .xlsx workbooks as ".xls"
    and people rename files); when the content says nothing, by the name, whose reader then says
    what is wrong. Raises ``InputError`` when it cannot be read."""
    import fastexcel

    try:
        try:
            return fastexcel.read_excel(path.read_bytes())
        except fastexcel.FastExcelError:
            return fastexcel.read_excel(str(path))
    except fastexcel.FastExcelError as exc:
        raise _not_excel(exc, name) from None


def _not_excel(exc: Exception, name: str) -> InputError:
    # "calamine error: Xlsx error: Zip error: invalid Zip archive: …" says the last part only
    detail = re.sub(r"^(?:\w+ error: )+", "", _first_line(exc))
    return InputError.keyed("err.not_excel", file=name, detail=detail)


# -- text files ------------------------------------------------------------------


def check_source(source: str | os.PathLike, name: str | None = None) -> None:
    """Refuse, before any byte is read, what is not an ordinary file: a folder, a device, a pipe.

    A missing file raises ``FileNotFoundError`` as ``open`` would; ``/dev/zero``
    or a named pipe would otherwise be read forever.
    """
    path = Path(source)
    name = name or path.name or str(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise InputError.keyed("err.unreadable", file=name, detail=_first_line(exc)) from None
    if stat.S_ISDIR(mode):
        raise InputError.keyed("err.folder", file=name)
    if not stat.S_ISREG(mode):
        raise InputError.keyed("err.not_regular", file=name)


def max_unpacked_bytes() -> int:
    """The most a .gz or .zip may unpack to: ``$KAM_MAX_UNPACKED_MB`` megabytes (default 2048)."""
    return int(float(os.environ.get(MAX_UNPACKED_ENV) or DEFAULT_MAX_UNPACKED_MB) * 2**20)


def max_ratio() -> float:
    """The most a .gz or .zip may grow when unpacked: ``$KAM_MAX_RATIO`` times (default 100)."""
    return float(os.environ.get(MAX_RATIO_ENV) or DEFAULT_MAX_RATIO)


class _plain_text_file:
    """Context manager giving a path to the plain CSV inside a .gz or .zip (or the file itself).

    Archives are unpacked as streams, a megabyte at a time, into a temporary
    file, and refused (``InputError``) as soon as the unpacked size passes
    ``max_unpacked_bytes()`` or, beyond ``RATIO_FLOOR``, grows more than
    ``max_ratio()`` times the packed size — what a "zip bomb" does and no
    sales export does. A truncated, damaged or password-protected archive gets
    its own message.
    """

    def __init__(self, path: Path, lower_name: str, name: str | None = None):
        self.path, self.lower, self.name, self.tmp = path, lower_name, name or path.name, None

    def __enter__(self) -> Path:
        if self.lower.endswith(".gz"):
            with open(self.path, "rb") as f:
                if f.read(2) != b"\x1f\x8b":  # gzip's magic number
                    raise InputError.keyed("err.not_gzip", file=self.name)
            self.tmp = _spill(gzip.open(self.path, "rb"), self.name, self.path.stat().st_size)
            return self.tmp
        if self.lower.endswith(".zip"):
            try:
                archive = zipfile.ZipFile(self.path)
            except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
                raise InputError.keyed("err.archive_bad", file=self.name, detail=_first_line(exc)) from None
            with archive:
                members = [m for m in archive.namelist() if not m.endswith("/") and not m.startswith("__MACOSX")]
                texts = [m for m in members if m.lower().endswith((".csv", ".txt", ".tsv"))] or members
                if len(texts) != 1:
                    raise InputError.keyed("err.zip_members", count=len(texts), names=", ".join(texts[:5]))
                info = archive.getinfo(texts[0])
                if info.flag_bits & 0x1:
                    raise InputError.keyed("err.zip_encrypted", file=self.name)
                _check_growth(info.file_size, info.compress_size, self.name)  # what the archive declares
                try:
                    stream = archive.open(info)
                except (NotImplementedError, RuntimeError, zipfile.BadZipFile) as exc:
                    raise InputError.keyed("err.archive_bad", file=self.name, detail=_first_line(exc)) from None
                self.tmp = _spill(stream, self.name, info.compress_size)
            return self.tmp
        return self.path

    def __exit__(self, *exc) -> None:
        if self.tmp is not None:
            self.tmp.unlink(missing_ok=True)


def _check_growth(unpacked: int, packed: int, name: str) -> None:
    limit = max_unpacked_bytes()
    if unpacked > limit:
        raise InputError.keyed("err.unpacked_too_big", file=name, limit=_size_text(limit))
    ratio = max_ratio()
    if unpacked > RATIO_FLOOR and unpacked > ratio * max(packed, 1):
        raise InputError.keyed("err.ratio_too_high", file=name, ratio=f"{ratio:g}")


def _spill(stream, name: str = "", packed_size: int = 0) -> Path:
    """Copy an archive member to a temporary file, checking its growth at every megabyte."""
    out = tempfile.NamedTemporaryFile(delete=False, suffix=".csv")
    written = 0
    try:
        with stream, out:
            while chunk := stream.read(1 << 20):
                written += len(chunk)
                _check_growth(written, packed_size, name)
                out.write(chunk)
    except EOFError:
        Path(out.name).unlink(missing_ok=True)
        raise InputError.keyed("err.gz_truncated", file=name) from None
    except (zlib.error, gzip.BadGzipFile, zipfile.BadZipFile) as exc:
        Path(out.name).unlink(missing_ok=True)
        raise InputError.keyed("err.archive_bad", file=name, detail=_first_line(exc)) from None
    except BaseException:
        Path(out.name).unlink(missing_ok=True)
        raise
    return Path(out.name)


def _size_text(size: int) -> str:
    return f"{size / 2**30:g} GB" if size >= 2**30 else f"{size / 2**20:g} MB"


# Two-byte UTF-8 sequences of Latin, Cyrillic and Georgian letters: in a file that is
# not valid UTF-8 as a whole, they mean two encodings were mixed.
_UTF8_LETTER = re.compile(rb"[\xc3-\xc9\xd0-\xd3][\x80-\xbf]|\xe1[\x82\x83][\x80-\xbf]")


def detect_encoding(path: Path, name: str | None = None) -> str:
    """``utf-8-sig``, ``utf-8``, ``utf-16`` (with or without its byte-order mark), ``cp1251`` or ``cp1252``."""
    with open(path, "rb") as f:
        start = f.read(4096)
    if start.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if start.count(b"\x00") > len(start) // 4:  # UTF-16 written without its byte-order mark
        return "utf-16-le" if start[1::2].count(b"\x00") > start[0::2].count(b"\x00") else "utf-16-be"
    decoder = codecs.getincrementaldecoder("utf-8")()
    sample = b""
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                decoder.decode(chunk)
                if len(sample) < SNIFF_BYTES:
                    sample += chunk[: SNIFF_BYTES - len(sample)]
            decoder.decode(b"", final=True)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    with open(path, "rb") as f:
        sample = f.read(SNIFF_BYTES)
    letters_in_utf8 = _UTF8_LETTER.findall(sample)
    cyrillic = sum(1 for pair in letters_in_utf8 if pair[0] in (0xD0, 0xD1, 0xD2, 0xD3))
    # a chance pair such as "Рё" can occur in cp1251 text; Latin or Georgian UTF-8 cannot
    if len(letters_in_utf8) - cyrillic >= 1 or cyrillic >= 2:
        raise InputError.keyed("err.mixed_encoding", file=name or path.name)
    # Russian words are runs of high bytes; in Western text (Café, Müller) a
    # high byte mostly stands alone between ASCII letters.
    letters = [i for i, b in enumerate(sample) if b >= 0xC0]
    in_runs = sum(
        1 for i in letters if (i > 0 and sample[i - 1] >= 0xC0) or (i + 1 < len(sample) and sample[i + 1] >= 0xC0)
    )
    return "cp1251" if letters and in_runs >= 0.5 * len(letters) else "cp1252"


def _as_utf8(path: Path, encoding: str) -> tuple[Path, bool]:
    """A UTF-8 copy of the file (DuckDB reads UTF-8 only); ``(path, is_temporary)``."""
    if encoding == "utf-8":
        return path, False
    out = tempfile.NamedTemporaryFile(delete=False, suffix=".csv", mode="w", encoding="utf-8", newline="")
    with open(path, encoding=encoding, newline="") as src, out:
        shutil.copyfileobj(src, out, length=1 << 20)
    return Path(out.name), True


def sniff_delimiter(lines: list[str]) -> str | None:
    """The separator that splits the sample lines into the same number (> 1) of fields.

    ``None`` means columns aligned with runs of spaces (or a single column).
    """
    best, best_score, best_agrees = None, 0.0, False
    for delimiter in DELIMITERS:
        rows = [row for row in csv.reader(lines, delimiter=delimiter) if row]
        counts = [len(row) for row in rows]
        if not counts:
            continue
        typical = max(set(counts), key=counts.count)
        if typical < 2:
            continue
        score = counts.count(typical) / len(counts) + typical / 1000
        if score > best_score:
            best, best_score, best_agrees = delimiter, score, counts[0] == typical
    # a file with some malformed lines still has its header's field count on most of them
    if best is not None and (best_score >= 0.8 or (best_score >= 0.5 and best_agrees)):
        return best
    return None


def looks_like_header(cells: list[str]) -> bool:
    """A first line is a header when none of its cells looks like a number or a date.

    Column names are words; a line holding a date or an amount is data, even when
    its client is written in letters (``x1,2024-01-05,10.5``).
    """
    filled = [c for c in cells if c is not None and str(c).strip()]
    return bool(filled) and not any(_NUMBER_OR_DATE.match(str(c)) for c in filled)


def _read_text(path: Path, name: str) -> RawTable:
    encoding = detect_encoding(path, name)
    utf8_path, temporary = _as_utf8(path, "utf-8" if encoding == "utf-8-sig" else encoding)
    try:
        with open(utf8_path, encoding="utf-8-sig", newline="") as f:
            head = [line for line in (f.readline() for _ in range(200)) if line.strip()]
        if not head:
            raise InputError.keyed("err.empty_file", file=name)
        delimiter = sniff_delimiter(head)
        malformed: list = []
        if delimiter is None and len(head[0].split()) > 1:
            table, has_header = _read_aligned(utf8_path, head)
            con, rows = _held(table)
            del table
        elif delimiter is None:
            raise InputError.keyed("err.single_column", file=name)
        else:
            con, rows, has_header, malformed = _read_delimited(utf8_path, head, delimiter)
    finally:
        if temporary:
            utf8_path.unlink(missing_ok=True)
    columns = [c for c in con.table("raw").columns if c != ROW]
    if delimiter and len(malformed) > MALFORMED_SHARE * (rows + len(malformed)):
        con.close()
        raise InputError.keyed(
            "err.malformed",
            file=name,
            bad=f"{len(malformed):,}",
            rows=f"{rows + len(malformed):,}",
            example=malformed[0][1],
        )
    return RawTable(
        name, con, columns, has_header, rows, encoding=encoding, delimiter=delimiter or "spaces", malformed=malformed
    )


def _read_delimited(path: Path, head: list[str], delimiter: str) -> tuple[duckdb.DuckDBPyConnection, int, bool, list]:
    """The cells of a delimited file (a private connection holding them as ``raw``, and their count),
    whether it has a header, and the lines with more or fewer fields than the header.

    DuckDB's reader writes the file straight into a table of that connection, within its memory
    bound; ``raw`` is a view over it that names the columns and numbers the rows. A line whose
    field count differs from the header's is never loaded shifted: the reader sets it aside
    (``store_rejects``) with its row number — counted as a spreadsheet counts rows, so a quoted
    field holding a line break stays one row — and the reason names the likely cause.
    """
    first = next(csv.reader(head[:1], delimiter=delimiter))
    has_header = looks_like_header(first)
    con = private()
    try:
        con.execute(
            "CREATE TABLE cells AS SELECT * FROM read_csv(?, delim = ?, header = ?, all_varchar = true, "
            "quote = '\"', escape = '\"', strict_mode = true, null_padding = false, store_rejects = true, "
            "encoding = 'utf-8', sample_size = -1)",
            [str(path), delimiter, has_header],
        )
        rejects = con.execute(
            "SELECT line, error_type, csv_line, error_message FROM reject_errors ORDER BY line"
        ).fetchall()
        read = con.table("cells").columns
        rows = con.execute("SELECT count(*) FROM cells").fetchall()[0][0]
        if not has_header:
            names = [f"column {i + 1}" for i in range(len(read))]
        else:
            names = _unique([_clean_header(c, i) for i, c in enumerate(first if len(first) == len(read) else read)])
        malformed = _malformed_lines(rejects, len(read))
        first_line = 2 if has_header else 1
        skipped = [row for row, _, _ in malformed] + _blank_lines(path)
        _number_rows(con, read, names, first_line, [row for row in skipped if row >= first_line])
    except BaseException:
        con.close()
        raise
    return con, rows, has_header, malformed


BLANK_SCAN_BYTES = 16 * 2**20
_TWO_LINE_ENDS = re.compile(rb"\n\r?\n")


def _blank_lines(path: Path) -> list[int]:
    """The numbers of the empty lines of a delimited file, counted as its rows are.

    The reader steps over an empty line without a word, but a spreadsheet counts it as a row,
    so the rows after it are numbered past it. A line break inside a quoted field ends no row.
    Most files have no empty line: one pass looks for two line ends in a row (``\\n\\n`` or
    ``\\n\\r\\n``), and only then are the line ends outside quotes counted.
    """
    with open(path, "rb") as f:
        found, tail = False, b""
        while not found and (chunk := f.read(BLANK_SCAN_BYTES)):
            text = tail + chunk
            found = _TWO_LINE_ENDS.search(text) is not None
            tail = text[-2:]
    if not found:
        return []
    blank: list[int] = []
    rows, quotes, previous, last_byte = 0, 0, -1, b"\n"  # row ends, quotes, the last row's end, byte
    offset = 0
    with open(path, "rb") as f:
        while chunk := f.read(BLANK_SCAN_BYTES):
            data = np.frombuffer(last_byte + chunk, dtype=np.uint8)  # [0]: the byte before the chunk
            at_quote = np.flatnonzero(data[1:] == 0x22)
            breaks = np.flatnonzero(data[1:] == 0x0A)
            # a line end ends a row when the quotes before it are even in number
            ends = breaks[(quotes + np.searchsorted(at_quote, breaks)) % 2 == 0]
            gaps = np.diff(ends + offset, prepend=previous)
            empty = (gaps == 1) | ((gaps == 2) & (data[ends] == 0x0D))  # data[e]: the byte before end e
            blank.extend((rows + np.flatnonzero(empty) + 1).tolist())
            rows += len(ends)
            quotes += len(at_quote)
            if len(ends):
                previous = int(ends[-1]) + offset
            offset += len(chunk)
            last_byte = chunk[-1:]
    return blank


def _number_rows(
    con: duckdb.DuckDBPyConnection, read: list[str], names: list[str], first_line: int, skipped: list[int]
) -> None:
    """Create ``raw``: the read columns of ``cells`` under their names, each row numbered as in the file.

    Rows are numbered from ``first_line`` in the order read, stepping over the
    ``skipped`` line numbers (the malformed lines the reader set aside): the k-th
    row read is ``first_line + k`` plus how many skipped lines come at or before it.
    """
    columns = ", ".join(f"{quote_ident(r)} AS {quote_ident(n)}" for r, n in zip(read, names, strict=True))
    row = quote_ident(ROW)
    if not skipped:
        con.execute(f"CREATE VIEW raw AS SELECT {columns}, rowid + {int(first_line)} AS {row} FROM cells")
        return
    # The j-th skipped line (0-based) m_j is passed once m_j - first_line - j rows have been read.
    ordered = sorted(skipped)
    steps = pa.table(
        {
            "after": [line - first_line - j for j, line in enumerate(ordered)],
            "passed": list(range(1, len(ordered) + 1)),
        }
    )
    con.register("steps", steps)
    con.execute("CREATE TABLE skipped AS SELECT after, max(passed) AS passed FROM steps GROUP BY after")
    con.unregister("steps")
    con.execute(
        f"CREATE VIEW raw AS SELECT {columns}, c.rowid + {int(first_line)} + coalesce(s.passed, 0) AS {row} "
        "FROM cells c ASOF LEFT JOIN skipped s ON c.rowid >= s.after"
    )


def _malformed_lines(rejects: list[tuple], width: int) -> list[tuple[int, str, str]]:
    """The reader's rejected lines as ``(row, reason, line)``, one entry per row."""
    seen: dict[int, tuple[int, str, str]] = {}
    for line, kind, text, message in rejects:
        if line in seen:
            continue
        found = re.search(r"Found:?\s*(\d+)", message or "")
        fields = int(found.group(1)) if found else None
        number = f"{int(line):,}"
        if kind in ("TOO MANY COLUMNS", "MISSING COLUMNS") and fields is not None:
            key = "setaside.too_many_fields" if fields > width else "setaside.too_few_fields"
            reason = t(key, line=number, fields=fields, width=width)
        else:
            reason = t("setaside.unreadable_line", line=number, detail=(message or kind).splitlines()[0])
        seen[int(line)] = (int(line), reason, (text or "")[:2000])
    return sorted(seen.values())


def _read_aligned(path: Path, head: list[str]) -> tuple[pa.Table, bool]:
    has_header = looks_like_header(head[0].split())
    frame = pd.read_csv(
        path, sep=r"\s+", header=0 if has_header else None, dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )
    if has_header:
        frame.columns = [_clean_header(c, i) for i, c in enumerate(frame.columns)]
    else:
        frame.columns = [f"column {i + 1}" for i in range(frame.shape[1])]
    # Numbered as the file's lines: the splitter steps over blank ones, a spreadsheet counts them.
    with open(path, encoding="utf-8-sig", newline="") as f:
        filled = [number for number, line in enumerate(f, start=1) if line.strip()]
    numbers = filled[1:] if has_header else filled
    if len(numbers) != len(frame):  # a quoted line break: count as the splitter did
        first_line = 2 if has_header else 1
        numbers = list(range(first_line, first_line + len(frame)))
    frame[ROW] = numbers
    return pa.Table.from_pandas(frame, preserve_index=False), has_header


def _clean_header(name, index: int) -> str:
    text = str(name).replace("\ufeff", "").strip()
    return text or f"column {index + 1}"


# -- Excel -------------------------------------------------------------------------


def _read_excel(path: Path, name: str, sheet: str | None) -> RawTable:
    import fastexcel

    workbook = _workbook(path, name)
    sheets = list(workbook.sheet_names)
    if sheet is None:
        sheet = sheets[0] if sheets else None
    if sheet not in sheets:
        raise InputError.keyed("err.no_sheet", file=name, sheet=sheet, sheets=", ".join(sheets))
    try:
        # Every cell as text, typed cells written out by the reader (no Python object per cell),
        # from the sheet's first row (skip_rows=0), so a row's number is the one Excel shows.
        cells = workbook.load_sheet(sheet, header_row=None, skip_rows=0, dtypes="string").to_arrow()
    except fastexcel.FastExcelError as exc:
        raise _not_excel(exc, name) from None
    texts = [_canonical_cells(column) for column in cells.columns]
    del cells
    filled = functools.reduce(pc.or_, [pc.is_valid(column) for column in texts]) if texts else pa.array([], pa.bool_())
    start = pc.index(filled, True).as_py()
    if start < 0:
        raise InputError.keyed("err.empty_sheet", file=name, sheet=sheet)
    first = [column[start].as_py() for column in texts]
    has_header = looks_like_header(first)
    if has_header:
        columns = _unique([_clean_header(c if c is not None else "", i) for i, c in enumerate(first)])
        skip, first_line = start + 1, start + 2
    else:
        columns = [f"column {i + 1}" for i in range(len(texts))]
        skip, first_line = start, start + 1
    arrays = {column: values.slice(skip) for column, values in zip(columns, texts, strict=True)}
    arrays[ROW] = pa.array(np.arange(first_line, first_line + len(filled) - skip, dtype=np.int64))
    del texts
    table = pa.table(arrays)
    if not pc.all(filled.slice(skip)).as_py():
        table = table.filter(filled.slice(skip))  # a blank row holds nothing, as a CSV's blank line
    con, count = _held(table)
    return RawTable(name, con, columns, has_header, count, sheet=sheet, sheets=sheets)


# How the reader writes typed cells, and the canonical text they are read as: a date
# without its midnight, a time of day without Excel's day zero, TRUE/FALSE in capitals,
# no negative zero, an empty text as an empty cell. Whole numbers come without ".0"
# already (a client id a spreadsheet turned into 13085.0 reads 13085), no number is written
# with an exponent, and a number is written to 9 decimals (the store keeps 4). A text cell
# written the same way reads the same value, so nothing a column means changes.
# Each rule: a cheap test whether a column may hold such a cell, then the rewrite.
_WRITTEN_WORDS = pa.array(["", "true", "false", "-0"])
_CANONICAL_WORDS = pa.array([None, "TRUE", "FALSE", "0"], pa.string())
_TYPED_TEXT = (
    (lambda c: pc.ends_with(c, " 00:00:00"), r"^(\d{4}-\d{2}-\d{2}) 00:00:00$", r"\1"),
    (lambda c: pc.starts_with(c, "1899-12-3"), r"^1899-12-3[01]$", "00:00:00"),
    (lambda c: pc.starts_with(c, "1899-12-3"), r"^1899-12-3[01] (\d{2}:\d{2}:\d{2}(\.\d+)?)$", r"\1"),
)


def _canonical_cells(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """One column of a sheet, as the reader wrote it, in canonical text (None for an empty cell)."""
    word = pc.index_in(column, value_set=_WRITTEN_WORDS)
    if pc.any(pc.is_valid(word)).as_py():
        column = pc.if_else(pc.is_valid(word), pc.take(_CANONICAL_WORDS, word), column)
    for may_hold, pattern, replacement in _TYPED_TEXT:
        if pc.any(may_hold(column)).as_py():
            column = pc.replace_substring_regex(column, pattern=pattern, replacement=replacement)
    return column


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for n in names:
        if n in seen:
            seen[n] += 1
            out.append(f"{n} ({seen[n]})")
        else:
            seen[n] = 1
            out.append(n)
    return out


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def spill_upload(data: bytes | io.IOBase, suffix: str) -> Path:
    """Write an uploaded file to a temporary path (DuckDB reads files, not streams).

    A file object is copied a megabyte at a time from its start, so a large
    upload is never a second whole copy in memory.
    """
    with tempfile.NamedTemporaryFile(delete=False, suffix=suffix) as out:
        if isinstance(data, bytes):
            out.write(data)
        else:
            data.seek(0)
            shutil.copyfileobj(data, out, length=1 << 20)
    return Path(out.name)
