using System.CommandLine;

namespace SelfTraining.Vision;

/// <summary>The options that pick one run of a phase file and say where its result goes: --config, --run, --quick, --output.</summary>
internal sealed class RunSelection
{
    private readonly Option<string> _config = new("--config") { Description = "Phase file (benchmarks/configs/vision/*.json).", Required = true };
    private readonly Option<string> _run = new("--run") { Description = "Run id (the runs command lists them).", Required = true };

    public Option<bool> Quick { get; } = new("--quick") { Description = "Smoke run: every step count × 3/50 (500 → 30), one timed repeat." };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "JSON file for the result." };

    /// <summary>A command with these options.</summary>
    public Command Command(string name, string description) => new(name, description) { _config, _run, Quick, Output };

    /// <summary>The chosen run's settings; it must be an ML.NET run of <paramref name="kind"/>.</summary>
    public T Read<T>(ParseResult parse, string kind)
    {
        var run = PhaseFile.Find(parse.GetValue(_config)!, parse.GetValue(_run)!);
        if (run.Kind != kind || run.Implementation != "mlnet")
        {
            throw new ArgumentException($"Run {run.Id} is a {run.Implementation} {run.Kind} run; this command runs mlnet {kind} runs.");
        }

        return run.Read<T>();
    }
}
