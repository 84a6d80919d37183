using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// A pseudo-labeling job (<c>job.json</c>): the teacher, the unlabeled rows (ML.NET binary files in order: row i of the
/// job is row i of their concatenation), the teacher output columns every shard keeps, the number of shards and,
/// optionally, rows not to score. Shard i of n covers the rows [⌊i·N/n⌋, ⌊(i+1)·N/n⌋) and is written next to the job
/// file. <see cref="JobId"/> is the SHA-256 of the job's content, so shards of another job are recognized as such.
/// </summary>
public sealed class ShardJob
{
    /// <summary>The format version this library reads and writes.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The largest number of shards (shard file names carry 5-digit indices).</summary>
    public const int MaximumShardCount = 99_999;

    /// <summary>The name of the global row index column every shard holds (Int64), beside <see cref="Columns"/>.</summary>
    public const string RowIndexColumnName = "RowIndex";

    private static readonly string[] s_tasks = ["classification", "segmentation", "detection", "any"];

    private ShardJob(string jobId, string task, double? threshold, ShardTeacher teacher, IReadOnlyList<ShardInput> inputs,
        IReadOnlyList<string> columns, int shardCount, string? skipRows)
    {
        JobId = jobId;
        Task = task;
        Threshold = threshold;
        Teacher = teacher;
        Inputs = inputs;
        Columns = columns;
        ShardCount = shardCount;
        SkipRows = skipRows;
        TotalRows = inputs.Sum(i => i.Rows);
    }

    /// <summary>The SHA-256 (lowercase hexadecimal) of the job's content, every field but this one.</summary>
    public string JobId { get; }

    /// <summary>The task, for people reading the file: <c>classification</c>, <c>segmentation</c>, <c>detection</c> or <c>any</c>.</summary>
    public string Task { get; }

    /// <summary>The selection threshold the scores will be judged by, for people reading the file; <see langword="null"/> when none applies.</summary>
    public double? Threshold { get; }

    /// <summary>The teacher model file.</summary>
    public ShardTeacher Teacher { get; }

    /// <summary>The unlabeled rows, in order.</summary>
    public IReadOnlyList<ShardInput> Inputs { get; }

    /// <summary>The teacher output columns every shard keeps.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The number of shards.</summary>
    public int ShardCount { get; }

    /// <summary>A skip bitmap (one bit per row, set = not scored), relative to the job's folder when inside it; <see langword="null"/> when every row is scored.</summary>
    public string? SkipRows { get; }

    /// <summary>The number of rows, over every input.</summary>
    public long TotalRows { get; }

