"""What every Python benchmark writes: the JSON result, the peak memory and the start time."""
import datetime
import json
import os
import resource


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write(path, result):
    """Writes result as indented JSON to path, creating its folder."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    with open(path, "w") as f:
        f.write(json.dumps(result, indent=2))


def emit(result, path=None):
    """Prints result as indented JSON and, when path is set, writes it there."""
    print(json.dumps(result, indent=2))
    if path:
        write(path, result)
