using Microsoft.ML;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class ConcurrentDisposeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Dispose_WhilePredictingOnAnotherThread_NeverCrashes_AndLaterPredictionsThrowObjectDisposed()
    {
        var mlContext = new MLContext(seed: 1);
        var path = TestArchives.TempPath(TestContext, "classifier.zip");
        using (var trained = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 1))
            .Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(10, seed: 1))))
        {
            trained.Save(path);
        }

        var image = SyntheticImages.Rows(1, seed: 2)[0];
        var random = new Random(3);
        for (var repetition = 0; repetition < 30; repetition++)
        {
            var model = TorchImageClassifierTransformer.Load(mlContext, path);
            var engine = mlContext.Model.CreatePredictionEngine<ImageRow, ScoreOnly>(model);
            using var predicted = new ManualResetEventSlim();
            using var stop = new CancellationTokenSource();
            var predictions = Task.Run(() => PredictUntilDisposed(engine, image, predicted, stop.Token));
            try
            {
                Assert.IsTrue(predicted.Wait(TimeSpan.FromSeconds(30)), "the worker predicted once before the dispose");
                Thread.Sleep(random.Next(3));

                model.Dispose();

                Assert.IsTrue(predictions.Wait(TimeSpan.FromSeconds(30)), "the worker finished after the dispose");
            }
            finally
            {
                stop.Cancel();
            }

            Assert.IsGreaterThan(0, predictions.Result, "predictions before the dispose");
            Assert.ThrowsExactly<ObjectDisposedException>(() => engine.Predict(image));
            Assert.ThrowsExactly<ObjectDisposedException>(() => model.Transform(mlContext.Data.LoadFromEnumerable([image])));
        }
    }

    /// <summary>
    /// Predicts until the model is disposed (or <paramref name="stop"/> is cancelled), signalling
    /// <paramref name="predicted"/> after the first success; returns how many predictions succeeded first.
    /// </summary>
    private static int PredictUntilDisposed(PredictionEngine<ImageRow, ScoreOnly> engine, ImageRow image, ManualResetEventSlim predicted, CancellationToken stop)
    {
        for (var count = 0; !stop.IsCancellationRequested; count++)
        {
            try
            {
                engine.Predict(image);
            }
            catch (ObjectDisposedException)
            {
                return count;
            }

            predicted.Set();
        }

        return -1;
    }

    private sealed class ScoreOnly
    {
        public float[] Score { get; set; } = [];
    }
}
