#!/usr/bin/env python3
"""Analyse a corpus of seed files on a Dask cluster.

The corpus is cut into shards with the CLI's own `--shard i/n` (round-robin over the sorted file list, so the
shards are balanced and together cover every file once). Each shard is one Dask task that runs
`seed-annotator analyze <corpus> --jsonl --shard i/n` on whichever worker takes it; the driver writes each
shard's JSON Lines as it arrives. Workers need Node and the CLI, and must see the corpus at the same path (a
shared or replicated folder), as with any Dask job that reads files.

    python3 examples/dask/analyze_corpus.py corpus/ --scheduler tcp://scheduler:8786 > corpus.jsonl
    python3 examples/dask/analyze_corpus.py corpus/ > corpus.jsonl      # no --scheduler: a local cluster

Exit status: 0 ok, 1 some files could not be read (their shard's messages are repeated on stderr; every other
file is still written), 2 a shard failed outright.
"""

import argparse
import os
import shlex
import subprocess
import sys

from distributed import Client, LocalCluster, as_completed, get_worker

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_CLI = "node " + shlex.quote(os.path.join(HERE, "..", "..", "bin", "seed-annotator.js"))


def analyse_shard(cli, corpus, index, count, jobs):
    """Runs on a worker: one shard of the corpus through the CLI, its JSON Lines returned as text."""
    command = cli + ["analyze", *corpus, "--jsonl", "--shard", f"{index}/{count}"]
    if jobs:
        command += ["--jobs", str(jobs)]
    # UTF-8 whatever the worker's locale: names and quotes are rarely ASCII.
    done = subprocess.run(command, capture_output=True, encoding="utf-8")
    if done.returncode not in (0, 1):
        raise RuntimeError(f"shard {index}/{count}: {' '.join(command)} exited {done.returncode}: {done.stderr}")
    try:
        worker = get_worker().address
    except ValueError:
        worker = "local"
    return {"shard": index, "status": done.returncode, "jsonl": done.stdout, "stderr": done.stderr, "worker": worker}


def main(argv):
    parser = argparse.ArgumentParser(description="Analyse seed files on a Dask cluster, one task per shard.")
    parser.add_argument("corpus", nargs="+", help="files or folders, as for `seed-annotator analyze`")
    parser.add_argument("--scheduler", help="address of a running scheduler, e.g. tcp://host:8786 (default: a local cluster)")
    parser.add_argument("--shards", type=int, help="number of tasks (default: two per worker thread)")
    parser.add_argument("--jobs", type=int, help="--jobs for each CLI run (default: the CLI's, one per core)")
    parser.add_argument("--cli", default=DEFAULT_CLI, help=f"command that runs the CLI on the workers (default: {DEFAULT_CLI})")
    parser.add_argument("--wait-for-workers", type=int, default=0, help="wait until this many workers have joined")
    parser.add_argument("--out", help="write the JSON Lines here instead of stdout")
    args = parser.parse_args(argv)

    corpus = [os.path.abspath(path) for path in args.corpus]
    client = Client(args.scheduler) if args.scheduler else Client(LocalCluster(processes=True))
    try:
        if args.wait_for_workers:
            client.wait_for_workers(args.wait_for_workers, timeout=60)
        threads = sum(client.nthreads().values()) or 1
        count = args.shards or 2 * threads
        futures = client.map(analyse_shard, [shlex.split(args.cli)] * count, [corpus] * count,
                             range(1, count + 1), [count] * count, [args.jobs] * count, pure=False)
        out = open(args.out, "w", encoding="utf-8") if args.out else open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)
        status = 0
        workers = set()
        with out:
            for future in as_completed(futures):
                try:
                    result = future.result()
                except Exception as error:  # a shard that failed outright: say which, keep the others
                    print(f"analyze_corpus: {error}", file=sys.stderr)
                    status = 2
                    continue
                out.write(result["jsonl"])
                workers.add(result["worker"])
                sys.stderr.write(result["stderr"])  # unreadable files and sidecar warnings, each naming its file
                if result["status"] != 0:
                    status = max(status, 1)
        print(f"analyze_corpus: {count} shards on {len(workers)} workers", file=sys.stderr)
        return status
    finally:
        client.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
