using Orleans.TestingHost;

namespace MLNet.SelfTraining.Orleans.Tests;

/// <summary>An in-process Orleans cluster of two silos on loopback, each configured by <typeparamref name="TSilo"/>.</summary>
internal static class TwoSiloCluster<TSilo>
    where TSilo : ISiloConfigurator, new()
{
    public static async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<TSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
