"""The benchmark in one command: ``python -m bench.run --size 1M [--size 10M] [--repeats 3] [--keep DIR]``.

For each size it writes (or, with ``--keep``, reuses) the synthetic export of
``bench.generate`` — CSV, XLSX up to 1M lines, and the 10k-line fresh export —
and the bench store (the CSV ingested by the product), then runs every step of
``bench.steps`` in a process of its own and prints one markdown table per size
(also written with ``--markdown``; everything as JSON with ``--json``): the
median over the rounds, the reference it is compared with, the ratio, the
issue's target and whether it is met. ``--repeats`` rounds run every step once
each, round-robin, so a step and its reference run close together in time and
a change in the machine's load falls on both. A step that fails (an error, an
error box on a page) is reported as failed and the command exits 1.

``--steps`` picks what runs: groups ``ingest`` (CSV and XLSX ingest and their
raw references), ``upload`` (the fresh export into the bench store and into an
empty one), ``views`` (every view's slider move and the pandas references),
``pages`` (each main page under AppTest), or single steps (``grid``,
``page:churn`` …). Default: all of them.

The bench store is named after a fingerprint of ``core/`` (its Python and SQL),
so a kept store built by other code is never measured by mistake: changing
``core`` builds a new one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # ``python bench/run.py`` as well as ``python -m bench.run``
    sys.path.insert(0, str(ROOT))

from bench import generate  # noqa: E402
from bench.steps import PAGES  # noqa: E402

GROUPS = {
    "ingest": ["raw_csv", "ingest_csv", "raw_xlsx", "ingest_xlsx"],
    "upload": ["upload_empty", "upload_large"],
    "views": [
        "pandas_grid",
        "pandas_churn",
        "grid",
        "migration",
        "concentration",
        "churn",
        "winback",
        "managers",
        "dossier",
    ],
    "pages": [f"page:{name}" for name in PAGES],
}
NEEDS_STORE = set(GROUPS["upload"]) | set(GROUPS["views"][2:]) | set(GROUPS["pages"])
XLSX_STEPS = {"raw_xlsx", "ingest_xlsx"}
GIGABYTE_FROM = 10_000_000  # the peak-memory target is stated for the 10M-line ingest

# (what, step, reference step(s), kind, limit): kind "ratio" is step ÷ reference ≤ limit,
# "speedup" reference ÷ step ≥ limit, "peak" the step's peak memory in MB ≤ limit,
# "seconds" the step's own median ≤ limit.
TARGETS = [
    ("CSV ingest", "ingest_csv", ("raw_csv",), "ratio", 1.5),
    ("CSV ingest, peak memory", "ingest_csv", (), "peak", 1024),
    ("XLSX ingest", "ingest_xlsx", ("raw_xlsx",), "ratio", 1.2),
    ("10k-line upload into the bench store", "upload_large", ("upload_empty",), "ratio", 1.5),
    ("grid (abcxyz), window moved", "grid", ("pandas_grid",), "speedup", 25),
    ("migration, window moved", "migration", ("pandas_grid",), "speedup", 25),
    ("concentration with trend, window moved", "concentration", ("pandas_grid",), "speedup", 25),
    ("churn, L moved", "churn", ("pandas_churn",), "speedup", 25),
    ("win-back list, L moved", "winback", ("pandas_churn",), "speedup", 25),
    ("managers' portfolios, L moved", "managers", ("pandas_grid", "pandas_churn"), "speedup", 25),
    ("dossier of the biggest client, window moved", "dossier", ("pandas_grid",), "speedup", 25),
    *[(f"page {name}, slider moved (AppTest rerun)", f"page:{name}", (), "seconds", 0.3) for name in PAGES],
]
REFERENCE_NAMES = {
    "raw_csv": "raw DuckDB read_csv → table",
    "raw_xlsx": "raw {xlsx_reader} → Arrow",
    "upload_empty": "same upload, empty store",
    "pandas_grid": "pandas grid",
    "pandas_churn": "pandas loss count",
}


def code_fingerprint() -> str:
    """A short hash of everything under ``core/`` that can change what the store holds."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "core").rglob("*")):
        if path.suffix in (".py", ".sql"):
            digest.update(path.relative_to(ROOT).as_posix().encode() + path.read_bytes())
    return digest.hexdigest()[:10]


