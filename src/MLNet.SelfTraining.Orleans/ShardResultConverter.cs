using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans;

/// <summary>Lets Orleans serialize <see cref="ShardResult"/> through <see cref="ShardResultSurrogate"/>.</summary>
[RegisterConverter]
internal sealed class ShardResultConverter : IConverter<ShardResult, ShardResultSurrogate>
{
    public ShardResult ConvertFromSurrogate(in ShardResultSurrogate surrogate) =>
        new(surrogate.ShardFile, surrogate.RowsWritten, surrogate.RowsSkipped, surrogate.Reused, surrogate.Elapsed);

    public ShardResultSurrogate ConvertToSurrogate(in ShardResult value) =>
        new(value.ShardFile, value.RowsWritten, value.RowsSkipped, value.Reused, value.Elapsed);
}
