using System.CommandLine;
using System.Text;
using SelfTraining.Vision.Study;

namespace SelfTraining.Sharding;

/// <summary>
/// <c>tabular</c> (figures 1 and 2): figure 1 pseudo-labels the N rows of 128-float blobs listed <c>--passes</c> times
/// (N × passes rows, the same files: no extra disk) in process, through 1 and 2 worker processes of the tool, unpinned and
/// pinned one per core, and on 1 and 2 Orleans silos; figure 2 scores the N rows once in process, in one shard in process
/// (score + write), and reads the shard back. Prints markdown, writes JSON (<see cref="TabularResult"/>).
/// </summary>
internal static class TabularCommand
{
    /// <summary>Figure 1's arms (the pinned ones only where <see cref="Taskset"/> can run them).</summary>
    public static Arm[] ThroughputArms => [Arm.Score, Arm.Tool(1, 1), Arm.Tool(1, 2), Arm.Tool(2, 2), .. Taskset.Arms,
        Arm.Orleans(1), Arm.Orleans(2), Arm.Orleans(1, tieredPgo: true), Arm.Orleans(2, tieredPgo: true)];

    /// <summary>Figure 2's arms.</summary>
    public static readonly Arm[] OverheadArms = [Arm.Score, Arm.Save, Arm.Worker, Arm.Read];

    public static Command Create()
    {
        var rows = new Option<long>("--rows", "-n") { Description = "Unlabeled rows.", DefaultValueFactory = _ => 1_000_000 };
        var partRows = new Option<long>("--part-rows") { Description = "Rows per input .idv file.", DefaultValueFactory = _ => 250_000 };
        var passes = new Option<int>("--passes")
        {
            Description = "Figure 1's job lists the input files this many times (N × passes rows scored, no extra disk).",
            DefaultValueFactory = _ => 4,
        };
        var (repeats, work, tool, output) = (CommonOptions.Repeats(), CommonOptions.Work(), CommonOptions.Tool(), CommonOptions.Output());
        var command = new Command("tabular", "Throughput against workers and shard overhead on tabular rows.") { rows, partRows, passes, repeats, work, tool, output };
        command.SetAction(parse =>
        {
            var workload = TabularData.Prepare(parse.GetValue(work)!, parse.GetValue(rows), parse.GetValue(partRows));
            int times = Math.Max(1, parse.GetValue(passes));
            var repeated = workload with { Inputs = [.. Enumerable.Repeat(workload.Inputs, times).SelectMany(i => i)], Rows = workload.Rows * times };
            string Describe(Workload w) => $"{Text.N(w.Rows)} rows of {TabularData.Width} floats, {TabularData.Classes} Gaussian blobs (the streaming figure's data)"
                + (w.Rows == workload.Rows ? $", in {w.Inputs.Count} ML.NET binary input files"
                    : $": the {Text.N(workload.Rows)} rows of {workload.Inputs.Count} ML.NET binary input files, the files listed {times} times in the job "
                        + $"(the {Text.N(workload.Rows)} rows scored {times} times = {Text.N(w.Rows)} rows: the same per-row cost, no extra disk or generation time)")
                + $"; teacher {TabularData.TeacherDescription}, saved with mlContext.Model.Save; the shards keep {string.Join(", ", w.Columns)}";
            var (repeatCount, workFolder, toolDll) = (parse.GetValue(repeats), parse.GetValue(work)!, parse.GetValue(tool)!);
            var result = new TabularResult(
                WorkloadResult.Measure(repeated, Describe(repeated), ThroughputArms, repeatCount, workFolder, toolDll),
                WorkloadResult.Measure(workload, Describe(workload), OverheadArms, repeatCount, workFolder, toolDll));
            Console.Write(Report(result, times));
            if (parse.GetValue(output) is { } path)
            {
                Json.Write(path, result);
            }

            return 0;
        });
        return command;
    }

