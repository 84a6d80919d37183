using Microsoft.ML;
using MLNet.SelfTraining.Vision.ImageFiles;

namespace MLNet.SelfTraining.Vision;

/// <summary>Entry point of the image-folder reader on ML.NET's data catalog.</summary>
public static class ImageFolderCatalog
{
    /// <summary>
    /// Lists the images of <paramref name="folder"/>, laid out as <c>labeled/&lt;class&gt;/**</c> (the class is the
    /// sub-folder's name) and, optionally, <c>unlabeled/**</c>; see <see cref="ImageFolderData"/>. Files are filtered by
    /// extension, hidden files and symbolic links are skipped, and the listing is bounded by
    /// <see cref="ImageFolderOptions.MaximumFiles"/> and <see cref="ImageFolderOptions.MaximumPathLength"/>.
    /// </summary>
    /// <param name="catalog">The data catalog.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults; checked at once.</param>
    /// <returns>The labeled, unlabeled and all rows, and the class names.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder, or its <c>labeled</c> folder, does not exist.</exception>
    /// <exception cref="InvalidDataException">An image lies directly in <c>labeled</c>, no class folder holds an image, or a bound is exceeded (the message names the file or option).</exception>
    public static ImageFolderData LoadImageFolder(this DataOperationsCatalog catalog, string folder, ImageFolderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        options ??= new ImageFolderOptions();
        options.Validate();
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Image folder '{root}' was expected but does not exist.");
        }

        var scan = new ImageFolderScan(root, options);
        var labeled = scan.Labeled();
        if (labeled.Count == 0)
        {
            throw new InvalidDataException(
                $"Image folder '{root}' has no labeled image; expected {ImageFolderScan.LabeledFolder}/<class>/<image> files with one of the extensions [{string.Join(", ", options.Extensions)}].");
        }

        return new ImageFolderData(catalog, root, options, labeled, scan.Unlabeled());
    }
}
