using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Tests.Validation;

[TestClass]
public sealed class ValidationBadInputTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static SelfTrainingTransformer Fit(ValidationOptions validation, IDataView labeled)
        => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), Ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2)),
            new SelfTrainingOptions { MaximumIterations = 1, Validation = validation }).Fit(labeled);

    [TestMethod]
    public void OneLabeledRowOfAClass_FallsBackToUnguarded_AndSaysWhy()
    {
        var rows = Blobs.Make(5, seed: 1).Where((r, i) => r.Label != "c" || i == 2).ToList();
        var messages = new List<string>();
        var ml = new MLContext(seed: 1);
        ml.Log += (_, e) => { lock (messages) { messages.Add(e.Message); } };

        using var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2)),
            new SelfTrainingOptions { MaximumIterations = 1 }).Fit(ml.Data.LoadFromEnumerable(rows));

        Assert.IsNull(model.Validation);
        Assert.HasCount(1, model.Rounds, "unguarded: the round runs");
        StringAssert.StartsWith(model.Verdict, "not validated: holding labeled rows out needs at least 2 labeled rows of every class; got 1 of 'c'.");
        Assert.IsTrue(messages.Any(m => m.Contains(model.Verdict)), "the fallback is logged");
    }

    [TestMethod]
    public void ValidationDataWithAClassMissing_IsRejected_NamingTheClass()
    {
        var onlyAandB = Ml.Data.LoadFromEnumerable(Blobs.Make(5, seed: 3).Where(r => r.Label != "c"));

        var error = Assert.ThrowsExactly<ArgumentException>(() => Fit(new ValidationOptions { ValidationData = onlyAandB }, Ml.Data.LoadFromEnumerable(Blobs.Make(5, seed: 1))));

        Assert.AreEqual(nameof(ValidationOptions.ValidationData), error.ParamName);
        StringAssert.Contains(error.Message, "every one of the 3 classes of label column 'Label'; got none for class index(es) 2");
    }

    [TestMethod]
    public void ValidationDataWithAnotherSchema_IsRejected_NamingTheColumnExpectedAndGot()
    {
        var labeled = Ml.Data.LoadFromEnumerable(Blobs.Make(5, seed: 1));
        var wide = Ml.Data.LoadFromEnumerable(Enumerable.Range(0, 6).Select(i => new WideRow { Label = Blobs.Classes[i % 3], TrueLabel = "", Features = [1, 2, 3] }));
        var noLabel = Ml.Transforms.DropColumns("Label").Fit(labeled).Transform(labeled);
        var noFeatures = Ml.Transforms.DropColumns("Features").Fit(labeled).Transform(labeled);

        var type = Assert.ThrowsExactly<ArgumentException>(() => Fit(new ValidationOptions { ValidationData = wide }, labeled));
        var label = Assert.ThrowsExactly<ArgumentException>(() => Fit(new ValidationOptions { ValidationData = noLabel }, labeled));
        var column = Assert.ThrowsExactly<ArgumentException>(() => Fit(new ValidationOptions { ValidationData = noFeatures }, labeled));

        StringAssert.Contains(type.Message, "Column 'Features' of the validation data was expected to be Vector<Single, 2>, as in the training data; got Vector<Single, 3>.");
        StringAssert.Contains(label.Message, "expected to have label column 'Label'; got columns 'TrueLabel', 'Features'");
        StringAssert.Contains(column.Message, "expected to have column 'Features' (Vector<Single, 2>), as the training data has; got no such column.");
        Assert.IsTrue(new[] { type, label, column }.All(e => e.ParamName == nameof(ValidationOptions.ValidationData)));
    }

    [TestMethod]
    public void BadOptions_AreRejectedAtOnce_NamingTheOption()
    {
        (string Name, ValidationOptions Options)[] cases =
        [
            (nameof(ValidationOptions.HoldOutFraction), new() { HoldOutFraction = 1 }),
            (nameof(ValidationOptions.Folds), new() { Folds = 1 }),
            (nameof(ValidationOptions.Tolerance), new() { Tolerance = -0.1 }),
            (nameof(ValidationOptions.Patience), new() { Patience = 0 }),
            (nameof(ValidationOptions.ConfidenceThresholds), new() { ConfidenceThresholds = [] }),
            (nameof(ValidationOptions.ConfidenceThresholds), new() { ConfidenceThresholds = [0.5, 1] }),
        ];
        foreach (var (name, options) in cases)
        {
            var error = Assert.Throws<ArgumentException>(() => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), null,
                new SelfTrainingOptions { Validation = options }));
            Assert.AreEqual(name, error.ParamName);
        }

        var both = Assert.ThrowsExactly<ArgumentException>(() => new SelfTrainingOptions
        {
            Selection = new MLNet.SelfTraining.PseudoLabeling.PseudoLabelOptions { ClassThresholds = [0.5, 0.5, 0.5] },
            Validation = new ValidationOptions { ConfidenceThresholds = [0.5] },
        }.Validate());
        Assert.AreEqual(nameof(SelfTrainingOptions.Validation), both.ParamName);
    }

    private sealed class WideRow
    {
        public string Label { get; set; } = "";

        public string TrueLabel { get; set; } = "";

        [VectorType(3)]
        public float[] Features { get; set; } = [];
    }
}
