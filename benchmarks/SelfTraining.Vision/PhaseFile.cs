using System.Text.Json.Nodes;

namespace SelfTraining.Vision;

/// <summary>
/// Reads a phase file (benchmarks/configs/vision/*.json): a question and the runs that answer it. Each entry's settings
/// are the schema defaults, then the phase's defaults (those its kind has), then its own, then one combination of its
/// matrix (first key outermost): as benchmarks/python/phases.py reads them.
/// </summary>
internal static class PhaseFile
{
    /// <summary>The runs of the file at <paramref name="path"/>, in order; a run listed twice counts once.</summary>
    public static IReadOnlyList<PhaseRun> Load(string path)
    {
        var phase = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var kinds = RunKind.ReadAll(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, phase["$schema"]!.GetValue<string>()));
        var shared = phase["defaults"]?.AsObject() ?? [];
        var unknown = shared.Select(p => p.Key).Where(name => !kinds.Values.Any(kind => kind.Settings.Contains(name))).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"{path}: unknown default settings [{string.Join(", ", unknown)}].");
        }

        var runs = new List<PhaseRun>();
        foreach (var entry in phase["runs"]!.AsArray().Select(node => node!.AsObject()))
        {
            var kind = kinds[entry["kind"]?.GetValue<string>() ?? RunKind.SelfTrain];
            var settings = kind.Defaults.DeepClone().AsObject();
            Merge(settings, shared.Where(p => kind.Settings.Contains(p.Key)));
            Merge(settings, entry.Where(p => p.Key != "matrix"));
            foreach (var combination in Combinations(entry["matrix"]?.AsObject() ?? []))
            {
                var run = settings.DeepClone().AsObject();
                Merge(run, combination);
                kind.Check(path, run);
                Add(runs, new PhaseRun(RunId.Of(run, kind.Defaults), run), path);
            }
        }

        return runs;
    }

    /// <summary>The run <paramref name="id"/> of the file at <paramref name="path"/>.</summary>
    public static PhaseRun Find(string path, string id) =>
        Load(path).FirstOrDefault(run => run.Id == id)
        ?? throw new ArgumentException($"{path} has no run '{id}' (the runs command lists them).", nameof(id));

    private static void Merge(JsonObject target, IEnumerable<KeyValuePair<string, JsonNode?>> settings)
    {
        foreach (var (name, value) in settings)
        {
            target[name] = value?.DeepClone();
        }
    }

    /// <summary>Every combination of the matrix's values, the first key's values varying slowest (one empty one for no matrix).</summary>
    private static IEnumerable<KeyValuePair<string, JsonNode?>[]> Combinations(JsonObject matrix)
    {
        IEnumerable<KeyValuePair<string, JsonNode?>[]> combinations = [[]];
        foreach (var (name, values) in matrix)
        {
            combinations = combinations.SelectMany(prefix => values!.AsArray().Select(value => (KeyValuePair<string, JsonNode?>[])[.. prefix, KeyValuePair.Create(name, value)]));
        }

        return combinations;
    }

    private static void Add(List<PhaseRun> runs, PhaseRun run, string path)
    {
        var earlier = runs.Find(r => r.Id == run.Id);
        if (earlier is null)
        {
            runs.Add(run);
        }
        else if (!JsonNode.DeepEquals(earlier.Settings, run.Settings))
        {
            throw new InvalidDataException($"{path}: two different runs have the id {run.Id}.");
        }
    }
}
