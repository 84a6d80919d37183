using System.Text.Json;
using System.Text.Json.Serialization;

namespace SelfTraining.Common;

/// <summary>The JSON settings of results and run configurations: camelCase, NaN allowed, enums as names.</summary>
internal static class Json
{
    /// <summary>One-line JSON (a child process's result line; reading configurations).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Indented JSON (result files).</summary>
    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> (atomically), creating its folder.</summary>
    public static void Write<T>(string path, T value) => WriteText(path, JsonSerializer.Serialize(value, Indented));

    /// <summary>Prints <paramref name="value"/> and, when <paramref name="path"/> is set, writes it there.</summary>
    public static void Emit<T>(T value, string? path)
    {
        var text = JsonSerializer.Serialize(value, Indented);
        Console.WriteLine(text);
        if (path is not null)
        {
            WriteText(path, text);
        }
    }

    /// <summary>Writes a temporary file beside <paramref name="path"/>, then moves it there: a reader never sees half a file.</summary>
    private static void WriteText(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
