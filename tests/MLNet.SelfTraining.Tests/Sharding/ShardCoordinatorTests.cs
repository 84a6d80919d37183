using Microsoft.ML;
using MLNet.SelfTraining.Sharding;

namespace MLNet.SelfTraining.Tests.Sharding;

/// <summary>The coordinator runs only the shards without a valid output, keeping the runner's concurrency in flight.</summary>
[TestClass]
public sealed class ShardCoordinatorTests
{
    [TestMethod]
    public async Task OnlyMissingShardsRun_WithTheRunnersConcurrencyInFlight()
    {
        var ml = new MLContext(seed: 1);
        var teacher = Blobs.Pipeline(ml, weightColumn: null).Fit(ml.Data.LoadFromEnumerable(Blobs.Make(20, seed: 1)));
        using var folder = ShardFolder.Create(ml, ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2, hideLabels: true)), teacher, [DefaultColumnNames.Score], 6);
        folder.Run(0);
        var runner = new InProcessRunner(concurrency: 2);

        var set = await ShardCoordinator.RunAsync(folder.JobPath, runner, maximumAttempts: 1, CancellationToken.None);

        CollectionAssert.AreEquivalent(new[] { 1, 2, 3, 4, 5 }, runner.Shards.ToArray());
        Assert.AreEqual(2, runner.MostInFlight);
        Assert.AreEqual(90, set.Shards.Sum(s => s.RowsWritten));
    }

    /// <summary>Runs each shard with <see cref="ShardWorker"/> on the thread pool, recording the shards and the most calls at once.</summary>
    private sealed class InProcessRunner(int concurrency) : IShardRunner
    {
        private int _inFlight;

        public int Concurrency => concurrency;

        public List<int> Shards { get; } = [];

        public int MostInFlight { get; private set; }

        public async Task RunAsync(ShardRequest request, CancellationToken cancellation)
        {
            lock (Shards)
            {
                Shards.Add(request.ShardIndex);
                MostInFlight = Math.Max(MostInFlight, ++_inFlight);
            }

            try
            {
                await Task.Run(() => new ShardWorker().Run(request, cancellation), cancellation);
                await Task.Delay(50, cancellation);
            }
            finally
            {
                lock (Shards)
                {
                    _inFlight--;
                }
            }
        }
    }
}
