namespace SelfTraining.Sharding;

/// <summary>
/// <c>taskset</c> (util-linux), which pins a process to cores: the pinned arms run <c>taskset -c i dotnet {tool} …</c>.
/// Without it (or with fewer cores than workers) the pinned arms are skipped and the report says so.
/// </summary>
internal static class Taskset
{
    /// <summary>The <c>taskset</c> found on PATH, or null.</summary>
    public static string? Path { get; } = Find();

    /// <summary>The pinned arms of 1 and 2 workers this machine can run.</summary>
    public static Arm[] Arms => Path is null ? [] : Environment.ProcessorCount >= 2 ? [Arm.Pinned(1), Arm.Pinned(2)] : [Arm.Pinned(1)];

    /// <summary>Why the pinned arms are absent (null when both run).</summary>
    public static string? Missing => Path is null ? "`taskset` (util-linux) was not found on PATH, so the pinned arms were skipped"
        : Environment.ProcessorCount < 2 ? "this machine has 1 core, so the arm of 2 pinned workers was skipped" : null;

    private static string? Find()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "taskset"))
            .FirstOrDefault(File.Exists);
    }
}
