namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>
/// Lists the image files of a folder laid out as <c>labeled/&lt;class&gt;/**</c> and <c>unlabeled/**</c>, in ordinal
/// order of their relative paths, within the bounds of <see cref="ImageFolderOptions"/>. Hidden and system entries and
/// symbolic links are skipped, so the listing stays inside the folder.
/// </summary>
internal sealed class ImageFolderScan
{
    public const string LabeledFolder = "labeled";
    public const string UnlabeledFolder = "unlabeled";

    private static readonly EnumerationOptions Enumeration = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        MatchType = MatchType.Simple,
    };

    private static readonly EnumerationOptions TopLevel = new() { AttributesToSkip = Enumeration.AttributesToSkip };

    private readonly string _root;
    private readonly ImageFolderOptions _options;
    private readonly HashSet<string> _extensions;
    private int _count;

    public ImageFolderScan(string root, ImageFolderOptions options)
    {
        _root = root;
        _options = options;
        _extensions = options.Extensions.ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The labeled files, each with its class (the name of its folder under <c>labeled</c>).</summary>
    public List<(string Path, string Label)> Labeled()
    {
        var labeled = Path.Combine(_root, LabeledFolder);
        if (!Directory.Exists(labeled))
        {
            throw new DirectoryNotFoundException(
                $"Image folder '{_root}' has no '{LabeledFolder}' folder; expected {LabeledFolder}/<class>/<image> files (and optionally {UnlabeledFolder}/**).");
        }

        var stray = Directory.EnumerateFiles(labeled, "*", TopLevel).Where(IsImage).FirstOrDefault();
        if (stray is not null)
        {
            throw new InvalidDataException($"Image file '{stray}' is directly in '{labeled}'; expected it in a class folder, {LabeledFolder}/<class>/{Path.GetFileName(stray)}.");
        }

        var rows = new List<(string, string)>();
        foreach (var classFolder in Directory.EnumerateDirectories(labeled, "*", TopLevel).Order(StringComparer.Ordinal))
        {
            var label = Path.GetFileName(classFolder);
            rows.AddRange(Files(classFolder).Select(f => (f, label)));
        }

        return rows;
    }

    /// <summary>The files anywhere under <c>unlabeled</c>, if that folder exists.</summary>
    public List<string> Unlabeled()
    {
        var unlabeled = Path.Combine(_root, UnlabeledFolder);
        return Directory.Exists(unlabeled) ? Files(unlabeled) : [];
    }

    private List<string> Files(string folder)
    {
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", Enumeration).Where(IsImage))
        {
            var relative = Path.GetRelativePath(_root, file);
            if (relative.Length > _options.MaximumPathLength)
            {
                throw new InvalidDataException(
                    $"Image file '{file}' has a path of {relative.Length} characters under '{_root}'; expected at most {_options.MaximumPathLength} ({nameof(ImageFolderOptions)}.{nameof(ImageFolderOptions.MaximumPathLength)}).");
            }

            if (++_count > _options.MaximumFiles)
            {
                throw new InvalidDataException(
                    $"Image folder '{_root}' holds more than {_options.MaximumFiles} image files; expected at most {nameof(ImageFolderOptions)}.{nameof(ImageFolderOptions.MaximumFiles)} = {_options.MaximumFiles}.");
            }

            files.Add(relative);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private bool IsImage(string file) => _extensions.Contains(Path.GetExtension(file));
}
