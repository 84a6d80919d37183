// Scores images with a plain ML.NET classifier, segmenter or detector zip, in a process that has no TorchSharp and no
// MLNet.SelfTraining.
//   MLNet.SelfTraining.OnnxConsumer <model.zip> <images.tsv> <predictions.tsv>            (a classifier)
//   MLNet.SelfTraining.OnnxConsumer segment <model.zip> <images.tsv> <masks.tsv>          (a segmenter)
//   MLNet.SelfTraining.OnnxConsumer detect <model.zip> <images.tsv> <boxes.tsv>           (a detector)
// images.tsv: one image per line, "<label>\t<pixel> <pixel> …" (invariant culture); a segmenter's label is the true mask,
// "<class> <class> …" (255: no class); a detector's is not read. predictions.tsv: one line per image, "<predicted
// key>\t<predicted label>\t<score> <score> …", then "accuracy\t<micro-accuracy>" from
// mlContext.MulticlassClassification.Evaluate. masks.tsv: one line per image, "<class> <class> …\t<confidence> …", then
// "pixel_accuracy\t<value>". boxes.tsv: one line per image, "<key> …\t<class name> …\t<score> …\t<x0 y0 x1 y1> …".
// Exit code 0 on success, 1 on a usage error, 2 when a forbidden assembly is present.
using System.Globalization;
using MLNet.SelfTraining.OnnxConsumer;

var mode = args.Length == 4 ? args[0] : "classify";
if (!(args.Length == 3 || (args.Length == 4 && mode is "segment" or "detect")))
{
    Console.Error.WriteLine("usage: MLNet.SelfTraining.OnnxConsumer [segment|detect] <model.zip> <images.tsv> <output.tsv>");
    return 1;
}

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (ForbiddenAssemblies.Find() is { } found)
{
    Console.Error.WriteLine($"This consumer must not see TorchSharp or MLNet.SelfTraining, yet found: {found}");
    return 2;
}

var (model, images, output) = (args[^3], ImageFile.Read(args[^2]), args[^1]);
switch (mode)
{
    case "segment":
        var masks = SegmenterScoring.Run(model, images);
        MaskFile.Write(output, masks);
        Console.WriteLine($"Segmented {masks.Predictions.Count} images: pixel accuracy {masks.PixelAccuracy:F4}; the prediction engine agrees on the first.");
        break;
    case "detect":
        var boxes = DetectorScoring.Run(model, images);
        BoxFile.Write(output, boxes);
        Console.WriteLine($"Found {boxes.Sum(image => image.Scores.Length)} boxes in {boxes.Count} images; the prediction engine agrees on the first.");
        break;
    default:
        var result = ZipScoring.Run(model, images);
        PredictionFile.Write(output, result);
        Console.WriteLine($"Scored {result.Predictions.Count} images: accuracy {result.Accuracy:F4}; the prediction engine agrees on the first.");
        break;
}

return ForbiddenAssemblies.Find() is { } late ? Fail(late) : 0;

static int Fail(string found)
{
    Console.Error.WriteLine($"Scoring loaded a forbidden assembly: {found}");
    return 2;
}
