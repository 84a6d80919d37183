using System.CommandLine;
using MLNet.SelfTraining.Vision.Augmentation;

namespace SelfTraining.Vision;

/// <summary><c>throughput</c>: training and inference images/s of the SmallCnn (1 thread), printed (and written) as JSON.</summary>
internal static class ThroughputCommand
{
    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Timed training steps per repeat (batch 128).", DefaultValueFactory = _ => 100 };
        var repeats = new Option<int>("--repeats") { Description = "Timed repeats (median reported).", DefaultValueFactory = _ => 3 };
        var policies = new Option<AugmentationPolicy[]>("--policies") { Description = "Augmentation policies to time.", DefaultValueFactory = _ => [AugmentationPolicy.None, AugmentationPolicy.S1], AllowMultipleArgumentsPerToken = true };
        var elastic = new Option<double>("--elastic") { Description = "Also time each policy but None with elastic distortion of this strength in pixels (0: no).", DefaultValueFactory = _ => 0 };
        var raw = new Option<bool>("--raw") { Description = "Time a plain TorchSharp copy of the network (no ML.NET trainer or data views; no augmentation)." };
        var output = new Option<string?>("--output", "-o") { Description = "JSON file for the result." };
        var command = new Command("throughput", "Training and inference images/s of the SmallCnn.") { steps, repeats, policies, elastic, raw, output };
        command.SetAction(parse =>
        {
            Json.Emit(parse.GetValue(raw)
                ? RawThroughputRun.Run(parse.GetValue(steps), parse.GetValue(repeats))
                : ThroughputRun.Run(parse.GetValue(steps), parse.GetValue(repeats), parse.GetValue(policies)!, parse.GetValue(elastic)), parse.GetValue(output));
            return 0;
        });
        return command;
    }
}
