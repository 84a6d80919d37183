namespace MLNet.SelfTraining.TorchSharpCompat;

/// <summary>Finds and runs the native tools the compat step needs (<c>g++</c>, <c>patchelf</c>).</summary>
internal static class ExternalTool
{
    /// <summary>
    /// Resolves <paramref name="tool"/> (a name looked up on <c>PATH</c>, or a path) to an existing file.
    /// Throws <see cref="FileNotFoundException"/>, saying what the tool is needed for, when it cannot be found.
    /// </summary>
    public static string Locate(string tool, string purpose)
    {
        IEnumerable<string> candidates = tool.IndexOf('/') >= 0
            ? [tool]
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(':')
                .Where(directory => directory.Length > 0)
                .Select(directory => Path.Combine(directory, tool));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"'{tool}' was not found (it is needed to {purpose}).", tool);
    }

    /// <summary>
    /// Runs <paramref name="executable"/> and returns its standard output; throws <see cref="InvalidOperationException"/>
    /// with everything it printed when it exits with a non-zero code.
    /// </summary>
    public static string Run(string executable, params string[] arguments)
    {
        var startInfo = new System.Diagnostics.ProcessStartInfo(executable, string.Join(" ", arguments.Select(Quote)))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start '{executable}'.");
        var standardError = process.StandardError.ReadToEndAsync();
        string standardOutput = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{executable} {startInfo.Arguments}' failed with exit code {process.ExitCode}: {standardOutput}{standardError.Result}".Trim());
        }

        return standardOutput;
    }

    // ProcessStartInfo.ArgumentList is not available to MSBuild inline tasks (netstandard2.0), so quote by hand with the
    // rules .NET uses to split ProcessStartInfo.Arguments: backslashes are literal unless they precede a double quote.
    private static string Quote(string argument)
    {
        var quoted = new System.Text.StringBuilder("\"");
        int backslashes = 0;
        foreach (char c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            quoted.Append('\\', c == '"' ? (backslashes * 2) + 1 : backslashes).Append(c);
            backslashes = 0;
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}
