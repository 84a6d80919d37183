using System.Text.Json;

namespace MLNet.SelfTraining.Vision.Datasets.Coco;

/// <summary>
/// The checked contents of a COCO <c>instances.json</c> file: its images, in file order, each with its boxes (corners,
/// clipped to the image); its categories in id order. Every error names the file, the JSON path and the ids.
/// </summary>
/// <remarks>
/// The file is read whole within <see cref="CocoDetectionOptions.MaximumAnnotationsFileBytes"/> and bound by
/// System.Text.Json (depth at most <see cref="MaximumDepth"/>), then checked: required fields, unique image, category and
/// annotation ids, known image and category ids, and boxes with finite coordinates, a width and height ≥ 0, inside the
/// image within <see cref="Tolerance"/> pixel (then clipped to it: COCO's own boxes overrun by rounding).
/// </remarks>
internal sealed class CocoAnnotationsFile
{
    /// <summary>How far, in pixels, a box may reach outside its image before it is an error.</summary>
    public const double Tolerance = 1;

    /// <summary>The deepest JSON nesting read (COCO's deepest, a polygon list in an annotation, is 5).</summary>
    public const int MaximumDepth = 16;

    /// <summary>The longest file or category name, in characters.</summary>
    public const int MaximumNameLength = 1024;

    private static readonly JsonSerializerOptions s_json = new() { MaxDepth = MaximumDepth };

    private readonly string _path;
    private readonly List<Image> _images = [];
    private readonly List<(long Id, string Name)> _categories = [];

    private CocoAnnotationsFile(string path)
    {
        _path = path;
    }

    /// <summary>The images, in the order of the file's <c>images</c>.</summary>
    public IReadOnlyList<Image> Images => _images;

    /// <summary>The categories in id order; box keys are 1 + the index here.</summary>
    public IReadOnlyList<(long Id, string Name)> Categories => _categories;

    /// <summary>Reads and checks the file at <paramref name="path"/> (a full path).</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is too large, not JSON, or not valid COCO (the message names the field).</exception>
    public static CocoAnnotationsFile Read(string path, CocoDetectionOptions options)
    {
        var bytes = BoundedFile.ReadAllBytes(path, options.MaximumAnnotationsFileBytes, "Annotations file",
            $"{nameof(CocoDetectionOptions)}.{nameof(CocoDetectionOptions.MaximumAnnotationsFileBytes)}");
        CocoJson? json;
        try
        {
            json = JsonSerializer.Deserialize<CocoJson>(bytes, s_json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"Annotations file '{path}' is not valid COCO JSON at line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1} (JSON path {e.Path}): {e.Message}", e);
        }

        var file = new CocoAnnotationsFile(path);
        file.Check(json ?? throw new InvalidDataException($"Annotations file '{path}' holds null; expected a JSON object with images, categories and annotations."), options);
        return file;
    }

