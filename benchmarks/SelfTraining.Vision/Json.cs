using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfTraining.Vision;

/// <summary>Writes results as indented camelCase JSON (NaN allowed).</summary>
internal static class Json
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Prints <paramref name="value"/> and, when <paramref name="path"/> is set, writes it there.</summary>
    public static void Emit<T>(T value, string? path)
    {
        var text = JsonSerializer.Serialize(value, s_options);
        Console.WriteLine(text);
        if (path is null)
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, text);
    }
}
