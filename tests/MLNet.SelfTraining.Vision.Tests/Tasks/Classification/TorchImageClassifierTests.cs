using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class TorchImageClassifierTests
{
    [TestMethod]
    public void Fit_ThenEvaluate_LearnsTheSyntheticClasses()
    {
        var mlContext = new MLContext(seed: 1);
        var train = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(300, seed: 1));
        var test = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(150, seed: 2));

        using var model = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 60))
            .Fit(train);
        var metrics = mlContext.MulticlassClassification.Evaluate(model.Transform(test));

        Assert.IsGreaterThan(0.9, metrics.MacroAccuracy, $"macro accuracy {metrics.MacroAccuracy:F3}");
        Assert.AreEqual(3, metrics.ConfusionMatrix.NumberOfClasses);
    }

    [TestMethod]
    public void Transform_Schema_HasScoreAndPredictedLabelLikeMlNetScorers()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 1));
        using var model = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 2))
            .Fit(data);

        var schema = model.Transform(data).Schema;

        Assert.AreEqual(new VectorDataViewType(NumberDataViewType.Single, 3), schema["Score"].Type);
        Assert.AreEqual(schema["Label"].Type, schema["PredictedLabel"].Type);
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        schema["Score"].GetSlotNames(ref slotNames);
        CollectionAssert.AreEqual(SyntheticImages.Classes, slotNames.DenseValues().Select(v => v.ToString()).ToArray());
        var keyValues = default(VBuffer<ReadOnlyMemory<char>>);
        schema["PredictedLabel"].GetKeyValues(ref keyValues);
        CollectionAssert.AreEqual(SyntheticImages.Classes, keyValues.DenseValues().Select(v => v.ToString()).ToArray());
    }

    [TestMethod]
    public void PredictionEngine_AgreesWithBatchTransform()
    {
        var mlContext = new MLContext(seed: 1);
        var rows = SyntheticImages.Rows(40, seed: 3);
        var raw = mlContext.Data.LoadFromEnumerable(rows);
        var toKey = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(raw);
        var keyed = toKey.Transform(raw);
        using var model = mlContext.MulticlassClassification.Trainers
            .TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 20))
            .Fit(keyed);
        var toValue = mlContext.Transforms.Conversion.MapKeyToValue("PredictedLabel").Fit(model.Transform(keyed));
        var chain = new TransformerChain<ITransformer>(toKey, model, toValue);

        using var engine = mlContext.Model.CreatePredictionEngine<ImageRow, Prediction>(chain);
        var single = rows.Select(engine.Predict).ToArray();
        var batch = mlContext.Data.CreateEnumerable<Prediction>(chain.Transform(mlContext.Data.LoadFromEnumerable(rows)), reuseRowObject: false).ToArray();

        for (var i = 0; i < rows.Length; i++)
        {
            Assert.AreEqual(batch[i].PredictedLabel, single[i].PredictedLabel);
            CollectionAssert.AreEqual(batch[i].Score, single[i].Score, new ToleranceComparer(1e-5f));
        }
    }

    [TestMethod]
    public void Fit_WithTheSameSeed_GivesBitIdenticalPredictions()
    {
        var first = ScoresAfterFit(seed: 5);
        var second = ScoresAfterFit(seed: 5);
        var other = ScoresAfterFit(seed: 6);

        CollectionAssert.AreEqual(first, second);
        CollectionAssert.AreNotEqual(first, other);
    }

    private static float[] ScoresAfterFit(int seed)
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 1));
        var options = TinyClassifier.Options(steps: 10, seed: seed);
        options.Augmentation.Policy = Vision.Augmentation.AugmentationPolicy.S4;
        options.Network.DropoutRate = 0.3;
        using var model = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options).Fit(data);
        return mlContext.Data.CreateEnumerable<Scores>(model.Transform(data), reuseRowObject: false).SelectMany(s => s.Score).ToArray();
    }

    private sealed class Scores
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class Prediction
    {
        public string PredictedLabel { get; set; } = "";

        public float[] Score { get; set; } = [];
    }
}
