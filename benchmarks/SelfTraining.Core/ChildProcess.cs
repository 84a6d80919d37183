using System.Diagnostics;
using System.Text.Json;

namespace SelfTraining.Core;

/// <summary>
/// Runs one measurement in a fresh copy of this program, so each measurement has its own peak RSS. The child prints
/// its result as one JSON line prefixed with <see cref="ResultPrefix"/>.
/// </summary>
internal static class ChildProcess
{
    public const string ResultPrefix = "RESULT ";

    public static T Run<T>(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {self}.");
        string? result = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (line.StartsWith(ResultPrefix, StringComparison.Ordinal))
            {
                result = line[ResultPrefix.Length..];
            }
        }

        process.WaitForExit();
        if (process.ExitCode != 0 || result is null)
        {
            throw new InvalidOperationException(
                $"Child '{string.Join(' ', arguments)}' exited with code {process.ExitCode}{(result is null ? " without a result" : "")}.");
        }

        return JsonSerializer.Deserialize<T>(result, Json.Options)
            ?? throw new InvalidOperationException($"Child '{string.Join(' ', arguments)}' printed an empty result.");
    }

    /// <summary>Prints <paramref name="result"/> for the parent (child side).</summary>
    public static void Report<T>(T result) => Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, Json.Options));
}
