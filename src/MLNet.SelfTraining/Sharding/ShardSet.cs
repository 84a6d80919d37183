using Microsoft.ML;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// The shards of a job, checked: every range present once, each shard of this job and teacher, each data file of the
/// size and SHA-256 its manifest says and with the job's columns. <see cref="AsDataView"/> presents them in range
/// order as one streaming view that looks like the teacher's output (plus <see cref="ShardJob.RowIndexColumnName"/>).
/// </summary>
public sealed class ShardSet
{
    private ShardSet(string jobPath, ShardJob job, IReadOnlyList<ShardManifest> shards)
    {
        JobPath = jobPath;
        Job = job;
        Shards = shards;
    }

    /// <summary>The job file.</summary>
    public string JobPath { get; }

    /// <summary>The job.</summary>
    public ShardJob Job { get; }

    /// <summary>The shards' manifests, in range order.</summary>
    public IReadOnlyList<ShardManifest> Shards { get; }

    /// <summary>Opens the shards of the job at <paramref name="jobPath"/> (in the job file's folder) and checks them.</summary>
    /// <param name="jobPath">The job file.</param>
    /// <exception cref="InvalidDataException">
    /// A shard is missing (the message lists the indices and ranges), of another job or teacher, of a duplicate or
    /// overlapping range, corrupt (size or SHA-256), has a malformed or oversized manifest, or lacks a column; the
    /// message names the shard file.
    /// </exception>
    public static ShardSet Open(string jobPath)
    {
        var job = ShardJob.Read(jobPath);
        return FromInspected(jobPath, job, Inspect(job, jobPath));
    }

    /// <summary>
    /// Opens the shards of <paramref name="job"/> from statuses its caller has just inspected (the coordinator checks
    /// each shard as it completes), so no data file is hashed again; refuses them as <see cref="Open"/> does.
    /// </summary>
    internal static ShardSet FromInspected(string jobPath, ShardJob job, IReadOnlyList<ShardStatus> statuses)
    {
        var problems = statuses.Where(s => s.Problem is not null).Select(s => s.Problem!).ToList();
        problems.AddRange(ForeignManifests(job, jobPath));
        if (problems.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, problems));
        }

        var missing = statuses.Where(s => s.IsMissing).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"Job '{jobPath}' was expected to have all its {job.ShardCount} shards; {missing.Count} are missing: {string.Join(", ", missing.Select(s => $"{ShardFiles.ManifestName(s.Index, job.ShardCount)} (rows [{s.Start}, {s.End}))"))}.");
        }

        var shards = statuses.Select(s => s.Manifest!).ToList();
        Load(new MLContext(), job, jobPath, shards);
        return new ShardSet(jobPath, job, shards);
    }

    /// <summary>The shards in range order as one streaming view, read by <paramref name="mlContext"/>.</summary>
    /// <param name="mlContext">The context that loads the shard files.</param>
    /// <param name="cancellation">Checked at every row of the view.</param>
    public IDataView AsDataView(MLContext mlContext, CancellationToken cancellation = default)
        => new AppendedDataView(Load(mlContext, Job, JobPath, Shards), cancellation);

    /// <summary>The status of every shard of <paramref name="job"/> in its folder.</summary>
    internal static IReadOnlyList<ShardStatus> Inspect(ShardJob job, string jobPath)
        => Enumerable.Range(0, job.ShardCount).Select(i => ShardCheck.Inspect(job, jobPath, i)).ToList();

    /// <summary>Shard manifests in the folder whose names are not of this job's split (e.g. <c>-of-00008</c> beside a job of 4 shards).</summary>
    internal static IEnumerable<string> ForeignManifests(ShardJob job, string jobPath)
    {
        foreach (var file in Directory.EnumerateFiles(ShardJob.FolderOf(jobPath), "shard-*-of-*.json"))
        {
            if (ShardFiles.ParseManifestName(Path.GetFileName(file)) is { } name && name.Count != job.ShardCount)
            {
                yield return $"Shard manifest '{file}' is shard {name.Index} of {name.Count}, but the job has {job.ShardCount} shards: its range would overlap the job's shards. Remove it, or use a folder per job.";
            }
        }
    }

    /// <summary>Loads each shard file, checking that every one has the first one's column types.</summary>
    private static List<IDataView> Load(MLContext ml, ShardJob job, string jobPath, IReadOnlyList<ShardManifest> shards)
    {
        var folder = ShardJob.FolderOf(jobPath);
        var views = new List<IDataView>();
        foreach (var shard in shards)
        {
            var path = Path.Combine(folder, ShardFiles.DataName(shard.Index, shard.Count));
            var view = ml.Data.LoadFromBinary(path);
            if (views.Count > 0)
            {
                foreach (var name in job.Columns.Prepend(ShardJob.RowIndexColumnName))
                {
                    var (expected, got) = (views[0].Schema[name].Type, view.Schema[name].Type);
                    if (!expected.Equals(got))
                    {
                        throw new InvalidDataException($"Shard file '{path}' was expected to have column '{name}' of type {expected}, as shard 0 has; got {got}.");
                    }
                }
            }

            views.Add(view);
        }

        return views;
    }
}
