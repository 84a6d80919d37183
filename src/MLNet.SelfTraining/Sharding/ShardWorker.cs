using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Data;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// Scores one shard of a job where it runs: reads only the input files that overlap the shard's rows, checks the
/// teacher file's SHA-256 against the job before loading it with <c>mlContext.Model.Load</c>, transforms, keeps the
/// row index and the job's columns, and writes the shard's data file and then its manifest, each atomically. A shard
/// already written for the same job and range (and whose data file checks) is reused: a repeated call does no work.
/// </summary>
/// <remarks>
/// The teacher is a plain ML.NET model. A model whose transforms live in other assemblies (ONNX, image loading, custom
/// mappings) loads once those assemblies are registered with <c>mlContext.ComponentCatalog</c> by the configure callback;
/// the <c>mlnet-selftraining</c> tool registers Microsoft.ML.OnnxTransformer and Microsoft.ML.ImageAnalytics. TorchSharp
/// archives are not worker teachers: export them with <c>SaveAsMLNetModel</c>. The class is thread-safe: every call
/// uses its own <see cref="MLContext"/>. The shard is written through a <see cref="ReplayedDataView"/>: a shard of at most
/// 8,192 rows, which ML.NET's binary saver reads twice (to size its blocks, then to write them), is scored once.
/// </remarks>
public sealed class ShardWorker
{
    private readonly Action<MLContext>? _configure;

    /// <summary>A worker whose contexts know the assemblies Microsoft.ML loads by itself.</summary>
    public ShardWorker()
    {
    }

    /// <summary>A worker that prepares the context of each call with <paramref name="configure"/> (e.g. registers assemblies).</summary>
    /// <param name="configure">Called with each call's new context before the teacher is loaded.</param>
    public ShardWorker(Action<MLContext> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _configure = configure;
    }

    /// <summary>Scores shard <see cref="ShardRequest.ShardIndex"/> of the job, or reuses it if already written.</summary>
    /// <param name="request">The job file and the shard.</param>
    /// <param name="cancellation">Stops scoring; nothing is left that a reader accepts.</param>
    /// <returns>The shard's file and counts.</returns>
    /// <exception cref="ArgumentException">The request does not match the job (index or count).</exception>
    /// <exception cref="InvalidDataException">The job, the teacher, an input or the skip bitmap fails a check; the message names the file.</exception>
    public ShardResult Run(ShardRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var job = ShardJob.Read(request.JobPath);
        if (request.ShardCount != job.ShardCount || request.ShardIndex < 0 || request.ShardIndex >= job.ShardCount)
        {
            throw new ArgumentException(
                $"Shard {request.ShardIndex}/{request.ShardCount} was expected to be one of the job's shards 0/{job.ShardCount} to {job.ShardCount - 1}/{job.ShardCount} ('{request.JobPath}').",
                nameof(request));
        }

        var folder = ShardJob.FolderOf(request.JobPath);
        var dataPath = Path.Combine(folder, ShardFiles.DataName(request.ShardIndex, job.ShardCount));
        var status = ShardCheck.Inspect(job, request.JobPath, request.ShardIndex);
        if (status.Manifest is { } existing)
        {
            return new ShardResult(dataPath, existing.RowsWritten, existing.RowsSkipped, Reused: true, clock.Elapsed);
        }

        var ml = new MLContext();
        _configure?.Invoke(ml);
        var (start, end) = (status.Start, status.End);
        var skip = job.SkipRowsPath(request.JobPath) is { } skipPath ? SkipBitmap.Read(skipPath, job.TotalRows) : null;
        long skipped = 0;
        for (long row = start; skip is not null && row < end; row++)
        {
            skipped += skip.Skips(row) ? 1 : 0;
        }

        var teacher = LoadTeacher(ml, job, request.JobPath);
        var scored = teacher.Transform(Rows(ml, job, request.JobPath, start, end, skip, cancellation));
        var kept = new ReplayedDataView(Kept(ml, job, scored));
        string sha = "";
        long bytes = 0;
        ShardFiles.WriteAtomically(dataPath, stream => ml.Data.SaveAsBinary(kept, stream, keepHidden: false), temporary =>
        {
            cancellation.ThrowIfCancellationRequested();
            bytes = new FileInfo(temporary).Length;
            sha = ShardFiles.Sha256(temporary);
            if (ShardCheck.SchemaProblem(job, temporary, end - start - skipped) is { } problem)
            {
                throw new InvalidDataException(problem);
            }
        });

        var manifest = new ShardManifest(job.JobId, job.Teacher.Sha256, request.ShardIndex, job.ShardCount, start, end, end - start - skipped, skipped,
            bytes, sha, DateTime.UtcNow, Environment.MachineName);
        manifest.Write(Path.Combine(folder, ShardFiles.ManifestName(request.ShardIndex, job.ShardCount)));
        return new ShardResult(dataPath, manifest.RowsWritten, skipped, Reused: false, clock.Elapsed);
    }

