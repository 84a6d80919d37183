// Shaped like ML.NET Model Builder's generated <Name>.evaluate.cs: metrics, a confusion matrix and calibration.
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MnistSelfTraining;

public partial class MnistModel
{
    /// <summary>
    /// Evaluates any multiclass model (the pixels + L-BFGS one or the TorchSharp CNN) on labeled rows with a key "Label":
    /// ML.NET's metrics (their <c>ConfusionMatrix</c> included) plus the rows' probabilities for calibration.
    /// </summary>
    public static ModelEvaluation Evaluate(MLContext mlContext, ITransformer model, IDataView data)
    {
        var scored = model.Transform(data);
        var metrics = mlContext.MulticlassClassification.Evaluate(scored);
        var scores = scored.GetColumn<float[]>("Score").ToArray();
        var labels = scored.GetColumn<uint>("Label").Select(key => (int)key - 1).ToArray();
        return new ModelEvaluation(metrics, scores, labels);
    }
}
