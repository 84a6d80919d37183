using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests;

/// <summary>Checks that need no training fail before the teacher is fitted, with messages that say what the user did.</summary>
[TestClass]
public sealed class SelfTrainingEarlyChecksTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static ArgumentException FitFails(IDataView training, IDataView? unlabeled, out FitCounter teacher)
    {
        var counter = new FitCounter(Blobs.Pipeline(Ml));
        teacher = counter;
        return Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, counter, unlabeled).Fit(training));
    }

    [TestMethod]
    public void OneLabeledClass_IsNamedAsSuch_BeforeTheTeacherTrains()
    {
        var rows = Blobs.Make(3, seed: 1).Select(r => new Blobs.Row { Label = r.Label == "a" ? "a" : "", TrueLabel = r.TrueLabel, Features = r.Features });
        var error = FitFails(Ml.Data.LoadFromEnumerable(rows), null, out var teacher);

        StringAssert.Contains(error.Message, "only one class labeled ('a')");
        StringAssert.Contains(error.Message, "'Label'");
        Assert.AreEqual(0, teacher.Fits);
    }

    [TestMethod]
    public void AKeyClassWithoutLabeledRows_FailsBeforeTheTeacherTrains()
    {
        // In-memory key values are 0-based: classes 0 and 1 are labeled, class 2 of the key's 3 is not.
        var rows = Enumerable.Range(0, 12).Select(i => new KeyRow { Label = (uint)(i % 2), Features = [i % 2 * 5 + i * 0.01f, 1] });
        var counter = new FitCounter(Ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy());

        var error = Assert.ThrowsExactly<ArgumentException>(
            () => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, counter).Fit(Ml.Data.LoadFromEnumerable(rows)));

        StringAssert.Contains(error.Message, "class index(es) 2 of 3");
        Assert.AreEqual(0, counter.Fits);
    }

    [TestMethod]
    public void UnlabeledDataTheTeacherCannotRead_FailsBeforeTheTeacherTrains()
    {
        var other = Ml.Data.LoadFromEnumerable(Enumerable.Range(0, 10).Select(i => new PixelsRow { Pixels = [i, 1] }));
        var error = FitFails(Ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1)), other, out var teacher);

        StringAssert.Contains(error.Message, "does not match what the teacher consumes");
        StringAssert.Contains(error.Message, "Features");
        Assert.AreEqual(0, teacher.Fits);
    }

    internal sealed class KeyRow
    {
        [KeyType(3)]
        public uint Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    internal sealed class PixelsRow
    {
        [VectorType(2)]
        public float[] Pixels { get; set; } = [];
    }

    /// <summary>Counts the fits of the pipeline it wraps.</summary>
    internal sealed class FitCounter(IEstimator<ITransformer> inner) : IEstimator<ITransformer>
    {
        public int Fits { get; private set; }

        public ITransformer Fit(IDataView input)
        {
            Fits++;
            return inner.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
    }
}
