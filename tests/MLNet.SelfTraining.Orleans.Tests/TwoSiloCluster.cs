using Orleans.TestingHost;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>An in-process Orleans cluster of two silos on loopback, each running <see cref="RangeFileExecutor"/>.</summary>
internal static class TwoSiloCluster
{
    public static async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<RangeFileSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
