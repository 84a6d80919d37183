// Shaped like ML.NET Model Builder's generated <Name>.training.cs, with a self-training step.
using Microsoft.ML;
using MLNet.SelfTraining;
using MLNet.SelfTraining.Vision;
using MLNet.SelfTraining.Vision.Models;
using MLNet.SelfTraining.Vision.Tasks.Classification;

namespace MnistSelfTraining;

public partial class MnistCnnModel
{
    /// <summary>One of the library's recipes for the CNN teacher and student, every round's student kept (for the per-round plot).</summary>
    /// <param name="steps">Teacher steps.</param>
    /// <param name="recipe">The recipe.</param>
    /// <param name="network">The input images and network; <see langword="null"/> is 1×28×28 digits.</param>
    public static ImageSelfTrainingRecipe BuildRecipe(int steps, CnnRecipe recipe, NetworkOptions? network = null)
    {
        var selfTraining = recipe == CnnRecipe.FixMatch
            ? ImageSelfTrainingRecipe.FixMatch(teacherSteps: steps, seed: 1, network: network)
            : ImageSelfTrainingRecipe.Paper(steps, seed: 1, network: network);
        selfTraining.SelfTraining.KeepRoundModels = true;
        return selfTraining;
    }

    /// <summary>Self-trains the recipe's CNN on the labeled rows and the unlabeled pool.</summary>
    public static SelfTrainingTransformer RetrainModel(MLContext mlContext, IDataView labeled, IDataView unlabeled, ImageSelfTrainingRecipe recipe)
        => mlContext.MulticlassClassification.Trainers.SelfTraining(mlContext, unlabeled, recipe).Fit(labeled);

    /// <summary>Saves the final CNN as a classifier archive (manifest + weights) that <see cref="Predict"/> loads back.</summary>
    public static void SaveModel(SelfTrainingTransformer model, string modelSavePath)
        => ((TorchImageClassifierTransformer)model.Model).Save(modelSavePath);
}
