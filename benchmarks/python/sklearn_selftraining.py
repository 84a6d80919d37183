#!/usr/bin/python3
"""scikit-learn counterpart of `SelfTraining.Core mnist` (issue 3).

Reads the MNIST-10k IDX files embedded in src/MLNet.SelfTraining.SampleData/Mnist10k, builds the SAME split as
MnistSplit.Canonical or MnistSplit.Random (--split canonical | random:SEED; mnist10k.py), and runs

    SelfTrainingClassifier(LogisticRegression(C=1, max_iter=100), threshold=0.75, max_iter=10)

plus the supervised LogisticRegression alone. Every (k, repeat) runs in its own child process so the peak RSS
(resource.getrusage ru_maxrss) is per run. Prints markdown and optionally writes JSON (--output).

Run with Debian's interpreter: /usr/bin/python3 (python3-sklearn, OpenBLAS via libopenblas0-openmp).
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import warnings

import numpy as np

import mnist10k
import results


def load_features():
    images, labels = mnist10k.load()
    return images.reshape(len(images), -1).astype(np.float32) / 255.0, labels  # as MnistData: byte / 255


def blas_info():
    try:
        import threadpoolctl
        import scipy.linalg  # noqa: F401  (loads LAPACK so it is listed)
        return [{key: lib.get(key) for key in ("internal_api", "version", "threading_layer", "num_threads", "filepath")}
                for lib in threadpoolctl.threadpool_info()]
    except ImportError:
        return [{"note": "threadpoolctl not installed"}]


def run_one(k, c, lr_iter, threshold, iterations, split):
    """One run (child process): supervised LR, then self-training; timings exclude data loading."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.semi_supervised import SelfTrainingClassifier

    warnings.filterwarnings("ignore", category=ConvergenceWarning)
    x, y = load_features()
    test, labeled, unlabeled = mnist10k.split(y, k, split)

    snapshots = []

    class RecordingLogisticRegression(LogisticRegression):
        """Keeps a copy of the weights after every fit, to measure test accuracy per round after the clock."""

        def fit(self, X, y, sample_weight=None):
            super().fit(X, y, sample_weight)
            snapshots.append((self.coef_.copy(), self.intercept_.copy(), self.classes_.copy()))
            return self

    def accuracy(coef, intercept, classes):
        return float(np.mean(classes[np.argmax(x[test] @ coef.T + intercept, axis=1)] == y[test]))

    start = time.perf_counter()
    supervised = LogisticRegression(C=c, max_iter=lr_iter).fit(x[labeled], y[labeled])
    supervised_seconds = time.perf_counter() - start
    supervised_accuracy = float(np.mean(supervised.predict(x[test]) == y[test]))

    train = np.concatenate([labeled, unlabeled])
    y_train = np.concatenate([y[labeled], np.full(len(unlabeled), -1)])
    model = SelfTrainingClassifier(RecordingLogisticRegression(C=c, max_iter=lr_iter), threshold=threshold, max_iter=iterations)
    start = time.perf_counter()
    model.fit(x[train], y_train)
    fit_seconds = time.perf_counter() - start
    peak_mib = results.peak_rss_mib()

    labeled_iter = model.labeled_iter_[len(labeled):]
    transduction = model.transduction_[len(labeled):]
    truth = y[unlabeled]
    rounds = []
    for r in range(1, model.n_iter_ + 1):
        new = labeled_iter == r
        so_far = (labeled_iter >= 1) & (labeled_iter <= r)
        # The student of round r is the fit after the pseudo labels of round r were added: snapshot r.
        student = snapshots[r] if r < len(snapshots) else snapshots[-1]
        rounds.append({
            "round": r,
            "selected": int(new.sum()),
            "pseudoLabeled": int(so_far.sum()),
            "pseudoLabelAccuracy": float(np.mean(transduction[so_far] == truth[so_far])) if so_far.any() else None,
            "studentTestAccuracy": accuracy(*student),
        })

    return {
        "split": split,
        "labeled": k,
        "unlabeled": int(len(unlabeled)),
        "supervisedAccuracy": supervised_accuracy,
        "supervisedSeconds": supervised_seconds,
        "teacherAccuracy": accuracy(*snapshots[0]),
        "studentAccuracy": float(np.mean(model.predict(x[test]) == y[test])),
        "stopReason": model.termination_condition_,
        "iterations": int(model.n_iter_),
        "fits": len(snapshots),
        "fitSeconds": fit_seconds,
        "peakRssMiB": peak_mib,
        "rounds": rounds,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labeled", "-k", type=int, nargs="+", default=[100, 250, 1000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--c", type=float, default=1.0, help="LogisticRegression C (ML.NET L2 = 1/C)")
    parser.add_argument("--lr-iter", type=int, default=100, help="LogisticRegression max_iter (lbfgs)")
    parser.add_argument("--threshold", type=float, default=0.75)
    parser.add_argument("--iterations", type=int, default=10, help="SelfTrainingClassifier max_iter")
    parser.add_argument("--split", default=mnist10k.CANONICAL, help="canonical, or random:SEED (MnistSplit.Random)")
    parser.add_argument("--output", "-o")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.child is not None:
        print("RESULT " + json.dumps(run_one(args.child, args.c, args.lr_iter, args.threshold, args.iterations, args.split)))
        return

    import sklearn
    summaries, raw = [], []
    for k in args.labeled:
        runs = []
        for r in range(args.repeats):
            command = [sys.executable, os.path.abspath(__file__), "--child", str(k), "--c", str(args.c),
                       "--lr-iter", str(args.lr_iter), "--threshold", str(args.threshold), "--iterations", str(args.iterations),
                       "--split", args.split]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            result = json.loads([line for line in out.splitlines() if line.startswith("RESULT ")][-1][len("RESULT "):])
            print(f"  sklearn k={k} run {r + 1}: supervised {result['supervisedAccuracy']:.2%}, student {result['studentAccuracy']:.2%}, "
                  f"{result['fitSeconds']:.1f} s, {result['peakRssMiB']:.0f} MiB", file=sys.stderr)
            runs.append(result)
        raw.extend(runs)
        first = runs[0]
        summaries.append({
            "split": args.split, "labeled": k, "unlabeled": first["unlabeled"], "repeats": len(runs),
            "supervisedAccuracy": statistics.median(r["supervisedAccuracy"] for r in runs),
            "teacherAccuracy": statistics.median(r["teacherAccuracy"] for r in runs),
            "studentAccuracy": statistics.median(r["studentAccuracy"] for r in runs),
            "supervisedSecondsMedian": statistics.median(r["supervisedSeconds"] for r in runs),
            "fitSecondsMedian": statistics.median(r["fitSeconds"] for r in runs),
            "fitSecondsMin": min(r["fitSeconds"] for r in runs),
            "fitSecondsMax": max(r["fitSeconds"] for r in runs),
            "peakRssMiBMedian": statistics.median(r["peakRssMiB"] for r in runs),
            "stopReason": first["stopReason"], "iterations": first["iterations"], "rounds": first["rounds"],
        })

    env = {
        "python": sys.version.split()[0], "numpy": np.__version__, "sklearn": sklearn.__version__, "blas": blas_info(),
        "estimator": f"SelfTrainingClassifier(LogisticRegression(C={args.c}, max_iter={args.lr_iter}), "
                     f"threshold={args.threshold}, max_iter={args.iterations})",
    }
    print_markdown(summaries, env, args.split)
    if args.output:
        results.write(args.output, {"environment": env, "summaries": summaries, "raw": raw})


