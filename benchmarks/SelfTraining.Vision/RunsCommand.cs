using System.CommandLine;

namespace SelfTraining.Vision;

/// <summary><c>runs</c>: the runs of a phase file, one line each (id, kind, implementation), as <c>phases.py list</c> prints them.</summary>
internal static class RunsCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Phase file (benchmarks/configs/vision/*.json).", Required = true };
        var command = new Command("runs", "Lists the runs of a phase file.") { config };
        command.SetAction(parse =>
        {
            foreach (var run in PhaseFile.Load(parse.GetValue(config)!))
            {
                Console.WriteLine($"{run.Id} {run.Kind} {run.Implementation}");
            }

            return 0;
        });
        return command;
    }
}
