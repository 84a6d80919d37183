namespace MLNet.SelfTraining.Sharding;

/// <summary>One input file of a job: an ML.NET binary IDataView (<c>.idv</c>) holding consecutive unlabeled rows.</summary>
/// <param name="Path">The file, relative to the job's folder when inside it, absolute otherwise.</param>
/// <param name="Rows">Its number of rows.</param>
/// <param name="Bytes">Its size in bytes.</param>
public sealed record ShardInput(string Path, long Rows, long Bytes);
