namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>
/// Resolves the paths of the image path column under <see cref="ImagePixelsOptions.ImageFolder"/>, refusing any that
/// leave it (through <c>..</c> or an absolute path elsewhere). Symbolic links inside the folder are followed.
/// </summary>
internal sealed class ImageFolder
{
    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string? _root;

    public ImageFolder(string? folder)
    {
        if (folder is not null)
        {
            var root = Path.GetFullPath(folder);
            _root = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        }
    }

    /// <summary>The full path of <paramref name="path"/>, or <paramref name="path"/> as given when there is no folder.</summary>
    public string Resolve(string path)
    {
        if (_root is null)
        {
            return path;
        }

        var fullPath = Path.GetFullPath(Path.Combine(_root, path));
        if (!fullPath.StartsWith(_root, PathComparison) || fullPath.Length == _root.Length)
        {
            throw new InvalidDataException(
                $"Image path '{path}' resolves to '{fullPath}', outside the image folder '{_root}'; expected a file under {nameof(ImagePixelsOptions)}.{nameof(ImagePixelsOptions.ImageFolder)}.");
        }

        return fullPath;
    }
}
