// Scores images with a TorchSharp classifier archive: the deployment benchmark's counterpart of
// tests/MLNet.SelfTraining.OnnxConsumer (same arguments and files).
//   ArchiveConsumer <model.zip> <images.tsv> <predictions.tsv>
using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using MLNet.SelfTraining.OnnxConsumer;
using MLNet.SelfTraining.Vision.Tasks.Classification;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: ArchiveConsumer <model.zip> <images.tsv> <predictions.tsv>");
    return 1;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var images = ImageFile.Read(args[1]);
var mlContext = new MLContext(seed: 1);
using var model = TorchImageClassifierTransformer.Load(mlContext, args[0]);
var schema = new DataViewSchema.Builder();
schema.AddColumn(model.FeatureColumnName, new VectorDataViewType(NumberDataViewType.Single, images[0].Pixels.Length));
var result = ModelScoring.Run(mlContext, model, schema.ToSchema()[0], images);
PredictionFile.Write(args[2], result);
Console.WriteLine($"Scored {result.Predictions.Count} images: accuracy {result.Accuracy:F4}; the prediction engine agrees on the first.");
return 0;
