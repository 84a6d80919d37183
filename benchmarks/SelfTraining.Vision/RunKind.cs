using System.Text.Json.Nodes;

namespace SelfTraining.Vision;

/// <summary>
/// A kind of run a phase file may hold (<c>selftrain</c>, <c>throughput</c>, <c>segment</c>, <c>detect</c> or <c>finetune</c>), as the phase schema
/// (benchmarks/configs/phase.schema.json) defines it: its settings, their defaults and the settings a run must end up with.
/// </summary>
internal sealed class RunKind
{
    public const string SelfTrain = "selftrain";

    public const string Throughput = "throughput";

    public const string Segment = "segment";

    public const string Detect = "detect";

    public const string FineTune = "finetune";

    private RunKind(JsonObject definition)
    {
        var properties = definition["properties"]!.AsObject();
        Settings = properties.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        Defaults = [.. properties.Where(p => p.Value!.AsObject().ContainsKey("default"))
            .Select(p => KeyValuePair.Create(p.Key, p.Value!["default"]?.DeepClone()))];
        Required = [.. definition["requiredAfterDefaults"]!.AsArray().Select(name => name!.GetValue<string>())];
    }

    /// <summary>The settings a run of this kind may have.</summary>
    public IReadOnlySet<string> Settings { get; }

    /// <summary>The schema's default of every setting that has one.</summary>
    public JsonObject Defaults { get; }

    /// <summary>The settings a run must have once every default is applied.</summary>
    public IReadOnlyList<string> Required { get; }

    /// <summary>Reads every kind from the schema at <paramref name="schemaPath"/>.</summary>
    public static IReadOnlyDictionary<string, RunKind> ReadAll(string schemaPath)
    {
        var definitions = JsonNode.Parse(File.ReadAllText(schemaPath))!["$defs"]!;
        return new Dictionary<string, RunKind>(StringComparer.Ordinal)
        {
            [SelfTrain] = new(definitions[SelfTrain]!.AsObject()),
            [Throughput] = new(definitions[Throughput]!.AsObject()),
            [Segment] = new(definitions[Segment]!.AsObject()),
            [Detect] = new(definitions[Detect]!.AsObject()),
            [FineTune] = new(definitions[FineTune]!.AsObject()),
        };
    }

    /// <summary>Throws when <paramref name="settings"/> has a setting this kind does not know or lacks a required one.</summary>
    public void Check(string phasePath, JsonObject settings)
    {
        var unknown = settings.Select(p => p.Key).Where(name => !Settings.Contains(name)).ToList();
        var missing = Required.Where(name => !settings.ContainsKey(name)).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{phasePath}: a run has unknown settings [{string.Join(", ", unknown)}] or lacks [{string.Join(", ", missing)}]: {settings.ToJsonString()}");
        }
    }
}
