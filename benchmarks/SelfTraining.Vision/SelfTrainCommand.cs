using System.CommandLine;

namespace SelfTraining.Vision;

/// <summary><c>selftrain</c>: one self-training run of a phase file, printed (and written) as JSON.</summary>
internal static class SelfTrainCommand
{
    public static Command Create()
    {
        var selection = new RunSelection();
        var command = selection.Command("selftrain", "Teacher vs self-trained student: one selftrain run of a phase file.");
        command.SetAction(parse =>
        {
            var config = selection.Read<SelfTrainConfig>(parse, RunKind.SelfTrain);
            config.Check();
            Json.Emit(SelfTrainRun.Run(parse.GetValue(selection.Quick) ? config.Shrunk() : config), parse.GetValue(selection.Output));
            return 0;
        });
        return command;
    }
}