def selected_steps(items: list[str], lines: int) -> list[str]:
    wanted: list[str] = []
    for item in items:
        for part in item.split(","):
            part = part.strip()
            if not part:
                continue
            names = GROUPS.get(part, [part])
            for name in names:
                known = name in GROUPS["pages"] or any(name in group for group in GROUPS.values())
                if not known:
                    raise SystemExit(f"unknown step {name!r}; groups: {', '.join(GROUPS)}")
                if name not in wanted:
                    wanted.append(name)
    order = [name for group in GROUPS.values() for name in group]
    wanted.sort(key=order.index)
    if lines > generate.XLSX_MAX_LINES:
        wanted = [name for name in wanted if name not in XLSX_STEPS]
    return wanted


def run_step(name: str, ctx: dict, timeout: float) -> dict:
    """One step in a process of its own; its JSON answer, or ``{"error": ...}``."""
    step, _, page = name.partition(":")
    payload = dict(ctx, page=page) if page else ctx
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.steps", step, json.dumps(payload)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout:.0f} s"}
    wall = time.perf_counter() - started
    if done.returncode != 0:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        return {"error": lines[-1] if lines else f"exit status {done.returncode}"}
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["median"] = statistics.median(result["seconds"])
    result["wall"] = wall
    return result


def prepare(folder: Path, size: str, lines: int, seed: int, steps: list[str]) -> dict:
    """The export files of this size (written when missing) and where the bench store goes."""
    files = {
        "csv": folder / f"sales_{size}.csv",
        "fresh": folder / f"fresh_{size}.csv",
        "xlsx": folder / f"sales_{size}.xlsx",
    }
    made = {}
    if not files["csv"].exists():
        started = time.perf_counter()
        generate.write_export(files["csv"], lines, seed=seed)
        made["csv_seconds"] = time.perf_counter() - started
    if not files["fresh"].exists():
        generate.write_fresh(files["fresh"], lines, seed=seed)
    if XLSX_STEPS & set(steps) and not files["xlsx"].exists():
        started = time.perf_counter()
        generate.write_xlsx(files["csv"], files["xlsx"])
        made["xlsx_seconds"] = time.perf_counter() - started
    work = folder / "work"
    work.mkdir(exist_ok=True)
    return {
        **{key: str(path) for key, path in files.items()},
        "store": str(folder / f"store_{size}_{code_fingerprint()}.duckdb"),
        "work": str(work),
        "csv_mb": files["csv"].stat().st_size / 1e6,
        "xlsx_mb": files["xlsx"].stat().st_size / 1e6 if files["xlsx"].exists() else None,
        "generated": made,
    }


def run_size(size: str, args, folder: Path) -> dict:
    lines = generate.line_count(size)
    steps = selected_steps(args.steps, lines)
    folder.mkdir(parents=True, exist_ok=True)
    ctx = prepare(folder, size, lines, args.seed, steps)
    results: dict[str, list[dict]] = {name: [] for name in steps}
    print(f"== {size}: {lines:,} lines, {ctx['csv_mb']:,.0f} MB CSV, steps: {', '.join(steps)}", flush=True)
    # Round-robin: every step once per round, so a step and its reference run close together in
    # time and a change in the machine's load falls on both.
    for round_number in range(args.repeats):
        for name in steps:
            if name in NEEDS_STORE and not Path(ctx["store"]).exists():
                print("   building the bench store …", flush=True)
                built = run_step("build_store", dict(ctx, repeats=1), args.timeout)
                if "error" in built:
                    raise SystemExit(f"the bench store could not be built: {built['error']}")
            if results[name] and "error" in results[name][-1]:
                continue
            if name in GROUPS["ingest"] and round_number >= args.ingest_rounds:
                continue
            step_ctx = dict(ctx, repeats=args.moves, round=round_number, timeout=args.timeout)
            results[name].append(run_step(name, step_ctx, args.timeout))
            print(f"   {round_number + 1}/{args.repeats} {name:<20} {_summary(results[name][-1])}", flush=True)
    combined = {name: combine(runs) for name, runs in results.items()}
    return {"lines": lines, "clients": generate.clients_for(lines), **ctx, "steps": combined}


