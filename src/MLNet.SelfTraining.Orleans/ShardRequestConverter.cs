using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Orleans;

/// <summary>Lets Orleans serialize <see cref="ShardRequest"/> through <see cref="ShardRequestSurrogate"/>.</summary>
[RegisterConverter]
internal sealed class ShardRequestConverter : IConverter<ShardRequest, ShardRequestSurrogate>
{
    public ShardRequest ConvertFromSurrogate(in ShardRequestSurrogate surrogate) =>
        new(surrogate.JobPath, surrogate.ShardIndex, surrogate.ShardCount);

    public ShardRequestSurrogate ConvertToSurrogate(in ShardRequest value) =>
        new(value.JobPath, value.ShardIndex, value.ShardCount);
}
