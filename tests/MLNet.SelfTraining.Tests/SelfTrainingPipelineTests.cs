using Microsoft.ML;
using MLNet.SelfTraining.Schema;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests;

/// <summary>Self-training as an ordinary pipeline stage: after other estimators, with a student found anywhere in its pipeline.</summary>
[TestClass]
public sealed class SelfTrainingPipelineTests
{
    private static readonly MLContext Ml = new(seed: 1);

    private static IDataView LabeledAndUnlabeled()
        => Ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1).Concat(Blobs.Make(60, seed: 2, hideLabels: true)));

    private static IEstimator<ITransformer> Trainer()
        => Ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: DefaultColumnNames.Weight);

    [TestMethod]
    public void SelfTraining_AfterMapValueToKeyAndNormalization_Fits()
    {
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 2, DiagnosticLabelColumnName = "TrueLabel" };
        // Min-max scaled features need a lightly regularized teacher to be confident on 9 labeled rows.
        var trainer = Ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: DefaultColumnNames.Weight, l1Regularization: 0, l2Regularization: 0.01f);
        // Keys from the class list, so the empty label of unlabeled rows maps to the missing key.
        var classes = Ml.Data.LoadFromEnumerable(Blobs.Classes.Select(c => new ClassRow { Label = c }));
        var pipeline = Ml.Transforms.Conversion.MapValueToKey("Label", keyData: classes)
            .Append(Ml.Transforms.NormalizeMinMax("Features"))
            .Append(Ml.MulticlassClassification.Trainers.SelfTraining(Ml, trainer, null, options));

        var model = pipeline.Fit(LabeledAndUnlabeled());

        var selfTraining = (SelfTrainingTransformer)model.LastTransformer;
        Assert.IsNotEmpty(selfTraining.Rounds);
        Assert.IsGreaterThan(0.9, selfTraining.Rounds[0].PseudoLabelAccuracy!.Value);
        var test = Ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 3));
        Assert.IsGreaterThan(0.9, Ml.MulticlassClassification.Evaluate(model.Transform(test)).MicroAccuracy);
    }

    [TestMethod]
    public void GetOutputSchema_DoesNotAskTheTeacherForColumnsTheStageAdds()
    {
        var estimator = Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), null);
        var input = Ml.Transforms.CopyColumns("Copy", "Features").Fit(LabeledAndUnlabeled()).Transform(LabeledAndUnlabeled());
        var shape = Ml.Transforms.CopyColumns("Copy2", "Features").Append(estimator).GetOutputSchema(ShapeColumns.Of(input.Schema));

        Assert.IsTrue(shape.Any(c => c.Name == DefaultColumnNames.PredictedLabel));
        Assert.IsTrue(shape.Any(c => c.Name == DefaultColumnNames.Score));
        Assert.IsFalse(shape.Any(c => c.Name == DefaultColumnNames.Weight));
    }

    [TestMethod]
    public void StudentEndingWithMapKeyToValue_TrainsLikeOneEndingWithItsTrainer()
    {
        var data = LabeledAndUnlabeled();
        var plain = Fit(Blobs.Pipeline(Ml), data);
        var withMapping = Fit(Blobs.Pipeline(Ml).Append(Ml.Transforms.Conversion.MapKeyToValue("PredictedText", DefaultColumnNames.PredictedLabel)), data);

        var test = Ml.Data.LoadFromEnumerable(Blobs.Make(10, seed: 3));
        CollectionAssert.AreEqual(Scores(plain, test), Scores(withMapping, test));
        Assert.HasCount(plain.Rounds.Count, withMapping.Rounds);
        Assert.AreEqual(plain.Rounds[^1].PseudoLabeled, withMapping.Rounds[^1].PseudoLabeled);
    }

    [TestMethod]
    public void Consumer_BeforeMapKeyToValue_IsFoundAndGetsItsColumnsAlphaAndToken()
    {
        using var cancellation = new CancellationTokenSource();
        var consumer = new RecordingConsumer(Blobs.Pipeline(Ml, weightColumn: null));
        var student = consumer.Append(Ml.Transforms.Conversion.MapKeyToValue("PredictedText", DefaultColumnNames.PredictedLabel));
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, PseudoLabelWeight = 0.25, Student = student, CancellationToken = cancellation.Token };

        Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml, weightColumn: null), null, options).Fit(LabeledAndUnlabeled());

        Assert.IsNotNull(consumer.StudentFit);
        Assert.IsNotNull(consumer.StudentFit.Value.Input.GetColumnOrNull(consumer.PseudoLabelFlagColumnName));
        Assert.AreEqual(0.25, consumer.StudentFit.Value.Context.PseudoLabelWeight);
        Assert.AreEqual(cancellation.Token, consumer.StudentFit.Value.Context.CancellationToken);
        Assert.IsNull(StudentContext.Current);
    }

    [TestMethod]
    public void ConsumerThatReadsSoftTargets_GetsTheTeachersProbabilitiesAndOneHotHumanRows()
    {
        var consumer = new RecordingConsumer(Blobs.Pipeline(Ml, weightColumn: null), softLabelColumnName: DefaultColumnNames.SoftLabel);
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1, Student = consumer };

        Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml, weightColumn: null), null, options).Fit(LabeledAndUnlabeled());

        var rows = consumer.StudentRows!;
        Assert.HasCount(9, rows.Where(r => !r.IsPseudoLabel));
        Assert.IsTrue(rows.Where(r => !r.IsPseudoLabel).All(r => r.SoftLabel.Count(p => p == 1f) == 1 && r.SoftLabel.Sum() == 1f));
        var pseudo = rows.Where(r => r.IsPseudoLabel).ToList();
        Assert.IsNotEmpty(pseudo);
        Assert.IsTrue(pseudo.All(r => r.SoftLabel.Length == 3 && Math.Abs(r.SoftLabel.Sum() - 1f) < 1e-4 && r.SoftLabel.Max() > 0.75f && r.SoftLabel.Max() < 1f));
    }

    [TestMethod]
    public void AConsumerStudent_IsLeftUnguardedByAuto_AndGuardedWhenAHoldOutIsChosen()
    {
        SelfTrainingTransformer Fit(ValidationOptions validation) => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml, weightColumn: null), null,
            new SelfTrainingOptions { MaximumIterations = 1, Student = new RecordingConsumer(Blobs.Pipeline(Ml, weightColumn: null)), Validation = validation }).Fit(LabeledAndUnlabeled());

        using var auto = Fit(new ValidationOptions());
        using var holdOut = Fit(new ValidationOptions { Method = ValidationMethod.HoldOut });

        Assert.IsNull(auto.Validation);
        Assert.HasCount(1, auto.Rounds);
        StringAssert.StartsWith(auto.Verdict, "not validated: the student reads pseudo-label columns");
        StringAssert.Contains(auto.Verdict, "set Validation.Method = HoldOut");
        Assert.AreEqual("hold-out of 3 labeled rows", holdOut.Validation!.Source);
    }

    [TestMethod]
    public void TwoConsumersInTheStudent_AreRejected()
    {
        var student = new RecordingConsumer(Blobs.Pipeline(Ml)).Append(new RecordingConsumer(Trainer()));
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, Student = student };

        var error = Assert.ThrowsExactly<ArgumentException>(() => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), null, options).Fit(LabeledAndUnlabeled()));
        StringAssert.Contains(error.Message, "one trainer that reads pseudo-label columns");
    }

    [TestMethod]
    [DataRow(true, DisplayName = "cancelled during the student's fit: stopped within a pass over its rows")]
    [DataRow(false, DisplayName = "cancelled after a student that ignored the token: no model returned")]
    public void Cancellation_OfTheStudent_AlwaysThrows(bool cancelBeforeFit)
    {
        using var cancellation = new CancellationTokenSource();
        var student = new CancellingEstimator(Blobs.Pipeline(Ml), cancellation, cancelBeforeFit);
        var options = new SelfTrainingOptions { Validation = Unguarded.Validation, Student = student, CancellationToken = cancellation.Token };

        Assert.ThrowsExactly<OperationCanceledException>(() => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, Blobs.Pipeline(Ml), null, options).Fit(LabeledAndUnlabeled()));
        Assert.AreEqual(!cancelBeforeFit, student.InnerFinished);
    }

    private static SelfTrainingTransformer Fit(IEstimator<ITransformer> pipeline, IDataView data)
        => Ml.MulticlassClassification.Trainers.SelfTraining(Ml, pipeline, null, new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 2 }).Fit(data);

    private static float[] Scores(ITransformer model, IDataView data)
        => Ml.Data.CreateEnumerable<ScoreRow>(model.Transform(data), reuseRowObject: false).SelectMany(r => r.Score).ToArray();

    private sealed class ClassRow
    {
        public string Label { get; set; } = "";
    }

    private sealed class ScoreRow
    {
        public float[] Score { get; set; } = [];
    }

    private sealed class SoftRow
    {
        public bool IsPseudoLabel { get; set; }

        public float[] SoftLabel { get; set; } = [];
    }

    /// <summary>A consumer that records the input and context of its student fit.</summary>
    private sealed class RecordingConsumer(IEstimator<ITransformer> inner, string? softLabelColumnName = null) : IEstimator<ITransformer>, IPseudoLabelConsumer
    {
        public (DataViewSchema Input, StudentContext Context)? StudentFit { get; private set; }

        public List<SoftRow>? StudentRows { get; private set; }

        public string PseudoLabelFlagColumnName => DefaultColumnNames.IsPseudoLabel;

        public string? SoftLabelColumnName => softLabelColumnName;

        public string? ExampleWeightColumnName => null;

        public ITransformer Fit(IDataView input)
        {
            if (StudentContext.Current is { } context)
            {
                StudentFit = (input.Schema, context);
                StudentRows = softLabelColumnName is null ? null : Ml.Data.CreateEnumerable<SoftRow>(input, reuseRowObject: false).ToList();
            }

            return inner.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema)
        {
            StudentContext.Current?.Register(this);
            return inner.GetOutputSchema(inputSchema);
        }
    }

    /// <summary>Cancels the run's token before (or after) fitting the inner pipeline, as a user pressing Ctrl+C would.</summary>
    private sealed class CancellingEstimator(IEstimator<ITransformer> inner, CancellationTokenSource source, bool cancelBeforeFit) : IEstimator<ITransformer>
    {
        public bool InnerFinished { get; private set; }

        public ITransformer Fit(IDataView input)
        {
            if (StudentContext.Current is null)
            {
                return inner.Fit(input);
            }

            if (cancelBeforeFit)
            {
                source.Cancel();
            }

            var model = inner.Fit(input);
            InnerFinished = true;
            source.Cancel();
            return model;
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
    }
}
