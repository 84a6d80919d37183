using Microsoft.ML;
using Microsoft.ML.Data;

namespace MLNet.SelfTraining.Vision.ImageFiles;

/// <summary>
/// The image files of a folder laid out as <c>labeled/&lt;class&gt;/**</c> and <c>unlabeled/**</c>, read by
/// <c>mlContext.Data.LoadImageFolder</c>. Nothing is decoded here: <c>LoadImagePixels</c> with
/// <see cref="ImagePixelsOptions.ImageFolder"/> = <see cref="Folder"/> reads the pixels.
/// </summary>
/// <remarks>
/// Every view has two columns: <see cref="ImageFolderOptions.ImagePathColumnName"/> (Text, the path relative to
/// <see cref="Folder"/>) and <see cref="ImageFolderOptions.LabelColumnName"/> (Text, the class name; empty for unlabeled
/// images, which <c>MapValueToKey(keyData: ClassNameData)</c> maps to a missing key). Rows are in ordinal order of their
/// paths.
/// </remarks>
public sealed class ImageFolderData
{
    internal ImageFolderData(DataOperationsCatalog catalog, string folder, ImageFolderOptions options,
        IReadOnlyList<(string Path, string Label)> labeled, IReadOnlyList<string> unlabeled)
    {
        Folder = folder;
        ClassNames = labeled.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var definition = Definition(options);
        var labeledRows = labeled.Select(r => new Row { ImagePath = r.Path, Label = r.Label }).ToArray();
        var unlabeledRows = unlabeled.Select(p => new Row { ImagePath = p, Label = string.Empty }).ToArray();
        Labeled = catalog.LoadFromEnumerable(labeledRows, definition);
        Unlabeled = catalog.LoadFromEnumerable(unlabeledRows, definition);
        All = catalog.LoadFromEnumerable(labeledRows.Concat(unlabeledRows).ToArray(), definition);
        var classDefinition = SchemaDefinition.Create(typeof(ClassName));
        classDefinition[0].ColumnName = options.LabelColumnName;
        ClassNameData = catalog.LoadFromEnumerable(ClassNames.Select(n => new ClassName { Label = n }).ToArray(), classDefinition);
    }

    /// <summary>The full path of the folder, which the image paths are relative to.</summary>
    public string Folder { get; }

    /// <summary>The class names: the sub-folders of <c>labeled</c> that hold at least one image, in ordinal order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The labeled images (under <c>labeled/&lt;class&gt;</c>).</summary>
    public IDataView Labeled { get; }

    /// <summary>The unlabeled images (anywhere under <c>unlabeled</c>), with an empty label.</summary>
    public IDataView Unlabeled { get; }

    /// <summary>The labeled images, then the unlabeled ones.</summary>
    public IDataView All { get; }

    /// <summary>One row per class name, in the label column: the <c>keyData</c> of <c>MapValueToKey</c>, so keys follow <see cref="ClassNames"/>.</summary>
    public IDataView ClassNameData { get; }

    private static SchemaDefinition Definition(ImageFolderOptions options)
    {
        var definition = SchemaDefinition.Create(typeof(Row));
        definition[nameof(Row.ImagePath)].ColumnName = options.ImagePathColumnName;
        definition[nameof(Row.Label)].ColumnName = options.LabelColumnName;
        return definition;
    }

    /// <summary>One listed file.</summary>
    private sealed class Row
    {
        public string ImagePath { get; set; } = string.Empty;

        public string Label { get; set; } = string.Empty;
    }

    /// <summary>One class name.</summary>
    private sealed class ClassName
    {
        public string Label { get; set; } = string.Empty;
    }
}
