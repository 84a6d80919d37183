using System.CommandLine;

namespace SelfTraining.Sharding;

/// <summary>The options the measuring commands share.</summary>
internal static class CommonOptions
{
    public static Option<int> Repeats() => new("--repeats") { Description = "Runs per arm, interleaved (median reported).", DefaultValueFactory = _ => 3 };

    public static Option<string> Work() => new("--work")
    {
        Description = "Folder for the inputs, teachers and job folders (reused inputs are kept there).",
        DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "mlnet-sharding-bench"),
    };

    public static Option<string> Tool() => new("--tool")
    {
        Description = "The built mlnet-selftraining.dll the workers run (default: the one this program was built with).",
        DefaultValueFactory = _ => ShardTool.DefaultDllPath,
    };

    public static Option<string?> Output() => new("--output", "-o") { Description = "JSON file for the results." };
}
