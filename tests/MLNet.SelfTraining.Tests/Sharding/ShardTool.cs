using System.Diagnostics;
using System.Reflection;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>The built mlnet-selftraining tool (its path is stamped into this assembly at build), run as real processes.</summary>
internal static class ShardTool
{
    public static string DllPath
    {
        get
        {
            var path = typeof(ShardTool).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ShardToolPath").Value!;
            Assert.IsTrue(File.Exists(path), $"The tool was expected at '{path}' (built by the test project's reference).");
            return path;
        }
    }

    /// <summary>The dotnet host that runs this test, which runs the tool too.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Worker processes of the built tool.</summary>
    public static LocalProcessShardRunner Runner(int workers = 2) => new(workers, Dotnet, [DllPath]);

    /// <summary>Runs the tool with <paramref name="arguments"/>; returns its exit code and its standard output and error.</summary>
    public static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
