using System.CommandLine;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tool;

/// <summary><c>plan</c>: writes a job file (<c>job.json</c>) for a teacher, input files, columns and a number of shards.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var teacher = new Option<FileInfo>("--teacher") { Description = "The teacher: an ML.NET model file (mlContext.Model.Save).", Required = true };
        var inputs = new Option<FileInfo[]>("--input") { Description = "The unlabeled rows: ML.NET binary .idv files, in order (repeat the option).", Required = true, AllowMultipleArgumentsPerToken = true };
        var columns = new Option<string[]>("--column") { Description = "A teacher output column every shard keeps (repeat the option).", Required = true, AllowMultipleArgumentsPerToken = true };
        var shards = new Option<int>("--shards") { Description = $"The number of shards, 1 to {ShardJob.MaximumShardCount}.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The job folder: job.json and the shards are written there (created if needed).", Required = true };
        var task = new Option<string>("--task") { Description = "For people reading the job: classification, segmentation, detection or any.", DefaultValueFactory = _ => "any" };
        var threshold = new Option<double?>("--threshold") { Description = "For people reading the job: the selection threshold." };
        var command = new Command("plan", "Write job.json for a teacher, input .idv files, the columns to keep and a number of shards.")
        {
            teacher, inputs, columns, shards, output, task, threshold,
        };
        command.SetAction(parse => ToolContext.Run(() =>
        {
            var folder = parse.GetRequiredValue(output);
            folder.Create();
            var job = ShardJob.Create(folder.FullName, parse.GetRequiredValue(teacher).FullName, parse.GetRequiredValue(inputs).Select(i => i.FullName).ToList(),
                parse.GetRequiredValue(columns), parse.GetValue(shards), parse.GetRequiredValue(task), parse.GetValue(threshold));
            var path = Path.Combine(folder.FullName, "job.json");
            job.Write(path);
            Console.WriteLine($"{path}: job {job.JobId}, {job.TotalRows} rows in {job.ShardCount} shards; run each with: mlnet-selftraining pseudo-label --job {path} --shard i/{job.ShardCount}");
            return ToolContext.Success;
        }));
        return command;
    }
}
