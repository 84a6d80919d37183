using System.Text.Json;

namespace MLNet.SelfTraining.Sharding;

/// <summary>
/// A shard's manifest (<c>shard-{i:D5}-of-{n:D5}.json</c>), written after its data file: the commit marker of the
/// shard. It names the job and teacher the shard was scored for, its range, and the size and SHA-256 of the data file.
/// </summary>
/// <param name="JobId">The job's <see cref="ShardJob.JobId"/>.</param>
/// <param name="TeacherSha256">The SHA-256 of the teacher that scored the rows.</param>
/// <param name="Index">The shard's index, 0-based.</param>
/// <param name="Count">The job's number of shards.</param>
/// <param name="Start">The first global row of the range.</param>
/// <param name="End">One past the last global row of the range.</param>
/// <param name="RowsWritten">The rows scored and written.</param>
/// <param name="RowsSkipped">The rows of the range the skip bitmap excluded.</param>
/// <param name="Bytes">The data file's size.</param>
/// <param name="Sha256">The data file's SHA-256, lowercase hexadecimal.</param>
/// <param name="WrittenUtc">When the shard was written.</param>
/// <param name="Host">The machine that wrote it.</param>
public sealed record ShardManifest(string JobId, string TeacherSha256, int Index, int Count, long Start, long End, long RowsWritten, long RowsSkipped,
    long Bytes, string Sha256, DateTime WrittenUtc, string Host)
{
    /// <summary>The largest manifest read.</summary>
    internal const int MaximumBytes = 64 * 1024;

    /// <summary>Reads a manifest, size bounded and every field checked.</summary>
    /// <exception cref="InvalidDataException">The file is too large or malformed; the message names it.</exception>
    internal static ShardManifest Read(string path)
    {
        var bytes = ShardFiles.ReadBounded(path, MaximumBytes, "Shard manifest");
        ShardManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ShardManifest>(bytes, ShardJobFile.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Shard manifest '{path}' is malformed: {e.Message}", e);
        }

        string? problem = manifest switch
        {
            null => "a JSON object was expected; got null",
            { JobId: null or "" } or { TeacherSha256: null or "" } or { Sha256: null or "" } or { Host: null } => "fields 'jobId', 'teacherSha256', 'sha256' and 'host' were expected; one is missing",
            { Index: < 0 } or { Count: < 1 } => $"'index' 0 or more and 'count' 1 or more were expected; got {manifest.Index} and {manifest.Count}",
            _ when manifest.Index >= manifest.Count => $"'index' was expected below 'count' {manifest.Count}; got {manifest.Index}",
            { Start: < 0 } => $"'start' was expected to be 0 or more; got {manifest.Start}",
            _ when manifest.End < manifest.Start => $"'end' was expected to be at least 'start' {manifest.Start}; got {manifest.End}",
            { RowsWritten: < 0 } or { RowsSkipped: < 0 } => "'rowsWritten' and 'rowsSkipped' were expected to be 0 or more",
            _ when manifest.RowsWritten + manifest.RowsSkipped != manifest.End - manifest.Start =>
                $"'rowsWritten' + 'rowsSkipped' was expected to be the range's {manifest.End - manifest.Start} rows; got {manifest.RowsWritten} + {manifest.RowsSkipped}",
            { Bytes: <= 0 } => $"'bytes' was expected to be positive; got {manifest.Bytes}",
            _ => null,
        };
        return problem is null ? manifest! : throw new InvalidDataException($"Shard manifest '{path}' is malformed: {problem}.");
    }

    /// <summary>Writes the manifest atomically.</summary>
    internal void Write(string path) => ShardFiles.WriteAtomically(path, stream => JsonSerializer.Serialize(stream, this, ShardJobFile.Options));
}
