// Shaped like ML.NET Model Builder's generated <Name>.training.cs, with a self-training step.
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MnistSelfTraining;

public partial class MnistCnnModel
{
    /// <summary>
    /// One of the library's recipes for the CNN teacher and student, every round's student kept (for the per-round plot),
    /// with the validation guard off: the CNN's figures (README, docs/results.md (c), (g)) were measured unguarded, and a
    /// hold-out of 20 of the 100 labeled images cannot tell its gain of about one point apart (docs/results.md (l)).
    /// </summary>
    /// <param name="steps">Teacher steps.</param>
    /// <param name="recipe">The recipe.</param>
    /// <param name="network">The input images and network; <see langword="null"/> is 1×28×28 digits.</param>
    public static ImageSelfTrainingRecipe BuildRecipe(int steps, CnnRecipe recipe, NetworkOptions? network = null)
    {
        var selfTraining = recipe == CnnRecipe.FixMatch
            ? ImageSelfTrainingRecipe.FixMatch(teacherSteps: steps, seed: 1, network: network)
            : ImageSelfTrainingRecipe.Paper(steps, seed: 1, network: network);
        selfTraining.SelfTraining.KeepRoundModels = true;
        selfTraining.SelfTraining.Validation = new ValidationOptions { Enabled = false };
        return selfTraining;
    }

    /// <summary>Self-trains the recipe's CNN on the labeled rows and the unlabeled pool.</summary>
    public static SelfTrainingTransformer RetrainModel(MLContext mlContext, IDataView labeled, IDataView unlabeled, ImageSelfTrainingRecipe recipe)
        => mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, unlabeled, recipe).Fit(labeled);

    /// <summary>Saves the final CNN as a classifier archive (manifest + weights) that <see cref="Predict"/> loads back.</summary>
    public static void SaveModel(SelfTrainingTransformer model, string modelSavePath)
        => ((TorchImageClassifierTransformer)model.Model).Save(modelSavePath);
}