    private static string Report(TabularResult tabular, int passes)
    {
        var markdown = new StringBuilder();
        var result = tabular.Throughput;
        int repeats = result.Summaries[0].Repeats;
        markdown.AppendLine("### 1. Throughput against workers: tabular rows");
        markdown.AppendLine();
        markdown.AppendLine($"{result.Description}. Input {Text.Bytes(tabular.Overhead.InputBytes)} on disk, read {passes} times "
            + $"({Text.PerItem(result.InputBytesPerRow)} bytes/row), teacher {Text.Bytes(result.TeacherBytes)}. "
            + (passes > 1 ? $"The {passes} passes make each worker's fixed cost (process start and JIT, the teacher's load and checks: measured below as 2 shards against 1 on one worker) "
                + $"small against its scoring, as it is on a real job; at {Text.N(tabular.Overhead.Workload.Rows)} rows it hides the scaling. " : "")
            + $"Median of {repeats}, arms interleaved. The tool's arms: `LocalProcessShardRunner` over `dotnet mlnet-selftraining.dll pseudo-label`, timed from "
            + "the first worker's start to the last shard written (process start, teacher load and SHA-256 checks included); in-process scoring: "
            + "`mlContext.Model.Load` + one cursor pass of the teacher's output over the inputs, in a fresh process (time from the load). "
            + "Workers column: worker processes, or silos for the Orleans arms.");
        markdown.AppendLine();
        ThroughputTable.Append(markdown, result, ThroughputArms, "rows");
        var (silo, silos) = (ArmSummary.Find(result.Summaries, Arm.Orleans(1).Name), ArmSummary.Find(result.Summaries, Arm.Orleans(2).Name));
        var (siloPgo, silosPgo) = (ArmSummary.Find(result.Summaries, Arm.Orleans(1, true).Name), ArmSummary.Find(result.Summaries, Arm.Orleans(2, true).Name));
        double Cpu(ArmSummary s) => s.WorkerCpuLoad * s.Seconds;
        markdown.AppendLine($"**Orleans: 2 silos over 1 silo: {Text.Ratio(silo.Seconds / silos.Seconds)}** with .NET's dynamic PGO off in the silos' process "
            + $"(`DOTNET_TieredPGO=0`); **{Text.Ratio(siloPgo.Seconds / silosPgo.Seconds)}** with it on, the .NET default "
            + $"(2 silos: {Text.Seconds(silosPgo)} s, median (min–max)). The silos are those of an in-process test cluster "
            + "(Microsoft.Orleans.TestingHost: every silo in the benchmark's child process, on loopback), started before the clock; `OrleansShardRunner` "
            + "with one shard in flight per silo, each shard run by the core's `ShardWorker` in a grain, timed from the first call to the last shard "
            + "written (no process start: the silos are running); CPU is the silos' process over that span.");
        markdown.AppendLine();
        markdown.AppendLine("What the Orleans arms can show: the cost Orleans adds to a shard (the grain call, the placement, `ShardWorker` run in a grain: "
            + "1 silo against the in-process scoring and 1 tool worker) and that the runner spreads the shards over the silos. What they cannot show: "
            + "scaling over machines. Every silo of the test cluster is in one process, on one runtime (one GC heap, one thread pool, one JIT) and the "
            + $"same {Environment.ProcessorCount} cores, on loopback: 2 silos here are 2 shards in one process, not 2 machines, and 1 shard already keeps "
            + $"{Text.Percent(silo.WorkerCpuLoad, 0)} of a core busy. With dynamic PGO on, the same rows sometimes cost the silos' process about twice the "
            + $"CPU time, most often with 2 shards at once in it (median CPU time here: 1 silo {Text.F(Cpu(siloPgo))} s, 2 silos {Text.F(Cpu(silosPgo))} s; "
            + $"PGO off: {Text.F(Cpu(silo))} s and {Text.F(Cpu(silos))} s), the process near its cores' limit and the thread pool not starved (a few "
            + "queued work items; the probe's line per run on standard error): this, not Orleans or the thread pool, made 2 silos take "
            + "0.55× of 1 silo in the first full run (2026-12-06), PGO on. A silo of a real cluster running several shards at once may meet it; `DOTNET_TieredPGO=0` in the silo's "
            + "environment avoided it here.");
        markdown.AppendLine();

        result = tabular.Overhead;
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
