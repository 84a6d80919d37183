using System.CommandLine;
using System.Text;

namespace SelfTraining.Sharding;

/// <summary>
/// <c>images</c> (figure 3): a vision teacher at 96×96 as the workers see it (ONNX inside a plain ML.NET zip), scoring
/// generated scenes in process and through 1 and 2 worker processes of the tool; images/s, the workers' CPU and shard
/// bytes per image.
/// </summary>
internal static class ImagesCommand
{
    /// <summary>
    /// The arms. Not the pinned ones: ONNX Runtime, left to choose its intra-op threads (as the exported teachers do),
    /// sets its threads' CPU affinity itself, over <c>taskset</c>'s (a quick run: a worker "pinned" to one core at 172–176 % CPU).
    /// </summary>
    public static readonly Arm[] Arms = [Arm.Score, Arm.Save, Arm.Tool(1, 1), Arm.Tool(2, 2)];

    private const string NotPinned = "ONNX Runtime, left to choose its intra-op thread count (as the exported teachers are), sets its threads' CPU affinity "
        + "itself, over `taskset`'s (a worker started with `taskset -c 0` used 172–176 % CPU in a quick run), so a worker cannot be held to one core here";

    public static Command Create()
    {
        var tasks = new Option<string[]>("--tasks") { Description = "detection and/or segmentation.", DefaultValueFactory = _ => ImageData.Tasks, AllowMultipleArgumentsPerToken = true };
        var canvas = new Option<int>("--canvas") { Description = "Scene height and width in pixels.", DefaultValueFactory = _ => 96 };
        var images = new Option<int>("--images") { Description = "Unlabeled scenes scored.", DefaultValueFactory = _ => 2000 };
        var labeled = new Option<int>("--labeled") { Description = "Labeled scenes the teacher trains on.", DefaultValueFactory = _ => 200 };
        var steps = new Option<int>("--steps") { Description = "Teacher training steps (batches of 32).", DefaultValueFactory = _ => 40 };
        var (repeats, work, tool, output) = (CommonOptions.Repeats(), CommonOptions.Work(), CommonOptions.Tool(), CommonOptions.Output());
        var command = new Command("images", "Images/s of a vision teacher (ONNX in a plain ML.NET zip) against workers, and shard bytes per image.")
        {
            tasks, canvas, images, labeled, steps, repeats, work, tool, output,
        };
        command.SetAction(parse =>
        {
            var results = new List<WorkloadResult>();
            foreach (var task in parse.GetValue(tasks)!)
            {
                var workload = ImageData.Prepare(parse.GetValue(work)!, task, parse.GetValue(canvas), parse.GetValue(images), parse.GetValue(labeled), parse.GetValue(steps));
                var description = $"{Text.N(workload.Rows)} generated MNIST scenes of {parse.GetValue(canvas)}×{parse.GetValue(canvas)} pixels (1 channel) in one ML.NET binary input file; "
                    + $"teacher: a TorchSharp {(task == "detection" ? "detector (SmallCnn + CenterNet-style head)" : "segmenter (SmallCnn + FCN head)")} trained "
                    + $"{parse.GetValue(steps)} steps on {parse.GetValue(labeled)} labeled scenes, exported with SaveAsMLNetModel (ONNX inside a plain ML.NET zip; "
                    + $"ONNX Runtime's default threads); the shards keep {string.Join(", ", workload.Columns)}";
                results.Add(WorkloadResult.Measure(workload, description, Arms, parse.GetValue(repeats), parse.GetValue(work)!, parse.GetValue(tool)!));
            }

            Console.Write(Report(results));
            if (parse.GetValue(output) is { } path)
            {
                Json.Write(path, results);
            }

            return 0;
        });
        return command;
    }

    private static string Report(IReadOnlyList<WorkloadResult> results)
    {
        var markdown = new StringBuilder();
        markdown.AppendLine("### 3. Images: a vision teacher as the workers see it");
        markdown.AppendLine();
        markdown.AppendLine($"No pinned arms: {NotPinned}.");
        markdown.AppendLine();
        foreach (var result in results)
        {
            markdown.AppendLine($"**{result.Workload.Name}.** {result.Description}. Input {Text.Bytes(result.InputBytes)} ({Text.PerItem(result.InputBytesPerRow)} bytes/image), "
                + $"teacher {Text.Bytes(result.TeacherBytes)}. Median of {result.Summaries[0].Repeats}, arms interleaved; timed as in 1, CPU as in 1.");
            markdown.AppendLine();
            ThroughputTable.Append(markdown, result, Arms, "images", first: false);
        }

        return markdown.ToString();
    }
}
