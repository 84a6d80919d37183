using System.Diagnostics;
using System.Text.Json;

namespace SelfTraining.Common;

/// <summary>
/// Runs one measurement in a fresh copy of this program, so each measurement has its own peak RSS: either the child
/// prints its result as one JSON line prefixed with <see cref="ResultPrefix"/> (<see cref="Run{T}"/>), or it writes its
/// own result file and its output goes to a log (<see cref="RunLoggedAsync"/>).
/// </summary>
internal static class ChildProcess
{
    public const string ResultPrefix = "RESULT ";

    public static T Run<T>(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = Self(arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.RedirectStandardOutput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
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

    /// <summary>Runs the child with its standard output and error written, line by line, to <paramref name="logPath"/>.</summary>
    /// <returns>The child's exit code.</returns>
    public static async Task<int> RunLoggedAsync(IReadOnlyList<string> arguments, string logPath)
    {
        var start = Self(arguments);
        (start.RedirectStandardOutput, start.RedirectStandardError) = (true, true);
        await using var log = new StreamWriter(logPath);
        var gate = new object();
        void Write(object sender, DataReceivedEventArgs line)
        {
            lock (gate)
            {
                if (line.Data is not null)
                {
                    log.WriteLine(line.Data);
                }
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Write;
        process.ErrorDataReceived += Write;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>Prints <paramref name="result"/> for the parent (child side).</summary>
    public static void Report<T>(T result) => Console.WriteLine(ResultPrefix + JsonSerializer.Serialize(result, Json.Options));

    /// <summary>This program (through the <c>dotnet</c> host when it runs under one) with <paramref name="arguments"/>.</summary>
    private static ProcessStartInfo Self(IReadOnlyList<string> arguments)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is unknown.");
        var start = new ProcessStartInfo { FileName = self, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
