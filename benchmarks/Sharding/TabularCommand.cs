using System.CommandLine;
using System.Text;
using SelfTraining.Vision.Study;

namespace SelfTraining.Sharding;

/// <summary>
/// <c>tabular</c> (figures 1 and 2): pseudo-labeling N rows of 128-float blobs in process, in one shard in process
/// (score + write), read back, and through 1 and 2 worker processes of the tool; prints markdown, writes JSON.
/// </summary>
internal static class TabularCommand
{
    public static readonly Arm[] Arms = [Arm.Score, Arm.Save, Arm.Worker, Arm.Read, Arm.Tool(1, 1), Arm.Tool(1, 2), Arm.Tool(2, 2), Arm.Orleans(1), Arm.Orleans(2)];

    public static Command Create()
    {
        var rows = new Option<long>("--rows", "-n") { Description = "Unlabeled rows.", DefaultValueFactory = _ => 1_000_000 };
        var partRows = new Option<long>("--part-rows") { Description = "Rows per input .idv file.", DefaultValueFactory = _ => 250_000 };
        var (repeats, work, tool, output) = (CommonOptions.Repeats(), CommonOptions.Work(), CommonOptions.Tool(), CommonOptions.Output());
        var command = new Command("tabular", "Throughput against workers and shard overhead on tabular rows.") { rows, partRows, repeats, work, tool, output };
        command.SetAction(parse =>
        {
            var workload = TabularData.Prepare(parse.GetValue(work)!, parse.GetValue(rows), parse.GetValue(partRows));
            var description = $"{Text.N(workload.Rows)} rows of {TabularData.Width} floats, {TabularData.Classes} Gaussian blobs (the streaming figure's data), "
                + $"in {workload.Inputs.Count} ML.NET binary input files; teacher {TabularData.TeacherDescription}, saved with mlContext.Model.Save; the shards keep {string.Join(", ", workload.Columns)}";
            var result = WorkloadResult.Measure(workload, description, Arms, parse.GetValue(repeats), parse.GetValue(work)!, parse.GetValue(tool)!);
            Console.Write(Report(result));
            if (parse.GetValue(output) is { } path)
            {
                Json.Write(path, result);
            }

            return 0;
        });
        return command;
    }

    private static string Report(WorkloadResult result)
    {
        var markdown = new StringBuilder();
        int repeats = result.Summaries[0].Repeats;
        markdown.AppendLine("### 1. Throughput against workers: tabular rows");
        markdown.AppendLine();
        markdown.AppendLine($"{result.Description}. Input {Text.Bytes(result.InputBytes)} ({Text.PerItem(result.InputBytesPerRow)} bytes/row), teacher {Text.Bytes(result.TeacherBytes)}. "
            + $"Median of {repeats}, arms interleaved. The tool's arms: `LocalProcessShardRunner` over `dotnet mlnet-selftraining.dll pseudo-label`, timed from "
            + "the first worker's start to the last shard written (process start, teacher load and SHA-256 checks included); in-process scoring: "
            + "`mlContext.Model.Load` + one cursor pass of the teacher's output over the inputs, in a fresh process (time from the load). "
            + "Workers column: worker processes, or silos for the Orleans arms.");
        markdown.AppendLine();
        ThroughputTable.Append(markdown, result, [Arm.Score, Arm.Tool(1, 1), Arm.Tool(1, 2), Arm.Tool(2, 2), Arm.Orleans(1), Arm.Orleans(2)], "rows");
        var (silo, silos) = (ArmSummary.Find(result.Summaries, Arm.Orleans(1).Name), ArmSummary.Find(result.Summaries, Arm.Orleans(2).Name));
        markdown.AppendLine($"**Orleans: 2 silos over 1 silo: {Text.Ratio(silo.Seconds / silos.Seconds)}.** The silos are those of an in-process test cluster "
            + "(Microsoft.Orleans.TestingHost: every silo in the benchmark's child process, on loopback), started before the clock; `OrleansShardRunner` "
            + "with one shard in flight per silo, each shard run by the core's `ShardWorker` in a grain, timed from the first call to the last shard "
            + "written (no process start: the silos are running).");
        markdown.AppendLine();

        var (score, save) = (ArmSummary.Find(result.Summaries, Arm.Score.Name), ArmSummary.Find(result.Summaries, Arm.Save.Name));
        var (worker, read) = (ArmSummary.Find(result.Summaries, Arm.Worker.Name), ArmSummary.Find(result.Summaries, Arm.Read.Name));
        markdown.AppendLine("### 2. Shard overhead (write + read) against scoring time");
        markdown.AppendLine();
        markdown.AppendLine($"The same {Text.N(result.Workload.Rows)} rows, in a fresh process each, median of {repeats}: the teacher's pass alone; `new ShardWorker().Run` for one "
            + "shard covering every row (load, score, write the shard to a temporary file, SHA-256 it, check its schema, rename, write the manifest); "
            + "`ShardSet.Open` (every check, the shard's SHA-256 included) + one full cursor pass over `AsDataView` reading every column. For "
            + "reference, the teacher's pass written with `mlContext.Data.SaveAsBinary` alone (ML.NET's writer, one file per input, no row index, "
            + "checksum or rename): how much of the write is ML.NET's writer and how much the shard's bookkeeping.");
        markdown.AppendLine();
        MarkdownTable.Append(markdown, ["step", "s, median (min–max)", "rows/s", "fraction of scoring"],
        [
            ["scoring alone (in process)", Text.Seconds(score), Text.N(score.RowsPerSecond), "1"],
            ["score + `SaveAsBinary` alone (reference)", Text.Seconds(save), Text.N(save.RowsPerSecond), Text.F(save.Seconds / score.Seconds)],
            ["score + write (`ShardWorker.Run`, 1 shard)", Text.Seconds(worker), Text.N(worker.RowsPerSecond), Text.F(worker.Seconds / score.Seconds)],
            ["read (`ShardSet.Open` + full pass)", Text.Seconds(read), Text.N(read.RowsPerSecond), Text.F(read.Seconds / score.Seconds)],
        ]);
        markdown.AppendLine($"**Overhead: write {Text.Percent((worker.Seconds - score.Seconds) / score.Seconds)} of scoring, read {Text.Percent(read.Seconds / score.Seconds)}; "
            + $"together {Text.Percent((worker.Seconds - score.Seconds + read.Seconds) / score.Seconds)}.** Shard: {Text.Bytes(worker.ShardBytes)} "
            + $"({Text.PerItem(worker.ShardBytesPerRow)} bytes/row: `RowIndex` + {string.Join(", ", result.Workload.Columns)}) against {Text.PerItem(result.InputBytesPerRow)} input bytes/row.");
        markdown.AppendLine();
        return markdown.ToString();
    }
}
