using System.Reflection;
using MLNet.SelfTraining.Sharding;

namespace SelfTraining.Sharding;

/// <summary>The built mlnet-selftraining tool (its path is stamped into this program at build), run as worker processes.</summary>
internal static class ShardTool
{
    /// <summary>The tool's dll this program was built with.</summary>
    public static string DefaultDllPath
        => typeof(ShardTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ShardToolPath").Value!;

    /// <summary>Up to <paramref name="workers"/> processes of <c>dotnet {dll} pseudo-label …</c>.</summary>
    public static LocalProcessShardRunner Runner(string dllPath, int workers) => new(workers, "dotnet", [Checked(dllPath)]);

    /// <summary>One process at a time of <c>taskset -c {core} dotnet {dll} pseudo-label …</c>: the worker and every thread it starts on that core only.</summary>
    public static LocalProcessShardRunner PinnedRunner(string dllPath, int core) => new(1,
        Taskset.Path ?? throw new InvalidOperationException("The pinned arms need taskset (util-linux) on PATH."),
        ["-c", core.ToString(System.Globalization.CultureInfo.InvariantCulture), "dotnet", Checked(dllPath)]);

    private static string Checked(string dllPath) => File.Exists(dllPath) ? dllPath
        : throw new FileNotFoundException($"The mlnet-selftraining tool was expected at '{dllPath}'; build src/MLNet.SelfTraining.Tool (-c Release) or pass --tool.", dllPath);
}
