using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Sharding;

/// <summary>The checks a shard passes before anyone reads it or a worker reuses it.</summary>
internal static class ShardCheck
{
    /// <summary>
    /// Inspects shard <paramref name="index"/> of <paramref name="job"/> in its folder: its manifest (bounded, well
    /// formed, this job and teacher, this index and range), its data file (size and SHA-256 as the manifest says) and
    /// the data file's schema (the row index and the job's columns) and row count.
    /// </summary>
    public static ShardStatus Inspect(ShardJob job, string jobPath, int index)
    {
        var (start, end) = job.Range(index);
        var folder = ShardJob.FolderOf(jobPath);
        var manifestPath = Path.Combine(folder, ShardFiles.ManifestName(index, job.ShardCount));
        if (!File.Exists(manifestPath))
        {
            return new ShardStatus(index, start, end, null, null);
        }

        var problem = Problem(job, manifestPath, index, start, end, out var manifest);
        return new ShardStatus(index, start, end, problem is null ? manifest : null, problem);
    }

    private static string? Problem(ShardJob job, string manifestPath, int index, long start, long end, out ShardManifest? manifest)
    {
        manifest = null;
        try
        {
            manifest = ShardManifest.Read(manifestPath);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return e.Message;
        }

        if (manifest.JobId != job.JobId)
        {
            return $"Shard manifest '{manifestPath}' belongs to job {manifest.JobId} (teacher {manifest.TeacherSha256}), not to this job {job.JobId} (teacher {job.Teacher.Sha256}): shards of another job or teacher cannot be mixed.";
        }

        if (manifest.TeacherSha256 != job.Teacher.Sha256)
        {
            return $"Shard manifest '{manifestPath}' was scored by teacher {manifest.TeacherSha256}, not by the job's teacher {job.Teacher.Sha256}: shards of another teacher cannot be mixed.";
        }

        if (manifest.Index != index || manifest.Count != job.ShardCount || manifest.Start != start || manifest.End != end)
        {
            return $"Shard manifest '{manifestPath}' was expected to describe shard {index} of {job.ShardCount}, rows [{start}, {end}); got shard {manifest.Index} of {manifest.Count}, rows [{manifest.Start}, {manifest.End}): a duplicate or overlapping range.";
        }

        var dataPath = Path.Combine(Path.GetDirectoryName(manifestPath)!, ShardFiles.DataName(index, job.ShardCount));
        var data = new FileInfo(dataPath);
        if (!data.Exists)
        {
            return $"Shard file '{dataPath}' was expected beside its manifest; it does not exist.";
        }

        if (data.Length != manifest.Bytes)
        {
            return $"Shard file '{dataPath}' was expected to be {manifest.Bytes} bytes, as its manifest says; got {data.Length} (corrupt or half-written).";
        }

        var sha = ShardFiles.Sha256(dataPath);
        if (sha != manifest.Sha256)
        {
            return $"Shard file '{dataPath}' was expected to have SHA-256 {manifest.Sha256}, as its manifest says; got {sha} (corrupt).";
        }

        return SchemaProblem(job, dataPath, manifest.RowsWritten);
    }

    /// <summary>Why a written shard file does not hold the job's columns and rows, or <see langword="null"/>.</summary>
    public static string? SchemaProblem(ShardJob job, string dataPath, long rowsWritten)
    {
        IDataView view;
        try
        {
            view = new MLContext().Data.LoadFromBinary(dataPath);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or InvalidDataException or IOException)
        {
            return $"Shard file '{dataPath}' is not a readable ML.NET binary file: {e.Message}";
        }

        var index = view.Schema.GetColumnOrNull(ShardJob.RowIndexColumnName);
        if (index is null || index.Value.Type != NumberDataViewType.Int64)
        {
            return $"Shard file '{dataPath}' was expected to have column '{ShardJob.RowIndexColumnName}' of type Int64; got {(index is null ? "no such column" : index.Value.Type.ToString())}.";
        }

        if (job.Columns.FirstOrDefault(c => view.Schema.GetColumnOrNull(c) is null) is { } absent)
        {
            return $"Shard file '{dataPath}' was expected to have the job's column '{absent}'; it has {string.Join(", ", view.Schema.Select(c => $"'{c.Name}'"))}.";
        }

        var rows = view.GetRowCount();
        return rows == rowsWritten ? null : $"Shard file '{dataPath}' was expected to hold {rowsWritten} rows, as its manifest says; got {rows}.";
    }
}
