using System.CommandLine;

namespace SelfTraining.Vision;

/// <summary>
/// A command that runs one ML.NET run of a phase file (<c>--config F --run ID [--quick] [-o out.json]</c>) and prints (and
/// writes) its result as JSON.
/// </summary>
internal static class RunCommand
{
    /// <summary>The command <paramref name="kind"/> (also its name): reads the run as <typeparamref name="TConfig"/> and runs it with <paramref name="run"/>.</summary>
    public static Command Create<TConfig>(string kind, string description, Func<TConfig, object> run)
        where TConfig : IRunConfig<TConfig> =>
        Create<TConfig>(kind, description, (settings, _) => run(settings));

    /// <summary>As above; <paramref name="run"/> also gets the result file (<c>-o</c>), whose folder may hold files runs share.</summary>
    public static Command Create<TConfig>(string kind, string description, Func<TConfig, string?, object> run)
        where TConfig : IRunConfig<TConfig>
    {
        var config = new Option<string>("--config") { Description = "Phase file (benchmarks/configs/vision/*.json).", Required = true };
        var id = new Option<string>("--run") { Description = "Run id (the runs command lists them).", Required = true };
        var quick = new Option<bool>("--quick") { Description = "Smoke run: every step count × 3/50 (500 → 30), one timed repeat." };
        var output = new Option<string?>("--output", "-o") { Description = "JSON file for the result." };
        var command = new Command(kind, description) { config, id, quick, output };
        command.SetAction(parse =>
        {
            var chosen = PhaseFile.Find(parse.GetValue(config)!, parse.GetValue(id)!);
            if (chosen.Kind != kind || chosen.Implementation != "mlnet")
            {
                throw new ArgumentException($"Run {chosen.Id} is a {chosen.Implementation} {chosen.Kind} run; this command runs mlnet {kind} runs.");
            }

            var settings = chosen.Read<TConfig>();
            Json.Emit(run(parse.GetValue(quick) ? settings.Shrunk() : settings, parse.GetValue(output)), parse.GetValue(output));
            return 0;
        });
        return command;
    }
}