def combine(runs: list[dict]) -> dict:
    """The runs of one step as one result: every timing, their median, the highest peak."""
    failed = [run for run in runs if "error" in run]
    if failed:
        return failed[0]
    seconds = [s for run in runs for s in run["seconds"]]
    result = {"seconds": seconds, "median": statistics.median(seconds), "note": runs[0]["note"]}
    result["peak_mb"] = max(run["peak_mb"] for run in runs)
    firsts = [run["first"] for run in runs if "first" in run]
    if firsts:
        result["first"] = statistics.median(firsts)
    return result


def _summary(result: dict) -> str:
    if "error" in result:
        return "FAILED: " + result["error"]
    first = f", first {duration(result['first'])}" if "first" in result else ""
    return f"median {duration(result['median'])}{first}, peak {result['peak_mb']:,.0f} MB"


def duration(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:,.0f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def evaluate(size_result: dict, xlsx_reader: str) -> list[dict]:
    """One row per target: the figure, its reference, the ratio and met / missed."""
    steps, rows = size_result["steps"], []
    for what, step, references, kind, limit in TARGETS:
        result = steps.get(step)
        if result is None:
            continue
        row = {"what": what, "step": step, "kind": kind, "limit": limit, "median": result.get("median")}
        row["first"], row["peak_mb"], row["note"] = result.get("first"), result.get("peak_mb"), result.get("note")
        refs = [steps.get(r) for r in references]
        if "error" in result or any(r is not None and "error" in r for r in refs):
            failed = result if "error" in result else next(r for r in refs if r is not None and "error" in r)
            rows.append(row | {"result": "failed", "error": failed["error"]})
            continue
        if kind == "peak":
            row["median"] = None
            row["value"] = result["peak_mb"]
            applies = size_result["lines"] >= GIGABYTE_FROM
            row["result"] = ("met" if row["value"] <= limit else "missed") if applies else "n/a below 10M"
        elif kind == "seconds":
            row["value"] = result["median"]
            row["result"] = "met" if row["value"] <= limit else "missed"
        elif any(r is None for r in refs):
            row["result"] = "no reference run"
        else:
            reference = sum(r["median"] for r in refs)
            row["reference"] = reference
            row["reference_name"] = " + ".join(REFERENCE_NAMES[r] for r in references).format(xlsx_reader=xlsx_reader)
            row["value"] = result["median"] / reference if kind == "ratio" else reference / result["median"]
            good = row["value"] <= limit if kind == "ratio" else row["value"] >= limit
            row["result"] = "met" if good else "missed"
        rows.append(row)
    return rows


def target_text(kind: str, limit: float) -> str:
    return {
        "ratio": f"≤ {limit:g}×",
        "speedup": f"≥ {limit:g}× faster",
        "peak": f"≤ {limit / 1024:g} GB at 10M",
        "seconds": f"≤ {limit * 1000:g} ms",
    }[kind]


def value_text(row: dict) -> str:
    if "value" not in row:
        return "—"
    if row["kind"] == "ratio":
        return f"{row['value']:.2f}×"
    if row["kind"] == "speedup":
        return f"{row['value']:.2f}× faster"
    if row["kind"] == "peak":
        return f"{row['value']:,.0f} MB"
    return duration(row["value"])


def markdown(size: str, size_result: dict, rows: list[dict]) -> str:
    xlsx = size_result.get("xlsx_mb")
    lines = [
        f"### {size}: {size_result['lines']:,} lines, ~{size_result['clients']:,} clients, "
        f"{size_result['csv_mb']:,.0f} MB CSV" + (f", {xlsx:,.0f} MB XLSX" if xlsx else ""),
        "",
        "| what | median | first call | reference (median) | ratio | target | result | peak MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        reference = (
            f"{row['reference_name']} ({duration(row['reference'])})" if row.get("reference") is not None else "—"
        )
        result = row["result"] + (f": {row['error']}" if row.get("error") else "")
        peak = f"{row['peak_mb']:,.0f}" if row.get("peak_mb") else "—"
        lines.append(
            f"| {row['what']} | {duration(row['median'])} | {duration(row['first'])} | {reference} | "
            f"{value_text(row)} | {target_text(row['kind'], row['limit'])} | **{result}** | {peak} |"
        )
    return "\n".join(lines) + "\n"


def machine(load_before: tuple) -> dict:
    import duckdb
    import pandas
    import streamlit

    from bench.reference import xlsx_reader

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "core"], cwd=ROOT, capture_output=True, text=True)
    memory = next((line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if "MemTotal" in line), 0)
    return {
        "date": datetime.now().isoformat(timespec="minutes"),
        "cores": os.cpu_count(),
        "memory_gb": round(int(memory) / 2**20),
        "cpu": platform.processor() or platform.machine(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "streamlit": streamlit.__version__,
        "xlsx_reader": xlsx_reader(),
        "commit": commit.stdout.strip() + (" (core changed)" if dirty.stdout.strip() else ""),
        "core_fingerprint": code_fingerprint(),
    }


def machine_text(info: dict) -> str:
    return (
        f"Machine: {info['cores']} cores ({info['cpu']}), {info['memory_gb']} GB; load average "
        f"{' / '.join(map(str, info['load_before']))} before, {' / '.join(map(str, info['load_after']))} after; "
        f"Python {info['python']}, DuckDB {info['duckdb']}, pandas {info['pandas']}, Streamlit {info['streamlit']}, "
        f"XLSX reference {info['xlsx_reader']}; code {info['commit']} (core {info['core_fingerprint']}); "
        f"{info['date']}."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", help="100k, 1M, 10M or a number of lines (repeatable)")
    parser.add_argument("--repeats", type=int, default=3, help="rounds: every step runs once per round (median)")
    parser.add_argument("--moves", type=int, default=1, help="slider moves timed per view or page run")
    parser.add_argument(
        "--ingest-rounds",
        type=int,
        default=None,
        help="rounds of the ingest steps (default --repeats; 1 at 10M, where one ingest peaks near 21 GB today)",
    )
    parser.add_argument("--steps", action="append", default=None, help="groups or steps, comma-separated")
    parser.add_argument("--keep", help="folder to keep (and reuse) the files and stores in, one subfolder per size")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--timeout", type=float, default=3600, help="seconds one step may take")
    parser.add_argument("--json", help="write every figure here")
    parser.add_argument("--markdown", help="write the tables here")
    args = parser.parse_args(argv)
    args.size = args.size or ["100k"]
    args.steps = args.steps or list(GROUPS)
    args.ingest_rounds = args.repeats if args.ingest_rounds is None else args.ingest_rounds
    load_before = os.getloadavg()
    report: dict = {"sizes": {}}
    temporary = None if args.keep else tempfile.TemporaryDirectory(prefix="kam-bench-")
    base = Path(args.keep) if args.keep else Path(temporary.name)
    try:
        for size in args.size:
            report["sizes"][size] = run_size(size, args, base / size)
    finally:
        if temporary is not None:
            temporary.cleanup()
    report["machine"] = machine(load_before)
    tables = [machine_text(report["machine"]), ""]
    for size, size_result in report["sizes"].items():
        size_result["rows"] = evaluate(size_result, report["machine"]["xlsx_reader"])
        tables.append(markdown(size, size_result, size_result["rows"]))
    text = "\n".join(tables)
    print("\n" + text)
    if args.markdown:
        Path(args.markdown).write_text(text, encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")
    failed = [r for s in report["sizes"].values() for r in s["rows"] if r["result"] == "failed"]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
