// Scores images with a plain ML.NET classifier or segmenter zip, in a process that has no TorchSharp and no MLNet.SelfTraining.
//   MLNet.SelfTraining.OnnxConsumer <model.zip> <images.tsv> <predictions.tsv>            (a classifier)
//   MLNet.SelfTraining.OnnxConsumer segment <model.zip> <images.tsv> <masks.tsv>          (a segmenter)
// images.tsv: one image per line, "<label>\t<pixel> <pixel> …" (invariant culture); a segmenter's label is the true mask,
// "<class> <class> …" (255: no class). predictions.tsv: one line per image, "<predicted key>\t<predicted label>\t<score>
// <score> …", then "accuracy\t<micro-accuracy>" from mlContext.MulticlassClassification.Evaluate. masks.tsv: one line per
// image, "<class> <class> …\t<confidence> <confidence> …", then "pixel_accuracy\t<value>". Exit code 0 on success, 1 on a
// usage error, 2 when a forbidden assembly is present.
using System.Globalization;
using MLNet.SelfTraining.OnnxConsumer;

var segment = args.Length == 4 && args[0] == "segment";
if (args.Length != 3 && !segment)
{
    Console.Error.WriteLine("usage: MLNet.SelfTraining.OnnxConsumer [segment] <model.zip> <images.tsv> <output.tsv>");
    return 1;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (ForbiddenAssemblies.Find() is { } found)
{
    Console.Error.WriteLine($"This consumer must not see TorchSharp or MLNet.SelfTraining, yet found: {found}");
    return 2;
}

var (model, images, output) = segment ? (args[1], args[2], args[3]) : (args[0], args[1], args[2]);
if (segment)
{
    var masks = SegmenterScoring.Run(model, ImageFile.Read(images));
    MaskFile.Write(output, masks);
    Console.WriteLine($"Segmented {masks.Predictions.Count} images: pixel accuracy {masks.PixelAccuracy:F4}; the prediction engine agrees on the first.");
}
else
{
    var result = ZipScoring.Run(model, ImageFile.Read(images));
    PredictionFile.Write(output, result);
    Console.WriteLine($"Scored {result.Predictions.Count} images: accuracy {result.Accuracy:F4}; the prediction engine agrees on the first.");
}

return ForbiddenAssemblies.Find() is { } late ? Fail(late) : 0;

static int Fail(string found)
{
    Console.Error.WriteLine($"Scoring loaded a forbidden assembly: {found}");
    return 2;
}
