using System.CommandLine;

namespace SelfTraining.Vision;

/// <summary><c>throughput</c>: training and inference images/s of the SmallCnn (1 thread), printed (and written) as JSON.</summary>
internal static class ThroughputCommand
{
    public static Command Create()
    {
        var selection = new RunSelection();
        var command = selection.Command("throughput", "Training and inference images/s of the SmallCnn: one throughput run of a phase file.");
        command.SetAction(parse =>
        {
            var config = selection.Read<ThroughputConfig>(parse, RunKind.Throughput);
            if (parse.GetValue(selection.Quick))
            {
                config = config.Shrunk();
            }

            Json.Emit(config.Raw ? RawThroughputRun.Run(config.Steps, config.Repeats) : ThroughputRun.Run(config), parse.GetValue(selection.Output));
            return 0;
        });
        return command;
    }
}
