using System.Runtime.InteropServices;
using MLNet.SelfTraining.Vision.Engine;

namespace MLNet.SelfTraining.Vision.Tests.Engine;

[TestClass]
public sealed class BatchSourceTests
{
    [TestMethod]
    public void Take_PreparesEachBatchOnTheCallersThread_InStepOrder()
    {
        var next = 0;
        var threads = new List<int>();
        var sut = new BatchSource<Batch>(() => [next++], rows =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            return new Batch(rows);
        });

        for (var step = 0; step < 5; step++)
        {
            using var batch = sut.Take(step);
            CollectionAssert.AreEqual(new[] { step }, batch.Rows);
        }

        // A worker thread would race TorchSharp's Scalar finalizers (BatchSource's remarks).
        CollectionAssert.AreEqual(Enumerable.Repeat(Environment.CurrentManagedThreadId, 5).ToArray(), threads);
    }

    [TestMethod]
    public void Take_WhenPreparingFails_ThrowsWithTheStepTheRowsAndTheOriginalException()
    {
        var failure = new ExternalException("Expected false to be true");
        var sut = new BatchSource<Batch>(() => [7, 3, 11], _ => throw failure);

        var thrown = Assert.ThrowsExactly<InvalidOperationException>(() => sut.Take(42));

        Assert.AreSame(failure, thrown.InnerException);
        StringAssert.Contains(thrown.Message, "step 42");
        StringAssert.Contains(thrown.Message, "rows 7, 3, 11)");
        StringAssert.Contains(thrown.Message, "ExternalException: Expected false to be true");
    }

    [TestMethod]
    public void Take_WhenPreparingALargeBatchFails_NamesTheFirstRowsAndTheCount()
    {
        var sut = new BatchSource<Batch>(() => Enumerable.Range(100, 40).ToArray(), _ => throw new ArgumentException("bad"));

        var thrown = Assert.ThrowsExactly<InvalidOperationException>(() => sut.Take(0));

        StringAssert.Contains(thrown.Message, "rows 100, 101, ");
        StringAssert.Contains(thrown.Message, "115, … (40 rows)");
        Assert.IsFalse(thrown.Message.Contains("116", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Take_WhenCancelled_ThrowsTheCancellationUnwrapped()
    {
        var sut = new BatchSource<Batch>(() => [1], _ => throw new OperationCanceledException());

        Assert.ThrowsExactly<OperationCanceledException>(() => sut.Take(3));
    }

    private sealed class Batch(int[] rows) : IDisposable
    {
        public int[] Rows { get; } = rows;

        public void Dispose()
        {
        }
    }
}