def print_markdown(summaries, env, split):
    blas = ", ".join(f"{b.get('internal_api')} {b.get('version')} ({b.get('threading_layer')}, {b.get('num_threads')} threads)"
                     for b in env["blas"] if b.get("internal_api") != "openmp")
    print(f"### scikit-learn {env['sklearn']} on MNIST-10k (the same {split} split)")
    print()
    print(f"`{env['estimator']}`; numpy {env['numpy']}, BLAS: {blas or 'unknown'}.")
    print()
    print("| k | Unlabeled | Supervised LR acc | Student acc | Δ (pt) | Fit s, median [min–max] | Supervised fit s | Peak RSS MiB | Iterations (stop) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for s in summaries:
        print(f"| {s['labeled']} | {s['unlabeled']} | {100 * s['supervisedAccuracy']:.2f}% | {100 * s['studentAccuracy']:.2f}% | "
              f"{100 * (s['studentAccuracy'] - s['supervisedAccuracy']):+.2f} | {s['fitSecondsMedian']:.1f} "
              f"[{s['fitSecondsMin']:.1f}–{s['fitSecondsMax']:.1f}] | {s['supervisedSecondsMedian']:.2f} | {s['peakRssMiBMedian']:.0f} | "
              f"{s['iterations']} ({s['stopReason']}) |")
    rounds = max((len(s["rounds"]) for s in summaries), default=0)
    print()
    print("Round-by-round test accuracy (%; R0 = supervised), and pseudo labels so far @ their accuracy, first repeat:")
    print()
    print("| k | R0 |" + "".join(f" R{r} |" for r in range(1, rounds + 1)))
    print("|---:|---:|" + "---:|" * rounds)
    for s in summaries:
        cells = "".join(f" {100 * x['studentTestAccuracy']:.2f} ({x['pseudoLabeled']} @ {100 * (x['pseudoLabelAccuracy'] or float('nan')):.1f}) |"
                        for x in s["rounds"])
        print(f"| {s['labeled']} | {100 * s['teacherAccuracy']:.2f} |{cells}" + " |" * (rounds - len(s["rounds"])))


if __name__ == "__main__":
    main()
