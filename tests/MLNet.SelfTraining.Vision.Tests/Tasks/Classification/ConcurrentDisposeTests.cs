using Microsoft.ML;
using Microsoft.ML.Data;
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

        var image = new ImageOnly { Features = SyntheticImages.Rows(1, seed: 2)[0].Features };
        var random = new Random(3);
        for (var repetition = 0; repetition < 30; repetition++)
        {
            var model = TorchImageClassifierTransformer.Load(mlContext, path);
            var engine = mlContext.Model.CreatePredictionEngine<ImageOnly, ScoreOnly>(model);
            var predictions = Task.Run(() => PredictUntilDisposed(engine, image));
            Thread.Sleep(random.Next(3));

            model.Dispose();

            Assert.IsGreaterThanOrEqualTo(0, predictions.Result, "predictions before the dispose");
            Assert.ThrowsExactly<ObjectDisposedException>(() => engine.Predict(image));
            Assert.ThrowsExactly<ObjectDisposedException>(() => model.Transform(mlContext.Data.LoadFromEnumerable([image])));
        }
    }

    /// <summary>Predicts until the model is disposed; returns how many predictions succeeded first.</summary>
    private static int PredictUntilDisposed(PredictionEngine<ImageOnly, ScoreOnly> engine, ImageOnly image)
    {
        for (var count = 0; ; count++)
        {
            try
            {
                engine.Predict(image);
            }
            catch (ObjectDisposedException)
            {
                return count;
            }
        }
    }

    private sealed class ImageOnly
    {
        [VectorType(SyntheticImages.PixelCount)]
        public float[] Features { get; set; } = [];
    }

    private sealed class ScoreOnly
    {
        public float[] Score { get; set; } = [];
    }
}
