using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

[TestClass]
public sealed class WarmStartTests
{
    [TestMethod]
    public void SelfTraining_WithInitializeStudentFromTeacher_StartsTheStudentAtTheTeacher()
    {
        // The student takes one step at a learning rate of 1e-9, so it predicts what it started from: the teacher's
        // weights with the option, random weights without it.
        var (teacher, fromTeacher) = TeacherAndStudentPredictions(initializeFromTeacher: true);
        var (_, fromScratch) = TeacherAndStudentPredictions(initializeFromTeacher: false);

        Assert.IsGreaterThanOrEqualTo(58, teacher.Zip(fromTeacher).Count(p => p.First == p.Second), "student from the teacher agrees with it");
        Assert.IsLessThan(40, teacher.Zip(fromScratch).Count(p => p.First == p.Second), "student from scratch does not");
    }

    [TestMethod]
    public void StartFrom_AModelWithoutAClassifier_NamesWhatWasExpected()
    {
        var mlContext = new MLContext(seed: 1);
        var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options());
        var other = mlContext.Transforms.Conversion.MapValueToKey("Label").Fit(SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(3, seed: 1)));

        var error = Assert.ThrowsExactly<ArgumentException>(() => trainer.StartFrom(other));

        Assert.Contains("TorchImageClassifierTransformer", error.Message);
        Assert.Contains("ValueToKeyMappingTransformer", error.Message);
    }

    [TestMethod]
    public void StartFrom_ADifferentNetwork_NamesBothNetworksAtFit()
    {
        var mlContext = new MLContext(seed: 1);
        var data = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 1));
        using var narrow = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 2)).Fit(data);
        var options = TinyClassifier.Options(steps: 2);
        options.Network.BaseWidth = 16;
        var trainer = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, options);

        using (trainer.StartFrom(narrow))
        {
            var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => trainer.Fit(data));
            Assert.Contains("StartFrom", error.Message);
            Assert.Contains("width 16", error.Message);
            Assert.Contains("width 8", error.Message);
        }

        using var fromScratch = trainer.Fit(data);   // the scope is closed: the trainer starts from scratch again
    }

    private static (uint[] Teacher, uint[] Student) TeacherAndStudentPredictions(bool initializeFromTeacher)
    {
        var mlContext = new MLContext(seed: 1);
        var labeled = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 1));
        var unlabeled = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 3));
        var studentOptions = TinyClassifier.Options(steps: 1, seed: 2);
        studentOptions.Optimization.LearningRate = 1e-9;
        var options = new SelfTrainingOptions
        {
            MaximumIterations = 1,
            KeepRoundModels = true,
            InitializeStudentFromTeacher = initializeFromTeacher,
            Student = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, studentOptions),
        };
        var teacher = mlContext.MulticlassClassification.Trainers.TorchImageClassifier(mlContext, TinyClassifier.Options(steps: 40));

        using var model = mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, teacher, unlabeled, options).Fit(labeled);

        var test = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 2));
        return (SyntheticImages.PredictedKeys(mlContext, model.Teacher.Transform(test)), SyntheticImages.PredictedKeys(mlContext, model.Transform(test)));
    }
}
