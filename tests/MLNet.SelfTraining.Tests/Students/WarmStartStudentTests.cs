using Microsoft.ML;
using MLNet.SelfTraining.Students;

namespace MLNet.SelfTraining.Tests.Students;

[TestClass]
public sealed class WarmStartStudentTests
{
    [TestMethod]
    public void InitializeStudentFromTeacher_StartsEachRoundsStudentFromThatRoundsTeacher()
    {
        var (model, student) = Fit(new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 2, RescorePseudoLabels = true, KeepRoundModels = true, InitializeStudentFromTeacher = true });
        using var disposeModel = model;

        Assert.HasCount(2, model.Rounds);
        Assert.HasCount(2, student.StartedFrom);
        Assert.AreSame(model.Teacher, student.StartedFrom[0], "round 1 starts from the teacher");
        Assert.AreSame(model.Rounds[0].Student, student.StartedFrom[1], "round 2 starts from round 1's student");
        CollectionAssert.AreEqual(new[] { true, true }, student.ScopeOpenAtFit, "the start is in force while the student is fitted");
        Assert.AreEqual(0, student.OpenScopes, "and released afterwards");
    }

    [TestMethod]
    public void WithoutTheOption_TheStudentIsNeverToldWhereToStart()
    {
        var (model, student) = Fit(new SelfTrainingOptions { Validation = Unguarded.Validation, MaximumIterations = 1 });
        using var disposeModel = model;

        Assert.HasCount(1, model.Rounds);
        Assert.IsEmpty(student.StartedFrom);
        CollectionAssert.AreEqual(new[] { false }, student.ScopeOpenAtFit);
    }

    /// <summary>Self-trains the blobs with a <see cref="RecordingStudent"/> (after the label's key mapping) as the student.</summary>
    private static (SelfTrainingTransformer Model, RecordingStudent Student) Fit(SelfTrainingOptions options)
    {
        var ml = new MLContext(seed: 1);
        var student = new RecordingStudent(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: DefaultColumnNames.Weight));
        options.ExampleWeightColumnName = DefaultColumnNames.Weight;
        options.Student = ml.Transforms.Conversion.MapValueToKey("Label").Append(student);
        var unlabeled = ml.Data.LoadFromEnumerable(Blobs.Make(30, seed: 2, hideLabels: true));
        var model = ml.MulticlassClassification.Trainers.SelfTraining(ml, Blobs.Pipeline(ml), unlabeled, options)
            .Fit(ml.Data.LoadFromEnumerable(Blobs.Make(3, seed: 1)));
        return (model, student);
    }

    /// <summary>A student that trains an ML.NET trainer and records where the self-training estimator told it to start.</summary>
    private sealed class RecordingStudent(IEstimator<ITransformer> trainer) : IEstimator<ITransformer>, IWarmStartStudent
    {
        public List<ITransformer> StartedFrom { get; } = [];

        public List<bool> ScopeOpenAtFit { get; } = [];

        public int OpenScopes { get; private set; }

        public IDisposable StartFrom(ITransformer teacher)
        {
            StartedFrom.Add(teacher);
            OpenScopes++;
            return new Scope(this);
        }

        public ITransformer Fit(IDataView input)
        {
            ScopeOpenAtFit.Add(OpenScopes > 0);
            return trainer.Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) => trainer.GetOutputSchema(inputSchema);

        private sealed class Scope(RecordingStudent owner) : IDisposable
        {
            public void Dispose() => owner.OpenScopes--;
        }
    }
}
