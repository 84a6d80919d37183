#!/usr/bin/python3
"""Phase files: a question and the runs that answer it (benchmarks/configs/vision/*.json, schema
benchmarks/configs/phase.schema.json). Read here and by benchmarks/SelfTraining.Vision (PhaseFile.cs) alike: the same
expansion (schema defaults, phase defaults, the entry, its matrix) and the same run ids.

    phases.py list PHASE [--quick]   one line per run: id, kind, implementation (run-vision.sh loops over them)
    phases.py path PHASE             the file of a phase name, former name (alias) or path
    phases.py describe               markdown table of the vision phases: question, file, former name, runs

--quick keeps the seed-1 runs (and every throughput run); the runners' --quick shrinks the step counts and the segment
and detect runs' unlabeled and test scenes (shrink()).
"""
import argparse
import glob
import itertools
import json
import os
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
VISION_PHASES = os.path.join(REPO, "benchmarks", "configs", "vision")
SELFTRAIN, THROUGHPUT, SEGMENT, DETECT, FINETUNE = "selftrain", "throughput", "segment", "detect", "finetune"


def read_json(path):
    with open(path) as f:
        return json.load(f)


def phase_files():
    return sorted(glob.glob(os.path.join(VISION_PHASES, "*.json")))


def path_of(name):
    """The phase file of a path, a file name without .json, or an alias."""
    if os.path.isfile(name):
        return name
    for path in phase_files():
        if os.path.basename(path)[:-len(".json")] == name or name in read_json(path).get("aliases", []):
            return path
    raise SystemExit(f"no phase '{name}' in {VISION_PHASES} (by file name or alias)")


def kinds_of(path, phase):
    """The run kinds of the phase's schema ($schema, relative to the phase file): name -> its $defs entry."""
    definitions = read_json(os.path.join(os.path.dirname(path), phase["$schema"]))["$defs"]
    return {name: definitions[name] for name in (SELFTRAIN, THROUGHPUT, SEGMENT, DETECT, FINETUNE)}


def defaults_of(kind):
    return {name: spec["default"] for name, spec in kind["properties"].items() if "default" in spec}


def load(path):
    """The runs of a phase file, in order, each a dict of its settings plus "id"; a run listed twice counts once."""
    phase = read_json(path)
    kinds = kinds_of(path, phase)
    shared = phase.get("defaults", {})
    unknown = [name for name in shared if not any(name in kind["properties"] for kind in kinds.values())]
    if unknown:
        raise ValueError(f"{path}: unknown default settings {unknown}")
    runs = {}
    for entry in phase["runs"]:
        kind = kinds[entry.get("kind", SELFTRAIN)]
        defaults = defaults_of(kind)
        base = dict(defaults)
        base.update({name: value for name, value in shared.items() if name in kind["properties"]})
        base.update({name: value for name, value in entry.items() if name != "matrix"})
        matrix = entry.get("matrix", {})
        for values in itertools.product(*matrix.values()):
            settings = dict(base, **dict(zip(matrix, values)))
            check(path, settings, kind)
            run_id = run_id_of(settings, defaults)
            if runs.setdefault(run_id, settings) != settings:
                raise ValueError(f"{path}: two different runs have the id {run_id}")
    return [dict(settings, id=run_id) for run_id, settings in runs.items()]


def check(path, settings, kind):
    unknown = [name for name in settings if name not in kind["properties"]]
    missing = [name for name in kind["requiredAfterDefaults"] if name not in settings]
    if unknown or missing:
        raise ValueError(f"{path}: a run has unknown settings {unknown} or lacks {missing}: {settings}")


def find(path, run_id):
    """The settings of run run_id of a phase file (id and kind included)."""
    for run in load(path):
        if run["id"] == run_id:
            return run
    raise SystemExit(f"{path} has no run '{run_id}' (phases.py list {path} lists them)")


