namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>Options of <see cref="ImagePixelsEstimator"/>; every default is documented on its property.</summary>
public sealed class ImagePixelsOptions
{
    /// <summary>The column of image file paths (Text). Default <c>"ImagePath"</c>.</summary>
    public string ImagePathColumnName { get; set; } = "ImagePath";

    /// <summary>The output column: a known-size vector of C×H×W floats in [0, 1]. Default <c>"Features"</c>.</summary>
    public string OutputColumnName { get; set; } = "Features";

    /// <summary>
    /// Folder that paths are resolved against and confined to: a path that leaves it (through <c>..</c> or an absolute
    /// path elsewhere) is an invalid image naming the path. <see langword="null"/> (default) uses paths as given.
    /// </summary>
    public string? ImageFolder { get; set; }

    /// <summary>Output channels: 1 (grayscale) or 3 (RGB). Default 1.</summary>
    public int Channels { get; set; } = 1;

    /// <summary>Output height; images are resized to it. Default 28.</summary>
    public int Height { get; set; } = 28;

    /// <summary>Output width; images are resized to it. Default 28.</summary>
    public int Width { get; set; } = 28;

    /// <summary>
    /// The largest image, in pixels (width × height read from the file header before decoding), that is decoded: a
    /// guard against decompression bombs. Only the first frame of an animated GIF or a multi-page TIFF is decoded, and
    /// no decoder buffer may exceed what an image of this size needs. Default 40,000,000 (e.g. 8000 × 5000).
    /// </summary>
    public long MaximumPixels { get; set; } = 40_000_000;

    /// <summary>
    /// When <see langword="true"/>, an unreadable, corrupt or too large image gives a row of NaN pixels (which the
    /// TorchSharp classifier skips in training and scores as missing) and is reported in
    /// <see cref="ImagePixelsTransformer.SkippedFiles"/> and the log; when <see langword="false"/> (default), it throws
    /// an exception that names the file.
    /// </summary>
    public bool SkipInvalidImages { get; set; }

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ImagePathColumnName, nameof(ImagePathColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputColumnName, nameof(OutputColumnName));
        if (Channels is not (1 or 3))
        {
            throw new ArgumentOutOfRangeException(nameof(Channels), Channels, $"{nameof(Channels)} must be 1 or 3; got {Channels}.");
        }

        if (Height < 1 || Width < 1)
        {
            throw new ArgumentOutOfRangeException(Height < 1 ? nameof(Height) : nameof(Width), Height < 1 ? Height : Width,
                $"{nameof(Height)} and {nameof(Width)} must be at least 1; got {Height}×{Width}.");
        }

        if (MaximumPixels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumPixels), MaximumPixels, $"{nameof(MaximumPixels)} must be at least 1; got {MaximumPixels}.");
        }
    }
}
