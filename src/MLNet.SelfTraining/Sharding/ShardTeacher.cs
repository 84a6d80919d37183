namespace MLNet.SelfTraining.Sharding;

/// <summary>The teacher of a job: an ML.NET model file (<c>mlContext.Model.Save</c>), identified by its SHA-256.</summary>
/// <param name="Path">The model file, relative to the job's folder when inside it, absolute otherwise.</param>
/// <param name="Sha256">The file's SHA-256, 64 lowercase hexadecimal digits; a worker refuses a file with another.</param>
/// <param name="Bytes">The file's size in bytes.</param>
public sealed record ShardTeacher(string Path, string Sha256, long Bytes);
