using Microsoft.ML;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;
using MLNet.SelfTraining.Vision.Tests.Infrastructure;

namespace MLNet.SelfTraining.Vision.Tests.Tasks.Classification;

/// <summary>The two recipes as one-line self-training estimators.</summary>
[TestClass]
public sealed class ImageSelfTrainingRecipeTests
{
    private static NetworkOptions TinyNetwork() => new() { ImageHeight = SyntheticImages.Side, ImageWidth = SyntheticImages.Side, BaseWidth = 8 };

    private static (SelfTrainingTransformer Model, List<string> Log) Fit(ImageSelfTrainingRecipe recipe)
    {
        var mlContext = new MLContext(seed: 1);
        var log = new List<string>();
        mlContext.Log += (_, e) => log.Add(e.Message);
        var labeled = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(30, seed: 1));
        var unlabeled = SyntheticImages.KeyedView(mlContext, SyntheticImages.Rows(60, seed: 2));
        recipe.SelfTraining.DiagnosticLabelColumnName = "Label";
        return (mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, unlabeled, recipe).Fit(labeled), log);
    }

    [TestMethod]
    public void Paper_TrainsOneNormalizedStudentOnConfidentHardLabels()
    {
        var recipe = ImageSelfTrainingRecipe.Paper(steps: 60, seed: 1, network: TinyNetwork());
        recipe.Teacher.Optimization.LearningRate = 0.01;    // a teacher confident above 0.9 after 60 steps on 30 images
        var (model, log) = Fit(recipe);
        using (model)
        {
            var round = model.Rounds.Single();
            Assert.IsTrue(log.Any(m => m.Contains($"Student mode: 30 human-labeled and {round.PseudoLabeled} pseudo-labeled rows") && m.EndsWith(", 60 steps.")), string.Join("\n", log.Where(m => m.Contains("mode"))));
            Assert.IsTrue(log.Any(m => m.Contains("weights human") && !m.Contains("weights human 1.000")), "the paper's normalization reweights the human and pseudo losses");
            Assert.IsFalse(log.Any(m => m.Contains("Online re-labeling")));
        }
    }

    [TestMethod]
    public void FixMatch_TakesEveryUnlabeledImage_AndTrainsTheStudentEightTimesLongerWithTheMask()
    {
        var (model, log) = Fit(ImageSelfTrainingRecipe.FixMatch(teacherSteps: 10, seed: 1, network: TinyNetwork()));
        using (model)
        {
            Assert.AreEqual(60, model.Rounds.Single().PseudoLabeled);
            Assert.IsTrue(log.Any(m => m.Contains("Student mode: 30 human-labeled and 60 pseudo-labeled rows, batches of 32 + 96, 80 steps.")), string.Join("\n", log.Where(m => m.Contains("mode"))));
            Assert.IsTrue(log.Any(m => m.Contains("Online re-labeling") && m.Contains("left out as unconfident")));
        }
    }

    [TestMethod]
    public void Recipes_CopyTheNetworkIntoBothTrainers()
    {
        var network = TinyNetwork();
        var recipe = ImageSelfTrainingRecipe.Paper(network: network);
        network.ImageHeight = 99;

        Assert.AreEqual(SyntheticImages.Side, recipe.Teacher.Network.ImageHeight);
        Assert.AreNotSame(recipe.Teacher.Network, recipe.Student.Network);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(-5)]
    public void Recipes_RejectStepCountsBelowOne(int steps)
    {
        var paper = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageSelfTrainingRecipe.Paper(steps));
        var fixMatch = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ImageSelfTrainingRecipe.FixMatch(steps));
        Assert.AreEqual("steps", paper.ParamName);
        Assert.AreEqual("teacherSteps", fixMatch.ParamName);
        StringAssert.Contains(paper.Message, $"got {steps}");
    }
}
