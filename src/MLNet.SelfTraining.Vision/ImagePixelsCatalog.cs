using Microsoft.ML;
using MLNet.SelfTraining.Vision.ImageFiles;

namespace MLNet.SelfTraining.Vision;

/// <summary>Entry point of the image-file reader on ML.NET's transforms catalog.</summary>
public static class ImagePixelsCatalog
{
    /// <summary>Reads image files into C×H×W float pixels in [0, 1] (see <see cref="ImagePixelsEstimator"/>).</summary>
    /// <param name="catalog">The transforms catalog.</param>
    /// <param name="mlContext">The context the catalog belongs to (ML.NET keeps its environment internal), used for logging.</param>
    /// <param name="options">The options; checked at once.</param>
    public static ImagePixelsEstimator LoadImagePixels(this TransformsCatalog catalog, MLContext mlContext, ImagePixelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new ImagePixelsEstimator(mlContext, options);
    }
}