    /// <summary>Loads the teacher from one open stream whose SHA-256 was just checked, so the model loaded is the one checked.</summary>
    private static ITransformer LoadTeacher(MLContext ml, ShardJob job, string jobPath)
    {
        var path = job.TeacherPath(jobPath);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        var sha = ShardFiles.Sha256(stream);
        if (stream.Length != job.Teacher.Bytes || sha != job.Teacher.Sha256)
        {
            throw new InvalidDataException(
                $"Teacher file '{path}' was expected to be {job.Teacher.Bytes} bytes with SHA-256 {job.Teacher.Sha256}, as the job says; got {stream.Length} bytes with SHA-256 {sha}: it is not the job's teacher.");
        }

        stream.Position = 0;
        try
        {
            return ml.Model.Load(stream, out _);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or InvalidDataException or ArgumentException)
        {
            throw new InvalidDataException(
                $"Teacher file '{path}' could not be loaded as an ML.NET model ({e.Message}). A worker loads plain ML.NET models (mlContext.Model.Save); a TorchSharp archive is not one (export it with SaveAsMLNetModel), and a model with ONNX or image transforms needs their assemblies registered (the mlnet-selftraining tool does).", e);
        }
    }

    /// <summary>The rows [start, end) of the job's inputs, reading only the files that overlap them, with their global index; skipped rows left out.</summary>
    private static IDataView Rows(MLContext ml, ShardJob job, string jobPath, long start, long end, SkipBitmap? skip, CancellationToken cancellation)
    {
        var parts = new List<IDataView>();
        long offset = 0;
        for (int i = 0; i < job.Inputs.Count; i++)
        {
            var input = job.Inputs[i];
            var (first, last) = (Math.Max(start, offset), Math.Min(end, offset + input.Rows));
            if (first < last || (parts.Count == 0 && i == job.Inputs.Count - 1))
            {
                long from = first - offset;
                var view = Input(ml, job, jobPath, i);
                if (from > 0)
                {
                    view = ml.Data.SkipRows(view, from);
                }

                view = last > first ? ml.Data.TakeRows(view, last - first) : new EmptyDataView(view.Schema);
                long origin = offset + from;
                var index = ComputedColumn<long>.FromIndex(ShardJob.RowIndexColumnName, NumberDataViewType.Int64, row => origin + row);
                parts.Add(skip is null
                    ? new AugmentedDataView(view, null, [index])
                    : new AugmentedDataView(view, null, [index], row => !skip.Skips(origin + row)));
            }

            offset += input.Rows;
        }

        return new AppendedDataView(parts, cancellation);
    }

    private static IDataView Input(MLContext ml, ShardJob job, string jobPath, int index)
    {
        var path = job.InputPath(jobPath, index);
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != job.Inputs[index].Bytes)
        {
            throw new InvalidDataException($"Input file '{path}' was expected to be {job.Inputs[index].Bytes} bytes, as the job says; got {(info.Exists ? $"{info.Length} bytes" : "no such file")}.");
        }

        var view = ml.Data.LoadFromBinary(path);
        var rows = view.GetRowCount();
        return rows == job.Inputs[index].Rows
            ? view
            : throw new InvalidDataException($"Input file '{path}' was expected to hold {job.Inputs[index].Rows} rows, as the job says; got {rows}.");
    }

    /// <summary>The row index and the job's columns of the teacher's output.</summary>
    private static IDataView Kept(MLContext ml, ShardJob job, IDataView scored)
    {
        foreach (var name in job.Columns.Prepend(ShardJob.RowIndexColumnName))
        {
            if (scored.Schema.GetColumnOrNull(name) is not { IsHidden: false })
            {
                throw new InvalidDataException(
                    $"The teacher's output was expected to have the job's column '{name}'; it has {string.Join(", ", scored.Schema.Where(c => !c.IsHidden).Select(c => $"'{c.Name}'"))}.");
            }
        }

        return ml.Transforms.SelectColumns([ShardJob.RowIndexColumnName, .. job.Columns], keepHidden: false).Fit(scored).Transform(scored);
    }
}
