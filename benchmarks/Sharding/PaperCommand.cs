using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SelfTraining.Vision.Study;

namespace SelfTraining.Sharding;

/// <summary>
/// <c>paper</c> (figure 5): from the measured 2-worker rates and bytes per row, the time and storage of pseudo-labeling
/// 100M tabular rows and 10M 96×96 images on n machines.
/// </summary>
internal static class PaperCommand
{
    public const long TabularRows = 100_000_000;
    public const long Images = 10_000_000;
    public static readonly int[] Machines = [1, 8, 32, 128];

    public static Command Create()
    {
        var tabular = new Option<string>("--tabular") { Description = "The JSON of the tabular command.", Required = true };
        var images = new Option<string?>("--images") { Description = "The JSON of the images command." };
        var command = new Command("paper", "Time and storage for 100M rows and 10M 96×96 images on n machines, from measured rates.") { tabular, images };
        command.SetAction(parse =>
        {
            var results = new List<(WorkloadResult Result, long Rows)> { (Read<TabularResult>(parse.GetRequiredValue(tabular)).Throughput, TabularRows) };
            if (parse.GetValue(images) is { } path)
            {
                results.AddRange(Read<List<WorkloadResult>>(path).Select(r => (r, Images)));
            }

            Console.Write(Report(results));
            return 0;
        });
        return command;
    }

    private static T Read<T>(string path) => JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json.Options)
        ?? throw new InvalidDataException($"Result file '{path}' was expected to hold a result; got null.");

    private static string Report(IReadOnlyList<(WorkloadResult Result, long Rows)> workloads)
    {
        var two = Arm.Tool(2, 2).Name;
        var markdown = new StringBuilder();
        markdown.AppendLine("### 5. On paper: 100M rows and 10M 96×96 images on n machines");
        markdown.AppendLine();
        markdown.AppendLine("Computed by `Sharding paper` from the figures above, not measured: each machine is this 2-core machine running 2 worker processes "
            + "at the measured rate of the arm \"" + two + "\" (end to end: process start, teacher load, scoring, shard write), machines scale linearly "
            + "(no shared-storage or network limit modeled; every machine reads its inputs and writes its shards at local-disk speed), and the student's "
            + "read of the shards is not included (figure 2 gives it as a fraction of scoring). Storage = input .idv bytes/row × N and shard bytes/row × N "
            + "at the measured sizes (ML.NET binary, compressed); it does not depend on n; per machine = (input + shards) / n.");
        markdown.AppendLine();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (result, n) in workloads)
        {
            var rate = ArmSummary.Find(result.Summaries, two);
            double input = n * result.InputBytesPerRow, shards = n * rate.ShardBytesPerRow;
            foreach (var machines in Machines)
            {
                rows.Add([result.Workload.Name, Text.N(n), machines.ToString(CultureInfo.InvariantCulture), Text.N(rate.RowsPerSecond * machines),
                    Text.Duration(n / (rate.RowsPerSecond * machines)), Text.Bytes(input), Text.Bytes(shards), Text.Bytes((input + shards) / machines)]);
            }
        }

        MarkdownTable.Append(markdown, ["workload", "rows / images N", "machines n", "rows or images/s, all machines", "time", "input storage", "shard storage", "per machine"], rows);
        foreach (var (result, _) in workloads)
        {
            var rate = ArmSummary.Find(result.Summaries, two);
            var unit = result.Workload.Task == "classification" ? "row" : "image";
            markdown.AppendLine($"- {result.Workload.Name}: {Text.N(rate.RowsPerSecond)} {unit}s/s per machine (2 workers, measured {result.Started}), "
                + $"{Text.PerItem(result.InputBytesPerRow)} input bytes/{unit}, {Text.PerItem(rate.ShardBytesPerRow)} shard bytes/{unit}.");
        }

        markdown.AppendLine();
        return markdown.ToString();
    }
}
