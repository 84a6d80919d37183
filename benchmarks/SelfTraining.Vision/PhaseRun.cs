using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SelfTraining.Vision;

/// <summary>One run of a phase file: its id (the result file name) and every setting, defaults applied.</summary>
internal sealed record PhaseRun(string Id, JsonObject Settings)
{
    private static readonly JsonSerializerOptions s_strict = new(Json.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public string Kind => Settings["kind"]!.GetValue<string>();

    public string Implementation => Settings["implementation"]!.GetValue<string>();

    /// <summary>The settings but kind and implementation as <typeparamref name="T"/> (every JSON property must map).</summary>
    public T Read<T>()
    {
        var settings = Settings.DeepClone().AsObject();
        settings.Remove("kind");
        settings.Remove("implementation");
        return settings.Deserialize<T>(s_strict) ?? throw new InvalidDataException($"Run {Id} has no settings.");
    }
}
