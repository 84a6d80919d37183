using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.PseudoLabeling;

namespace MLNet.SelfTraining.Tests;

[TestClass]
public sealed class SelfTrainingDisposalTests
{
    [TestMethod]
    public void Fit_DisposesEachIntermediateStudent_AndDisposeReleasesTheFinalModelAndTheTeacher()
    {
        var fitted = new List<TrackedTransformer>();

        var model = FitThreeRounds(fitted, keepRoundModels: false);

        Assert.HasCount(4, fitted);    // teacher + 3 students
        CollectionAssert.AreEqual(new[] { false, true, true, false }, fitted.Select(t => t.Disposed).ToArray());
        Assert.AreSame(fitted[0], model.Teacher);
        Assert.AreSame(fitted[3], model.Model);
        Assert.IsTrue(model.Rounds.All(r => r.Student is null));

        model.Dispose();

        Assert.IsTrue(fitted.All(t => t.Disposed));
    }

    [TestMethod]
    public void KeepRoundModels_KeepsEveryStudentUntilTheResultIsDisposed()
    {
        var fitted = new List<TrackedTransformer>();

        var model = FitThreeRounds(fitted, keepRoundModels: true);

        Assert.IsFalse(fitted.Any(t => t.Disposed));
        CollectionAssert.AreEqual(fitted.Skip(1).ToArray(), model.Rounds.Select(r => r.Student).ToArray());
        Assert.AreSame(model.Rounds[^1].Student, model.Model);

        model.Dispose();

        Assert.IsTrue(fitted.All(t => t.Disposed));
    }

    private static SelfTrainingTransformer FitThreeRounds(List<TrackedTransformer> fitted, bool keepRoundModels)
    {
        var ml = new MLContext(seed: 1);
        var estimator = new TrackingEstimator(Blobs.Pipeline(ml, weightColumn: null), fitted);
        var options = new SelfTrainingOptions
        {
            Validation = Unguarded.Validation,
            MaximumIterations = 3,
            Selection = new PseudoLabelOptions { ConfidenceThreshold = 0, MaximumSelected = 10 },
            KeepRoundModels = keepRoundModels,
        };
        var labeled = ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1));
        var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(100, seed: 2));
        return ml.MulticlassClassification.Trainers.SelfTraining(ml, estimator, unlabeled, options).Fit(labeled);
    }

    /// <summary>Fits the wrapped ML.NET estimator and wraps each model in a <see cref="TrackedTransformer"/>.</summary>
    private sealed class TrackingEstimator(IEstimator<ITransformer> inner, List<TrackedTransformer> fitted) : IEstimator<ITransformer>
    {
        public ITransformer Fit(IDataView input)
        {
            var model = new TrackedTransformer(inner.Fit(input));
            fitted.Add(model);
            return model;
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => inner.GetOutputSchema(inputSchema);
    }

    /// <summary>A real ML.NET model that records whether it was disposed.</summary>
    private sealed class TrackedTransformer(ITransformer inner) : ITransformer, IDisposable
    {
        public bool Disposed { get; private set; }

        public bool IsRowToRowMapper => inner.IsRowToRowMapper;

        public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => inner.GetOutputSchema(inputSchema);

        public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => inner.GetRowToRowMapper(inputSchema);

        public IDataView Transform(IDataView input)
        {
            Assert.IsFalse(Disposed, "a disposed model was used");
            return inner.Transform(input);
        }

        public void Save(ModelSaveContext ctx) => inner.Save(ctx);

        public void Dispose() => Disposed = true;
    }
}
