using System.Text;

namespace MLNet.SelfTraining.Vision.Datasets.Voc;

/// <summary>
/// The folders of a PASCAL VOC style data set — <c>JPEGImages/&lt;id&gt;.jpg|jpeg|png</c>,
/// <c>SegmentationClass/&lt;id&gt;.png</c>, optionally <c>ImageSets/Segmentation/&lt;split&gt;.txt</c> — and the ids it lists.
/// </summary>
internal sealed class VocLayout
{
    public const string ImagesFolder = "JPEGImages";
    public const string MasksFolder = "SegmentationClass";

    /// <summary>The largest split file read: 16 MiB.</summary>
    public const long MaximumSplitFileBytes = 16 << 20;

    private static readonly string[] s_imageExtensions = [".jpg", ".jpeg", ".png"];

    private static readonly EnumerationOptions s_masks = new()
    {
        AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        // As the file system resolves <id>.png: a listed mask is then always found (b.PNG is not b.png on Linux).
        MatchCasing = MatchCasing.PlatformDefault,
        MatchType = MatchType.Simple,
    };

    /// <param name="root">The full path of the data set's folder.</param>
    /// <exception cref="DirectoryNotFoundException">The folder, its images folder or its masks folder does not exist.</exception>
    public VocLayout(string root)
    {
        Root = root;
        Images = Path.Combine(root, ImagesFolder);
        Masks = Path.Combine(root, MasksFolder);
        foreach (var folder in new[] { root, Images, Masks })
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException(
                    $"Folder '{folder}' was expected but does not exist; a VOC data set holds {ImagesFolder}/<id>.jpg and {MasksFolder}/<id>.png.");
            }
        }
    }

    public string Root { get; }

    public string Images { get; }

    public string Masks { get; }

    /// <summary>Whether <paramref name="id"/> can name files: not empty, no path separators or invalid characters, not <c>.</c> or <c>..</c>.</summary>
    public static bool IsValidId(string id)
        => id.Length > 0 && id.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && id.IndexOfAny(['/', '\\']) < 0 && id is not ("." or "..");

    /// <summary>The ids of <paramref name="split"/>, or of every mask file when it is <see langword="null"/>; at most <paramref name="maximum"/>.</summary>
    /// <exception cref="InvalidDataException">Too many ids, or a split file line that is not an id (naming the file and line).</exception>
    public List<string> Ids(string? split, int maximum) => split is null ? MaskIds(maximum) : SplitIds(split, maximum);

    /// <summary>The image file of <paramref name="id"/>, relative to <see cref="Images"/>: the first of <c>.jpg</c>, <c>.jpeg</c>, <c>.png</c> that exists.</summary>
    /// <exception cref="FileNotFoundException">None exists; the message names the mask file and the image file expected.</exception>
    public string ImageFile(string id, string maskFile)
        => s_imageExtensions.Select(e => id + e).FirstOrDefault(f => File.Exists(Path.Combine(Images, f)))
            ?? throw new FileNotFoundException(
                $"Image file '{Path.Combine(Images, id + ".jpg")}' (or .jpeg, .png) was expected for mask file '{maskFile}' but does not exist.",
                Path.Combine(Images, id + ".jpg"));

    private List<string> MaskIds(int maximum)
    {
        var ids = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Masks, "*.png", s_masks))
        {
            if (ids.Count == maximum)
            {
                throw new InvalidDataException($"Mask folder '{Masks}' holds more than {maximum} mask files; expected at most MaximumImages = {maximum}.");
            }

            ids.Add(Path.GetFileNameWithoutExtension(file));
        }

        ids.Sort(StringComparer.Ordinal);
        return ids;
    }

    private List<string> SplitIds(string split, int maximum)
    {
        var file = Path.Combine(Root, "ImageSets", "Segmentation", split + ".txt");
        var text = Encoding.UTF8.GetString(BoundedFile.ReadAllBytes(file, MaximumSplitFileBytes, "Split file", "16 MiB"));
        var ids = new List<string>();
        var lines = text.Split('\n');
        for (var line = 0; line < lines.Length; line++)
        {
            var id = lines[line].Trim();
            if (id.Length == 0)
            {
                continue;
            }

            if (!IsValidId(id))
            {
                throw new InvalidDataException($"Split file '{file}' line {line + 1} is '{id}'; expected an image id that names files (no path separators, not '.' or '..').");
            }

            if (ids.Count == maximum)
            {
                throw new InvalidDataException($"Split file '{file}' lists more than {maximum} ids; expected at most MaximumImages = {maximum}.");
            }

            ids.Add(id);
        }

        return ids;
    }
}
