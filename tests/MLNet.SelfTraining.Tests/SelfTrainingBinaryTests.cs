using Microsoft.ML;

namespace MLNet.SelfTraining.Tests;

[TestClass]
public sealed class SelfTrainingBinaryTests
{
    private static IDataView Data(MLContext ml, int perClass, int seed)
        => ml.Data.LoadFromEnumerable(Blobs.Make(perClass, seed).Where(r => r.TrueLabel != "c").Select(r => new BinaryRow { Label = r.TrueLabel == "b", Features = r.Features }));

    [TestMethod]
    public void CalibratedBinaryTeacher_SelfTrains()
    {
        var ml = new MLContext(seed: 1);
        var trainer = ml.BinaryClassification.Trainers.LbfgsLogisticRegression(exampleWeightColumnName: DefaultColumnNames.Weight);
        var model = ml.BinaryClassification.Trainers.SelfTraining(ml, trainer, Data(ml, 100, 2),
            new SelfTrainingOptions { MaximumIterations = 2, Validation = Unguarded.Validation }).Fit(Data(ml, 3, 1));

        Assert.IsNotEmpty(model.Rounds);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(Data(ml, 50, 3)));
        Assert.IsGreaterThan(0.9, metrics.Accuracy);
    }

    [TestMethod]
    public void UncalibratedBinaryTeacher_FailsWithAClearMessage()
    {
        var ml = new MLContext(seed: 1);
        var trainer = ml.BinaryClassification.Trainers.LinearSvm();
        var error = Assert.ThrowsExactly<InvalidOperationException>(
            () => ml.BinaryClassification.Trainers.SelfTraining(ml, trainer, Data(ml, 20, 2)).Fit(Data(ml, 3, 1)));

        Assert.Contains("'Probability'", error.Message);
        Assert.Contains("calibrator", error.Message);
    }

    internal sealed class BinaryRow
    {
        public bool Label { get; set; }

        [Microsoft.ML.Data.VectorType(2)]
        public float[] Features { get; set; } = [];
    }
}
