// Scores images with a plain ML.NET classifier zip, in a process that has no TorchSharp and no MLNet.SelfTraining.
//   MLNet.SelfTraining.OnnxConsumer <model.zip> <images.tsv> <predictions.tsv>
// images.tsv: one image per line, "<label>\t<pixel> <pixel> …" (invariant culture). predictions.tsv: one line per image,
// "<predicted key>\t<predicted label>\t<score> <score> …", then "accuracy\t<micro-accuracy>" from
// mlContext.MulticlassClassification.Evaluate. Exit code 0 on success, 2 when a forbidden assembly is present.
using System.Globalization;
using MLNet.SelfTraining.OnnxConsumer;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: MLNet.SelfTraining.OnnxConsumer <model.zip> <images.tsv> <predictions.tsv>");
    return 1;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (ForbiddenAssemblies.Find() is { } found)
{
    Console.Error.WriteLine($"This consumer must not see TorchSharp or MLNet.SelfTraining, yet found: {found}");
    return 2;
}

var result = ZipScoring.Run(args[0], ImageFile.Read(args[1]));
PredictionFile.Write(args[2], result);
Console.WriteLine($"Scored {result.Predictions.Count} images: accuracy {result.Accuracy:F4}; the prediction engine agrees on the first.");
return ForbiddenAssemblies.Find() is { } late ? Fail(late) : 0;

static int Fail(string found)
{
    Console.Error.WriteLine($"Scoring loaded a forbidden assembly: {found}");
    return 2;
}
