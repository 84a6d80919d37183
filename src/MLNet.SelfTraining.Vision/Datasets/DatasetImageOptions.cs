using MLNet.SelfTraining.Vision.ImageFiles;

namespace MLNet.SelfTraining.Vision.Datasets;

/// <summary>
/// The image options shared by the data set readers (<see cref="VocSegmentationOptions"/>, <see cref="CocoDetectionOptions"/>):
/// the size every image is resized to and the bounds on what is read. Every default is documented on its property.
/// </summary>
/// <remarks>
/// The readers are eager: every image is decoded, resized and checked when the data set is loaded, so a bad file fails
/// the load naming it, and the rows are then read from memory (self-training reads its data many times). The memory
/// taken is about <see cref="MaximumImages"/> × <see cref="Channels"/> × <see cref="Height"/> × <see cref="Width"/> × 4
/// bytes at most (plus <see cref="Height"/> × <see cref="Width"/> bytes per mask).
/// </remarks>
public abstract class DatasetImageOptions
{
    private protected DatasetImageOptions()
    {
    }

    /// <summary>Output channels of the <c>Features</c> column: 1 (grayscale) or 3 (RGB). Default 3.</summary>
    public int Channels { get; set; } = 3;

    /// <summary>Output height: images (and masks, and boxes) are resized to it. Default 64.</summary>
    public int Height { get; set; } = 64;

    /// <summary>Output width: images (and masks, and boxes) are resized to it. Default 64.</summary>
    public int Width { get; set; } = 64;

    /// <summary>
    /// The largest image or mask, in pixels (width × height read from the file header before decoding), that is decoded:
    /// a guard against decompression bombs (as <see cref="ImagePixelsOptions.MaximumPixels"/>). Default 40,000,000.
    /// </summary>
    public long MaximumPixels { get; set; } = 40_000_000;

    /// <summary>The most images (rows) a data set may hold; a larger one is refused naming the file and the count. Default 100,000.</summary>
    public int MaximumImages { get; set; } = 100_000;

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    public virtual void Validate()
    {
        if (MaximumImages < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumImages), MaximumImages, $"{nameof(MaximumImages)} must be at least 1; got {MaximumImages}.");
        }

        PixelsOptions(null).Validate();
    }

    /// <summary>The options of the image reader for files under <paramref name="folder"/>.</summary>
    internal ImagePixelsOptions PixelsOptions(string? folder)
        => new() { ImageFolder = folder, Channels = Channels, Height = Height, Width = Width, MaximumPixels = MaximumPixels };
}