    /// <summary>The rows shard <paramref name="index"/> covers: [⌊i·N/n⌋, ⌊(i+1)·N/n⌋).</summary>
    /// <param name="index">The shard, from 0 to <see cref="ShardCount"/> − 1.</param>
    public (long Start, long End) Range(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ShardCount);
        return (Boundary(index), Boundary(index + 1));
    }

    /// <summary>
    /// Describes a job whose files live in (or are referred to from) <paramref name="jobFolder"/>: hashes the teacher and
    /// reads the row count of each input.
    /// </summary>
    /// <param name="jobFolder">The folder the job file and its shards go to; paths inside it are stored relative to it.</param>
    /// <param name="teacherPath">The teacher, an ML.NET model file.</param>
    /// <param name="inputPaths">The unlabeled rows: ML.NET binary files, in order.</param>
    /// <param name="columns">The teacher output columns the shards keep.</param>
    /// <param name="shardCount">The number of shards, 1 to <see cref="MaximumShardCount"/>.</param>
    /// <param name="task">For people reading the file: <c>classification</c>, <c>segmentation</c>, <c>detection</c> or <c>any</c>.</param>
    /// <param name="threshold">For people reading the file: the selection threshold, if any.</param>
    /// <param name="skipRowsPath">A skip bitmap for the job's rows, if some rows are not to be scored.</param>
    /// <exception cref="ArgumentException">An argument is invalid (the message names it).</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static ShardJob Create(string jobFolder, string teacherPath, IReadOnlyList<string> inputPaths, IReadOnlyList<string> columns, int shardCount,
        string task = "any", double? threshold = null, string? skipRowsPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jobFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(teacherPath);
        ArgumentNullException.ThrowIfNull(inputPaths);
        ArgumentNullException.ThrowIfNull(columns);
        var ml = new MLContext();
        var inputs = new List<ShardInput>();
        foreach (var input in inputPaths)
        {
            var info = new FileInfo(input);
            if (!info.Exists)
            {
                throw new FileNotFoundException($"Input file '{input}' was expected to exist; it does not.", input);
            }

            long rows = ml.Data.LoadFromBinary(info.FullName).GetRowCount()
                ?? throw new InvalidDataException($"Input file '{input}' was expected to be an ML.NET binary file with a row count; got none.");
            inputs.Add(new ShardInput(ShardFiles.Relative(jobFolder, info.FullName), rows, info.Length));
        }

        var teacher = new FileInfo(teacherPath);
        if (!teacher.Exists)
        {
            throw new FileNotFoundException($"Teacher file '{teacherPath}' was expected to exist; it does not.", teacherPath);
        }

        var file = new ShardJobFile
        {
            FormatVersion = CurrentFormatVersion,
            Task = task,
            Threshold = threshold,
            Teacher = new() { Path = ShardFiles.Relative(jobFolder, teacher.FullName), Sha256 = ShardFiles.Sha256(teacher.FullName), Bytes = teacher.Length },
            Inputs = inputs.Select(i => new ShardJobFile.InputFile { Path = i.Path, Rows = i.Rows, Bytes = i.Bytes }).ToList(),
            Columns = [.. columns],
            ShardCount = shardCount,
            SkipRows = skipRowsPath is null ? null : ShardFiles.Relative(jobFolder, skipRowsPath),
        };
        file.JobId = Identity(file);
        return FromFile(file, error => new ArgumentException(error));
    }

    /// <summary>Reads and checks a job file (size bounded, every field checked, <see cref="JobId"/> recomputed).</summary>
    /// <param name="path">The job file.</param>
    /// <exception cref="InvalidDataException">The file is too large, malformed, or a field is invalid; the message names the file and the field.</exception>
    public static ShardJob Read(string path)
    {
        var bytes = ShardFiles.ReadBounded(path, ShardFiles.MaximumManifestBytes, "Job file");
        ShardJobFile file;
        try
        {
            file = JsonSerializer.Deserialize<ShardJobFile>(bytes, ShardJobFile.Options)
                ?? throw new InvalidDataException($"Job file '{path}' was expected to hold a JSON object; got null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Job file '{path}' is not a valid job: {e.Message}", e);
        }

        var job = FromFile(file, error => new InvalidDataException($"Job file '{path}': {error}"));
        var expected = Identity(file);
        if (job.JobId != expected)
        {
            throw new InvalidDataException($"Job file '{path}': field 'jobId' was expected to be the SHA-256 of the job's content, {expected}; got {job.JobId} (the file was edited).");
        }

        return job;
    }

    /// <summary>Writes the job file atomically (a temporary file in the same folder, then renamed).</summary>
    /// <param name="path">The job file, normally <c>job.json</c> in the job's folder.</param>
    public void Write(string path)
        => ShardFiles.WriteAtomically(path, stream => JsonSerializer.Serialize(stream, ToFile(), ShardJobFile.Options));

    /// <summary>The teacher file's full path, for a job file at <paramref name="jobPath"/>.</summary>
    public string TeacherPath(string jobPath) => ShardFiles.Resolve(FolderOf(jobPath), Teacher.Path);

    /// <summary>The full path of input <paramref name="index"/>, for a job file at <paramref name="jobPath"/>.</summary>
    internal string InputPath(string jobPath, int index) => ShardFiles.Resolve(FolderOf(jobPath), Inputs[index].Path);

    /// <summary>The skip bitmap's full path, for a job file at <paramref name="jobPath"/>.</summary>
    internal string? SkipRowsPath(string jobPath) => SkipRows is null ? null : ShardFiles.Resolve(FolderOf(jobPath), SkipRows);

    /// <summary>The folder of a job file: its shards are written there.</summary>
    internal static string FolderOf(string jobPath) => Path.GetDirectoryName(Path.GetFullPath(jobPath))!;

    private long Boundary(int index) => (long)(((System.Numerics.BigInteger)index * TotalRows) / ShardCount);

    private ShardJobFile ToFile() => new()
    {
        FormatVersion = CurrentFormatVersion,
        JobId = JobId,
        Task = Task,
        Threshold = Threshold,
        Teacher = new() { Path = Teacher.Path, Sha256 = Teacher.Sha256, Bytes = Teacher.Bytes },
        Inputs = Inputs.Select(i => new ShardJobFile.InputFile { Path = i.Path, Rows = i.Rows, Bytes = i.Bytes }).ToList(),
        Columns = [.. Columns],
        ShardCount = ShardCount,
        SkipRows = SkipRows,
    };

    /// <summary>The SHA-256 of the file's canonical content: its JSON without <c>jobId</c>.</summary>
    private static string Identity(ShardJobFile file)
    {
        var id = file.JobId;
        file.JobId = null;
        try
        {
            return Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(file, ShardJobFile.Options))).ToLowerInvariant();
        }
        finally
        {
            file.JobId = id;
        }
    }

    private static ShardJob FromFile(ShardJobFile file, Func<string, Exception> invalid)
    {
        void Check(bool valid, string field, string expected, object? got)
        {
            if (!valid)
            {
                throw invalid($"field '{field}' was expected to be {expected}; got {(got is null ? "nothing" : $"'{got}'")}.");
            }
        }

        Check(file.FormatVersion == CurrentFormatVersion, "formatVersion", CurrentFormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), file.FormatVersion);
        Check(IsSha256(file.JobId), "jobId", "64 lowercase hexadecimal digits", file.JobId);
        Check(file.Task is not null && s_tasks.Contains(file.Task), "task", $"one of {string.Join(", ", s_tasks)}", file.Task);
        Check(file.Threshold is not { } t || double.IsFinite(t), "threshold", "a finite number or absent", file.Threshold);
        Check(file.Teacher is not null, "teacher", "an object", null);
        Check(!string.IsNullOrWhiteSpace(file.Teacher!.Path), "teacher.path", "a file path", file.Teacher.Path);
        Check(IsSha256(file.Teacher.Sha256), "teacher.sha256", "64 lowercase hexadecimal digits", file.Teacher.Sha256);
        Check(file.Teacher.Bytes > 0, "teacher.bytes", "positive", file.Teacher.Bytes);
        Check(file.Inputs is { Count: > 0 }, "inputs", "at least one input file", file.Inputs?.Count);
        long total = 0;
        for (int i = 0; i < file.Inputs!.Count; i++)
        {
            var input = file.Inputs[i];
            Check(input is not null && !string.IsNullOrWhiteSpace(input.Path), $"inputs[{i}].path", "a file path", input?.Path);
            Check(input!.Rows >= 0 && input.Rows <= long.MaxValue - total, $"inputs[{i}].rows", "0 or more (and a total below 2^63)", input.Rows);
            Check(input.Bytes > 0, $"inputs[{i}].bytes", "positive", input.Bytes);
            total += input.Rows;
        }

        Check(file.Columns is { Count: > 0 }, "columns", "at least one column name", file.Columns?.Count);
        for (int i = 0; i < file.Columns!.Count; i++)
        {
            var column = file.Columns[i];
            Check(!string.IsNullOrWhiteSpace(column) && column != RowIndexColumnName && file.Columns.IndexOf(column) == i,
                $"columns[{i}]", $"a column name, not '{RowIndexColumnName}', not repeated", column);
        }

        Check(file.ShardCount is >= 1 and <= MaximumShardCount, "shardCount", $"1 to {MaximumShardCount}", file.ShardCount);
        Check(file.SkipRows is null || !string.IsNullOrWhiteSpace(file.SkipRows), "skipRows", "a file path or absent", file.SkipRows);
        return new ShardJob(file.JobId!, file.Task!, file.Threshold, new ShardTeacher(file.Teacher.Path!, file.Teacher.Sha256!, file.Teacher.Bytes),
            file.Inputs.Select(i => new ShardInput(i.Path!, i.Rows, i.Bytes)).ToList(), [.. file.Columns], file.ShardCount, file.SkipRows);
    }

    private static bool IsSha256(string? text) => text is { Length: 64 } && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