    /// <summary>Checks <paramref name="json"/> and fills <see cref="Images"/> and <see cref="Categories"/>.</summary>
    private void Check(CocoJson json, CocoDetectionOptions options)
    {
        var images = Required(json.Images, "images");
        var categories = Required(json.Categories, "categories");
        var annotations = Required(json.Annotations, "annotations");
        Bound(images.Count, options.MaximumImages, "images", nameof(CocoDetectionOptions.MaximumImages));
        Bound(categories.Count, options.MaximumCategories, "categories", nameof(CocoDetectionOptions.MaximumCategories));
        Bound(annotations.Count, options.MaximumAnnotations, "annotations", nameof(CocoDetectionOptions.MaximumAnnotations));

        var imageIndex = new Dictionary<long, int>();
        for (var i = 0; i < images.Count; i++)
        {
            var at = $"images[{i}]";
            var image = Required(images[i], at);
            var id = Required(image.Id, $"{at}.id");
            var fileName = Name(image.FileName, $"{at}.file_name", $"image id {id}");
            var width = Positive(image.Width, $"{at}.width", id);
            var height = Positive(image.Height, $"{at}.height", id);
            if (!imageIndex.TryAdd(id, i))
            {
                throw Error($"{at}.id is {id}, the id of images[{imageIndex[id]}] too; expected unique image ids");
            }

            _images.Add(new Image(id, fileName, width, height, []));
        }

        var categoryEntries = new List<(long Id, string Name, int At)>(categories.Count);
        for (var i = 0; i < categories.Count; i++)
        {
            var at = $"categories[{i}]";
            var category = Required(categories[i], at);
            var id = Required(category.Id, $"{at}.id");
            categoryEntries.Add((id, Name(category.Name, $"{at}.name", $"category id {id}"), i));
        }

        categoryEntries.Sort((a, b) => a.Id.CompareTo(b.Id));
        var keys = new Dictionary<long, uint>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, name, at) in categoryEntries)
        {
            if (!keys.TryAdd(id, (uint)keys.Count + 1))
            {
                throw Error($"categories[{at}].id is {id}, the id of another category too; expected unique category ids");
            }

            if (!names.TryAdd(name, at))
            {
                throw Error($"categories[{at}].name (category id {id}) is '{name}', the name of categories[{names[name]}] too; expected unique category names");
            }
        }

        var annotationIds = new Dictionary<long, int>();
        for (var i = 0; i < annotations.Count; i++)
        {
            var at = $"annotations[{i}]";
            var annotation = Required(annotations[i], at);
            var id = Required(annotation.Id, $"{at}.id");
            if (!annotationIds.TryAdd(id, i))
            {
                throw Error($"{at}.id is {id}, the id of annotations[{annotationIds[id]}] too; expected unique annotation ids");
            }

            var imageId = Required(annotation.ImageId, $"{at}.image_id (annotation id {id})");
            var image = imageIndex.TryGetValue(imageId, out var index)
                ? _images[index]
                : throw Error($"{at}.image_id (annotation id {id}) is {imageId}; expected the id of an entry of images");
            var categoryId = Required(annotation.CategoryId, $"{at}.category_id (annotation id {id})");
            var key = keys.TryGetValue(categoryId, out var k)
                ? k
                : throw Error($"{at}.category_id (annotation id {id}) is {categoryId}; expected the id of an entry of categories");
            var crowd = annotation.IsCrowd ?? 0;
            if (crowd is not (0 or 1))
            {
                throw Error($"{at}.iscrowd (annotation id {id}) is {crowd}; expected 0 or 1");
            }

            var box = Corners(Required(annotation.Bbox, $"{at}.bbox (annotation id {id})"), $"{at}.bbox (annotation id {id}, image id {imageId})", image);
            if (crowd == 0 || options.IncludeCrowd)
            {
                image.Boxes.Add(box with { Key = key });
            }
        }

        _categories.AddRange(categoryEntries.Select(c => (c.Id, c.Name)));
    }

    private Box Corners(double[] bbox, string at, Image image)
    {
        if (bbox.Length != 4 || !bbox.All(double.IsFinite) || bbox[2] < 0 || bbox[3] < 0)
        {
            throw Error($"{at} is [{string.Join(", ", bbox)}]; expected [x, y, width, height], 4 finite numbers with width and height ≥ 0");
        }

        double x0 = bbox[0], y0 = bbox[1], x1 = x0 + bbox[2], y1 = y0 + bbox[3];
        if (x0 < -Tolerance || y0 < -Tolerance || x1 > image.Width + Tolerance || y1 > image.Height + Tolerance)
        {
            throw Error($"{at} is [{string.Join(", ", bbox)}], corners ({x0}, {y0}) to ({x1}, {y1}); expected it inside the image's {image.Width}×{image.Height} pixels (within {Tolerance} pixel)");
        }

        return new Box(0, Math.Clamp(x0, 0, image.Width), Math.Clamp(y0, 0, image.Height), Math.Clamp(x1, 0, image.Width), Math.Clamp(y1, 0, image.Height));
    }

    private T Required<T>(T? value, string at)
        where T : class
        => value ?? throw Error($"{at} is missing or null; it is required");

    private T Required<T>(T? value, string at)
        where T : struct
        => value ?? throw Error($"{at} is missing or null; it is required");

    private int Positive(int? value, string at, long imageId)
        => Required(value, $"{at} (image id {imageId})") is var v and >= 1 ? v : throw Error($"{at} (image id {imageId}) is {value}; expected at least 1");

    private string Name(string? value, string at, string ids)
    {
        var name = Required(value, $"{at} ({ids})");
        return name.Length is >= 1 and <= MaximumNameLength
            ? name
            : throw Error($"{at} ({ids}) has {name.Length} characters; expected 1 to {MaximumNameLength}");
    }

    private void Bound(int count, int maximum, string at, string option)
    {
        if (count > maximum)
        {
            throw Error($"{at} has {count} entries; expected at most {maximum} ({nameof(CocoDetectionOptions)}.{option})");
        }
    }

    private InvalidDataException Error(string message) => new($"Annotations file '{_path}': {message}.");

    /// <summary>One image: its id, file name and declared size, and its boxes in file order.</summary>
    internal sealed record Image(long Id, string FileName, int Width, int Height, List<Box> Boxes);

    /// <summary>One box: its key (1 + the category's index in id order) and corners in the image's pixels.</summary>
    internal sealed record Box(uint Key, double X0, double Y0, double X1, double Y1);
}
