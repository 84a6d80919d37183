namespace MLNet.SelfTraining.SampleData;

/// <summary>The contents of an unsigned-byte IDX file: its dimensions and its data in row-major order.</summary>
/// <param name="Dimensions">The size of each dimension, outermost first (e.g. count, rows, columns).</param>
/// <param name="Data">The data bytes; their count is the product of <paramref name="Dimensions"/>.</param>
internal sealed record IdxArray(IReadOnlyList<int> Dimensions, byte[] Data);
