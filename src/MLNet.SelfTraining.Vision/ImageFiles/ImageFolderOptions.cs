namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>Options of <c>mlContext.Data.LoadImageFolder</c>; every default is documented on its property.</summary>
public sealed class ImageFolderOptions
{
    /// <summary>The output column of image paths (Text, relative to the folder). Default <c>"ImagePath"</c>.</summary>
    public string ImagePathColumnName { get; set; } = "ImagePath";

    /// <summary>The output column of class names (Text; empty, i.e. missing, for unlabeled images). Default <c>"Label"</c>.</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>
    /// The file extensions listed, compared without regard to case; other files are ignored. Default
    /// <c>.png</c>, <c>.jpg</c>, <c>.jpeg</c>.
    /// </summary>
    public IReadOnlyList<string> Extensions { get; set; } = [".png", ".jpg", ".jpeg"];

    /// <summary>
    /// The most image files listed; a folder with more is refused with an error naming it (a bound on the memory the
    /// listing takes). Default 1,000,000.
    /// </summary>
    public int MaximumFiles { get; set; } = 1_000_000;

    /// <summary>The longest path, in characters, relative to the folder, that is listed; a longer one is refused with an error naming it. Default 1024.</summary>
    public int MaximumPathLength { get; set; } = 1024;

    /// <summary>Checks the options and throws an exception that names the offending one.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ImagePathColumnName, nameof(ImagePathColumnName));
        ArgumentException.ThrowIfNullOrWhiteSpace(LabelColumnName, nameof(LabelColumnName));
        if (ImagePathColumnName == LabelColumnName)
        {
            throw new ArgumentException($"{nameof(ImagePathColumnName)} and {nameof(LabelColumnName)} must differ; both are '{LabelColumnName}'.", nameof(LabelColumnName));
        }

        ArgumentNullException.ThrowIfNull(Extensions, nameof(Extensions));
        if (Extensions.Count == 0 || Extensions.Any(e => e is null || e.Length < 2 || e[0] != '.'))
        {
            throw new ArgumentOutOfRangeException(nameof(Extensions), $"{nameof(Extensions)} must be one or more extensions starting with '.'; got [{string.Join(", ", Extensions)}].");
        }

        if (MaximumFiles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumFiles), MaximumFiles, $"{nameof(MaximumFiles)} must be at least 1; got {MaximumFiles}.");
        }

        if (MaximumPathLength < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaximumPathLength), MaximumPathLength, $"{nameof(MaximumPathLength)} must be at least 1; got {MaximumPathLength}.");
        }
    }
}