def parse_run(kind, description):
    """The command line of a PyTorch runner (--config, --run, --quick, --threads, --output): (arguments, settings of
    the chosen run, shrunk with --quick); the run must be a pytorch run of kind."""
    p = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--config", required=True, help="phase file (benchmarks/configs/vision/*.json)")
    p.add_argument("--run", required=True, help="run id (phases.py list FILE lists them)")
    p.add_argument("--quick", action="store_true", help="smoke run: every step count x 3/50 (500 -> 30), one timed repeat")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--output", "-o", help="JSON file for the result")
    a = p.parse_args()
    run = find(a.config, a.run)
    if run["kind"] != kind or run["implementation"] != "pytorch":
        p.error(f"run {a.run} is a {run['implementation']} {run['kind']} run; this script runs pytorch {kind} runs")
    return a, shrink(run) if a.quick else run


def changed(path, run):
    """The settings of a run that differ from the schema's defaults."""
    defaults = defaults_of(kinds_of(path, read_json(path))[run["kind"]])
    return {name for name, value in defaults.items() if run[name] != value}


def shrink(settings):
    """--quick: every step count and the segment and detect runs' unlabeled and test scenes x 3/50 (500 -> 30), one timed repeat."""
    small = dict(settings)
    for name in ("teacherSteps", "studentSteps", "steps", "unlabeled", "testScenes"):
        if name in small:
            small[name] = max(1, small[name] * 3 // 50)
    if "repeats" in small:
        small["repeats"] = 1
    return small


def number(value):
    """A number as in an id: shortest round trip, no trailing .0 (as C#'s double.ToString, lower case)."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def decimals(value):
    """0.95 -> "95" (the digits after "0.")."""
    text = number(value)
    return text[2:] if text.startswith("0.") else text


# Variant tokens of a self-training id, in order: each appears when its setting differs from the schema default.
TOKENS = [
    ("rescore", lambda v: "rescore"),
    ("pseudoRatio", lambda v: "ratio" + number(v)),
    ("width", lambda v: "w" + number(v)),
    ("rotationDegrees", lambda v: "rot" + number(v)),
    ("autoAugmentPolicy", lambda v: v.lower()),
    ("onlineThreshold", lambda v: "on" + decimals(v)),
    ("onlineMask", lambda v: "mask"),
    ("weightAverage", lambda v: "ema" + decimals(v)),
    ("elasticAlpha", lambda v: "el" + number(v)),
    ("balanceClasses", lambda v: "balance"),
    ("learningRate", lambda v: "lr" + number(v)),
    ("fromTeacher", lambda v: "init"),
    ("meanTeacher", lambda v: "mt"),
    ("split", lambda v: "randomsplit" + v[len("random:"):]),
]


# Variant tokens of a segmentation or detection id, in order: the prefix, then the value, when the setting differs from the default.
SCENE_TOKENS = [("unlabeled", "u"), ("testScenes", "test"), ("canvas", "c"), ("maximumDigits", "d"), ("scenesSeed", "scenes"),
                ("width", "w"), ("batchSize", "b"), ("learningRate", "lr")]


def scene_id_of(task, s, defaults):
    """<implementation>-<task>-k<labeled>-<teacherPolicy>-student<studentPolicy>-<norm|plain>-th<threshold>-t<teacherSteps>-
    s<studentSteps>-seed<seed> (task seg or det), then one SCENE_TOKENS token per setting that differs from its default
    (RunId.cs alike)."""
    name = (f"{s['implementation']}-{task}-k{number(s['labeled'])}-{s['teacherPolicy']}-student{s['studentPolicy']}-"
            f"{'norm' if s['normalizeLoss'] else 'plain'}-th{number(s['threshold'])}-t{number(s['teacherSteps'])}-"
            f"s{number(s['studentSteps'])}-seed{number(s['seed'])}")
    return name + "".join(f"-{prefix}{number(s[setting])}" for setting, prefix in SCENE_TOKENS if s[setting] != defaults[setting])


# Variant tokens of a fine-tuning id, in order: each appears when its setting differs from the schema default.
FINETUNE_TOKENS = [
    ("side", lambda v: "px" + number(v)),
    ("batchSize", lambda v: "b" + number(v)),
    ("learningRate", lambda v: "lr" + number(v)),
    ("policy", lambda v: v),
    ("split", lambda v: "randomsplit" + v[len("random:"):]),
]


def finetune_id_of(s, defaults):
    """mlnet-finetune-k<labeled>-<init>-s<steps>-seed<seed>, then one FINETUNE_TOKENS token per setting that differs
    from its default (RunId.cs alike)."""
    name = f"{s['implementation']}-finetune-k{number(s['labeled'])}-{s['init']}-s{number(s['steps'])}-seed{number(s['seed'])}"
    return name + "".join("-" + token(s[setting]) for setting, token in FINETUNE_TOKENS if s[setting] != defaults[setting])


def run_id_of(s, defaults):
    """The id of a run (its result file name without .json), as RunId.cs builds it."""
    if s.get("kind") == FINETUNE:
        return finetune_id_of(s, defaults)
    if s.get("kind") in (SEGMENT, DETECT):
        return scene_id_of("seg" if s["kind"] == SEGMENT else "det", s, defaults)
    if s.get("kind", SELFTRAIN) == THROUGHPUT:
        name = "throughput" + ("-" + "-".join(s["policies"]) if s["policies"] != defaults["policies"] else "")
        name += "-elastic" if s["elastic"] != defaults["elastic"] else ""
        return name + ("-torchsharp" if s["implementation"] == "mlnet" else "-pytorch") + ("-raw" if s["raw"] else "")
    name = (f"{s['implementation']}-k{number(s['labeled'])}-{s['policy']}-{'soft' if s['softLabels'] else 'hard'}-"
            f"{'norm' if s['normalizeLoss'] else 'plain'}-r{number(s['rounds'])}-th{number(s['threshold'])}-"
            f"t{number(s['teacherSteps'])}-s{number(s['studentSteps'])}-seed{number(s['seed'])}")
    if s["studentPolicy"] != defaults["studentPolicy"] or s["studentStochasticDepth"] != defaults["studentStochasticDepth"]:
        name += f"-student{s['studentPolicy'] or s['policy']}-sd{number(s['studentStochasticDepth'])}"
    return name + "".join("-" + token(s[setting]) for setting, token in TOKENS if s[setting] != defaults[setting])


def main():
    p = argparse.ArgumentParser(description="Lists the runs of a phase file (benchmarks/configs).")
    sub = p.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list")
    listing.add_argument("phase")
    listing.add_argument("--quick", action="store_true", help="seed-1 runs only (and every throughput run)")
    sub.add_parser("path").add_argument("phase")
    sub.add_parser("describe")
    a = p.parse_args()
    if a.command == "path":
        print(path_of(a.phase))
    elif a.command == "list":
        for run in load(path_of(a.phase)):
            if not a.quick or run.get("seed", 1) == 1:
                print(run["id"], run.get("kind", SELFTRAIN), run["implementation"])
    else:
        print("| Question | File | Former `--phase` | Runs |")
        print("|---|---|---|---:|")
        for path in phase_files():
            phase = read_json(path)
            former = ", ".join(phase.get("aliases", [])) or "—"
            print(f"| {phase['question']} | `{os.path.relpath(path, REPO)}` | {former} | {len(load(path))} |")


if __name__ == "__main__":
    sys.exit(main())
