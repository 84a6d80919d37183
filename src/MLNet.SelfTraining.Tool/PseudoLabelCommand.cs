using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tool;

/// <summary><c>pseudo-label --job F --shard i/n</c>: scores one shard (or reuses it when already written).</summary>
internal static class PseudoLabelCommand
{
    public static Command Create()
    {
        var job = new Option<FileInfo>("--job") { Description = "The job file (job.json).", Required = true };
        var shard = new Option<(int Index, int Count)>("--shard")
        {
            Description = "The shard, i/n: 0-based index i of the job's n shards (a Kubernetes Indexed Job passes $JOB_COMPLETION_INDEX/n).",
            Required = true,
            CustomParser = ParseShard,
        };
        var command = new Command("pseudo-label", "Score one shard of a job with its teacher and write shard-i-of-n.idv and its manifest (atomically; a shard already written is reused).")
        {
            job, shard,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(ToolContext.Run(() =>
        {
            var (index, count) = parse.GetValue(shard);
            var result = new ShardWorker(ToolContext.Configure).Run(new ShardRequest(parse.GetRequiredValue(job).FullName, index, count), cancellation);
            double seconds = result.Elapsed.TotalSeconds;
            Console.WriteLine(result.Reused
                ? $"shard {index}/{count}: reused {result.ShardFile} ({result.RowsWritten} rows)"
                : string.Create(CultureInfo.InvariantCulture, $"shard {index}/{count}: {result.RowsWritten} rows written, {result.RowsSkipped} skipped, {seconds:F2} s ({result.RowsWritten / Math.Max(seconds, 1e-9):F0} rows/s) to {result.ShardFile}"));
            return ToolContext.Success;
        })));
        return command;
    }

    private static (int Index, int Count) ParseShard(ArgumentResult result)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && index < count)
        {
            return (index, count);
        }

        result.AddError($"--shard was expected to be i/n with 0 <= i < n (e.g. 0/4); got '{text}'.");
        return default;
    }
}
