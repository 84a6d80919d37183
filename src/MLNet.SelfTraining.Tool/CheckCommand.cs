using System.CommandLine;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tool;

/// <summary><c>check --job F</c>: the reader's checks, shard by shard; exit code 0 only when the job is complete and readable.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var job = new Option<FileInfo>("--job") { Description = "The job file (job.json).", Required = true };
        var command = new Command("check", "Check a job's shards: present, missing or refused (and why); exit code 0 when every shard is present and valid, 1 otherwise.")
        {
            job,
        };
        command.SetAction(parse => ToolContext.Run(() =>
        {
            var path = parse.GetRequiredValue(job).FullName;
            var read = ShardJob.Read(path);
            var statuses = ShardSet.Inspect(read, path);
            foreach (var status in statuses)
            {
                var name = $"shard {status.Index}/{read.ShardCount}, rows [{status.Start}, {status.End})";
                Console.WriteLine(status switch
                {
                    { Manifest: { } m } => $"{name}: present, {m.RowsWritten} rows written, {m.RowsSkipped} skipped, by {m.Host} at {m.WrittenUtc:u}",
                    { Problem: { } problem } => $"{name}: refused: {problem}",
                    _ => $"{name}: missing",
                });
            }

            var foreign = ShardSet.ForeignManifests(read, path).ToList();
            foreign.ForEach(line => Console.WriteLine($"refused: {line}"));
            bool complete = foreign.Count == 0 && statuses.All(s => s.IsValid);
            Console.WriteLine(complete ? "complete: every shard is present and valid." : "incomplete: run the missing or refused shards again (pseudo-label overwrites a refused shard of this job).");
            return complete ? ToolContext.Success : ToolContext.Failure;
        }));
        return command;
    }
}
